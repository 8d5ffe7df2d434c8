import ChatModel
import Foundation
import Logging
import NIOCore
import PostgresNIO

/// One PostgreSQL connection as a session: `?` and `:name` placeholders become `$1…`, values
/// bind as text, bigint or double, and rows come back as `SQLValue`s.
struct PostgresSession: SQLSession {
    let connection: PostgresConnection
    let logger: Logger
    var dialect: SQLDialect { .postgres }

    func rows(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow] {
        try run(PostgresPlaceholders.positional(sql), arguments).rows
    }

    func rows(_ sql: String, named arguments: [String: SQLValue]) throws -> [SQLRow] {
        let translated = PostgresPlaceholders.named(sql)
        return try run(translated.sql, translated.names.map { arguments[$0] ?? .null }).rows
    }

    @discardableResult func execute(_ sql: String, _ arguments: [SQLValue]) throws -> Int {
        try run(PostgresPlaceholders.positional(sql), arguments).changed
    }

    /// Each statement waited on is a round trip: a loopback trip and two thread wake-ups, and
    /// about a third of a send's server time went to them.
    func executeUnawaited(_ sql: String) {
        _ = connection.answering(PostgresQuery(unsafeSQL: sql), logger: logger)
    }

    /// Sends a statement in PostgreSQL's `$1…` form whose arguments are whole columns (see
    /// `PostgresArrayColumn`) without waiting for its answer: the connection runs statements in
    /// the order sent, so the caller can make the next while the server runs this one. The
    /// future gives how many rows it changed.
    func send(numbered sql: String, columns: [PostgresArrayColumn]) -> EventLoopFuture<Int> {
        connection.answering(query(sql, columns: columns), logger: logger).map { $0.metadata.rows ?? 0 }
    }

    /// Sends `rows` by `COPY table (columns) FROM STDIN`, returning once the server has begun
    /// this COPY (so once the statement before it ended): the future gives the rows' count when
    /// the server has them. postgres-nio's COPY runs in a task of its own, so waiting for its
    /// start keeps the connection's statements in the order sent: a ROLLBACK sent after this
    /// call comes after the COPY, never before it, where it would land outside the transaction.
    func copy(into table: String, columns: [String], rows: PostgresCopyRows) throws -> EventLoopFuture<Int> {
        let started = connection.eventLoop.makePromise(of: Void.self)
        let copied = connection.eventLoop.makeFutureWithTask { [connection, logger] in
            var begun = false
            do {
                try await connection.copyFrom(table: table, columns: columns, logger: logger) { writer in
                    begun = true
                    started.succeed()
                    try await writer.write(rows.text)
                }
            } catch {
                if !begun { started.fail(error) }
                throw error
            }
            return rows.count
        }
        try started.futureResult.wait()
        return copied
    }

    /// The rows of a statement in `$1…` form whose arguments are whole columns.
    func rows(numbered sql: String, columns: [PostgresArrayColumn]) throws -> [SQLRow] {
        try run(query(sql, columns: columns)).rows
    }

    private func query(_ sql: String, columns: [PostgresArrayColumn]) -> PostgresQuery {
        var binds = PostgresBindings(capacity: columns.count)
        for column in columns { binds.append(column, context: .default) }
        return PostgresQuery(unsafeSQL: sql, binds: binds)
    }

    private func query(_ sql: String, _ arguments: [SQLValue]) -> PostgresQuery {
        var binds = PostgresBindings(capacity: arguments.count)
        for argument in arguments {
            switch argument {
            case .null: binds.appendNull()
            case .int(let i): binds.append(i)
            case .double(let d): binds.append(d)
            case .text(let s): binds.append(s)
            }
        }
        return PostgresQuery(unsafeSQL: sql, binds: binds)
    }

    private func run(_ sql: String, _ arguments: [SQLValue]) throws -> (rows: [SQLRow], changed: Int) {
        try run(query(sql, arguments))
    }

