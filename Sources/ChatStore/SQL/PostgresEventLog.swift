import ChatModel
import Foundation
import Logging
import NIOCore
import PostgresNIO

/// The events of every server sharing one PostgreSQL database, in one order. A server appends
/// each event it publishes (after the write it reports has committed) and follows the log to
/// deliver every event, its own included, to its WebSocket watchers.
///
/// Ids are gapless and commit in order (one counter row serializes appends), so a follower
/// that sees id n+2 after n knows it missed n+1 and reads it from the table. `NOTIFY` carries
/// the id and, when it fits in PostgreSQL's 8000-byte payload, the event itself.
public final class PostgresEventLog: Sendable {
    public static let channel = "chatterm_events"
    /// Followers that were away longer than this miss events: rows older are pruned.
    static let retention = "1 hour"
    private static let inlineLimit = 7900

    private let backend: PostgresBackend
    private let logger = Logger(label: "chatterm.events")
    /// Appends that arrive while one statement is under way go in the next one together.
    private let appends: BatchedCalls<String, Int64>

    public init(backend: PostgresBackend) {
        self.backend = backend
        appends = BatchedCalls(label: "chatterm.event-appends") { bodies in try Self.writeSurvivingRestarts(bodies, to: backend) }
    }

    /// Appends `body`; its id, once committed.
    @discardableResult
    public func append(_ body: String) async throws -> Int64 {
        try await appends.call(body)
    }

    /// Appends `body` without waiting: it is queued before this returns, so appends made one
    /// after another keep their order; `then` gets its id once committed.
    public func append(_ body: String, then: @escaping @Sendable (Result<Int64, any Error>) -> Void) {
        appends.call(body, answer: then)
    }

    /// Writes `bodies`, again on a new connection when PostgreSQL ended the one in use or cannot
    /// be reached (a restart), for about 6 s: the writes they tell of are committed and answered
    /// already, and an event not written reaches no watcher. Appends made meanwhile wait, so the
    /// order holds. A connection that ended after the statement committed (its answer lost) left
    /// the bodies in the table: found there, they are not written twice.
    private static func writeSurvivingRestarts(_ bodies: [String], to backend: PostgresBackend) throws -> [Result<Int64, any Error>] {
        var pause = 0.05
        var lost = false
        while true {
            do {
                if lost, let ids = try written(bodies, in: backend) { return ids.map { .success($0) } }
                return try write(bodies, to: backend)
            } catch  where pause < 5 && isConnectionLoss(error) {
                lost = true
                Thread.sleep(forTimeInterval: pause)
                pause *= 2
            }
        }
    }

    /// The ids of `bodies` when the log holds them (all or none: they went in one statement).
    private static func written(_ bodies: [String], in backend: PostgresBackend) throws -> [Int64]? {
        var column = PostgresArrayColumn(kind: .text)
        for body in bodies { column.append(.text(body)) }
        let rows = try backend.withConnection { session in
            try session.rows(
                numbered: "SELECT id FROM events WHERE body = ANY($1::text[]) AND created_at > now() - interval '1 minute' ORDER BY id",
                columns: [column]
            )
        }
        return rows.count == bodies.count ? rows.map { $0["id"] } : nil
    }

    private static func isConnectionLoss(_ error: any Error) -> Bool {
        switch error {
        case StoreError.unreachable: return true
        case is ChannelError: return true
        case let error as PSQLError:
            // 57P: the server ended the session (shutdown, restart, pg_terminate_backend); 08: connection exceptions.
            let state = error.serverInfo?[.sqlState] ?? ""
            return error.code == .serverClosedConnection || error.code == .clientClosedConnection || state.hasPrefix("57P")
                || state.hasPrefix("08")
        default: return false
        }
    }

    /// Writes `bodies` in one statement, so one round trip and one commit whatever their number:
    /// the counter row's lock, held to commit, makes ids gapless and committed in order, and
    /// every append waited on that commit's sync in turn when each was its own. The NOTIFYs go
    /// out at the commit, in the bodies' order.
    private static func write(_ bodies: [String], to backend: PostgresBackend) throws -> [Result<Int64, any Error>] {
        var column = PostgresArrayColumn(kind: .text)
        for body in bodies { column.append(.text(body)) }
        let ids: [Int64] = try backend.withConnection { session in
            try session.rows(
                numbered: """
                    WITH next AS (UPDATE event_counter SET id = id + cardinality($1::text[]) RETURNING id),
                        added AS (
                            INSERT INTO events (id, body)
                            SELECT next.id - cardinality($1::text[]) + sent.n, sent.body
                            FROM next, unnest($1::text[]) WITH ORDINALITY AS sent(body, n)
                            RETURNING id, body
                        )
                    SELECT id, pg_notify('\(channel)', CASE WHEN octet_length(body) <= \(inlineLimit) THEN id || ' ' || body ELSE id::text END)
                    FROM added ORDER BY id
                    """,
                columns: [column]
            ).map { $0["id"] }
        }
        // Past each thousandth id, prune. The appends are committed: a prune that fails is
        // not theirs to report, and the next thousand tries again.
        if let last = ids.last, last / 1000 > (last - Int64(ids.count)) / 1000 {
            _ = try? backend.read { db in try db.execute("DELETE FROM events WHERE created_at < now() - interval '\(retention)'") }
        }
        return ids.map { .success($0) }
    }

