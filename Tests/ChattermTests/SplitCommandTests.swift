import ChatModel
import ChatTestSupport
import Foundation
import XCTest

/// `chatterm split`: parts that each import cleanly after the ones before, and together give
/// the store the whole file gives.
final class SplitCommandTests: XCTestCase {
    let directory = TemporaryDirectory()

    @discardableResult
    func run(_ arguments: [String]) throws -> ChattermCommand.Outcome {
        try ChattermCommand(dataHome: directory.file("xdg")).run(arguments)
    }

    /// `source` with a `created_at` on every item (imported, then exported): an item without one
    /// gets its import's time, which differs between the whole file's import and the parts'.
    static func timed(_ source: String, in directory: TemporaryDirectory) throws -> String {
        let name = (source as NSString).lastPathComponent
        let store = directory.file("timed-\(name).sqlite")
        try ChattermProcess.importFile(source, db: store)
        let timed = directory.file("timed-\(name)")
        let (status, _) = try ChattermProcess.run(["export", "--db", store, "-o", timed])
        XCTAssertEqual(status, 0)
        return timed
    }

    private func lines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    func testPartsImportedInOrderGiveTheSameStoreAsTheWholeFile() throws {
        let generated = directory.file("generated.jsonl")
        XCTAssertEqual(
            try run(["generate", "--users", "30", "--channels", "6", "--messages", "600", "--seed", "7", "-o", generated]).status,
            0
        )
        let whole = try Self.timed(generated, in: directory)
        let parts = directory.file("parts")
        let split = try run(["split", whole, "--max-size", "24KB", "-o", parts])
        XCTAssertEqual(split.status, 0, split.stderr)
        let paths = split.stdout.split(separator: "\n").map(String.init)
        XCTAssertGreaterThan(paths.count, 3, split.stderr)
        XCTAssertEqual(paths.map { ($0 as NSString).lastPathComponent }, (1...paths.count).map { String(format: "part-%03d.jsonl", $0) })
        var types: [String] = []
        for path in paths {
            XCTAssertLessThanOrEqual(try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int), 24 * 1024, path)
            let own = try lines(path).map { try JSONParser.parse($0).objectValue?["type"]?.stringValue ?? "" }
            // Each part in Stream's type order; a poll is in its message's part, so not across the parts.
            XCTAssertEqual(own, own.sorted { ItemType(name: $0)! < ItemType(name: $1)! }, path)
            types += own
        }
        // Every item once.
        XCTAssertEqual(types.count, try lines(whole).count)
        XCTAssertEqual(Set(types), Set(ItemType.allCases.map(\.name)), "every item type, polls too")

        // `chatterm import` validates each part against the store the earlier parts made.
        let inParts = directory.file("parts.sqlite")
        for path in paths { try ChattermProcess.importFile(path, db: inParts) }
        let inOne = directory.file("whole.sqlite")
        try ChattermProcess.importFile(whole, db: inOne)
        try StoreTables.assertSame(inOne, inParts)
    }

    /// A quote of a later message, a distinct channel and its member items, a user muting a
    /// later channel: a part never ends between them, however small the parts.
    func testNoPartEndsBetweenAnItemAndALaterOneItRefersTo() throws {
        let file = try Self.timed(directory.write("refs.jsonl", lines: ExportCommandTests.everyKind), in: directory)
        let parts = directory.file("refs-parts")
        let split = try run(["split", file, "--max-size", "2KB", "-o", parts, "--format", "json"])
        XCTAssertEqual(split.status, 0, split.stderr)
        let listed = try XCTUnwrap(split.json?.objectValue?["parts"]?.arrayValue)
        XCTAssertGreaterThan(listed.count, 1)
        let store = directory.file("refs.sqlite")
        var all: [String] = []
        for part in listed {
            let path = try XCTUnwrap(part.objectValue?["path"]?.stringValue)
            XCTAssertEqual(part.objectValue?["bytes"]?.intValue, try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
            try ChattermProcess.importFile(path, db: store)
            all.append(try lines(path).joined(separator: "\n"))
        }
        // The quote (m1 → m3) and the user's mute of a later channel each stay in one part.
        XCTAssertNotNil(all.first { $0.contains(#""id":"m1""#) && $0.contains(#""id":"m3""#) })
        XCTAssertNotNil(all.first { $0.contains(#""channel_mutes":["messaging:general"]"#) && $0.contains(#""id":"general""#) })
        // A poll goes into its message's part, not where the file has it.
        XCTAssertNotNil(all.first { $0.contains(#""id":"m6""#) && $0.contains(#""type":"poll","data":{"id":"p1""#) })
        XCTAssertEqual(all.joined().components(separatedBy: #""type":"poll","data""#).count - 1, 2, "each poll once")
        let whole = directory.file("refs-whole.sqlite")
        try ChattermProcess.importFile(file, db: whole)
        try StoreTables.assertSame(whole, store)
    }

    /// A file of several read batches whose polls make the split start over: the first pass
    /// stops while batches are read ahead, which once took the process down (SIGILL).
    func testALargeFileWithPollsSplitsAfterReadingItsPolls() throws {
        let generated = directory.file("large.jsonl")
        XCTAssertEqual(try run(["generate", "--users", "50", "--channels", "10", "--messages", "20000", "-o", generated]).status, 0)
        let split = try run(["split", generated, "--max-size", "1MB", "-o", directory.file("large-parts")])
        XCTAssertEqual(split.status, 0, split.stderr)
        XCTAssertGreaterThan(split.stdout.split(separator: "\n").count, 3)
        XCTAssertTrue(split.stderr.contains("polls"), split.stderr)
    }

    func testAFileWithErrorsOrItemsTooLargeTogetherIsNotSplit() throws {
        let broken = directory.write(
            "broken.jsonl",
            lines: SampleImports.base + [
                #"{"type":"reaction","data":{"message_id":"nope","type":"like","user_id":"alice","created_at":"2020-01-01T00:00:00Z"}}"#
            ]
        )
        let parts = directory.file("none")
        let failed = try run(["split", broken, "--max-size", "1KB", "-o", parts])
        XCTAssertEqual(failed.status, 1)
        XCTAssertTrue(failed.stderr.contains(#"message "nope" doesn't exist"#), failed.stderr)
        XCTAssertTrue(failed.stderr.contains("no part was written"), failed.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: parts), [])

        // The distinct channel and its two member items refer to each other: more than 2KB together here.
        let padded = ExportCommandTests.everyKind.enumerated().map { index, line in
            index == 5
                ? line.replacingOccurrences(
                    of: #""created_by":"bo""#,
                    with: #""created_by":"bo","note":"\#(String(repeating: "x", count: 2100))""#
                ) : line
        }
        let tooLarge = try run(["split", directory.write("padded.jsonl", lines: padded), "--max-size", "2KB", "-o", parts])
        XCTAssertEqual(tooLarge.status, 1)
        XCTAssertTrue(tooLarge.stderr.contains("items 6 to 10 of"), tooLarge.stderr)
        XCTAssertTrue(tooLarge.stderr.contains("refer to each other"), tooLarge.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: parts), [])

        let good = directory.write("good.jsonl", lines: SampleImports.base)
        XCTAssertEqual(try run(["split", good, "-o", parts]).status, 0)
        let again = try run(["split", good, "-o", parts])
        XCTAssertEqual(again.status, 2)
        XCTAssertTrue(again.stderr.contains("already holds part-001.jsonl"), again.stderr)
        XCTAssertEqual(try run(["split", good, "--max-size", "lots", "-o", directory.file("x")]).status, 64)
    }
}