    private func run(_ query: PostgresQuery) throws -> (rows: [SQLRow], changed: Int) {
        let result = try connection.answering(query, logger: logger).wait()
        guard let first = result.rows.first else { return ([], result.metadata.rows ?? 0) }
        let columns = SQLRow.Columns(first.map(\.columnName))
        let rows = try result.rows.map { row in SQLRow(columns: columns, values: try row.map(Self.value)) }
        return (rows, result.metadata.rows ?? rows.count)
    }

    private static func value(_ cell: PostgresCell) throws -> SQLValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int2, .int4, .int8: return .int(try cell.decode(Int64.self))
        case .float4, .float8: return .double(try cell.decode(Double.self))
        case .bool: return .int(try cell.decode(Bool.self) ? 1 : 0)
        case .numeric:
            let number = try cell.decode(Decimal.self)
            let whole = NSDecimalNumber(decimal: number)
            return number == Decimal(whole.int64Value) ? .int(whole.int64Value) : .double(whole.doubleValue)
        default: return .text(try cell.decode(String.self))
        }
    }
}

extension PostgresConnection {
    /// `query`'s result, failed if the connection has closed by the time the statement is
    /// written: postgres-nio drops a write to a closed channel without failing its future, and
    /// a wait on that future never ended (after PostgreSQL ended a pooled connection, the next
    /// statement on it blocked its thread for good). Checked on the connection's event loop
    /// after the write, so a statement that reached the connection answers as postgres-nio
    /// answers it, an error included.
    func answering(_ query: PostgresQuery, logger: Logger) -> EventLoopFuture<PostgresQueryResult> {
        let answer = eventLoop.makePromise(of: PostgresQueryResult.self)
        self.query(query, logger: logger).cascade(to: answer)
        eventLoop.execute { [self] in
            if isClosed { answer.fail(ChannelError.ioOnClosedChannel) }
        }
        return answer.futureResult
    }
}

/// SQLite-style placeholders in PostgreSQL's numbered form, translated once per SQL text.
enum PostgresPlaceholders {
    private static let cache = Locked<[String: (sql: String, names: [String])]>([:])

    /// `?` → `$1, $2, …` in order.
    static func positional(_ sql: String) -> String { translate(sql).sql }

    /// `:name` → `$k`, the same name the same number; `names[k-1]` is the k-th name.
    static func named(_ sql: String) -> (sql: String, names: [String]) { translate(sql) }

    private static func translate(_ sql: String) -> (sql: String, names: [String]) {
        if let known = cache.withLock({ $0[sql] }) { return known }
        var out = ""
        var names: [String] = []
        var count = 0
        var inString = false
        var chars = sql.makeIterator()
        var pending: Character? = nil
        func isName(_ c: Character) -> Bool { c == "_" || c.isLetter || c.isNumber }
        while let c = pending ?? chars.next() {
            pending = nil
            if inString {
                out.append(c)
                if c == "'" { inString = false }
                continue
            }
            switch c {
            case "'":
                inString = true
                out.append(c)
            case "?":
                count += 1
                out += "$\(count)"
            case ":":
                guard let next = chars.next() else {
                    out.append(c)
                    break
                }
                if next == ":" {
                    out += "::"  // a cast
                } else if isName(next) {
                    var name = String(next)
                    while let more = chars.next() {
                        if isName(more) {
                            name.append(more)
                        } else {
                            pending = more
                            break
                        }
                    }
                    if let index = names.firstIndex(of: name) {
                        out += "$\(index + 1)"
                    } else {
                        names.append(name)
                        out += "$\(names.count)"
                    }
                } else {
                    out.append(c)
                    pending = next
                }
            default:
                out.append(c)
            }
        }
        let translated = (out, names)
        cache.withLock { cache in
            // IN lists make one text per length: keep the cache bounded.
            if cache.count > 2000 { cache.removeAll() }
            cache[sql] = translated
        }
        return translated
    }
}
