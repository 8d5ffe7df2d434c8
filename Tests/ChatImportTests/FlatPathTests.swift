import ChatModel
import ChatTestSupport
import Foundation
import XCTest

@testable import ChatImport

/// The flat path (fields read straight from a line's bytes) against the tree path (the line
/// parsed by `JSONParser`): for every line, the same item, the same errors, the same `data`.
/// Generated lines, the fuzz corpus, and each generated line broken in many ways.
final class FlatPathTests: ValidationTestCase {
    private var scratch: [FlatObject.Member] = []

    func testGeneratedLinesReadTheSameAndMostTakeTheFlatPath() throws {
        let lines = try generatedLines()
        var flat: [ItemType: Int] = [:]
        var total: [ItemType: Int] = [:]
        for (index, line) in lines.enumerated() {
            let record = try assertPathsAgree(Array(line.utf8), line: index + 1)
            XCTAssertEqual(record.errors, [], line)
            guard let type = record.type else { continue }
            total[type, default: 0] += 1
            if record.dataBytes != nil { flat[type, default: 0] += 1 }
        }
        // Everything but messages with attachments and polls (nested objects) is flat.
        for type in [ItemType.user, .device, .futureChannelBan, .channel, .member, .reaction, .pollVote] {
            XCTAssertEqual(flat[type], total[type], "\(type) lines all take the flat path")
        }
        XCTAssertGreaterThan(Double(flat[.message] ?? 0), 0.9 * Double(total[.message] ?? 0))
        XCTAssertGreaterThan(total[.pollVote] ?? 0, 0)
    }

