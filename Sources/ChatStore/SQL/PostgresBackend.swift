import ChatModel
import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO

/// PostgreSQL through postgres-nio, for several servers sharing one database. Connections are
/// pooled; each call takes one, waits on it (never on an event loop: the server's handlers run
/// as Swift tasks) and gives it back.
public final class PostgresBackend: SQLBackend {
    public let address: PostgresAddress
    private let configuration: PostgresConnection.Configuration
    private let idle = Locked<[PostgresConnection]>([])
    private let nextID = Locked(0)
    private let logger = Logger(label: "chatterm.postgres")
    public var dialect: SQLDialect { .postgres }

    /// Connects to `url`; for writing, brings the schema up to date (one instance at a time);
    /// for reading, only checks that the database holds a store.
    public init(url: String, access: StoreAccess = .write) throws {
        address = try PostgresAddress(url: url)
        configuration = address.configuration
        if access.mode == .write {
            try migrate()
        } else if try read({
            try $0.value("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'chatterm_migrations'") as Int?
        }) == 0 {
            throw StoreError.missing(address.redacted)
        }
    }

    deinit {
        for connection in idle.withLock({ $0 }) { try? connection.close().wait() }
    }

    /// A new connection of its own, outside the pool (the event listener keeps one open);
    /// `applicationName` is what `pg_stat_activity` shows for it.
    public func connect(applicationName: String = "chatterm") throws -> PostgresConnection {
        let id = nextID.withLock { id in
            id += 1
            return id
        }
        var configuration = configuration
        // Without JIT: chatterm's statements are short, and a snapshot's aggregates (a report's)
        // run once each, where compiling them cost more than it saved (0.85 s of the unread
        // figures' 1.04 s over 200,000 messages). Set at connect, not per transaction: a
        // statement less in each.
        configuration.options.additionalStartupParameters = [("application_name", applicationName), ("jit", "off")]
        do {
            return try PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.any(),
                configuration: configuration,
                id: id,
                logger: logger
            ).wait()
        } catch {
            throw StoreError.unreachable("cannot reach PostgreSQL at \(address)", underlying: error)
        }
    }

    /// Runs `body` on a pooled connection. A connection the server closed is closed here too
    /// (postgres-nio wants that) and not pooled, nor used when it closed while pooled (after a
    /// restart every pooled connection has); any other is clean again when `body` is done
    /// (`write` rolls back what failed), so it goes back to the pool.
    func withConnection<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        let connection = try pooledConnection() ?? connect()
        defer {
            if connection.isClosed {
                _ = try? connection.close().wait()
            } else {
                idle.withLock { $0.append(connection) }
            }
        }
        return try body(PostgresSession(connection: connection, logger: logger))
    }

    /// The newest pooled connection still open; the closed ones met on the way are closed.
    private func pooledConnection() -> PostgresConnection? {
        while let connection = idle.withLock({ $0.popLast() }) {
            guard connection.isClosed else { return connection }
            _ = try? connection.close().wait()
        }
        return nil
    }

    @discardableResult public func read<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        if let open = ReadScope.session(for: self) { return try body(open) }
        return try withConnection { try body($0) }
    }

    /// Repeatable read: the transaction's first query fixes the snapshot every later one sees.
    public func snapshot<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        if let open = ReadScope.session(for: self) { return try body(open) }
        return try transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") { try body($0) }
    }

    @discardableResult public func write<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        try transaction("BEGIN") { try body($0) }
    }

    /// `body` between `begin` (not waited on: `body`'s first statement follows it) and COMMIT,
    /// rolled back when it throws.
    private func transaction<T>(_ begin: String, _ body: (PostgresSession) throws -> T) throws -> T {
        try withConnection { session in
            session.executeUnawaited(begin)
            do {
                let result = try body(session)
                try session.execute("COMMIT")
                return result
            } catch {
                _ = try? session.execute("ROLLBACK")
                throw error
            }
        }
    }

    public func importTransaction(_ body: (any SQLSession) throws -> Bool) throws {
        try withConnection { session in
            try session.execute("BEGIN")
            do {
                try session.execute(try body(session) ? "COMMIT" : "ROLLBACK")
            } catch {
                _ = try? session.execute("ROLLBACK")
                throw error
            }
        }
    }

    /// Runs `body` with `interruption` set to cancel whatever statement `session` runs
    /// (`pg_cancel_backend`, sent on another connection): a stopped import then ends within a
    /// round trip, not after the statement in flight, and its transaction rolls back at once.
    /// Cleared before `body`'s transaction commits or rolls back, so no later statement of the
    /// pooled connection can be cancelled.
    func cancellingStatements<T>(of session: PostgresSession, on interruption: ImportInterruption?, _ body: () throws -> T) throws -> T {
        guard let interruption else { return try body() }
        let pid: Int64 = try session.value("SELECT pg_backend_pid()") ?? 0
        interruption.setStopAction { [self] in _ = try? read { try $0.execute("SELECT pg_cancel_backend(?::integer)", pid) } }
        defer { interruption.setStopAction(nil) }
        return try body()
    }

    /// Applies the migrations the database lacks, under an advisory lock: instances that start
    /// together migrate one after the other, and the later ones find nothing to do.
    private func migrate() throws {
        try transaction("BEGIN") { db in
            try db.execute("SELECT pg_advisory_xact_lock(\(PostgresLocks.migrations))")
            try db.execute(
                "CREATE TABLE IF NOT EXISTS chatterm_migrations (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"
            )
            let applied = Set(try db.values("SELECT name FROM chatterm_migrations", []) as [String])
            for step in Schema.steps + Schema.postgresSteps where !applied.contains(step.name) {
                for statement in step.postgres ?? Schema.postgresDDL(step.sql) { try db.execute(statement) }
                try step.fill?(db)
                try db.execute("INSERT INTO chatterm_migrations (name) VALUES (?)", step.name)
            }
        }
    }
}

