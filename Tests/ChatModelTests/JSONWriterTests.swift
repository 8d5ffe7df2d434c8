import ChatModel
import XCTest

final class JSONWriterTests: XCTestCase {
    func testRoundTripsThroughTheParser() throws {
        let value: JSONValue = ["id": "m1", "n": .number("1.50"), "list": [1, "two", nil, false], "nested": ["k": "v"]]
        let text = JSONWriter().string(value)
        XCTAssertEqual(text, #"{"id":"m1","n":1.50,"list":[1,"two",null,false],"nested":{"k":"v"}}"#)
        XCTAssertEqual(try JSONParser.parse(text), value)
        XCTAssertEqual(try JSONParser.parse(JSONWriter(pretty: true).string(value)), value)
    }

    /// JSON printed to a terminal must not carry live control sequences or bidi overrides.
    func testEscapesControlsC1AndBidiOverrides() throws {
        let hostile = "a\u{1B}[2Jb\u{07}c\u{9B}31md\u{202E}e\u{2067}f\u{7F}"
        let text = JSONWriter().string(.string(hostile))
        XCTAssertEqual(text, #""a\u001b[2Jb\u0007c\u009b31md\u202ee\u2067f\u007f""#)
        XCTAssertTrue(text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F })
        XCTAssertEqual(try JSONParser.parse(text), .string(hostile))
        // Other characters that share those lead bytes pass through untouched.
        XCTAssertEqual(JSONWriter().string("é…—©"), "\"é…—©\"")
    }

    /// A string with nothing to escape is copied whole; one escape anywhere in it, in a short
    /// string or a long one, still gets written escaped.
    func testCopiesPlainStringsWholeAndEscapesTheRest() throws {
        for plain in ["", "a", "plain ascii text longer than fifteen bytes", "ünïcödé 🚀 and … — ©", "日本語のテキスト"] {
            XCTAssertEqual(JSONWriter().bytes(.string(plain)), Array("\"\(plain)\"".utf8), plain)
        }
        let long = String(repeating: "x", count: 40)
        XCTAssertEqual(JSONWriter().string(.string(long + "\"")), "\"\(long)\\\"\"")
        XCTAssertEqual(JSONWriter().string(.string("\u{202E}" + long)), "\"\\u202e\(long)\"")
        XCTAssertEqual(JSONWriter().string(.string("ü\u{85}")), "\"ü\\u0085\"")
        XCTAssertEqual(JSONWriter().string(.string(long + "\n")), "\"\(long)\\n\"")
    }

    /// The plain-string test reads eight bytes at a time: an escape at any place in a word, or
    /// in the bytes after the last whole word, is still found, and a long string of every other
    /// printable ASCII byte is copied as it is.
    func testFindsAnEscapeAtAnyPlaceInALongString() {
        let escapes = [
            "\"": #"\""#, "\\": #"\\"#, "\n": #"\n"#, "\u{1F}": #"\u001f"#, "\u{7F}": #"\u007f"#, "\u{85}": #"\u0085"#,
            "\u{2066}": #"\u2066"#,
        ]
        for (character, escaped) in escapes {
            for before in 0..<19 {
                let head = String(repeating: "a", count: before)
                let tail = String(repeating: "b", count: 19 - before)
                XCTAssertEqual(JSONWriter().string(.string(head + character + tail)), "\"\(head)\(escaped)\(tail)\"", "\(before)")
            }
        }
        let printable = String(decoding: (UInt8(0x20)...0x7E).filter { $0 != 0x22 && $0 != 0x5C }, as: UTF8.self)
        XCTAssertEqual(JSONWriter().string(.string(printable)), "\"\(printable)\"")
        XCTAssertEqual(JSONWriter().string(.string("é" + printable + "…")), "\"é\(printable)…\"")
    }

    func testEncodedSizeMatchesTheEncoding() {
        let values: [JSONValue] = [
            ["a": "é", "b": [1, nil, true, false, .number("-1.5e3")], "c": [:], "d": []],
            .string("q\"\\\n\r\t\u{1}\u{7F}\u{9B}\u{85}é€\u{202E}\u{2069}\u{2028}🚀"),
            [["k": ["deep": "x"]]],
        ]
        for value in values {
            XCTAssertEqual(JSONWriter.encodedSize(value), JSONWriter().bytes(value).count, JSONWriter().string(value))
        }
    }

    /// An answer written into its own bytes (`withBytes`) is the same as one written into an
    /// array, whether it fits the room reserved or grows past it, a byte or a whole string at a time.
    func testWithBytesWritesWhatBytesWritesAsItGrows() {
        let long = String(repeating: "ü€x", count: 200)
        let value: JSONValue = [
            "long": .string(long), "list": .array((0..<100).map { .string("item \($0)\u{7}") }), "n": .number("1.5"),
            "flags": [true, false, nil], "empty": [:],
        ]
        let expected = JSONWriter().bytes(value)
        XCTAssertGreaterThan(expected.count, 2_000)
        for capacity in [0, 1, 63, 64, 65, 1_000, 100_000] {
            XCTAssertEqual(JSONWriter().withBytes(value, capacity: capacity) { Array($0) }, expected, "\(capacity)")
        }
    }
}
