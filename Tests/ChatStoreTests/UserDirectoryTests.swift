import ChatModel
import ChatStore
import ChatTestSupport
import XCTest

/// `/msg @` completes from the store's users by the start of an id or a name, case folded;
/// deleted users are left out, and a prefix is text, never a LIKE pattern.
final class UserDirectoryTests: XCTestCase {
    let directory = TemporaryDirectory()

    func testUsersMatchByIDOrNamePrefixByName() throws {
        let store = try TestStore.open(directory.file("users-\(name.hashValue).sqlite"))
        var gone = User(id: "gregor", custom: ["name": "Gregor Gone"])
        gone.deletedAt = Timestamp(rfc3339: "2026-01-01T10:00:00Z")
        _ = try store.upsert(users: [
            User(id: "grace", custom: ["name": "Grace Holloway"]), User(id: "u42", custom: ["name": "greta Lind"]),
            User(id: "GREG"), User(id: "bob", custom: ["name": "Bob"]), User(id: "a_b"), User(id: "axb"), gone,
        ])
        XCTAssertEqual(try store.users(matching: "gr", limit: 10).map(\.id), ["grace", "GREG", "u42"], "by name, case folded")
        XCTAssertEqual(try store.users(matching: "GrEt", limit: 10).map(\.id), ["u42"])
        XCTAssertEqual(try store.users(matching: "gr", limit: 2).map(\.id), ["grace", "GREG"])
        XCTAssertEqual(try store.users(matching: "a_", limit: 10).map(\.id), ["a_b"], "_ is itself, not any character")
        XCTAssertEqual(try store.users(matching: "%", limit: 10).map(\.id), [])
        XCTAssertEqual(try store.users(matching: "", limit: 10).count, 6, "everyone but the deleted user")
    }
}