/// Advisory lock keys (any bigint unique to what it guards).
enum PostgresLocks {
    static let migrations: Int64 = 0x6368_6174_0001
    static let imports: Int64 = 0x6368_6174_0002
}

/// Where a PostgreSQL database is: `postgres://USER[:PASSWORD]@HOST[:PORT]/DB`, with
/// `?host=/socket/dir` for a Unix socket.
public struct PostgresAddress: Sendable, CustomStringConvertible {
    public var user: String
    var password: String?
    public var host: String
    public var port: Int
    public var database: String
    /// A Unix socket directory, when the URL names one.
    public var socketDirectory: String?

    public init(url: String) throws {
        guard let components = URLComponents(string: url), ["postgres", "postgresql"].contains(components.scheme ?? "") else {
            throw StoreError.badAddress("not a PostgreSQL URL: \(url) (expected postgres://USER@HOST:PORT/DATABASE)")
        }
        user = components.user ?? ProcessInfo.processInfo.environment["USER"] ?? "postgres"
        password = components.password
        host = components.host.flatMap { $0.isEmpty ? nil : $0 } ?? "localhost"
        port = components.port ?? 5432
        database = String(components.path.drop { $0 == "/" })
        socketDirectory = components.queryItems?.first { $0.name == "host" }?.value
        guard !database.isEmpty else { throw StoreError.badAddress("no database in \(url): add /DATABASE after the host") }
    }

    public var description: String { socketDirectory.map { "\($0)/.s.PGSQL.\(port) (\(database))" } ?? "\(host):\(port)/\(database)" }

    /// The URL without a password, for logs and messages.
    public var redacted: String { "postgres://\(user)@\(host):\(port)/\(database)" + (socketDirectory.map { "?host=\($0)" } ?? "") }

    var url: String {
        "postgres://\(user)" + (password.map { ":\($0)" } ?? "") + "@\(host):\(port)/\(database)"
            + (socketDirectory.map { "?host=\($0)" } ?? "")
    }

    var configuration: PostgresConnection.Configuration {
        if let socketDirectory {
            return .init(unixSocketPath: "\(socketDirectory)/.s.PGSQL.\(port)", username: user, password: password, database: database)
        }
        return .init(host: host, port: port, username: user, password: password, database: database, tls: .disable)
    }
}

/// Why the store cannot be opened or reached.
public enum StoreError: Error, CustomStringConvertible {
    case badAddress(String)
    /// The driver's error is kept for `--verbose`; the message names the server only.
    case unreachable(String, underlying: any Error)
    /// Reading a store that is not there (its path, or PostgreSQL URL without the password).
    case missing(String)
    /// Reading a store whose schema is older than this chatterm (or not a chatterm store).
    case outdated(String)

    public var description: String {
        switch self {
        case .badAddress(let m), .unreachable(let m, _): m
        case .missing(let location): "no store at \(location)"
        case .outdated(let location):
            "\(location) is not a store of this version of chatterm (a writing command, such as chatterm import, brings a store up to date)"
        }
    }
}

extension PostgresBackend {
    /// Makes sure database `name` exists on the server `url` points at; the URL of that database.
    /// (For tests and benchmarks that need a database of their own.)
    public static func ensureDatabase(_ name: String, onServerOf url: String) throws -> String {
        var address = try PostgresAddress(url: url)
        let connection = try PostgresConnection.connect(
            on: MultiThreadedEventLoopGroup.singleton.any(),
            configuration: address.configuration,
            id: 0,
            logger: Logger(label: "chatterm.postgres")
        ).wait()
        defer { _ = try? connection.close().wait() }
        let session = PostgresSession(connection: connection, logger: Logger(label: "chatterm.postgres"))
        if try session.row("SELECT 1 FROM pg_database WHERE datname = ?", name) == nil {
            try session.execute("CREATE DATABASE \"\(name.replacingOccurrences(of: "\"", with: ""))\"")
        }
        address.database = name
        return address.url
    }
}
