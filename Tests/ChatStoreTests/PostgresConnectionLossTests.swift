import ChatModel
import ChatTestSupport
import Foundation
import XCTest

@testable import ChatStore

/// A store whose PostgreSQL connections the server ended (a restart, a failover, an admin):
/// PostgreSQL only, as `Tests/all.sh` runs it. A statement on such a connection used to be
/// dropped by postgres-nio without an answer, and its wait blocked a thread for good: after a
/// restart under traffic a server stopped answering anything, and never exited.
final class PostgresConnectionLossTests: XCTestCase {
    let directory = TemporaryDirectory()

    private func server() throws -> String {
        guard let server = TestStore.postgresServer else {
            throw XCTSkip("PostgreSQL only: set CHATTERM_TEST_POSTGRES (Tests/all.sh does)")
        }
        return server
    }

    /// What `body` gives or throws, run on a thread of its own; a failure if it never answers.
    private func answer<T: Sendable>(_ body: @escaping @Sendable () throws -> T) -> Result<T, any Error>? {
        let answered = expectation(description: "answered")
        let outcome = Locked<Result<T, any Error>?>(nil)
        Thread.detachNewThread {
            let result = Result { try body() }
            outcome.withLock { $0 = result }
            answered.fulfill()
        }
        XCTAssertEqual(XCTWaiter().wait(for: [answered], timeout: 30), .completed, "no answer")
        return outcome.withLock { $0 }
    }

    func testAStatementOnAConnectionPostgreSQLEndedFailsInsteadOfWaitingForever() throws {
        let backend = try PostgresBackend(url: try PostgresBackend.ensureDatabase("chatterm_lost_connection", onServerOf: try server()))
        try backend.withConnection { session in
            let pid: Int64 = try XCTUnwrap(try session.value("SELECT pg_backend_pid()"))
            try backend.read { db in _ = try db.execute("SELECT pg_terminate_backend(?::integer)", pid) }
            while !session.connection.isClosed { Thread.sleep(forTimeInterval: 0.01) }

            let outcome = answer { try session.rows("SELECT 1", []).count }
            XCTAssertThrowsError(try outcome?.get(), "the connection is gone")
        }
    }

    func testAStoreWhosePooledConnectionsPostgreSQLEndedReadsOnWithNewOnes() throws {
        _ = try server()
        let path = directory.file("lost")
        let store = try TestStore.open(path)
        let admin = try TestStore.open(path)
        let pooled: Int64? = try store.inspect("SELECT 1 AS one").first?["one"]
        XCTAssertEqual(pooled, 1, "a connection is pooled")
        let others = "FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
        XCTAssertFalse(try admin.inspect("SELECT pg_terminate_backend(pid) \(others)").isEmpty, "the store's connection was found")
        while try !admin.inspect("SELECT pid \(others)").isEmpty { Thread.sleep(forTimeInterval: 0.01) }

        _ = answer { try store.inspect("SELECT 2").count }
        let read: Int64? = try store.inspect("SELECT 2 AS two").first?["two"]
        XCTAssertEqual(read, 2, "a connection PostgreSQL ended is not used again")
    }
}
