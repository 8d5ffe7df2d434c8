import ChatModel

/// One connection's worth of SQL, inside the transaction the backend opened for it.
/// Arguments are `?` placeholders in order, or `:name` ones with a dictionary.
public protocol SQLSession {
    var dialect: SQLDialect { get }
    func rows(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow]
    func rows(_ sql: String, named arguments: [String: SQLValue]) throws -> [SQLRow]
    /// Runs a statement; how many rows it changed.
    @discardableResult func execute(_ sql: String, _ arguments: [SQLValue]) throws -> Int
    /// Runs a statement that cannot fail while the connection is sound and whose answer
    /// nothing reads (`BEGIN`, `SAVEPOINT`): where the database is a round trip away, sent
    /// without waiting for it. Statements run in the order sent, so if it fails the next one
    /// fails too ("transaction is aborted") and reports it.
    func executeUnawaited(_ sql: String) throws
}

extension SQLSession {
    func rows(_ sql: String, _ arguments: any SQLBindable...) throws -> [SQLRow] {
        try rows(sql, arguments.map(\.sqlValue))
    }

    func row(_ sql: String, _ arguments: any SQLBindable...) throws -> SQLRow? {
        try rows(sql, arguments.map(\.sqlValue)).first
    }

    /// The first column of the first row (`String.fetchOne` in GRDB).
    func value<T: SQLDecodable>(_ sql: String, _ arguments: any SQLBindable...) throws -> T? {
        try rows(sql, arguments.map(\.sqlValue)).first.flatMap { T.decode($0.values[0]) }
    }

    /// The first column of every row.
    func values<T: SQLDecodable>(_ sql: String, _ arguments: [SQLValue]) throws -> [T] {
        try rows(sql, arguments).compactMap { T.decode($0.values[0]) }
    }

    @discardableResult func execute(_ sql: String, _ arguments: any SQLBindable...) throws -> Int {
        try execute(sql, arguments.map(\.sqlValue))
    }

    func executeUnawaited(_ sql: String) throws { try execute(sql, []) }
}

/// A database the store runs on: SQLite (embedded, the default) or PostgreSQL (shared by
/// several servers). Calls block the caller until the database answered, as GRDB's do.
public protocol SQLBackend: AnyObject, Sendable {
    var dialect: SQLDialect { get }
    /// Runs `body` with a session for reads (the open one inside `ChatStore.readTogether`).
    @discardableResult func read<T>(_ body: (any SQLSession) throws -> T) throws -> T
    /// Runs `body` in one read-only transaction: every query it makes sees the same snapshot,
    /// so figures computed together (a report's) add up even while servers write.
    func snapshot<T>(_ body: (any SQLSession) throws -> T) throws -> T
    /// Runs `body` in one transaction, committed before this returns (rolled back when it throws).
    @discardableResult func write<T>(_ body: (any SQLSession) throws -> T) throws -> T
    /// A whole import as one transaction: committed when `body` returns true, else rolled back.
    func importTransaction(_ body: (any SQLSession) throws -> Bool) throws
}

/// `?, ?, ?` for an `IN (…)` list; an empty list gets `NULL`, which matches nothing.
func placeholders(_ count: Int) -> String {
    count == 0 ? "NULL" : Array(repeating: "?", count: count).joined(separator: ", ")
}
