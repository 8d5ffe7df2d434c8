import ChatTestSupport
import XCTest

@testable import ChatStore

/// Inside one snapshot a query asked again is answered with the rows it got the first time
/// (`MemoizedReads`, what `readTogether` reads through on PostgreSQL); any other is asked.
final class MemoizedReadsTests: XCTestCase {
    /// Passes every query on, noting its SQL and arguments.
    private final class AskingSession: SQLSession {
        let inner: any SQLSession
        var asked: [[SQLValue]] = []
        var dialect: SQLDialect { inner.dialect }
        init(_ inner: any SQLSession) { self.inner = inner }

        func rows(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow] {
            asked.append(arguments)
            return try inner.rows(sql, arguments)
        }
        func rows(_ sql: String, named arguments: [String: SQLValue]) throws -> [SQLRow] { try inner.rows(sql, named: arguments) }
        func execute(_ sql: String, _ arguments: [SQLValue]) throws -> Int { try inner.execute(sql, arguments) }
    }

    func testAQueryAskedAgainIsAnsweredFromTheFirstAnswerAndOnlyThen() throws {
        let directory = TemporaryDirectory()
        let store = try TestStore.open(directory.file("memo.sqlite"))
        try store.backend.snapshot { db in
            let asking = AskingSession(db)
            let reads = MemoizedReads(asking)
            let value: (SQLRow) -> Int = { $0["v"] }
            XCTAssertEqual(try reads.rows("SELECT ? AS v", [.int(1)]).map(value), [1])
            XCTAssertEqual(try reads.rows("SELECT ? AS v", [.int(2)]).map(value), [2], "other arguments are another query")
            XCTAssertEqual(try reads.rows("SELECT ? + 10 AS v", [.int(1)]).map(value), [11], "other SQL is another query")
            XCTAssertEqual(try reads.rows("SELECT ? AS v", [.int(1)]).map(value), [1])
            XCTAssertEqual(asking.asked, [[.int(1)], [.int(2)], [.int(1)]], "the repeated query was not asked again")
        }
    }
}
