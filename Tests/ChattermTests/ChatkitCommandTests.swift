import ChatModel
import ChatTestSupport
import Foundation
import XCTest

/// `chatterm chatkit convert` and `migrate` as a user runs them, on the demo's Chatkit export.
extension CommandLineTests {
    private var demoExport: String { packageRoot + "/demo-data/chatkit-export" }

    func testChatkitConvertWritesAFileThatValidatesAndAReport() throws {
        let output = directory.file("harbor.jsonl")
        let report = directory.file("report.json")
        let convert = try run(["chatkit", "convert", demoExport, "-o", output, "--report", report, "--public-rooms", "livestream"])
        XCTAssertEqual(convert.status, 0, convert.stderr)
        XCTAssertTrue(convert.stdout.contains("messages  368 read → 364 written"), convert.stdout)
        XCTAssertTrue(convert.stdout.contains("user leo.martins@harborclubs.example → leo_martins@harborclubs_example-"), convert.stdout)
        XCTAssertTrue(convert.stdout.contains("public → livestream"), convert.stdout)
        let validate = try run(["validate", output])
        XCTAssertEqual(validate.status, 0, validate.stdout)
        let json = try JSONParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: report))))
        XCTAssertEqual(json.objectValue?["public_room_type"], "livestream")
        XCTAssertEqual(json.objectValue?["counts_out"]?.objectValue?["messages"], 364)
        XCTAssertEqual(json.objectValue?["changed_ids"]?.arrayValue?.count, 4)
    }

    func testChatkitConvertRefusesABrokenExportAndWritesNothing() throws {
        let output = directory.file("out.jsonl")
        let missing = try run(["chatkit", "convert", directory.file("nowhere"), "-o", output])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("cannot read the Chatkit export"), missing.stderr)

        let export = ChatkitSamples.writeExport(
            ChatkitSamples.pusherSample.merging(["messages.ndjson": "[{\"id\": 1,]"]) { $1 },
            in: directory
        )
        let broken = try run(["chatkit", "convert", export, "-o", output, "--report", directory.file("r.json")])
        XCTAssertEqual(broken.status, 2)
        XCTAssertTrue(broken.stderr.contains("nothing was written"), broken.stderr)
        XCTAssertTrue(broken.stderr.contains("messages.ndjson"), broken.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output))
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.file("r.json")))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains("partial") }, [])
    }

    func testChatkitMigrateImportsAndAccountsForEverything() throws {
        let db = directory.file("chat.sqlite")
        let migrate = try run(["chatkit", "migrate", demoExport, "--db", db])
        XCTAssertEqual(migrate.status, 0, migrate.stderr)
        XCTAssertTrue(migrate.stdout.contains(": completed\n"), migrate.stdout)
        // The task names the export, not the temporary file the conversion went through.
        XCTAssertTrue(migrate.stdout.contains("  file: \(demoExport)"), migrate.stdout)
        let rows = reconciliation(migrate.stdout)
        XCTAssertEqual(rows["users"], ["30", "30", "30", "0", "-"])
        XCTAssertEqual(rows["rooms"], ["11", "10", "10", "-1", "1 deleted in Chatkit"])
        XCTAssertEqual(rows["messages"], ["368", "364", "364", "-4", "4 room deleted in Chatkit"])
        XCTAssertEqual(rows["cursors"], ["45", "45", "45", "0", "-"])
        XCTAssertEqual(rows["placeholder users"]?.prefix(3), ["0", "2", "2"])

        // Again with insert: everything is skipped, and still all of it is in the store.
        let again = try run(["chatkit", "migrate", demoExport, "--db", db, "--mode", "insert"])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(reconciliation(again.stdout)["messages"], ["368", "364", "364", "-4", "4 room deleted in Chatkit"])
        XCTAssertTrue(again.stdout.contains("mode: insert"), again.stdout)
    }

    /// The reconciliation table's rows: kind → chatkit, converted, in store, difference, reason.
    private func reconciliation(_ stdout: String) -> [String: [String]] {
        guard let table = stdout.components(separatedBy: "reconciliation (Chatkit → import file → store):\n").last else { return [:] }
        var rows: [String: [String]] = [:]
        for line in table.split(separator: "\n").dropFirst() {
            let text = String(line.dropFirst(2))
            let kind = text.prefix(18).trimmingCharacters(in: .whitespaces)
            let fields = text.dropFirst(18).split(separator: " ", maxSplits: 4, omittingEmptySubsequences: true).map(String.init)
            rows[kind] = fields.map { $0.trimmingCharacters(in: .whitespaces) }
        }
        return rows
    }
}
