import ChatCore
import ChatModel
import XCTest

@testable import ChatClient

/// The reader's own settings and blocks through `StreamBackend` against the real server in
/// this process: pin, archive and mark unread answer in the next channel list, and a block
/// is in the connection's list and in `/blocked`'s.
final class StreamBackendMembershipTests: XCTestCase {
    private var server: LocalServer!

    override func setUpWithError() throws {
        server = try LocalServer.started(users: ["alice", "bob"])
        try server.call("POST", "channels/messaging/general/query", ["data": ["created_by_id": "alice", "members": ["alice", "bob"]]])
    }

    override func tearDownWithError() throws { try server.stop() }

    func testPinArchiveAndMarkUnreadShowInTheChannelList() throws {
        var ids: [String] = []
        for text in ["one", "two", "three"] {
            let answer = try server.call(as: "bob", "POST", "channels/messaging/general/message", ["message": ["text": .string(text)]])
            ids.append(try XCTUnwrap(answer["message"]?.objectValue?["id"]?.stringValue))
        }
        try server.call(as: "alice", "POST", "channels/messaging/general/read")
        let alice = server.backend(for: "alice")
        XCTAssertTrue(try alice.setPinned(true, cid: "messaging:general", userID: "alice"))
        XCTAssertTrue(try alice.setArchived(true, cid: "messaging:general", userID: "alice"))
        var general = try XCTUnwrap(try alice.channels(for: "alice").first)
        XCTAssertNotNil(general.pinnedAt)
        XCTAssertNotNil(general.archivedAt)
        XCTAssertEqual(general.unreadCount, 0)
        XCTAssertTrue(try alice.markUnread(cid: "messaging:general", userID: "alice", fromMessageID: ids[1]))
        general = try XCTUnwrap(try alice.channels(for: "alice").first)
        XCTAssertEqual(general.unreadCount, 2, "two and three")
        XCTAssertTrue(try alice.setPinned(false, cid: "messaging:general", userID: "alice"))
        XCTAssertTrue(try alice.setArchived(false, cid: "messaging:general", userID: "alice"))
        general = try XCTUnwrap(try alice.channels(for: "alice").first)
        XCTAssertNil(general.pinnedAt)
        XCTAssertNil(general.archivedAt)
    }

    /// The server's refusal comes back with its words: the client shows them as the error.
    func testARefusalKeepsTheServersWords() throws {
        let alice = server.backend(for: "alice")
        XCTAssertThrowsError(try alice.markUnread(cid: "messaging:general", userID: "alice", fromMessageID: "no-such-message")) {
            XCTAssertTrue("\($0)".contains("no-such-message"), "\($0)")
        }
        XCTAssertThrowsError(try alice.setPinned(true, cid: "messaging:nowhere", userID: "alice")) {
            XCTAssertTrue("\($0)".contains("messaging:nowhere"), "\($0)")
        }
    }

    /// `/join`: the team channel alice is not in is offered, and joining it opens it.
    func testJoiningATeamChannel() throws {
        try server.call("POST", "channels/team/books/query", ["data": ["created_by_id": "bob", "name": "Book Club", "members": ["bob"]]])
        try server.call("POST", "channels/messaging/secret/query", ["data": ["created_by_id": "bob", "members": ["bob"]]])
        let alice = server.backend(for: "alice")
        let offered = try alice.joinableChannels(for: "alice")
        XCTAssertEqual(offered.map(\.channel.cid), ["team:books"])
        XCTAssertEqual(offered.first?.memberCount, 1)
        XCTAssertEqual(offered.first?.title, "Book Club")
        let log = EventLog()
        alice.connect(userID: "alice", deliver: log.deliver)
        defer { alice.disconnect() }
        let up = try log.wait(for: .connected)
        alice.perform(.join(cid: "team:books"))
        let opened = try log.wait(for: "the channel opened", from: up) { if case .openChannel(let cid) = $0 { cid } else { nil } }
        XCTAssertEqual(opened, "team:books")
        XCTAssertTrue(try alice.channels(for: "alice").contains { $0.channel.cid == "team:books" && $0.memberCount == 2 })
        XCTAssertEqual(try alice.joinableChannels(for: "alice"), [])
        let mark = log.count
        alice.perform(.join(cid: "messaging:secret"))
        let error = try log.wait(for: "a refusal", from: mark) { if case .failed(let text) = $0 { text } else { nil } }
        XCTAssertTrue(error.hasPrefix("Could not join: "), error)
    }

