import ChatTestSupport
import XCTest

@testable import ChatStore

/// A report's figures are read in one snapshot (`SQLBackend.snapshot`), so they add up while
/// servers write: on SQLite a read transaction, on PostgreSQL a repeatable-read one.
final class SnapshotTests: XCTestCase {
    func testASnapshotDoesNotSeeWhatIsCommittedDuringIt() throws {
        let directory = TemporaryDirectory()
        let store = try TestStore.open(directory.file("snapshot.sqlite"))
        let users = "SELECT COUNT(*) FROM users"
        let (before, after): (Int?, Int?) = try store.backend.snapshot { db in
            let before: Int? = try db.value(users)
            // Another connection commits a user between the snapshot's two reads.
            try store.backend.write { try $0.execute("INSERT INTO users (id, created_at) VALUES ('late', '2020-01-01T00:00:00.000Z')") }
            return (before, try db.value(users))
        }
        XCTAssertEqual(before, 0)
        XCTAssertEqual(after, 0, "the snapshot saw a later commit")
        XCTAssertEqual(try store.counts()[.user], 1)
    }

    /// `readTogether`: the store's own read calls inside it share one snapshot (a channel
    /// query's reads do), and leave it when it ends; another store's reads are not drawn in.
    func testReadTogetherSharesOneSnapshotAcrossTheStoresCalls() throws {
        let directory = TemporaryDirectory()
        let store = try TestStore.open(directory.file("together.sqlite"))
        let other = try TestStore.open(directory.file("other.sqlite"))
        let insert = "INSERT INTO users (id, created_at) VALUES (?, '2020-01-01T00:00:00.000Z')"
        let (before, inside, otherInside) = try store.readTogether {
            let before = try store.user(id: "late")
            try store.backend.write { try $0.execute(insert, "late") }
            try other.backend.write { try $0.execute(insert, "elsewhere") }
            let inside = try store.readTogether { try store.user(id: "late") }
            return (before, inside, try other.user(id: "elsewhere"))
        }
        XCTAssertNil(before)
        XCTAssertNil(inside, "a read inside readTogether saw a later commit")
        XCTAssertEqual(otherInside?.id, "elsewhere", "another store's read ran in this store's transaction")
        XCTAssertEqual(try store.user(id: "late")?.id, "late")
    }
}
