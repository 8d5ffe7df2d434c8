import ChatModel
import ChatStore
import ChatTestSupport
import Foundation
import XCTest

/// Read commands open the store read-only and never create one; writes wait for a lock a
/// bounded time, saying so.
final class StoreAccessTests: XCTestCase {
    let directory = TemporaryDirectory()
    private var commands: ChattermCommand { ChattermCommand(dataHome: directory.file("xdg")) }

    /// A store with the Stream docs example imported.
    private func store() throws -> String {
        let db = directory.file("store/chat.sqlite")
        try ChattermProcess.importFile(directory.write("seed.jsonl", lines: SampleImports.streamDocsExample), db: db)
        return db
    }

    private var readCommands: [[String]] {
        let file = directory.write("one.jsonl", lines: Array(SampleImports.streamDocsExample.prefix(1)))
        return [
            ["report"], ["imports", "list"], ["imports", "get", "some-id"], ["validate", file], ["token", "user_001"],
            ["export", "-o", directory.file("export.jsonl")],
        ]
    }

    func testReadCommandsNeverCreateAStore() throws {
        let typo = directory.file("typo/chat.sqlite")
        for command in readCommands {
            let outcome = try commands.run(command + ["--db", typo])
            XCTAssertEqual(outcome.status, 2, command.joined(separator: " "))
            XCTAssertEqual(
                outcome.stderr,
                "chatterm: no store at \(typo) (import a file first: chatterm import FILE --db \(typo))\n",
                command.joined(separator: " ")
            )
            XCTAssertFalse(FileManager.default.fileExists(atPath: directory.file("typo")), command.joined(separator: " "))
        }
    }

    /// `token` signs with the app `serve` made; it never makes a new secret of its own.
    func testTokenNeedsTheServersLocalApp() throws {
        let db = try store()
        let outcome = try commands.run(["token", "user_001", "--db", db])
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.stderr.hasPrefix("chatterm: no local app for \(db)\n"), outcome.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: db + ".app.json"))
    }

    /// The store's folder and file are read-only for the user running the command (as root,
    /// the command runs as nobody).
    func testReadCommandsReadAReadOnlyStore() throws {
        let db = try store()
        let folder = (db as NSString).deletingLastPathComponent
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: db)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder) }
        let launcher = getuid() == 0 ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
        if !launcher.isEmpty { try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.path) }
        let file = directory.write("one.jsonl", lines: Array(SampleImports.streamDocsExample.prefix(1)))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file)
        for command in [["report", "--format", "json"], ["imports", "list"], ["validate", file], ["export", "-o", "-"]] {
            let outcome = try commands.run(command + ["--db", db], launcher: launcher)
            XCTAssertEqual(outcome.status, 0, "\(command): \(outcome.stderr)")
            XCTAssertEqual(outcome.stderr, "", command.joined(separator: " "))
        }
    }

    /// Another process holds the write lock (as an import does for its whole file): reads go
    /// ahead at once, a write waits, says so, and gives up with exit 2.
    func testReadsDoNotWaitForAWriterAndAWriteWaitsThenFails() throws {
        let db = try store()
        let holder = try LockHolder(db: db)
        defer { holder.release() }
        let file = directory.write("one.jsonl", lines: Array(SampleImports.streamDocsExample.prefix(1)))
        for command in [["report", "--format", "json"], ["imports", "list"], ["validate", file], ["export", "-o", "-"]] {
            let started = Date()
            let outcome = try commands.run(command + ["--db", db])
            XCTAssertEqual(outcome.status, 0, "\(command): \(outcome.stderr)")
            XCTAssertLessThan(Date().timeIntervalSince(started), 5, command.joined(separator: " "))
        }
        let started = Date()
        let write = try commands.run(["import", file, "--db", db])
        XCTAssertEqual(write.status, 2, write.stderr)
        XCTAssertGreaterThan(Date().timeIntervalSince(started), 5, "a write waits for the lock")
        XCTAssertTrue(write.stderr.hasPrefix("chatterm: waiting for the store's lock, held by another process…\n"), write.stderr)
        XCTAssertTrue(write.stderr.contains("locked by another process"), write.stderr)
    }
}

/// `sqlite3` in the background with a write transaction open on a store.
private final class LockHolder {
    private let process = Process()
    private let input = Pipe()

    init(db: String) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [db]
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data("BEGIN IMMEDIATE;\nSELECT 'locked';\n".utf8))
        // Once it answers, the lock is held.
        _ = output.fileHandleForReading.availableData
    }

    func release() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}
