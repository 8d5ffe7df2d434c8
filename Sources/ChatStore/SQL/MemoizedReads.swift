/// A read transaction's session that answers a query it has already run with the rows it got
/// then: inside one snapshot the same statement with the same arguments returns the same rows.
/// Parts of the server that know nothing of each other ask the same things: a send's checks
/// read the sender's row twice, and its event reads the author's row twice more. On PostgreSQL
/// each was a round trip and a parse and plan. `ChatStore.readTogether` uses it there only:
/// SQLite answers in-process, and its own session type lets some reads run in place.
final class MemoizedReads: SQLSession {
    private struct Query: Hashable {
        let sql: String
        let arguments: [SQLValue]
    }

    private let session: any SQLSession
    private var answers: [Query: [SQLRow]] = [:]
    var dialect: SQLDialect { session.dialect }

    init(_ session: any SQLSession) { self.session = session }

    func rows(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow] {
        let query = Query(sql: sql, arguments: arguments)
        if let known = answers[query] { return known }
        let rows = try session.rows(sql, arguments)
        answers[query] = rows
        return rows
    }

    func rows(_ sql: String, named arguments: [String: SQLValue]) throws -> [SQLRow] {
        try session.rows(sql, named: arguments)
    }

    @discardableResult func execute(_ sql: String, _ arguments: [SQLValue]) throws -> Int {
        try session.execute(sql, arguments)
    }
}
