import ChatModel
import ChatTestSupport
import Foundation
import XCTest

/// The exit-status contract of `chatterm --help`: 0 success, 1 the input has problems, 2 the
/// command could not run, 64 the command line does not parse; each error one line
/// `chatterm: <what>: <why>` (and maybe a hint), never a library's type or a usage dump.
final class ErrorContractTests: XCTestCase {
    let directory = TemporaryDirectory()

    @discardableResult
    func run(_ arguments: [String], input: Data? = nil) throws -> ChattermCommand.Outcome {
        try ChattermCommand(dataHome: directory.file("xdg")).run(arguments, input: input)
    }

    /// No "Error:" prefix, no "Usage:" block, no Swift type names: what a user reads.
    private func assertPlain(_ stderr: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(stderr.hasPrefix("chatterm: ") || stderr.contains("\nchatterm: "), stderr, file: file, line: line)
        for raw in ["Error:", "Usage:", "USAGE:", "errno", "bind(", "SocketAddressError", "PSQLError", "DatabaseError", "GRDB"] {
            XCTAssertFalse(stderr.contains(raw), "\(raw) in \(stderr)", file: file, line: line)
        }
    }

    func testAMisspeltCommandGetsDidYouMeanAndExit64() throws {
        let root = try run(["valdiate", "x.jsonl"])
        XCTAssertEqual(root.status, 64)
        XCTAssertEqual(
            root.stderr,
            "chatterm: unknown command 'valdiate': did you mean 'validate'?\n  chatterm --help lists the commands\n"
        )
        let nested = try run(["imports", "lsit"])
        XCTAssertEqual(nested.status, 64)
        XCTAssertTrue(nested.stderr.hasPrefix("chatterm: unknown command 'lsit': did you mean 'list'?\n"), nested.stderr)
        let farOff = try run(["frobnicate"])
        XCTAssertEqual(farOff.status, 64)
        XCTAssertTrue(farOff.stderr.hasPrefix("chatterm: unknown command 'frobnicate'\n"), farOff.stderr)
    }

    func testArgumentProblemsAreUsageErrors() throws {
        for arguments in [
            ["validate"], ["serve", "--api-key", "k"], ["serve", "--api-key", "k", "--api-secret", "short"],
            ["token", "u", "--expires-in=-5"], ["token", "u", "--expires-in", "0"], ["imports", "list", "--database", "notaurl"],
            ["generate", "--format", "chatkit", "-o", "-"], ["token", ""], ["token", "ana smith"],
        ] {
            let outcome = try run(arguments)
            XCTAssertEqual(outcome.status, 64, arguments.joined(separator: " "))
            assertPlain(outcome.stderr)
            XCTAssertEqual(outcome.stderr.split(separator: "\n").count, 2, outcome.stderr)
        }
        XCTAssertTrue(try run(["token", "u", "--expires-in=-5"]).stderr.contains("--expires-in must be more than 0 seconds"))
        // A token for an id no user can have would only fail later, at the server.
        XCTAssertTrue(try run(["token", "ana smith"]).stderr.contains("'ana smith' is not a valid user id"))
        XCTAssertTrue(try run(["serve", "--api-key", "k", "--api-secret", "short"]).stderr.contains("at least 32 bytes"))
    }

