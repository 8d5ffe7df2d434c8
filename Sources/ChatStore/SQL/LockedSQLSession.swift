import Foundation

/// A session whose every call holds `lock`: how the import's thread reads a SQLite store while
/// another thread writes the import's rows through the same connection (`SQLiteImportSink`).
/// SQLite lets one connection serve threads one at a time, and GRDB's statements keep state
/// of the connection's (its authorizer's findings) that a statement prepared meanwhile on the
/// other thread would change.
struct LockedSQLSession: SQLSession {
    let base: any SQLSession
    let lock: NSLock

    var dialect: SQLDialect { base.dialect }

    func rows(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow] {
        try lock.withLock { try base.rows(sql, arguments) }
    }

    func rows(_ sql: String, named arguments: [String: SQLValue]) throws -> [SQLRow] {
        try lock.withLock { try base.rows(sql, named: arguments) }
    }

    @discardableResult func execute(_ sql: String, _ arguments: [SQLValue]) throws -> Int {
        try lock.withLock { try base.execute(sql, arguments) }
    }

    func executeUnawaited(_ sql: String) throws {
        try lock.withLock { try base.executeUnawaited(sql) }
    }
}
