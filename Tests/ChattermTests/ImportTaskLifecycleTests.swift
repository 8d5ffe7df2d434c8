import ChatModel
import ChatStore
import ChatTestSupport
import Foundation
import XCTest

/// Import tasks tell the truth when the import is stopped: by a signal it handles (the task is
/// marked failed before the process ends) or by a kill it cannot (the task is shown failed,
/// its process gone); `imports get --watch` follows each change as it happens and ends.
final class ImportTaskLifecycleTests: XCTestCase {
    let directory = TemporaryDirectory()
    private var commands: ChattermCommand { ChattermCommand(dataHome: directory.file("xdg")) }
    private var binary: URL { Bundle.main.bundleURL.appendingPathComponent("chatterm") }

    /// A file whose import takes seconds (made once: generating it takes seconds too).
    private static let bigFile: String = {
        let file = files.file("big.jsonl")
        let generated = try? ChattermCommand(dataHome: files.file("xdg")).run(
            ["generate", "--users", "1000", "--channels", "100", "--messages", "60000", "-o", file]
        )
        precondition(generated?.status == 0, "chatterm generate failed: \(generated?.stderr ?? "")")
        return file
    }()
    // Read-only once made; a static is never released, so the file stays in the temporary folder.
    nonisolated(unsafe) private static let files = TemporaryDirectory()

    /// A store with a first import in it, and the big file.
    private func storeAndBigFile() throws -> (db: String, file: String) {
        let db = directory.file("chat.sqlite")
        try ChattermProcess.importFile(directory.write("seed.jsonl", lines: SampleImports.streamDocsExample), db: db)
        return (db, Self.bigFile)
    }

    private func start(_ arguments: [String]) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return (process, out, err)
    }

    /// The id of the import running into `db`, once its task is analyzing.
    private func runningTask(in db: String) throws -> String {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let newest = try commands.run(["imports", "list", "--db", db, "--limit", "1", "--format", "json"])
                .json?.objectValue?["import_tasks"]?.arrayValue?.first?.objectValue
            if newest?["state"] == "analyzing", let id = newest?["id"]?.stringValue { return id }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw XCTSkip("the import did not start within 30 s")
    }

    private func counts(_ db: String) throws -> ItemCounts { try ChatStore(path: db, access: .read).counts() }

    func testAnInterruptedImportMarksItsTaskFailedAndWritesNothing() throws {
        let (db, file) = try storeAndBigFile()
        let before = try counts(db)
        let (importing, _, importErrors) = try start(["import", file, "--db", db])
        let id = try runningTask(in: db)

        // --watch on a pipe: the first state arrives while the import still runs.
        let (watching, watchOutput, _) = try start(["imports", "get", id, "--db", db, "--watch"])
        let first = String(decoding: watchOutput.fileHandleForReading.availableData, as: UTF8.self)
        XCTAssertTrue(first.contains("import task \(id): analyzing"), first)
        XCTAssertTrue(importing.isRunning, "the import ended before --watch printed: the test proves nothing")

        kill(importing.processIdentifier, SIGINT)
        importing.waitUntilExit()
        XCTAssertEqual(importing.terminationReason, .uncaughtSignal)
        XCTAssertEqual(importing.terminationStatus, SIGINT)
        let stderr = String(decoding: importErrors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertTrue(stderr.contains("chatterm: import interrupted: nothing was written; task \(id) is marked failed"), stderr)

        watching.waitUntilExit()
        XCTAssertEqual(watching.terminationStatus, 1, "--watch exits 1 on a failed task")
        let rest = String(decoding: watchOutput.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertTrue(rest.contains("import task \(id): analyze_failed"), rest)

        let task = try commands.run(["imports", "get", id, "--db", db, "--format", "json"])
        XCTAssertEqual(task.status, 1)
        let result = task.json?.objectValue?["result"]?.objectValue
        XCTAssertEqual(result?["errors"]?.arrayValue?.first?.objectValue?["error"], "interrupted (SIGINT)")
        XCTAssertEqual(try counts(db), before, "the store is as it was")
    }

    func testAKilledImportsTaskIsShownFailedNotWaitedOn() throws {
        let (db, file) = try storeAndBigFile()
        let before = try counts(db)
        let (importing, _, _) = try start(["import", file, "--db", db])
        let id = try runningTask(in: db)
        kill(importing.processIdentifier, SIGKILL)
        importing.waitUntilExit()

        let started = Date()
        let watched = try commands.run(["imports", "get", id, "--db", db, "--watch", "--format", "json"])
        XCTAssertLessThan(Date().timeIntervalSince(started), 5, "--watch does not wait on a task whose process is gone")
        XCTAssertEqual(watched.status, 1)
        XCTAssertEqual(watched.json?.objectValue?["state"], "analyze_failed")
        let error = watched.json?.objectValue?["result"]?.objectValue?["errors"]?.arrayValue?.first?.objectValue?["error"]
        XCTAssertEqual(error, "interrupted: its process is gone")
        XCTAssertEqual(try counts(db), before)
    }
}
