import ChatCore
import ChatModel
import XCTest

@testable import ChatClient

/// The reader's threads through `StreamBackend` against the real server in this process:
/// `query_threads` read as the threads list's rows with `/unread`'s counts, the counts sent at
/// each connection, and `mark_read` with `thread_id`.
final class StreamBackendThreadsTests: XCTestCase {
    private var server: LocalServer!
    private let general = "messaging:general"

    override func setUpWithError() throws {
        server = try LocalServer.started(users: ["alice", "bob", "carol"])
        try server.call(
            "POST",
            "channels/messaging/general/query",
            ["data": ["created_by_id": "alice", "members": ["alice", "bob", "carol"]]]
        )
    }

    override func tearDownWithError() throws { try server.stop() }

    @discardableResult
    private func post(_ user: String, _ text: String, parent: String? = nil) throws -> String {
        var message: JSONObject = ["text": .string(text)]
        if let parent { message["parent_id"] = .string(parent) }
        let sent = try server.call(as: user, "POST", "channels/messaging/general/message", ["message": .object(message)])
        return try XCTUnwrap(sent["message"]?.objectValue?["id"]?.stringValue)
    }

    /// alice started one thread (bob answered twice), replied in bob's, and stayed out of carol's.
    private func threads() throws -> (started: String, joined: String) {
        let started = try post("alice", "shall we ship?")
        let joined = try post("bob", "release notes drafted")
        let others = try post("carol", "lunch?")
        try post("alice", "reading them now", parent: joined)
        try post("bob", "yes", parent: started)
        try post("bob", "today even", parent: started)
        try post("bob", "pizza", parent: others)
        return (started, joined)
    }

    func testQueryThreadsIsReadAsTheListsRowsUnreadFirst() throws {
        let (started, joined) = try threads()
        let alice = server.backend(for: "alice")
        let page = try alice.threadPage(of: "alice", limit: 10, next: nil)
        XCTAssertEqual(page.rows.map(\.parentID), [started, joined], "hers only, the unread one first")
        XCTAssertNil(page.next)
        let first = page.rows[0]
        XCTAssertEqual(first.parent.message.text, "shall we ship?")
        XCTAssertEqual(first.parent.message.userID, "alice")
        XCTAssertEqual(first.replyCount, 2)
        XCTAssertEqual(first.lastReplyAuthor, "bob", "a user without a name goes by their id")
        XCTAssertNotNil(first.lastReplyAt)
        XCTAssertEqual(first.unreadCount, 2)
        XCTAssertEqual(page.rows[1].unreadCount, 0, "her own reply is the newest there")
        XCTAssertEqual(page.rows[1].lastReplyAuthor, "alice")
        XCTAssertEqual(try alice.unreadThreads(for: "alice").map { [$0.parentMessageID: $0.unreadCount] }, [[started: 2]])
    }

    func testPagesFollowTheServersCursor() throws {
        let (started, joined) = try threads()
        let alice = server.backend(for: "alice")
        let first = try alice.threadPage(of: "alice", limit: 1, next: nil)
        XCTAssertEqual(first.rows.map(\.parentID), [started])
        let next = try XCTUnwrap(first.next)
        let second = try alice.threadPage(of: "alice", limit: 1, next: next)
        XCTAssertEqual(second.rows.map(\.parentID), [joined])
        XCTAssertNil(second.next)
    }

    func testTheCountsComeWithTheConnectionAndMarkingTheThreadReadClearsThem() throws {
        let (started, _) = try threads()
        let alice = server.backend(for: "alice")
        let log = EventLog()
        alice.connect(userID: "alice", deliver: log.deliver)
        defer { alice.disconnect() }
        let up = try log.wait(for: .connected)
        let counts = try log.wait(for: "the unread threads", from: up) { if case .unreadThreadsLoaded(let t) = $0 { t } else { nil } }
        XCTAssertEqual(counts.map(\.parentMessageID), [started])
        alice.perform(.markThreadRead(cid: general, parentID: started))
        let read = try log.wait(for: "the thread's read", from: up) { if case .markedThreadRead(let id) = $0 { id } else { nil } }
        XCTAssertEqual(read, started)
        XCTAssertEqual(try alice.unreadThreads(for: "alice"), [], "the server keeps it read")
        XCTAssertFalse(log.all.contains { if case .failed = $0 { true } else { false } })
        // A new reply there arrives as a message of the thread.
        let reply = try post("bob", "shipped", parent: started)
        let arrived = try log.wait(for: "bob's reply", from: up) {
            if case .messageUpserted(let row) = $0, row.id == reply { row } else { nil }
        }
        XCTAssertEqual(arrived.message.parentID, started)
    }
}