    /// Alice's other connection (another terminal) hears her pin, archive, mark unread and read live.
    func testAnotherConnectionHearsPinArchiveMarkUnreadAndRead() throws {
        let sent = try server.call(as: "bob", "POST", "channels/messaging/general/message", ["message": ["text": "one"]])
        let id = try XCTUnwrap(sent["message"]?.objectValue?["id"]?.stringValue)
        let listening = server.backend(for: "alice")
        let log = EventLog()
        listening.connect(userID: "alice", deliver: log.deliver)
        defer { listening.disconnect() }
        let up = try log.wait(for: .connected)
        _ = try log.wait(for: "the channel list", from: up) { if case .channelsLoaded(let list) = $0 { list } else { nil } }
        let elsewhere = server.backend(for: "alice")

        var mark = log.count
        XCTAssertTrue(try elsewhere.setPinned(true, cid: "messaging:general", userID: "alice"))
        let pinned = try log.wait(for: "member.updated", from: mark) {
            if case .channelMarksChanged(let cid, let pinnedAt, let archivedAt) = $0 { (cid, pinnedAt, archivedAt) } else { nil }
        }
        XCTAssertEqual(pinned.0, "messaging:general")
        XCTAssertNotNil(pinned.1)
        XCTAssertNil(pinned.2)
        mark = log.count
        XCTAssertTrue(try elsewhere.setArchived(true, cid: "messaging:general", userID: "alice"))
        let archived = try log.wait(for: "member.updated again", from: mark) {
            if case .channelMarksChanged(_, _, let archivedAt) = $0 { archivedAt } else { nil }
        }
        XCTAssertNotNil(archived)
        mark = log.count
        XCTAssertTrue(try elsewhere.markUnread(cid: "messaging:general", userID: "alice", fromMessageID: id))
        let unread = try log.wait(for: "notification.mark_unread", from: mark) {
            if case .markedUnread(let cid, let count, _) = $0 { (cid, count) } else { nil }
        }
        XCTAssertEqual(unread.0, "messaging:general")
        XCTAssertEqual(unread.1, 1)
        mark = log.count
        _ = try server.call(as: "alice", "POST", "channels/messaging/general/read", [:])
        let read = try log.wait(for: "notification.mark_read", from: mark) { if case .markedRead(let cid, _) = $0 { cid } else { nil } }
        XCTAssertEqual(read, "messaging:general")
    }

    func testABlockIsInTheConnectionsListAndInBlocked() throws {
        let alice = server.backend(for: "alice")
        let log = EventLog()
        alice.connect(userID: "alice", deliver: log.deliver)
        defer { alice.disconnect() }
        let up = try log.wait(for: .connected)
        let none = try log.wait(for: "the blocked list at connect", from: up) { if case .blockedUsers(let ids) = $0 { ids } else { nil } }
        XCTAssertEqual(none, [])
        let mark = log.count
        alice.perform(.block(userID: "bob", blocking: true))
        XCTAssertEqual(
            try log.wait(for: "the list after blocking", from: mark) { if case .blockedUsers(let ids) = $0 { ids } else { nil } },
            ["bob"]
        )
        XCTAssertEqual(try log.wait(for: "the notice", from: mark) { if case .notice(let text) = $0 { text } else { nil } }, "Blocked @bob")
        let listed = log.count
        alice.perform(.blockedUsers)
        XCTAssertEqual(
            try log.wait(for: "/blocked", from: listed) { if case .notice(let text) = $0 { text } else { nil } },
            "You block @bob"
        )
        let failed = log.count
        alice.perform(.block(userID: "nobody", blocking: true))
        let error = try log.wait(for: "a refusal", from: failed) { if case .failed(let text) = $0 { text } else { nil } }
        XCTAssertTrue(error.hasPrefix("Could not block @nobody: "), error)
    }
}
