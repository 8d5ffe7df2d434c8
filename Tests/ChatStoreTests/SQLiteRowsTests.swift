import ChatModel
import ChatTestSupport
import XCTest

@testable import ChatStore

/// `GRDBSession.rows` reads each column straight from SQLite: every storage class comes back
/// as the `SQLValue` it was, and text comes back whole, a NUL inside it included.
final class SQLiteRowsTests: XCTestCase {
    let directory = TemporaryDirectory()

    func testEveryStorageClassReadsBack() throws {
        let store = try ChatStore(path: directory.file("rows.sqlite"))
        let rows = try store.backend.read { db in
            try db.rows(
                """
                SELECT NULL AS n, -42 AS i, 1.5 AS d, 'héllo' AS t, '' AS e, 'a' || char(0) || 'b' AS z,
                    x'68c3a9' AS b, x'' AS eb, ? AS bound
                UNION ALL SELECT NULL, 9223372036854775807, -0.25, 'second', '', 'x', x'6869', x'', ?
                """,
                [.text("é!"), .int(7)]
            )
        }
        XCTAssertEqual(rows.count, 2)
        XCTAssertEqual(
            rows[0].values,
            [.null, .int(-42), .double(1.5), .text("héllo"), .text(""), .text("a\u{0}b"), .text("hé"), .text(""), .text("é!")]
        )
        XCTAssertEqual(
            rows[1].values,
            [.null, .int(Int64.max), .double(-0.25), .text("second"), .text(""), .text("x"), .text("hi"), .text(""), .int(7)]
        )
        XCTAssertEqual(rows[1]["t"] as String, "second")
        XCTAssertNil(rows[0]["n"] as String?)
    }

    func testAnEmptyResultAndAStatementUsedAgain() throws {
        let store = try ChatStore(path: directory.file("rows.sqlite"))
        try store.backend.read { db in
            let sql = "SELECT value FROM json_each(?) ORDER BY value"
            XCTAssertEqual(try db.rows(sql, [.text("[]")]).count, 0)
            XCTAssertEqual(try db.rows(sql, [.text("[3,1,2]")]).map(\.values), [[.int(1)], [.int(2)], [.int(3)]])
            XCTAssertEqual(try db.rows(sql, [.text("[\"b\",\"a\"]")]).map(\.values), [[.text("a")], [.text("b")]])
        }
    }

    /// Text bound as an argument keeps a NUL inside it, in order or by name, for a read as for
    /// a write: it binds by its length, not as a C string.
    func testTextArgumentsKeepANul() throws {
        let store = try ChatStore(path: directory.file("rows.sqlite"))
        try store.backend.write { db in
            XCTAssertEqual(
                try db.rows("SELECT ? AS t, length(CAST(? AS BLOB)) AS n", [.text("a\u{0}b"), .text("a\u{0}b")]).first?.values,
                [.text("a\u{0}b"), .int(3)]
            )
            XCTAssertEqual(try db.rows("SELECT :t AS t", named: ["t": .text("x\u{0}")]).first?.values, [.text("x\u{0}")])
            try db.execute("CREATE TABLE kept (id TEXT PRIMARY KEY)")
            try db.execute("INSERT INTO kept (id) VALUES (?)", [.text("a\u{0}b")])
            XCTAssertEqual(try db.rows("SELECT COUNT(*) FROM kept WHERE id = ?", [.text("a")]).first?.values, [.int(0)])
            XCTAssertEqual(
                try db.rows("SELECT COUNT(*) FROM kept WHERE id = :id", named: ["id": .text("a\u{0}b")]).first?.values,
                [.int(1)]
            )
        }
    }

    /// Arguments that do not fit the statement are refused as before, by GRDB's path.
    func testArgumentsThatDoNotFitAreRefused() throws {
        let store = try ChatStore(path: directory.file("rows.sqlite"))
        try store.backend.read { db in
            XCTAssertThrowsError(try db.rows("SELECT ? AS t", [.text("a"), .text("b")]))
            XCTAssertThrowsError(try db.rows("SELECT :t AS t", named: ["u": .text("a")]))
        }
    }
}
