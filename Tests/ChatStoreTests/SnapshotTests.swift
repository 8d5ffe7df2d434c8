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
}