    /// The newest id, 0 for an empty log.
    public func newestID() throws -> Int64 {
        try backend.read { db in try db.value("SELECT id FROM event_counter") ?? 0 }
    }

    /// Events after `id`, oldest first.
    public func events(after id: Int64) throws -> [(id: Int64, body: String)] {
        try backend.read { db in
            try db.rows("SELECT id, body FROM events WHERE id > ? ORDER BY id", id).map { (id: $0["id"], body: $0["body"]) }
        }
    }

    /// Hands `deliver` every event after `start` (default: from now on), in id order, each
    /// once, until the task is cancelled. When the listening connection drops it reconnects
    /// (backing off up to 2 s) and reads what it missed from the table. `follower` names the
    /// listening connection (`followers()`); `onListening` runs each time it is listening,
    /// before the catch-up.
    public func follow(
        after start: Int64? = nil,
        as follower: String? = nil,
        onListening: @escaping @Sendable () async -> Void = {},
        deliver: @escaping @Sendable (Int64, String) async -> Void
    ) async {
        var last = start ?? ((try? newestID()) ?? 0)
        var pause: UInt64 = 50_000_000
        while !Task.isCancelled {
            do {
                let (connection, notifications) = try listen(as: follower)
                pause = 50_000_000
                await onListening()
                // Caught up after LISTEN: anything committed later arrives as a notification.
                for event in try events(after: last) {
                    await deliver(event.id, event.body)
                    last = event.id
                }
                await withTaskCancellationHandler {
                    for await payload in notifications {
                        let (id, body) = Self.parse(payload)
                        guard let id, id > last else { continue }
                        if id == last + 1, let body {
                            await deliver(id, body)
                            last = id
                            continue
                        }
                        for event in (try? events(after: last)) ?? [] {
                            await deliver(event.id, event.body)
                            last = event.id
                        }
                    }
                } onCancel: {
                    // Held until closed: postgres-nio asserts that a connection is closed before it goes.
                    connection.close().whenComplete { _ in withExtendedLifetime(connection) {} }
                }
                try? await connection.close().get()
            } catch {
                logger.warning("event log: \(error); reconnecting")
            }
            guard !Task.isCancelled else { break }
            try? await Task.sleep(nanoseconds: pause)
            pause = min(pause * 2, 2_000_000_000)
        }
    }

    /// The names of the followers listening now: a server that died (even by kill -9) is gone
    /// from them once PostgreSQL sees its connection close.
    public func followers() throws -> Set<String> {
        try backend.read { db in
            let names: [String] = try db.rows(
                "SELECT application_name FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE ?",
                Self.listenerName + " %"
            ).map { $0["application_name"] }
            return Set(names.map { String($0.dropFirst(Self.listenerName.count + 1)) })
        }
    }

    private static let listenerName = "chatterm-events"

    /// A connection of its own that LISTENs; its notifications' payloads end when it closes.
    private func listen(as follower: String?) throws -> (PostgresConnection, AsyncStream<String>) {
        let connection = try backend.connect(applicationName: [Self.listenerName, follower].compactMap { $0 }.joined(separator: " "))
        let (stream, continuation) = AsyncStream<String>.makeStream()
        connection.addListener(channel: Self.channel) { _, notification in continuation.yield(notification.payload) }
        connection.closeFuture.whenComplete { _ in continuation.finish() }
        do {
            _ = try connection.answering("LISTEN \(unescaped: Self.channel)", logger: logger).wait()
        } catch {
            try? connection.close().wait()
            throw error
        }
        return (connection, stream)
    }

    private static func parse(_ payload: String) -> (Int64?, String?) {
        guard let space = payload.firstIndex(of: " ") else { return (Int64(payload), nil) }
        return (Int64(payload[..<space]), String(payload[payload.index(after: space)...]))
    }
}
