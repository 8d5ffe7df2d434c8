import ChatModel
import ChatTestSupport
import XCTest

@testable import ChatStore

/// The event log servers sharing one PostgreSQL database deliver from (PostgreSQL only: runs
/// when `CHATTERM_TEST_POSTGRES` names a server, as `Tests/all.sh` does).
final class PostgresEventLogTests: XCTestCase {
    let directory = TemporaryDirectory()

    /// Two stores on one database: two servers, as far as the log can tell.
    private func twoServers() throws -> (ChatStore, ChatStore) {
        guard TestStore.postgresServer != nil else { throw XCTSkip("PostgreSQL only: set CHATTERM_TEST_POSTGRES (Tests/all.sh does)") }
        let path = directory.file("shared")
        return (try TestStore.open(path), try TestStore.open(path))
    }

    /// Collects what a follower delivers, in order.
    private final class Received: Sendable {
        let events = Locked<[(Int64, String)]>([])
        func wait(for count: Int, timeout: TimeInterval = 10) async -> [(Int64, String)] {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                let now = events.withLock { $0 }
                if now.count >= count { return now }
                try? await Task.sleep(nanoseconds: 20_000_000)
            }
            return events.withLock { $0 }
        }
    }

    private func follow(_ store: ChatStore, after start: Int64) -> (Received, Task<Void, Never>) {
        let received = Received()
        let task = Task { await store.eventLog!.follow(after: start) { id, body in received.events.withLock { $0.append((id, body)) } } }
        return (received, task)
    }

    func testEveryFollowerGetsEveryServersEventsOnceInOneOrder() async throws {
        let (a, b) = try twoServers()
        let start = try a.eventLog!.newestID()
        let (onA, followA) = follow(a, after: start)
        let (onB, followB) = follow(b, after: start)
        defer {
            followA.cancel()
            followB.cancel()
        }
        // Both servers append at once, as two servers answering requests would.
        await withTaskGroup(of: Void.self) { group in
            for (name, store) in [("a", a), ("b", b)] {
                group.addTask { for i in 0..<40 { _ = try? await store.eventLog!.append("{\"from\":\"\(name)\",\"n\":\(i)}") } }
            }
        }
        let seenA = await onA.wait(for: 80)
        let seenB = await onB.wait(for: 80)
        XCTAssertEqual(seenA.count, 80)
        XCTAssertEqual(seenA.map(\.0), Array(start + 1...start + 80), "gapless ids, in order, each once")
        XCTAssertEqual(seenA.map(\.1), seenB.map(\.1), "both servers deliver the one order")
        for name in ["a", "b"] {
            let mine = seenA.map(\.1).filter { $0.contains("\"from\":\"\(name)\"") }
            XCTAssertEqual(mine, (0..<40).map { "{\"from\":\"\(name)\",\"n\":\($0)}" }, "a server's own events keep its order")
        }
    }

    func testAppendsMadeTogetherGoInOneOrderWithTheIDsTheirCallersGet() async throws {
        let (a, b) = try twoServers()
        let start = try a.eventLog!.newestID()
        let (onB, followB) = follow(b, after: start)
        defer { followB.cancel() }
        // Queued one after another without waiting, so most go in a statement with others.
        let ids = Locked<[String: Int64]>([:])
        let bodies = (0..<60).map { "{\"n\":\($0)}" }
        await withTaskGroup(of: Void.self) { group in
            for body in bodies {
                let (appended, done) = AsyncStream<Void>.makeStream()
                a.eventLog!.append(body) { outcome in
                    if case .success(let id) = outcome { ids.withLock { $0[body] = id } }
                    done.finish()
                }
                group.addTask { for await _ in appended {} }
            }
        }
        let seen = await onB.wait(for: 60)
        XCTAssertEqual(seen.map(\.1), bodies, "the order they were made in, each once")
        XCTAssertEqual(seen.map(\.0), Array(start + 1...start + 60), "gapless ids")
        XCTAssertEqual(seen.map { ids.withLock { $0 }[$0.1] }, seen.map(\.0), "each caller got its event's id")
    }

    func testAnEventTooBigForNotifyArrivesFromTheTable() async throws {
        let (a, b) = try twoServers()
        let start = try a.eventLog!.newestID()
        let (onB, followB) = follow(b, after: start)
        defer { followB.cancel() }
        let big = "{\"text\":\"" + String(repeating: "x", count: 20_000) + "\"}"
        try await a.eventLog!.append("{\"small\":1}")
        try await a.eventLog!.append(big)
        try await a.eventLog!.append("{\"small\":2}")
        let seen = await onB.wait(for: 3)
        XCTAssertEqual(seen.map(\.1), ["{\"small\":1}", big, "{\"small\":2}"])
    }

    /// An append whose connection PostgreSQL ended while it ran (a restart) used to fail: the
    /// write it told of was committed and answered, and no watcher ever heard of it.
    func testAnAppendWhoseConnectionEndsMidStatementIsWrittenOnANewOne() async throws {
        let (a, b) = try twoServers()
        let start = try a.eventLog!.newestID()
        let (onB, followB) = follow(b, after: start)
        defer { followB.cancel() }
        let backend = try XCTUnwrap(b.backend as? PostgresBackend)
        let appended = try backend.withConnection { holder in
            // The append waits on the counter row this transaction holds, and is ended there.
            try holder.execute("BEGIN")
            try holder.execute("SELECT id FROM event_counter FOR UPDATE")
            let appended = Task { try await a.eventLog!.append("{\"n\":1}") }
            let waiting = "FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
            while try b.inspect("SELECT pid \(waiting)").isEmpty { Thread.sleep(forTimeInterval: 0.01) }
            XCTAssertEqual(try b.inspect("SELECT pg_terminate_backend(pid) \(waiting)").count, 1)
            try holder.execute("ROLLBACK")
            return appended
        }
        let id = try await appended.value
        let seen = await onB.wait(for: 1)
        XCTAssertEqual(seen.map(\.1), ["{\"n\":1}"], "told once")
        XCTAssertEqual(seen.map(\.0), [id])
    }

    func testAFollowerWhoseConnectionDropsCatchesUpWithWhatItMissed() async throws {
        let (a, b) = try twoServers()
        let start = try a.eventLog!.newestID()
        let (onB, followB) = follow(b, after: start)
        defer { followB.cancel() }
        try await a.eventLog!.append("{\"n\":1}")
        _ = await onB.wait(for: 1)
        // PostgreSQL ends the listening connection (a restart, a failover, an admin).
        let ended = try a.inspect(
            """
            SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE application_name LIKE 'chatterm-events%' AND datname = current_database()
            """
        )
        XCTAssertFalse(ended.isEmpty, "the follower's connection was found")
        for n in 2...20 { try await a.eventLog!.append("{\"n\":\(n)}") }
        let seen = await onB.wait(for: 20)
        XCTAssertEqual(seen.map(\.1), (1...20).map { "{\"n\":\($0)}" }, "nothing missed, nothing twice")
    }
}
