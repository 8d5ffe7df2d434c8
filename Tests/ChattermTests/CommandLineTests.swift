import ChatModel
import ChatStore
import ChatTestSupport
import Foundation
import XCTest

/// The built `chatterm` binary, run as a user would, with a data directory of its own and no
/// store from the environment.
struct ChattermCommand {
    let dataHome: String

    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
        var json: JSONValue? { try? JSONParser.parse(stdout) }
    }

    /// The binary in the products directory, which on Linux is the main bundle's (SwiftPM
    /// builds it because this test target depends on it).
    private var binary: URL { Bundle.main.bundleURL.appendingPathComponent("chatterm") }

    /// `input` is written to its standard input; `launcher` runs it through another program
    /// (`setpriv …` to drop root).
    @discardableResult
    func run(_ arguments: [String], environment: [String: String] = [:], input: Data? = nil, launcher: [String] = []) throws -> Outcome {
        let process = Process()
        process.executableURL = launcher.first.map { URL(fileURLWithPath: $0) } ?? binary
        process.arguments = launcher.isEmpty ? arguments : Array(launcher.dropFirst()) + [binary.path] + arguments
        var env = ProcessInfo.processInfo.environment
        env["CHATTERM_DB"] = nil
        env["CHATTERM_DATABASE"] = nil
        env["XDG_DATA_HOME"] = dataHome
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let stdin = Pipe()
        if input != nil { process.standardInput = stdin }
        try process.run()
        if let input {
            // Written from another thread: a large input would fill the pipe before the output is read.
            Thread.detachNewThread {
                stdin.fileHandleForWriting.write(input)
                try? stdin.fileHandleForWriting.close()
            }
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus,
            stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self)
        )
    }
}

/// Runs the built `chatterm` binary as a user would, checking exit codes and output.
final class CommandLineTests: XCTestCase {
    let directory = TemporaryDirectory()

    @discardableResult
    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> ChattermCommand.Outcome {
        try ChattermCommand(dataHome: directory.file("xdg")).run(arguments, environment: environment)
    }