    func testAStoreThatCannotBeOpenedIsExit2InOneLine() throws {
        let file = directory.write("seed.jsonl", lines: SampleImports.streamDocsExample)
        let outcome = try run(["import", file, "--db", "/proc/chat.sqlite"])
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.stderr.hasPrefix("chatterm: cannot open the store at /proc/chat.sqlite: "), outcome.stderr)
        assertPlain(outcome.stderr)
        XCTAssertEqual(outcome.stderr.split(separator: "\n").count, 1, outcome.stderr)
    }

    func testABusyPortIsExit2WithAHintAndVerboseShowsTheRawError() throws {
        let listener = try BusyPort()
        let db = directory.file("chat.sqlite")
        let busy = try run(["serve", "--db", db, "--port", String(listener.port)])
        XCTAssertEqual(busy.status, 2)
        assertPlain(busy.stderr)
        XCTAssertTrue(busy.stderr.hasPrefix("chatterm: cannot listen on 127.0.0.1:\(listener.port): address already in use\n"), busy.stderr)
        XCTAssertTrue(busy.stderr.contains("--port 0 for a free one"), busy.stderr)
        let verbose = try run(["serve", "--db", db, "--port", String(listener.port), "--verbose"])
        XCTAssertEqual(verbose.status, 2)
        XCTAssertTrue(verbose.stderr.contains("errno"), "--verbose shows the library's error: \(verbose.stderr)")

        let unknown = try run(["serve", "--db", db, "--host", "no-such-host.invalid", "--port", "0"])
        XCTAssertEqual(unknown.status, 2)
        assertPlain(unknown.stderr)
        XCTAssertTrue(unknown.stderr.contains("unknown host no-such-host.invalid"), unknown.stderr)
    }

    /// Also: a store named without a folder (in the current one) serves, its local app beside it.
    func testServingBeyondLoopbackWarns() throws {
        let process = Process()
        process.executableURL = Bundle.main.bundleURL.appendingPathComponent("chatterm")
        process.currentDirectoryURL = URL(fileURLWithPath: directory.path)
        process.arguments = ["serve", "--db", "chat.sqlite", "--host", "0.0.0.0", "--port", "0"]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // The listening line comes after the warning: once it is there, so is the warning.
        let listening = String(decoding: out.fileHandleForReading.availableData, as: UTF8.self)
        XCTAssertTrue(listening.hasPrefix("chatterm serve: http://0.0.0.0:"), listening)
        XCTAssertTrue(FileManager.default.fileExists(atPath: directory.file("chat.sqlite.app.json")))
        process.terminate()
        process.waitUntilExit()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertTrue(stderr.contains("warning: listening on 0.0.0.0, beyond this machine"), stderr)
    }

    func testUnknownNamesAreExit2() throws {
        let db = directory.file("chat.sqlite")
        try ChattermProcess.importFile(directory.write("seed.jsonl", lines: SampleImports.streamDocsExample), db: db)
        let absent = try run(["imports", "get", "nope", "--db", db])
        XCTAssertEqual(absent.status, 2)
        XCTAssertEqual(absent.stderr, "chatterm: no import task with id nope in \(db)\n")
    }

    /// A file or folder that cannot be made is named once, with the system's reason, whichever
    /// command writes it (Foundation's "The operation could not be completed" says neither).
    func testAnOutputThatCannotBeWrittenSaysWhy() throws {
        let db = directory.file("chat.sqlite")
        let seed = directory.write("seed.jsonl", lines: SampleImports.streamDocsExample)
        try ChattermProcess.importFile(seed, db: db)
        let missing = directory.file("no-such-dir")
        let commands = [
            (
                ["report", "--db", db, "--format", "html", "-o", missing + "/r.html"],
                "cannot write \(missing)/r.html: no such file or directory"
            ),
            (
                ["convert", "--from", "slack", ExportFixtures.slackZip, "-o", directory.file("s.jsonl"), "--report", missing + "/r.json"],
                "cannot write the report to \(missing)/r.json: no such file or directory"
            ),
            (["split", seed, "-o", seed], "cannot make \(seed): a file of that name is there"),
        ]
        for (arguments, message) in commands {
            let outcome = try run(arguments)
            XCTAssertEqual(outcome.status, 2, arguments.joined(separator: " "))
            XCTAssertEqual(outcome.stderr, "chatterm: \(message)\n")
        }
        // The report's folder is checked before converting: no output is left from a failed command.
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.file("s.jsonl")))
    }

    func testAnEmptyFileAndAFileThatIsNotJSONLinesGetOneErrorEach() throws {
        let empty = try run(["validate", directory.write("empty.jsonl", text: "")])
        XCTAssertEqual(empty.status, 1)
        XCTAssertTrue(empty.stdout.contains(": 1 error\n  empty file: no items\n"), empty.stdout)

        let binary = try run(["validate", "/bin/ls", "--format", "json"])
        XCTAssertEqual(binary.status, 1)
        XCTAssertEqual(binary.json?.objectValue?["error_count"], 1)
        XCTAssertEqual(
            binary.json?.objectValue?["errors"]?.arrayValue?.first?.objectValue?["error"],
            "not a JSON Lines file: line 1 is binary"
        )

        let prose = directory.write("notes.txt", lines: (1...12).map { "line \($0) of a plain text file" })
        let text = try run(["validate", prose])
        XCTAssertEqual(text.status, 1)
        XCTAssertTrue(
            text.stdout.contains(": 1 error\n  not a JSON Lines file: none of its first 10 lines is a JSON object\n"),
            text.stdout
        )

        // A file that is mostly valid keeps Stream's error per line.
        let mostly = directory.write("mostly.jsonl", lines: ["{not json"] + SampleImports.streamDocsExample)
        let lines = try run(["validate", mostly])
        XCTAssertTrue(lines.stdout.contains("line 1: Parse error"), lines.stdout)
    }

    func testJSONKeepsTheTotalPastMaxErrors() throws {
        let bad = directory.write("bad.jsonl", lines: (1...5).map { #"{"type":"user","data":{"id":"bad id \#($0)"}}"# })
        let outcome = try run(["validate", bad, "--format", "json", "--max-errors", "3"])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertEqual(outcome.json?.objectValue?["errors"]?.arrayValue?.count, 3)
        XCTAssertEqual(outcome.json?.objectValue?["error_count"], 5)
    }

    func testDashIsStandardInputAndOutput() throws {
        let lines = SampleImports.streamDocsExample.joined(separator: "\n") + "\n"
        let validated = try run(["validate", "-"], input: Data(lines.utf8))
        XCTAssertEqual(validated.status, 0, validated.stdout + validated.stderr)
        XCTAssertTrue(validated.stdout.hasPrefix("-: valid. 1 user"), validated.stdout)

        let db = directory.file("chat.sqlite")
        let imported = try run(["import", "-", "--db", db, "--format", "json"], input: Data(lines.utf8))
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertEqual(imported.json?.objectValue?["path"], "-")
        XCTAssertEqual(imported.json?.objectValue?["size"], .null, "a pipe's size is unknown (it was /dev/stdin's link's: 15 bytes)")

        let report = try run(["report", "--db", db, "-o", "-", "--format", "json"])
        XCTAssertEqual(report.status, 0, report.stderr)
        XCTAssertNotNil(report.json?.objectValue?["figures"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: FileManager.default.currentDirectoryPath + "/-"))

        let converted = try run(["chatkit", "convert", packageRoot + "/demo-data/chatkit-export", "-o", "-"])
        XCTAssertEqual(converted.status, 0, converted.stderr)
        XCTAssertTrue(
            converted.stderr.contains("messages  368 read → 364 written"),
            "the summary is on standard error: \(converted.stderr)"
        )
        let again = try run(["validate", "-"], input: Data(converted.stdout.utf8))
        XCTAssertEqual(again.status, 0, again.stdout)
        XCTAssertTrue(again.stdout.contains("364 messages"), again.stdout)
    }

    func testHelpStatesTheContractAndDemoHelpHasNoBackslashes() throws {
        let help = try run(["--help"])
        XCTAssertTrue(help.stdout.contains("64 the command line does not parse"), help.stdout)
        XCTAssertFalse(try run(["demo", "--help"]).stdout.contains("\\"))
    }
}

/// A loopback port something already listens on.
private final class BusyPort {
    let port: Int
    private let socket: Int32

    init() throws {
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && listen(fd, 1) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        socket = fd
        guard bound else { throw NSError(domain: "BusyPort", code: Int(errno)) }
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit { close(socket) }
}
