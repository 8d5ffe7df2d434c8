import ChatImport
import ChatModel
import ChatTestSupport
import Foundation
import XCTest

/// Writes Chatkit exports from record lines, converts them, checks the output with the
/// validator, and gives the items back for assertions.
class ChatkitTestCase: XCTestCase {
    let directory = TemporaryDirectory()
    private var exports = 0

    /// An export directory; each record is one JSON object text (written one a line).
    func export(
        users: [String] = [#"{"id":"alice","name":"Alice"}"#, #"{"id":"bob","name":"Bob"}"#],
        rooms: [String] = [#"{"id":"general","name":"General","created_by_id":"alice","private":false,"member_ids":["alice","bob"]}"#],
        messages: [String] = [],
        extra: [String: [String]] = [:]
    ) -> String {
        exports += 1
        var files = ["users.ndjson": users, "rooms.ndjson": rooms, "messages.ndjson": messages]
        for (name, lines) in extra { files[name + ".ndjson"] = lines }
        return ChatkitSamples.writeExport(files.mapValues { $0.joined(separator: "\n") + "\n" }, in: directory, name: "export\(exports)")
    }

    struct Converted {
        var report: ChatkitConversionReport
        var items: [(type: String, data: JSONObject)]
        var lines: [String]

        func all(_ type: String) -> [JSONObject] { items.filter { $0.type == type }.map(\.data) }
        func one(_ type: String, _ key: String, _ value: String) -> JSONObject? {
            all(type).first { $0[key]?.stringValue == value }
        }
        func user(_ id: String) -> JSONObject? { one("user", "id", id) }
        func channel(_ id: String) -> JSONObject? { one("channel", "id", id) }
        func message(_ id: String) -> JSONObject? { one("message", "id", id) }
        func member(_ channel: String, _ user: String) -> JSONObject? {
            all("member").first { $0["channel_id"]?.stringValue == channel && $0["user_id"]?.stringValue == user }
        }
        /// The report's changes about one record.
        func changes(_ chatkitID: String) -> [ChatkitConversionReport.Change] { report.changes.filter { $0.chatkitId == chatkitID } }
    }

    /// Converts `export` to a file, requires the output to pass the validator, and reads it back.
    func convert(
        _ export: String,
        options: ChatkitConverter.Options = .init(),
        file: StaticString = #filePath,
        line: UInt = #line
    ) throws -> Converted {
        let output = directory.file("out\(exports).jsonl")
        let report = try ChatkitConverter.convert(export: URL(fileURLWithPath: export), to: URL(fileURLWithPath: output), options: options)
        let result = try ImportAnalyzer().run(path: output)
        XCTAssertEqual(result.errors.map(\.error), [], "the converted file must pass chatterm validate", file: file, line: line)
        let text = try String(contentsOfFile: output, encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        let items = try lines.map { line -> (String, JSONObject) in
            let o = try JSONParser.parse(line).objectValue!
            return (o["type"]!.stringValue!, o["data"]!.objectValue!)
        }
        return Converted(report: report, items: items.map { (type: $0.0, data: $0.1) }, lines: lines)
    }

    /// A message record in the export's shape with one text part.
    func textMessage(
        _ id: Int,
        room: String = "general",
        sender: String = "alice",
        at time: String = "2020-03-25T12:00:00Z",
        _ text: String = "hi",
        extra: String = ""
    ) -> String {
        #"{"id":\#(id),"sender_id":"\#(sender)","room_id":"\#(room)","created_at":"\#(time)","updated_at":"\#(time)"\#(extra),"parts":[{"part_type":"inline","payload":{"type":"text/plain","content":"\#(text)"}}]}"#
    }

    /// A message record with the given parts (JSON texts).
    func partsMessage(_ id: Int, _ parts: [String], room: String = "general") -> String {
        #"{"id":\#(id),"sender_id":"alice","room_id":"\#(room)","created_at":"2020-03-25T12:00:00Z","updated_at":"2020-03-25T12:00:00Z","parts":[\#(parts.joined(separator: ","))]}"#
    }
}