    func testValidateExitCodesAndTextReport() throws {
        let good = directory.write("good.jsonl", lines: SampleImports.streamDocsExample)
        let ok = try run(["validate", good])
        XCTAssertEqual(ok.status, 0)
        XCTAssertTrue(ok.stdout.contains("valid. 1 user, 1 device, 0 future channel bans, 1 channel, 1 member"), ok.stdout)

        let bad = directory.write("bad.jsonl", lines: SampleImports.streamDocsExample + [#"{"type":"foobar","data":{}}"#])
        let failed = try run(["validate", bad])
        XCTAssertEqual(failed.status, 1)
        XCTAssertTrue(failed.stdout.contains(#"line 7 · foobar: Parse error: invalid item type "foobar""#), failed.stdout)

        let missing = try run(["validate", directory.file("nope.jsonl")])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("cannot read"), missing.stderr)
    }

    /// `--format json` prints Stream's shape (errors with error/item_type/item, and stats.total),
    /// plus `error_count`: the total, which `errors` stops short of past --max-errors.
    func testValidateJSONIsStreamsShape() throws {
        let long = String(repeating: "waytoolong", count: 7)
        let file = directory.write(
            "long.jsonl",
            lines: [
                #"{"type":"user","data":{"id":"userA"}}"#,
                #"{"type":"channel","data":{"id":"\#(long)","type":"messaging","created_by":"userA"}}"#,
            ]
        )
        let outcome = try run(["validate", file, "--format", "json"])
        XCTAssertEqual(outcome.status, 1)
        let json = try XCTUnwrap(outcome.json?.objectValue)
        XCTAssertEqual(json.keys, ["errors", "error_count", "stats"])
        XCTAssertEqual(json["error_count"], 1)
        XCTAssertEqual(
            json["errors"],
            [
                [
                    "error": "Validation error: max channelID length exceeded (64)", "item_type": "channel",
                    "item": ["id": .string(long), "type": "messaging", "created_by": "userA"],
                ]
            ]
        )
        let total = json["stats"]?.objectValue?["total"]?.objectValue
        XCTAssertEqual(total?["channels"], 1)
        XCTAssertEqual(total?["users"], 1)
        XCTAssertEqual(total?["messages"], 0)
    }

    func testImportPrintsTheTaskAndImportsListAndGetFindIt() throws {
        let db = directory.file("store/chat.sqlite")
        let file = directory.write("seed.jsonl", lines: SampleImports.streamDocsExample)
        let imported = try run(["import", file, "--db", db, "--mode", "insert", "--format", "json"])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        let task = try XCTUnwrap(imported.json?.objectValue)
        XCTAssertEqual(task["state"], "completed")
        XCTAssertEqual(task["mode"], "insert")
        XCTAssertEqual(task["path"], .string(file))
        let id = try XCTUnwrap(task["id"]?.stringValue)
        XCTAssertNotNil(UUID(uuidString: id))

        let list = try run(["imports", "list", "--db", db, "--limit", "5", "--format", "json"])
        XCTAssertEqual(list.json?.objectValue?["import_tasks"]?.arrayValue?.first?.objectValue?["id"], .string(id))
        let got = try run(["imports", "get", id, "--db", db, "--watch", "--format", "json"])
        XCTAssertEqual(got.status, 0)
        XCTAssertEqual(got.json?.objectValue?["id"], .string(id))
        let absent = try run(["imports", "get", "00000000-0000-0000-0000-000000000000", "--db", db])
        XCTAssertEqual(absent.status, 2)
        XCTAssertTrue(absent.stderr.contains("no import task with id"), absent.stderr)
        // Without --format json, the same for people.
        let text = try run(["imports", "list", "--db", db])
        XCTAssertTrue(text.stdout.hasPrefix(id + "  completed"), text.stdout)
        // A page past the end is not a store without tasks, and an empty page is not a page.
        let past = try run(["imports", "list", "--db", db, "--offset", "5"])
        XCTAssertEqual(past.stderr, "no import tasks after the first 5 in \(db)\n")
        XCTAssertEqual(try run(["imports", "list", "--db", db, "--limit", "0"]).status, 64)
        let details = try run(["imports", "get", id, "--db", db])
        XCTAssertTrue(details.stdout.contains("import task \(id): completed"), details.stdout)
        // Tasks made at times of whole seconds and of nine fraction digits: their files line up.
        XCTAssertEqual(try run(["import", file, "--db", db, "--mode", "insert"]).status, 0)
        let times = ["2026-12-07T16:26:53Z", "2026-12-07T16:26:54.937742004Z"]
        let ids = try XCTUnwrap(
            try run(["imports", "list", "--db", db]).stdout.split(separator: "\n").map { String($0.prefix(36)) }.prefix(2)
        )
        for (id, time) in zip(ids, times) {
            let sql = "UPDATE import_tasks SET created_at = '\(time)' WHERE id = '\(id)'"
            let sqlite = Process()
            sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
            sqlite.arguments = [db, sql]
            try sqlite.run()
            sqlite.waitUntilExit()
        }
        let lines = try run(["imports", "list", "--db", db]).stdout.split(separator: "\n")
        XCTAssertEqual(Set(lines.map { $0.range(of: file)?.lowerBound.utf16Offset(in: $0) }).count, 1, lines.joined(separator: "\n"))
        XCTAssertTrue(details.stdout.contains("  written: 1 user, 1 device"), details.stdout)
    }

    func testFailedImportExitsOneWritesNothingAndSaysWhy() throws {
        let db = directory.file("chat.sqlite")
        let file = directory.write("bad.jsonl", lines: SampleImports.streamDocsExample + [#"{"type":"user","data":{"id":"late"}}"#])
        let outcome = try run(["import", file, "--format", "json"], environment: ["CHATTERM_DB": db])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertEqual(outcome.json?.objectValue?["state"], "analyze_failed")
        XCTAssertTrue(outcome.stderr.contains("import failed, nothing was written"), outcome.stderr)
        // The errors as `validate` prints them: counted, with their line.
        XCTAssertTrue(outcome.stderr.contains("\(file): 1 error\n"), outcome.stderr)
        XCTAssertTrue(
            outcome.stderr.contains(#"line 7 · user: Validation error: item type "user" must come before "reaction" items"#),
            outcome.stderr
        )
        let valid = directory.write("ok.jsonl", lines: Array(SampleImports.streamDocsExample.prefix(1)))
        // The store is still empty: validating against it, the user of the first line is new.
        XCTAssertEqual(try run(["validate", valid, "--db", db]).status, 0)
        let needsStore = directory.write("needs.jsonl", lines: [SampleImports.streamDocsExample[1]])
        XCTAssertEqual(try run(["validate", needsStore, "--db", db]).status, 1)
    }

    func testStoreDefaultsToXDGDataHome() throws {
        let file = directory.write("seed.jsonl", lines: SampleImports.streamDocsExample)
        XCTAssertEqual(try run(["import", file]).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: directory.file("xdg/chatterm/chat.sqlite")))
    }

    func testTerminalOutputEscapesControlCharactersFromTheFile() throws {
        let file = directory.write("esc.jsonl", lines: [#"{"type":"user","data":{"id":"x\u001b]0;pwned\u0007\u202e"}}"#])
        let outcome = try run(["validate", file])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertFalse(
            outcome.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E },
            outcome.stdout
        )
        XCTAssertTrue(outcome.stdout.contains(#"'x\u{1b}]0;pwned\u{7}\u{202e}' is not a valid user.id"#), outcome.stdout)
    }

    func testGenerateWritesAValidFileAndRejectsBadCounts() throws {
        let out = directory.file("gen.jsonl")
        XCTAssertEqual(try run(["generate", "--users", "10", "--channels", "6", "--messages", "300", "-o", out]).status, 0)
        XCTAssertEqual(try run(["validate", out]).status, 0)
        let bad = try run(["generate", "--users", "1", "-o", out])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.stderr.contains("--users must be at least 2"), bad.stderr)
    }

    func testOpenNeedsATerminal() throws {
        let outcome = try run(["open", "--user", "maya"])
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.stderr.contains("chatterm open needs a terminal"), outcome.stderr)
    }

    func testDemoNeedsATerminalAndOpenChecksItsServerOptions() throws {
        let demo = try run(["demo"])
        XCTAssertEqual(demo.status, 2)
        XCTAssertTrue(demo.stderr.contains("chatterm demo needs a terminal"), demo.stderr)
        let tokenAlone = try run(["open", "--user", "maya", "--server", "http://127.0.0.1:1", "--token", "t"])
        XCTAssertNotEqual(tokenAlone.status, 0)
        XCTAssertTrue(tokenAlone.stderr.contains("give --api-key with --token"), tokenAlone.stderr)
        let tokenWithoutServer = try run(["open", "--user", "maya", "--token", "t", "--api-key", "k"])
        XCTAssertTrue(tokenWithoutServer.stderr.contains("--token and --api-key go with --server"), tokenWithoutServer.stderr)
    }

    func testEveryCommandHasHelp() throws {
        for command in [
            [], ["validate"], ["import"], ["imports"], ["imports", "list"], ["imports", "get"], ["generate"], ["open"], ["demo"], ["serve"],
            ["token"], ["chatkit"], ["chatkit", "convert"], ["chatkit", "migrate"], ["export"], ["split"], ["upload"],
            ["convert"], ["migrate"], ["report"],
        ] {
            let outcome = try run(command + ["--help"])
            XCTAssertEqual(outcome.status, 0, command.joined(separator: " "))
            XCTAssertTrue(outcome.stdout.contains("USAGE:"), command.joined(separator: " "))
        }
    }

    /// The README's completion line: bash, given the generated script, completes commands and
    /// a command's own options (the client's, which `open` and `demo` share).
    func testBashCompletesCommandsAndOptions() throws {
        let script = #"""
            source <("$0" --generate-completion-script bash) || exit 3
            complete_words() {
                COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}; COMPREPLY=()
                _chatterm chatterm "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
                printf '%s\n' "${COMPREPLY[@]}" | sort | paste -sd ' '
            }
            complete_words chatterm imp
            complete_words chatterm demo --no
            complete_words chatterm imports g
            """#
        let outcome = try ChattermCommand(dataHome: directory.file("xdg")).run([], launcher: ["/bin/bash", "-c", script])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.stdout.split(separator: "\n"), ["import imports", "--no-hyperlinks --no-mouse", "get"])
    }
}

/// `--database`: the store on PostgreSQL, and the errors a user gets when it cannot be.
final class DatabaseOptionTests: XCTestCase {
    let directory = TemporaryDirectory()
    private var commands: ChattermCommand { ChattermCommand(dataHome: directory.file("xdg")) }

    func testBadDatabaseOptionsAndAnUnreachableServerAreClearErrors() throws {
        let file = directory.write("seed.jsonl", lines: SampleImports.streamDocsExample)
        let both = try commands.run(["import", file, "--db", directory.file("chat.sqlite"), "--database", "postgres://u@127.0.0.1:1/chat"])
        XCTAssertNotEqual(both.status, 0)
        XCTAssertTrue(both.stderr.contains("--db (SQLite) or --database (PostgreSQL), not both"), both.stderr)

        let wrongScheme = try commands.run(["import", file, "--database", "mysql://u@127.0.0.1/chat"])
        XCTAssertNotEqual(wrongScheme.status, 0)
        XCTAssertTrue(wrongScheme.stderr.contains("not a PostgreSQL URL"), wrongScheme.stderr)

        let noDatabase = try commands.run(["serve", "--database", "postgres://u@127.0.0.1:5432"])
        XCTAssertNotEqual(noDatabase.status, 0)
        XCTAssertTrue(noDatabase.stderr.contains("no database in"), noDatabase.stderr)

        // Nothing listens on port 1: the user learns where chatterm looked, and nothing is printed as done.
        let unreachable = try commands.run(["import", file, "--database", "postgres://u:secret@127.0.0.1:1/chat"])
        XCTAssertEqual(unreachable.status, 2)
        XCTAssertFalse(unreachable.stderr.contains("PSQLError"), "no driver dump: \(unreachable.stderr)")
        XCTAssertTrue(unreachable.stderr.contains("cannot open the store at postgres://u@127.0.0.1:1/chat"), unreachable.stderr)
        XCTAssertTrue(unreachable.stderr.contains("cannot reach PostgreSQL at 127.0.0.1:1/chat"), unreachable.stderr)
        XCTAssertFalse(unreachable.stderr.contains("secret"), "the password stays out of messages")
        XCTAssertEqual(unreachable.stdout, "")

        // The report reads PostgreSQL too, so it offers --database and fails the same clear way.
        XCTAssertTrue(try commands.run(["report", "--help"]).stdout.contains("--database"))
        let report = try commands.run(["report", "--database", "postgres://u:secret@127.0.0.1:1/chat"])
        XCTAssertNotEqual(report.status, 0)
        XCTAssertTrue(report.stderr.contains("cannot open the store at postgres://u@127.0.0.1:1/chat"), report.stderr)
        XCTAssertFalse(report.stderr.contains("secret"), "the password stays out of messages")
        XCTAssertEqual(report.stdout, "")
    }

    /// Import, list and fetch the task on PostgreSQL (runs when CHATTERM_TEST_POSTGRES names a server).
    func testImportIntoPostgresAndFindTheTask() throws {
        guard let server = TestStore.postgresServer else {
            throw XCTSkip("PostgreSQL only: set CHATTERM_TEST_POSTGRES (Tests/all.sh does)")
        }
        let url = try PostgresBackend.ensureDatabase("cli_" + UUID().uuidString.prefix(8).lowercased(), onServerOf: server)
        let file = directory.write("seed.jsonl", lines: SampleImports.streamDocsExample)
        let imported = try commands.run(["import", file, "--database", url, "--format", "json"])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        let id = try XCTUnwrap(imported.json?.objectValue?["id"]?.stringValue)
        XCTAssertEqual(imported.json?.objectValue?["state"], "completed")
        let list = try commands.run(["imports", "list", "--format", "json"], environment: ["CHATTERM_DATABASE": url])
        XCTAssertEqual(list.json?.objectValue?["import_tasks"]?.arrayValue?.first?.objectValue?["id"], .string(id))
        // A second file with an error writes nothing there either.
        let bad = directory.write(
            "bad.jsonl",
            lines: [
                #"{"type":"user","data":{"id":"late-user"}}"#,
                #"{"type":"channel","data":{"id":"c","type":"nope","created_by":"late-user"}}"#,
            ]
        )
        let failed = try commands.run(["import", bad, "--database", url])
        XCTAssertEqual(failed.status, 1)
        let users = try ChatStore(postgres: url, localPath: directory.file("pg")).counts()[.user]
        XCTAssertEqual(users, 1, "only the first file's user")

        // A database without a store is not made one by a read.
        let empty = try PostgresBackend.ensureDatabase("cli_" + UUID().uuidString.prefix(8).lowercased(), onServerOf: server)
        let read = try commands.run(["imports", "list", "--database", empty])
        XCTAssertEqual(read.status, 2)
        XCTAssertTrue(read.stderr.hasPrefix("chatterm: no store at postgres://"), read.stderr)
        XCTAssertTrue(read.stderr.contains("(import a file first: chatterm import FILE --database URL)"), read.stderr)
        XCTAssertThrowsError(try PostgresBackend(url: empty, access: .read), "the read made no store")
    }
}
