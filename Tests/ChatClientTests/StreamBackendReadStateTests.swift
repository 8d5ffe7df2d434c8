import ChatCore
import ChatModel
import XCTest

@testable import ChatClient

/// What others do that the reader sees beside their messages, through `StreamBackend` against
/// the real server in this process: how far each member has read (the channel state's `read`,
/// then `message.read`), and typing in a thread (`parent_id`) told apart from the channel's.
final class StreamBackendReadStateTests: XCTestCase {
    private var server: LocalServer!
    private let general = "messaging:general"

    override func setUpWithError() throws {
        server = try LocalServer()
        try server.start()
        try server.call("POST", "users", ["users": ["alice": ["id": "alice", "name": "Alice"], "bob": ["id": "bob", "name": "Bob"]]])
        try server.call("POST", "channels/messaging/general/query", ["data": ["created_by_id": "alice", "members": ["alice", "bob"]]])
    }

    override func tearDownWithError() throws { try server.stop() }

    func testMembersCarryTheirReadPositionAndReadsArriveLive() throws {
        let sent = try server.call(as: "alice", "POST", "channels/messaging/general/message", ["message": ["text": "seen?"]])
        let at = try XCTUnwrap(sent["message"]?.objectValue?["created_at"]?.stringValue.flatMap(Timestamp.init(rfc3339:)))
        let alice = server.backend(for: "alice")
        let before = try XCTUnwrap(alice.members(cid: general).first { $0.user.id == "bob" })
        XCTAssertLessThan(try XCTUnwrap(before.member.lastRead), at, "bob joined before it and has not read since")

        let log = EventLog()
        alice.connect(userID: "alice", deliver: log.deliver)
        defer { alice.disconnect() }
        let up = try log.wait(for: .connected)
        _ = try log.wait(for: "alice's channels", from: up) { if case .channelsLoaded = $0 { true } else { nil } }
        try server.call(as: "bob", "POST", "channels/messaging/general/read")
        let read = try log.wait(for: "bob's read", from: up) {
            if case .memberRead(let cid, let user, let readAt, let messageID) = $0 { (cid, user, readAt, messageID) } else { nil }
        }
        XCTAssertEqual(read.0, general)
        XCTAssertEqual(read.1, "bob")
        XCTAssertGreaterThanOrEqual(read.2, at)
        XCTAssertNil(read.3)
        let after = try XCTUnwrap(alice.members(cid: general).first { $0.user.id == "bob" })
        XCTAssertGreaterThanOrEqual(try XCTUnwrap(after.member.lastRead), at, "the state says so too")
        // Her own read is her business: notification.mark_read, not a receipt.
        try server.call(as: "alice", "POST", "channels/messaging/general/read")
        _ = try log.wait(for: "alice's own read", from: up) { if case .markedRead = $0 { true } else { nil } }
        XCTAssertFalse(log.all.contains { if case .memberRead(_, "alice", _, _) = $0 { true } else { false } })
    }

    func testTypingInAThreadArrivesWithItsParent() throws {
        let root = try server.call(as: "alice", "POST", "channels/messaging/general/message", ["message": ["text": "root"]])
        let rootID = try XCTUnwrap(root["message"]?.objectValue?["id"]?.stringValue)
        let bob = server.backend(for: "bob")
        let log = EventLog()
        bob.connect(userID: "bob", deliver: log.deliver)
        defer { bob.disconnect() }
        let up = try log.wait(for: .connected)
        _ = try log.wait(for: "bob's channels", from: up) { if case .channelsLoaded = $0 { true } else { nil } }
        let alice = server.backend(for: "alice")
        alice.connect(userID: "alice", deliver: { _ in })
        defer { alice.disconnect() }
        alice.perform(.typing(cid: general, parentID: rootID, started: true))
        let started = try log.wait(for: "alice typing in the thread", from: up) {
            if case .typingStarted(let cid, let parent, "Alice", _) = $0 { (cid, parent) } else { nil }
        }
        XCTAssertEqual(started.0, general)
        XCTAssertEqual(started.1, rootID)
        alice.perform(.typing(cid: general, parentID: rootID, started: false))
        let stopped = try log.wait(for: "alice stopping", from: up) {
            if case .typingStopped(_, let parent, "Alice") = $0 { parent } else { nil }
        }
        XCTAssertEqual(stopped, rootID)
    }
}
