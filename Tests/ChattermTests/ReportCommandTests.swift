import ChatModel
import ChatStore
import ChatTestSupport
import Foundation
import XCTest

/// `chatterm report` as a user runs it.
final class ReportCommandTests: XCTestCase {
    let directory = TemporaryDirectory()

    @discardableResult
    private func run(_ arguments: [String]) throws -> ChattermCommand.Outcome {
        try ChattermCommand(dataHome: directory.file("xdg")).run(arguments)
    }

    private func demoStore() throws -> String {
        let db = directory.file("demo.sqlite")
        XCTAssertEqual(try run(["import", packageRoot + "/demo-data/demo.jsonl", "--db", db]).status, 0)
        return db
    }

    func testReportNeedsAnExistingStoreAndAReadableImportFile() throws {
        let missing = directory.file("missing.sqlite")
        let noStore = try run(["report", "--db", missing])
        XCTAssertEqual(noStore.status, 2)
        XCTAssertTrue(noStore.stderr.contains("chatterm: no store at \(missing)"), noStore.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: missing), "the report created an empty store")

        let db = try demoStore()
        let noFile = try run(["report", "--db", db, "--import", directory.file("nope.jsonl")])
        XCTAssertEqual(noFile.status, 2)
        XCTAssertTrue(noFile.stderr.contains("chatterm: cannot read"), noFile.stderr)
        XCTAssertEqual(noFile.stdout, "")

        let badFormat = try run(["report", "--db", db, "--format", "pdf"])
        XCTAssertNotEqual(badFormat.status, 0)
        XCTAssertTrue(badFormat.stderr.contains("text"), badFormat.stderr)

        let chatkit = try run(["report", "--db", db, "--chatkit", directory.file("export.json")])
        XCTAssertEqual(chatkit.status, 2)
        XCTAssertTrue(chatkit.stderr.contains("chatterm: cannot read the Chatkit export"), chatkit.stderr)
    }

    func testReportFormatsOnStdoutAndInAFile() throws {
        let db = try demoStore()
        let text = try run(["report", "--db", db, "--import", packageRoot + "/demo-data/demo.jsonl"])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.contains("━━ Totals"))
        let reconciled = text.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        XCTAssertTrue(reconciled.contains(["messages", "4,004", "4,004", "0", "matches"]), text.stdout)
        XCTAssertFalse(text.stdout.contains("\u{1B}"), "colour on a pipe")

        let json = try XCTUnwrap(run(["report", "--db", db, "--format", "json"]).json?.objectValue)
        XCTAssertEqual(json["figures"]?.objectValue?["totals"]?.objectValue?["messages"], .int(4004))

        let file = directory.file("report.md")
        let markdown = try run(["report", "--db", db, "--format", "markdown", "-o", file])
        XCTAssertEqual(markdown.status, 0)
        XCTAssertEqual(markdown.stdout, "")
        XCTAssertTrue(try String(contentsOfFile: file, encoding: .utf8).hasPrefix("# Migration report\n"))

        let unwritable = try run(["report", "--db", db, "-o", directory.file("no/such/dir/report.txt")])
        XCTAssertEqual(unwritable.status, 2)
        XCTAssertTrue(unwritable.stderr.contains("cannot write"), unwritable.stderr)
    }

    /// The demo's Chatkit export has known drops: a room deleted in Chatkit with its 4 messages,
    /// 4 ids Stream would refuse, 2 users named but not exported.
    func testReportShowsTheChatkitConversionWithItsKnownDrops() throws {
        let db = try demoStore()
        let out = try run(["report", "--db", db, "--chatkit", packageRoot + "/demo-data/chatkit-export", "--format", "markdown"])
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertTrue(out.stdout.contains("## Conversion"))
        XCTAssertTrue(out.stdout.contains("| item | source | converted | difference | reason |"), out.stdout)
        XCTAssertTrue(out.stdout.contains("| rooms | 11 | 10 | -1 | 1 deleted in Chatkit |"), out.stdout)
        XCTAssertTrue(out.stdout.contains("| messages | 368 | 364 | -4 | 4 room deleted in Chatkit |"), out.stdout)
        XCTAssertTrue(out.stdout.contains("| users | 30 | 30 | 0 | matches |"), out.stdout)
        XCTAssertTrue(out.stdout.contains("| placeholders | 0 | 2 | +2 |"), out.stdout)
        XCTAssertTrue(out.stdout.contains("- **ids changed**: 4"), out.stdout)
        let json = try XCTUnwrap(
            run(["report", "--db", db, "--chatkit", packageRoot + "/demo-data/chatkit-export", "--format", "json"]).json
        )
        let conversion = try XCTUnwrap(json.objectValue?["conversion"]?.objectValue)
        XCTAssertEqual(conversion["changed_ids"]?.arrayValue?.count, 4)
        XCTAssertEqual(
            conversion["reconciliation"]?.arrayValue?.first { $0.objectValue?["item"] == "messages" }?.objectValue?["difference"],
            .int(-4)
        )
    }

    /// `chatterm report --database`: the demo imported into PostgreSQL reconciles with its file,
    /// and every figure is the one the same import into SQLite shows (runs when
    /// CHATTERM_TEST_POSTGRES names a server).
    func testReportOnPostgresMatchesSQLite() throws {
        guard let server = TestStore.postgresServer else {
            throw XCTSkip("PostgreSQL only: set CHATTERM_TEST_POSTGRES (Tests/all.sh does)")
        }
        let url = try PostgresBackend.ensureDatabase("cli_" + UUID().uuidString.prefix(8).lowercased(), onServerOf: server)
        let demo = packageRoot + "/demo-data/demo.jsonl"
        let sqlite = try demoStore()
        XCTAssertEqual(try run(["import", demo, "--database", url]).status, 0)

        let text = try run(["report", "--database", url, "--import", demo])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.contains("━━ Totals"))
        let reconciled = text.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        XCTAssertTrue(reconciled.contains(["messages", "4,004", "4,004", "0", "matches"]), text.stdout)

        let onPostgres = try XCTUnwrap(run(["report", "--database", url, "--format", "json"]).json?.objectValue?["figures"])
        let onSQLite = try XCTUnwrap(run(["report", "--db", sqlite, "--format", "json"]).json?.objectValue?["figures"])
        XCTAssertEqual(onPostgres.objectValue?["totals"]?.objectValue?["messages"], .int(4004))
        XCTAssertEqual(onPostgres, onSQLite)
    }
}
