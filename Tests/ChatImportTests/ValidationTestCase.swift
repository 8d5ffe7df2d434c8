import ChatImport
import ChatModel
import ChatTestSupport
import XCTest

/// Runs the analyzer over lines written to a temporary file.
class ValidationTestCase: XCTestCase {
    let directory = TemporaryDirectory()

    func analyze(_ lines: [String], existing: any ExistingItems = NoExistingItems(), maxErrors: Int = 100) throws -> ImportResult {
        var options = ImportAnalyzer.Options()
        options.maxErrors = maxErrors
        return try ImportAnalyzer(existing: existing, options: options).run(path: directory.write("items.jsonl", lines: lines))
    }

    func errors(_ lines: [String], existing: any ExistingItems = NoExistingItems()) throws -> [String] {
        try analyze(lines, existing: existing).errors.map(\.error)
    }

    /// Asserts that `lines` yield exactly `expected`, in order.
    func assertErrors(_ lines: [String], _ expected: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(try errors(lines), expected, file: file, line: line)
    }

    func assertValid(_ lines: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(try errors(lines), [], file: file, line: line)
    }

    /// `SampleImports.base` with `extra` lines added, all in Stream's item order.
    func base(_ extra: String...) -> [String] { (SampleImports.base + extra).sortedByType() }
}

extension Array where Element == String {
    /// Puts lines in Stream's item order (stable), so a test can append any item to a base.
    func sortedByType() -> [String] {
        func rank(_ line: String) -> Int {
            let order = [
                "\"user\"", "\"device\"", "\"future_channel_ban\"", "\"channel\"", "\"member\"", "\"message\"", "\"reaction\"", "\"poll\"",
                "\"poll_vote\"",
            ]
            return order.firstIndex { line.hasPrefix("{\"type\":\($0)") } ?? order.count
        }
        return enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
    }
}
