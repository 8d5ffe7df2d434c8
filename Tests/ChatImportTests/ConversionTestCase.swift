import ChatImport
import ChatModel
import ChatTestSupport
import Foundation
import XCTest

/// Converts an export with any `ConversionSource` to a file, requires the validator to pass it,
/// and gives the items and the report back for assertions.
class ConversionTestCase: XCTestCase {
    let directory = TemporaryDirectory()
    private var outputs = 0

    struct Converted {
        var report: ConversionReport
        var items: [(type: String, data: JSONObject)]

        func all(_ type: String) -> [JSONObject] { items.filter { $0.type == type }.map(\.data) }
        func one(_ type: String, _ key: String, _ value: String) -> JSONObject? { all(type).first { $0[key]?.stringValue == value } }
        func user(_ id: String) -> JSONObject? { one("user", "id", id) }
        func channel(_ id: String) -> JSONObject? { one("channel", "id", id) }
        func message(_ id: String) -> JSONObject? { one("message", "id", id) }
        /// The first message whose text contains `text`.
        func message(containing text: String) -> JSONObject? {
            all("message").first { $0["text"]?.stringValue?.contains(text) == true }
        }
        func reactions(on message: String) -> [JSONObject] { all("reaction").filter { $0["message_id"]?.stringValue == message } }
        func changes(_ sourceID: String) -> [ConversionReport.Change] { report.changes.filter { $0.sourceId == sourceID } }
        func tally(_ kind: String) -> ConversionTally { report.tally(kind)! }
    }

    func convert(_ source: any ConversionSource, file: StaticString = #filePath, line: UInt = #line) throws -> Converted {
        outputs += 1
        let output = directory.file("out\(outputs).jsonl")
        let report = try ConversionOutput.write(to: URL(fileURLWithPath: output)) { sink in try source.convert(into: sink, progress: nil) }
        let result = try ImportAnalyzer().run(path: output)
        XCTAssertEqual(result.errors.map(\.error), [], "the converted file must pass chatterm validate", file: file, line: line)
        let items = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n").map {
            line -> (type: String, data: JSONObject) in
            let o = try JSONParser.parse(String(line)).objectValue!
            return (o["type"]!.stringValue!, o["data"]!.objectValue!)
        }
        let generic = try XCTUnwrap(report as? ConversionReport, file: file, line: line)
        XCTAssertEqual(generic.output, output, file: file, line: line)
        // Nothing is lost without a word: every record read is converted or has a reason.
        for tally in generic.accounting {
            XCTAssertEqual(
                tally.source,
                tally.converted + tally.notConverted.reduce(0) { $0 + $1.count },
                "\(tally.kind)",
                file: file,
                line: line
            )
        }
        return Converted(report: generic, items: items)
    }

    /// Requires `body` to throw an `ExportError` whose text holds `fragment`, and no file at `output`.
    func assertRefused(
        _ fragment: String,
        output: String? = nil,
        file: StaticString = #filePath,
        line: UInt = #line,
        _ body: () throws -> Void
    ) {
        XCTAssertThrowsError(try body(), file: file, line: line) { error in
            XCTAssertTrue(error is ExportError, "\(error)", file: file, line: line)
            XCTAssertTrue("\(error)".contains(fragment), "\(error)", file: file, line: line)
        }
        if let output {
            XCTAssertFalse(FileManager.default.fileExists(atPath: output), file: file, line: line)
            let partials = (try? FileManager.default.contentsOfDirectory(atPath: directory.path))?.filter { $0.contains("partial") } ?? []
            XCTAssertEqual(partials, [], file: file, line: line)
        }
    }

    /// Converts `source` to `output`, as a command would.
    func write(_ source: any ConversionSource, to output: String) throws {
        _ = try ConversionOutput.write(to: URL(fileURLWithPath: output)) { sink in try source.convert(into: sink, progress: nil) }
    }
}
