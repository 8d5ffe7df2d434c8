import ChatStore
import XCTest

/// The rows of a store's item tables, for tests that compare two stores table by table.
enum StoreTables {
    static let items = [
        "users", "devices", "future_channel_bans", "channels", "members", "messages", "reactions", "polls", "poll_options", "poll_votes",
    ]

    /// Every row of each item table, in key order, as text.
    static func rows(_ path: String) throws -> [String: [String]] {
        let store = try ChatStore(path: path, access: .read)
        var out: [String: [String]] = [:]
        for table in items {
            out[table] = try store.inspect("SELECT * FROM \(table) ORDER BY 1, 2, 3").map { "\($0.values)" }
        }
        return out
    }

    /// Fails with the first differing row of each table that differs.
    static func assertSame(_ a: String, _ b: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let left = try rows(a)
        let right = try rows(b)
        for table in items {
            let l = left[table] ?? []
            let r = right[table] ?? []
            XCTAssertEqual(l.count, r.count, "\(table): row counts", file: file, line: line)
            if let i = l.indices.first(where: { $0 < r.count && l[$0] != r[$0] }) {
                XCTFail("\(table) row \(i):\n  \(l[i])\n  \(r[i])", file: file, line: line)
            }
        }
        XCTAssertGreaterThan(left.values.map(\.count).reduce(0, +), 0, "the stores hold nothing", file: file, line: line)
    }
}