    func testFuzzCorpusLinesReadTheSame() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fuzz/corpus/import")
        var count = 0
        for file in try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil) {
            for line in try Data(contentsOf: file).split(separator: 0x0A) where !line.isEmpty {
                try assertPathsAgree(Array(line), line: 1)
                count += 1
            }
        }
        XCTAssertGreaterThan(count, 50)
    }

    /// Each generated line with one byte replaced, inserted or cut at every position, and with
    /// whole-member edits (a repeated key, null, a number, an escape, a non-ASCII key, custom data).
    func testBrokenLinesReadTheSame() throws {
        let samples = try generatedLines().enumerated().filter { $0.offset % 53 == 0 }.map(\.element)
        let bytes: [UInt8] = Array(#"" \{}[],:0n-tfx"#.utf8) + [0x00, 0x09, 0x0A, 0x1F, 0x80, 0xC3, 0xFF]
        var flatErrors = 0
        for sample in samples {
            let original = Array(sample.utf8)
            for position in stride(from: 0, to: original.count, by: 4) {
                for byte in bytes {
                    var replaced = original
                    replaced[position] = byte
                    try assertPathsAgree(replaced, line: position)
                    var inserted = original
                    inserted.insert(byte, at: position)
                    try assertPathsAgree(inserted, line: position)
                }
                try assertPathsAgree(Array(original[..<position]), line: position)
            }
            let body = String(sample.dropLast(2))  // without the closing `}}`
            for extra in [
                #","id":"again""#, #","user":null"#, #","text":null"#, #","score":12"#, #","text":"a\"b""#, #","tëxt":"x""#,
                #","emoji":"\u00e9""#, #","mentioned_users_ids":[]"#, #","mentioned_users_ids":["nobody",1]"#,
                #","mentioned_users_ids":[ "a" , "b" ]"#, #","created_at":"yesterday""#, #","type":"weird""#,
                #","pinned_at":"2020-01-01T00:00:00Z""#, #","nested":{"a":"b"}"#, #","flag":true"#, #","flag":false"#,
                #","app_pk":"x""#, #","parent_id":"""#, #" , "spaced" : "value" "#, #","mentioned_here":true"#,
                #","mentioned_channel":"no""#, #","mentioned_roles":["admin",2]"#, #","restricted_visibility":["user-1"]"#,
                #","restricted_visibility":[]"#,
            ] {
                let record = try assertPathsAgree(Array((body + extra + "}}").utf8), line: 1)
                if !record.errors.isEmpty { flatErrors += 1 }
            }
            try assertPathsAgree(Array(#"{"data":"#.utf8) + Array(sample.utf8.dropFirst(8)), line: 1)
            try assertPathsAgree(Array((#"{"type":"user","data":{"id":"a","#.utf8)) + Array(sample.utf8.dropFirst(1)), line: 1)
        }
        XCTAssertGreaterThan(flatErrors, samples.count, "the edits break rules, and both paths say so alike")
    }

    /// The scanner reads strings eight bytes at a time: a quote, a backslash or a control
    /// character at every offset of those words, in texts of every length up to three words.
    func testStringEndsAndEscapesAtEveryOffsetReadTheSame() throws {
        let head = #"{"type":"message","data":{"id":"m1","channel_type":"messaging","channel_id":"general","user":"alice","text":""#
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        for length in 0..<24 {
            let text = String((0..<length).map { letters[$0 % letters.count] })
            try assertPathsAgree(Array((head + text + #""}}"#).utf8), line: 1)
            for position in 0...length {
                for insert in [#"\""#, #"\\"#, #"\n"#, "\u{1F}", "\u{09}", "\u{7F}", "é", "\""] {
                    var broken = text
                    broken.insert(contentsOf: insert, at: broken.index(broken.startIndex, offsetBy: position))
                    try assertPathsAgree(Array((head + broken + #""}}"#).utf8), line: 1)
                }
            }
        }
    }

    /// An item read by the flat path that then breaks a rule found later (a duplicate, a
    /// parent that never comes) is reported with its `data` as written, on its line.
    /// The flat path does not look for NUL in strings (`FlatObject.stringsMayHoldNUL`): a NUL
    /// comes only escaped, which sends the line to the tree path, or raw, which is no JSON.
    func testANulInAStringTakesTheTreePathAndIsRefused() throws {
        let prefix = #"{"type":"message","data":{"id":"m2","channel_type":"messaging","channel_id":"general","user":"bob","text":"a"#
        let escaped = Array((prefix + #"\u0000b"}}"#).utf8)
        let raw = Array(prefix.utf8) + [0] + Array(#"b"}}"#.utf8)
        for line in [escaped, raw] { XCTAssertNil(try assertPathsAgree(line, line: 1).dataBytes) }
        XCTAssertEqual(
            try assertPathsAgree(escaped, line: 1).errors,
            [#"Validation error: "text" contains a NUL character (U+0000), which would cut it short"#]
        )
        let rawErrors = try assertPathsAgree(raw, line: 1).errors
        XCTAssertEqual(rawErrors.count, 1)
        XCTAssertEqual(rawErrors.first?.hasPrefix("Parse error: "), true, "\(rawErrors)")
    }

    /// `FlatObject` rules a key out by a bit of its length, first and last bytes: custom keys
    /// that share the bit of an absent standard key ("abk" of parent_id, "cax" of type, "dan"
    /// of deleted_at) must not be taken for it, and standard keys sharing a custom key's bit
    /// ("aaa" of text, "aal" of user) must still be found.
    func testKeysSharingAFilterBitAreToldApart() throws {
        let line =
            #"{"type":"message","data":{"abk":"p","cax":"deleted","dan":"2020-01-01T00:00:00Z","id":"m1","channel_type":"messaging","channel_id":"general","aaa":"1","aal":null,"user":"alice","text":"hi"}}"#
        let record = try assertPathsAgree(Array(line.utf8), line: 1)
        XCTAssertNotNil(record.dataBytes, "the line takes the flat path")
        guard case .message(let message) = record.item else { return XCTFail("\(String(describing: record.item))") }
        XCTAssertNil(message.parentID)
        XCTAssertEqual(message.type, .regular)
        XCTAssertNil(message.deletedAt)
        XCTAssertEqual(message.userID, "alice")
        XCTAssertEqual(message.text, "hi")
        XCTAssertEqual(message.custom, ["abk": "p", "cax": "deleted", "dan": "2020-01-01T00:00:00Z", "aaa": "1", "aal": nil])
    }

    func testReferenceErrorsOnFlatItemsShowTheItemAsWritten() throws {
        let message = #"{"type":"message","data":{"id":"m1","channel_type":"messaging","channel_id":"general","user":"alice","text":"hi"}}"#
        let reply =
            #"{"type":"message","data":{"id":"m2","channel_type":"messaging","channel_id":"general","user":"bob","text":"yo","parent_id":"gone"}}"#
        let result = try analyze(base(message, message, reply))
        let duplicate = try XCTUnwrap(result.errors.first { $0.error.contains("duplicated item \"m1\"") })
        XCTAssertEqual(
            duplicate.item,
            ["id": "m1", "channel_type": "messaging", "channel_id": "general", "user": "alice", "text": "hi"]
        )
        XCTAssertEqual(duplicate.itemType, "message")
        let missing = try XCTUnwrap(result.errors.first { $0.error.contains("parent_id message \"gone\" doesn't exist") })
        XCTAssertEqual(missing.item.objectValue?["parent_id"], "gone")
        XCTAssertEqual(missing.line, base(message, message, reply).firstIndex(of: reply).map { $0 + 1 })
    }

    // MARK: Helpers

    private func generatedLines() throws -> [String] {
        let path = directory.file("gen.jsonl")
        try SyntheticImport.write(SyntheticImport.Spec(users: 30, channels: 10, messages: 600, seed: 5), to: path)
        return try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    /// Reads `bytes` both ways and asserts they agree; returns the flat-first reading.
    @discardableResult
    private func assertPathsAgree(
        _ bytes: [UInt8],
        line: Int,
        file: StaticString = #filePath,
        at: UInt = #line
    ) throws
        -> DecodedRecord
    {
        let types = ImportChannelTypes()
        let (flat, tree) = bytes.withUnsafeBufferPointer { buffer in
            (
                DecodedRecord.decode(buffer, line: line, types: types, scratch: &scratch),
                DecodedRecord.decode(buffer, line: line, types: types)
            )
        }
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertEqual(flat.type, tree.type, text, file: file, line: at)
        XCTAssertEqual(flat.typeName, tree.typeName, text, file: file, line: at)
        XCTAssertEqual(flat.item, tree.item, text, file: file, line: at)
        XCTAssertEqual(flat.errors, tree.errors, text, file: file, line: at)
        XCTAssertEqual(flat.isBinary, tree.isBinary, text, file: file, line: at)
        if let range = flat.dataBytes {
            let data = try bytes.withUnsafeBufferPointer { try JSONParser.parse(UnsafeBufferPointer(rebasing: $0[range])) }
            XCTAssertEqual(data, tree.data, text, file: file, line: at)
        } else {
            XCTAssertEqual(flat.data, tree.data, text, file: file, line: at)
        }
        return flat
    }
}
