import ChatImport
import ChatModel
import ChatStore
import ChatTestSupport
import Foundation
import GRDB
import XCTest

/// Opening for reading touches nothing and waits for no one; opening for writing waits for a
/// lock a bounded time and says so; a task whose process is gone reads as failed.
final class StoreOpeningTests: XCTestCase {
    let directory = TemporaryDirectory()

    private func seededStore() throws -> String {
        let path = directory.file("chat.sqlite")
        let file = directory.write("seed.jsonl", lines: SampleImports.streamDocsExample)
        let task = try ChatStore(path: path).runImport(path: file, mode: .upsert) {
            try ImportAnalyzer(existing: $0, sink: $1).run(path: file)
        }
        XCTAssertEqual(task.state, .completed)
        return path
    }

    func testReadingAMissingStoreCreatesNothing() throws {
        let path = directory.file("typo/chat.sqlite")
        XCTAssertThrowsError(try ChatStore(path: path, access: .read)) { error in
            guard case .missing(let location) = error as? StoreError else { return XCTFail("\(error)") }
            XCTAssertEqual(location, path)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.file("typo")))
    }

    func testAReadDoesNotWaitForAWriterAndAWriteWaitsThenFails() throws {
        let path = try seededStore()
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = true
        let holder = try DatabaseQueue(path: path, configuration: configuration)
        try holder.writeWithoutTransaction { try $0.execute(sql: "BEGIN IMMEDIATE") }
        defer { try? holder.writeWithoutTransaction { try $0.execute(sql: "ROLLBACK") } }

        let started = Date()
        XCTAssertEqual(try ChatStore(path: path, access: .read).counts()[.user], 1)
        XCTAssertLessThan(Date().timeIntervalSince(started), 1, "a read opens and reads while another connection writes")

        let announced = Locked(0)
        let access = StoreAccess(mode: .write, lockWait: 0.3) { announced.withLock { $0 += 1 } }
        XCTAssertThrowsError(try ChatStore(path: path, access: access)) { error in
            XCTAssertEqual((error as? DatabaseError)?.resultCode, .SQLITE_BUSY, "\(error)")
        }
        XCTAssertEqual(announced.withLock { $0 }, 1, "the wait is announced once")
    }

    func testATaskWhoseProcessIsGoneReadsAsFailed() throws {
        let path = try seededStore()
        let store = try ChatStore(path: path)
        let task = try XCTUnwrap(store.importTasks(limit: 1, offset: 0).first)
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        // As a killed import leaves it: analyzing, owned by a process that is no more.
        let queue = try DatabaseQueue(path: path)
        try queue.write {
            try $0.execute(
                sql: "UPDATE import_tasks SET state = 'analyzing', result = NULL, owner_pid = ? WHERE id = ?",
                arguments: [Int(finished.processIdentifier), task.id]
            )
        }
        let gone = try XCTUnwrap(store.importTask(id: task.id))
        XCTAssertEqual(gone.state, .analyzeFailed)
        XCTAssertEqual(gone.result?.objectValue?["errors"]?.arrayValue?.first?.objectValue?["error"], "interrupted: its process is gone")

        // A process on another host cannot be checked: its task reads as stored.
        try queue.write { try $0.execute(sql: "UPDATE import_tasks SET owner_host = 'elsewhere' WHERE id = ?", arguments: [task.id]) }
        XCTAssertEqual(try store.importTask(id: task.id)?.state, .analyzing)
    }
}
