import ChatModel
import XCTest

final class JSONParserTests: XCTestCase {
    func testParsesEveryKindOfValueAndKeepsKeyOrder() throws {
        let value = try JSONParser.parse(#" {"z":1,"a":[true,false,null],"s":"x\"y\\z\n\u00e9\ud83d\ude80","o":{}} "#)
        let object = try XCTUnwrap(value.objectValue)
        XCTAssertEqual(object.keys, ["z", "a", "s", "o"])
        XCTAssertEqual(object["a"], [true, false, nil])
        XCTAssertEqual(object["s"], .string("x\"y\\z\né🚀"))
        XCTAssertEqual(object["o"], .object(JSONObject()))
    }

    func testNumbersKeepTheirLiteralText() throws {
        let value = try JSONParser.parse(#"[12345678901234567890123, 1.10, -0.5e-3, 0]"#)
        XCTAssertEqual(value, .array([.number("12345678901234567890123"), .number("1.10"), .number("-0.5e-3"), .number("0")]))
        XCTAssertEqual(JSONWriter().string(value), "[12345678901234567890123,1.10,-0.5e-3,0]")
    }

    func testRepeatedKeyKeepsTheLastValueLikeGo() throws {
        let object = try XCTUnwrap(JSONParser.parse(#"{"id":"a","name":"x","id":"b"}"#).objectValue)
        XCTAssertEqual(object.count, 2)
        XCTAssertEqual(object["id"], "b")
    }

    func testARepeatedKeyAmongManyIsFoundWhereverItFalls() throws {
        // A repeat's hash bit is always taken, so it is looked for: from 64 keys on in a set,
        // below that by scanning the keys so far.
        for size in [2, 15, 63, 64, 65, 300] {
            let keys = (0..<size).map { "k\(1000 + $0)x" }
            for repeated in [0, size / 2, size - 1] {
                let members = keys.map { #""\#($0)":"\#($0)""# } + [#""\#(keys[repeated])":"again""#, #""tail":1"#]
                let object = try XCTUnwrap(JSONParser.parse("{" + members.joined(separator: ",") + "}").objectValue)
                XCTAssertEqual(object.keys, keys + ["tail"], "the repeat of \(keys[repeated]) of \(size) keeps its first place")
                XCTAssertEqual(object[keys[repeated]], "again", "the last value wins")
                XCTAssertEqual(object["tail"], 1)
            }
        }
        let keys = (0..<300).map { "k\(1000 + $0)x" }
        let distinct = try XCTUnwrap(JSONParser.parse("{" + keys.map { #""\#($0)":0"# }.joined(separator: ",") + "}").objectValue)
        XCTAssertEqual(distinct.keys, keys)
        // The same key written with an escape is the same key.
        for text in [#"{"ab":1,"\u0061b":2}"#, #"{"\u0061b":1,"x":0,"ab":2}"#, #"{"é":1,"x":0,"\u00e9":2}"#] {
            let escaped = try XCTUnwrap(JSONParser.parse(text).objectValue)
            XCTAssertEqual(escaped.keys.count, escaped.keys.contains("x") ? 2 : 1, text)
            XCTAssertEqual(escaped.members.first?.value, 2, "\(text): the last value wins")
        }
    }

    func testLoneSurrogatesBecomeReplacementCharacter() throws {
        XCTAssertEqual(try JSONParser.parse(#""\ud800x""#), .string("\u{FFFD}x"))
        XCTAssertEqual(try JSONParser.parse(#""\udc00""#), .string("\u{FFFD}"))
    }

    /// Stream's importer reports Go's encoding/json messages; ours must read the same.
    func testErrorsUseGoWording() {
        let cases: [(String, String)] = [
            (#"{"a":1,}"#, "invalid character '}' looking for beginning of object key string"),
            (#"{"type":,"#, "invalid character ',' looking for beginning of value"),
            (#"{"a" 1}"#, "invalid character '1' after object key"),
            (#"{"a":1 "b":2}"#, "invalid character '\"' after object key:value pair"),
            ("[1 2]", "invalid character '2' after array element"),
            ("{\"a\":\"x\ny\"}", "invalid character '\\n' in string literal"),
            (#"{"a":"\q"}"#, "invalid character 'q' in string escape code"),
            (#"{"a":"\u12g4"}"#, "invalid character 'g' in \\u hexadecimal character escape"),
            ("{\"a\":tru}", "invalid character '}' in literal true (expecting 'e')"),
            ("{\"a\":-}", "invalid character '}' in numeric literal"),
            ("{\"a\":1.}", "invalid character '}' after decimal point in numeric literal"),
            ("{\"a\":1e}", "invalid character '}' in exponent of numeric literal"),
            ("{} {}", "invalid character '{' after top-level value"),
            ("{\"a\":[1,2", "unexpected end of JSON input"),
            ("", "unexpected end of JSON input"),
            ("\u{1}", "invalid character '\\x01' looking for beginning of value"),
            ("'a'", "invalid character '\\'' looking for beginning of value"),
            ("é", "invalid character 'é' looking for beginning of value"),
        ]
        for (input, expected) in cases {
            XCTAssertThrowsError(try JSONParser.parse(input), input) { error in
                XCTAssertEqual((error as? JSONParseError)?.message, expected, "input: \(input)")
            }
        }
    }

    func testDeepNestingIsRefusedNotOverflowed() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        XCTAssertThrowsError(try JSONParser.parse(deep)) { error in
            XCTAssertEqual((error as? JSONParseError)?.message, "exceeded max depth")
        }
        let ok = String(repeating: "[", count: JSONParser.maxDepth) + String(repeating: "]", count: JSONParser.maxDepth)
        XCTAssertNoThrow(try JSONParser.parse(ok))
    }
}
