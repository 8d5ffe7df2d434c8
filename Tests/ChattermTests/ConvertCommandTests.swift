import ChatModel
import ChatStore
import ChatTestSupport
import Foundation
import XCTest

/// `chatterm convert`, `migrate` and `report --source` on the Slack and Mattermost fixtures,
/// as a user runs them.
extension CommandLineTests {
    /// Each reconciliation row after `title`: its kind (the words before the first count) → the
    /// four counts and the reason.
    private func rows(_ stdout: String, after title: String) -> [String: [String]] {
        guard let range = stdout.range(of: title + "\n") else { return [:] }
        var rows: [String: [String]] = [:]
        for line in stdout[range.upperBound...].split(separator: "\n").dropFirst() {
            let words = line.split(separator: " ").map(String.init)
            guard let first = words.firstIndex(where: { $0.first?.isNumber == true || $0.hasPrefix("-") }) else { continue }
            let counts = Array(words[first...].prefix(4))
            rows[words[..<first].joined(separator: " ")] = counts + [words.dropFirst(first + 4).joined(separator: " ")]
        }
        return rows
    }

    func testConvertFromSlackWritesAFileThatValidatesAndAReport() throws {
        let output = directory.file("slack.jsonl")
        let report = directory.file("slack-report.json")
        let convert = try run(["convert", "--from", "slack", ExportFixtures.slackZip, "-o", output, "--report", report])
        XCTAssertEqual(convert.status, 0, convert.stderr)
        XCTAssertTrue(convert.stdout.contains("messages     22 read → 19 converted"), convert.stdout)
        XCTAssertTrue(convert.stdout.contains("attachment links that will not resolve as they are: 3"), convert.stdout)
        let validate = try run(["validate", output])
        XCTAssertEqual(validate.status, 0, validate.stdout)
        let json = try JSONParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: report)))).objectValue
        XCTAssertEqual(json?["source"], "slack")
        XCTAssertEqual(json?["counts_out"]?.objectValue?["message"], 19)
        XCTAssertEqual(json?["placeholders"]?.arrayValue?.count, 1)
    }

    func testConvertRefusesABrokenSlackExportAndWritesNothing() throws {
        let copy = ExportFixtures.copySlackFolder(into: directory)
        try "[{".write(toFile: copy + "/general/2024-03-05.json", atomically: true, encoding: .utf8)
        let output = directory.file("out.jsonl")
        let broken = try run(["convert", "--from", "slack", copy, "-o", output, "--report", directory.file("r.json")])
        XCTAssertEqual(broken.status, 2)
        XCTAssertTrue(broken.stderr.contains("cannot convert the Slack export, nothing was written"), broken.stderr)
        XCTAssertTrue(broken.stderr.contains("general/2024-03-05.json"), broken.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output))
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.file("r.json")))

        let notExport = try run(["convert", "--from", "slack", directory.path, "-o", output])
        XCTAssertEqual(notExport.status, 2)
        XCTAssertTrue(notExport.stderr.contains("cannot read the Slack export"), notExport.stderr)
        let usage = try run(["convert", "--from", "teams", copy, "-o", output])
        XCTAssertEqual(usage.status, 64, usage.stderr)

        // The file asked for is named, not the temporary one beside it.
        let target = directory.file("no-such-dir/out.jsonl")
        let unwritable = try run(["convert", "--from", "slack", ExportFixtures.slackZip, "-o", target])
        XCTAssertEqual(unwritable.status, 2)
        XCTAssertTrue(unwritable.stderr.contains("cannot write \(target): no such file or directory"), unwritable.stderr)
        XCTAssertFalse(unwritable.stderr.contains("partial"), unwritable.stderr)
    }

    func testMigrateFromSlackImportsAndAccountsForEverything() throws {
        let db = directory.file("slack.sqlite")
        let migrate = try run(["migrate", "--from", "slack", ExportFixtures.slackFolder, "--db", db])
        XCTAssertEqual(migrate.status, 0, migrate.stderr)
        XCTAssertTrue(migrate.stdout.contains("  file: \(ExportFixtures.slackFolder)"), migrate.stdout)
        let rows = rows(migrate.stdout, after: "reconciliation (Slack → import file → store):")
        XCTAssertEqual(rows["users"], ["7", "7", "7", "0", "-"])
        XCTAssertEqual(rows["channels"], ["7", "7", "7", "0", "-"])
        XCTAssertEqual(rows["messages"]?.prefix(4), ["22", "19", "19", "-3"])
        XCTAssertEqual(rows["placeholder users"]?.prefix(3), ["0", "1", "1"])
    }

    func testMigrateFromMattermostImportsAndAccountsForEverything() throws {
        let db = directory.file("mm.sqlite")
        let migrate = try run(["migrate", "--from", "mattermost", ExportFixtures.mattermostZip, "--db", db, "--format", "json"])
        XCTAssertEqual(migrate.status, 0, migrate.stderr)
        XCTAssertEqual(try JSONParser.parse(migrate.stdout).objectValue?["state"], "completed")
        let rows = rows(migrate.stderr, after: "reconciliation (Mattermost → import file → store):")
        XCTAssertEqual(rows["users"], ["4", "4", "4", "0", "-"])
        XCTAssertEqual(rows["channels"], ["7", "7", "7", "0", "-"])
        XCTAssertEqual(rows["messages"]?.prefix(4), ["16", "13", "13", "-3"])
    }

    func testReportShowsTheConversionOfAnySource() throws {
        let db = directory.file("r.sqlite")
        XCTAssertEqual(try run(["migrate", "--from", "slack", ExportFixtures.slackZip, "--db", db]).status, 0)
        let report = try run(["report", "--db", db, "--source", "slack", ExportFixtures.slackZip, "--format", "markdown"])
        XCTAssertEqual(report.status, 0, report.stderr)
        XCTAssertTrue(report.stdout.contains("folder matches no conversation in the export"), report.stdout)
        XCTAssertTrue(report.stdout.contains("| messages | 22 | 19 | -3 |"), report.stdout)
        // Slack's file links need the workspace's token: to re-host, not "expiring" (the
        // attachments section counts 0 expiring URLs for the same files).
        XCTAssertTrue(report.stdout.contains("- **attachment links to re-host**: 3"), report.stdout)
        XCTAssertFalse(report.stdout.contains("expiring attachment links"), report.stdout)
        let lone = try run(["report", "--db", db, "--source", "slack"])
        XCTAssertEqual(lone.status, 64, lone.stderr)
    }
}

extension DatabaseOptionTests {
    /// Slack and Mattermost exports migrated into PostgreSQL (runs when CHATTERM_TEST_POSTGRES names a server).
    func testMigrateFromSlackAndMattermostIntoPostgres() throws {
        guard let server = TestStore.postgresServer else {
            throw XCTSkip("PostgreSQL only: set CHATTERM_TEST_POSTGRES (Tests/all.sh does)")
        }
        let home = TemporaryDirectory()
        for (kind, export, messages) in [("slack", ExportFixtures.slackZip, 19), ("mattermost", ExportFixtures.mattermostLines, 13)] {
            let url = try PostgresBackend.ensureDatabase("mig_" + UUID().uuidString.prefix(8).lowercased(), onServerOf: server)
            let migrate = try ChattermCommand(dataHome: home.path).run(["migrate", "--from", kind, export, "--database", url])
            XCTAssertEqual(migrate.status, 0, migrate.stderr)
            XCTAssertTrue(migrate.stdout.contains(": completed\n"), migrate.stdout)
            let store = try ChatStore(postgres: url, localPath: home.file(kind))
            XCTAssertEqual(try store.counts()[.message], messages, kind)
        }
    }
}
