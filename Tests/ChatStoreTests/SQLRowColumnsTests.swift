import XCTest

@testable import ChatStore

/// `SQLRow.Columns` finds a column's position by name in its own hash table: every name of a
/// wide result is found where it is, a repeated name at its first column, an unknown one nowhere.
final class SQLRowColumnsTests: XCTestCase {
    func testEveryColumnOfAWideResultIsFoundAtItsPosition() {
        // Short and long names (a Swift string of more than 15 bytes is stored apart), names that
        // differ in one byte or only in length, non-ASCII and empty ones, more than the table's
        // first size: every probe sequence has collisions to walk.
        var names = ["id", "cid", "user_id", "restricted_visibility", "restricted_visibilitx", "pinned", "pinned_at", "é", ""]
        names += (0..<40).map { "column_\($0)" }
        let columns = SQLRow.Columns(names)
        for (i, name) in names.enumerated() { XCTAssertEqual(columns.position(of: name), i, name) }
        for absent in ["ID", "restricted_visibility_", "pinne", "column_40", "e"] { XCTAssertNil(columns.position(of: absent), absent) }
    }

    func testARepeatedNameIsItsFirstColumn() {
        let columns = SQLRow.Columns(["cid", "id", "cid", "name", "id"])
        XCTAssertEqual(columns.position(of: "cid"), 0)
        XCTAssertEqual(columns.position(of: "id"), 1)
        XCTAssertEqual(columns.position(of: "name"), 3)
        let row = SQLRow(columns: columns, values: [.text("a:b"), .text("first"), .text("c:d"), .null, .text("second")])
        XCTAssertEqual(row["cid"] as String, "a:b")
        XCTAssertEqual(row["id"] as String, "first")
        XCTAssertNil(row["name"] as String?)
    }

    func testNoColumns() {
        XCTAssertNil(SQLRow.Columns([]).position(of: "id"))
    }
}
