import ChatCore
import ChatModel
import XCTest

@testable import ChatClient

/// `StreamBackend` against the real server in this process: reads, live events between two
/// users, a failed send, and a server that goes away and comes back on the same port and store.
final class StreamBackendTests: XCTestCase {
    private var server: LocalServer!
    private let general = "messaging:general"

    override func setUpWithError() throws {
        server = try LocalServer()
        try server.start()
        try server.call(
            "POST",
            "users",
            [
                "users": [
                    "alice": ["id": "alice", "name": "Alice"], "bob": ["id": "bob", "name": "Bob"],
                    "carol": ["id": "carol", "name": "Carol"],
                ]
            ]
        )
        try server.call(
            "POST",
            "channels/messaging/general/query",
            ["data": ["created_by_id": "alice", "members": ["alice", "bob", "carol"], "name": "General", "topic": "launch"]]
        )
        try server.call("POST", "channels/messaging/private/query", ["data": ["created_by_id": "alice", "members": ["alice", "carol"]]])
    }

    override func tearDownWithError() throws {
        try server.stop()
    }

    @discardableResult
    private func send(_ user: String, _ channelID: String, _ message: JSONObject) throws -> String {
        let answer = try server.call(as: user, "POST", "channels/messaging/\(channelID)/message", ["message": .object(message)])
        return try XCTUnwrap(answer["message"]?.objectValue?["id"]?.stringValue)
    }

    private func cursor(_ row: MessageRow) throws -> MessageCursor {
        MessageCursor(createdAt: try XCTUnwrap(row.message.createdAt), id: row.id)
    }

    /// Connects `user` and waits until its channels are watched (the list that watching answers arrived).
    private func connected(_ user: String) throws -> (StreamBackend, EventLog) {
        let backend = server.backend(for: user)
        let log = EventLog()
        backend.connect(userID: user, deliver: log.deliver)
        let up = try log.wait(for: .connected)
        _ = try log.wait(for: "\(user)'s channels", from: up) { if case .channelsLoaded(let list) = $0 { list } else { nil } }
        return (backend, log)
    }

    func testReadsMapTheChannelListMessagesWithReactionsAndQuotesAndReplies() throws {
        try server.call(as: "bob", "POST", "channels/messaging/general/read")
        let first = try send("alice", "general", ["text": "first", "priority": "high"])
        try send("alice", "general", ["text": "@bob look", "mentioned_users": ["bob"]])
        let quoting = try send("carol", "general", ["text": "quoting", "quoted_message_id": .string(first)])
        try send("bob", "general", ["text": "in thread", "parent_id": .string(first)])
        try server.call(as: "bob", "POST", "messages/\(first)/reaction", ["reaction": ["type": "like"]])
        try server.call(as: "alice", "POST", "messages/\(first)/reaction", ["reaction": ["type": "love"]])
        let direct = try server.call(
            "POST",
            "channels/messaging/query",
            ["data": ["created_by_id": "alice", "members": ["alice", "bob"]]]
        )
        let directID = try XCTUnwrap(direct["channel"]?.objectValue?["id"]?.stringValue)
        try send("alice", directID, ["text": "psst"])
        try server.call("POST", "moderation/mute/channel", ["user_id": "bob", "channel_cid": .string("messaging:\(directID)")])
        let bob = server.backend(for: "bob")

        let channels = try bob.channels(for: "bob")
        XCTAssertEqual(channels.map(\.channel.cid), ["messaging:\(directID)", general], "newest activity first")
        let dm = channels[0]
        let room = channels[1]
        XCTAssertTrue(dm.isDirect)
        XCTAssertEqual(dm.title, "Alice")
        XCTAssertTrue(dm.muted)
        XCTAssertEqual(dm.unreadCount, 1, "bob joined the DM when it was made (his read position), so alice's psst after it is unread")
        XCTAssertEqual(room.title, "General")
        XCTAssertEqual(room.channel.custom["topic"], "launch")
        XCTAssertFalse(room.isDirect)
        XCTAssertFalse(room.muted)
        XCTAssertEqual(room.memberCount, 3)
        XCTAssertEqual(room.unreadCount, 3, "alice's two and carol's quote; bob's own reply is not unread")
        XCTAssertEqual(room.mentionCount, 1)
        let quotingAt = try XCTUnwrap(bob.message(id: quoting, viewer: "bob")?.message.createdAt)
        XCTAssertEqual(room.lastMessageAt, quotingAt)
        XCTAssertLessThan(try XCTUnwrap(room.lastRead), quotingAt)

        let rows = try bob.messages(cid: general, viewer: "bob", before: nil, limit: 10)
        XCTAssertEqual(rows.map(\.message.text), ["first", "@bob look", "quoting"], "the thread reply stays in its thread")
        XCTAssertEqual(rows[0].authorName, "Alice")
        XCTAssertEqual(rows[0].replyCount, 1)
        XCTAssertEqual(
            rows[0].reactions,
            [.init(type: "like", count: 1, includesMine: true), .init(type: "love", count: 1, includesMine: false)]
        )
        XCTAssertEqual(rows[0].message.custom["priority"], "high")
        XCTAssertEqual(rows[1].message.mentionedUserIDs, ["bob"])
        XCTAssertEqual(rows[2].authorName, "Carol")
        XCTAssertEqual(rows[2].quoted, .init(messageID: first, authorName: "Alice", text: "first", deleted: false))

        XCTAssertEqual(
            try bob.messages(cid: general, viewer: "bob", before: try cursor(rows[2]), limit: 1).map(\.message.text),
            ["@bob look"]
        )
        XCTAssertEqual(
            try bob.messages(cid: general, viewer: "bob", after: try cursor(rows[0]), limit: 1).map(\.message.text),
            ["@bob look"]
        )
        let origin = MessageCursor(createdAt: Timestamp(seconds: -62_135_596_800), id: "")
        XCTAssertEqual(try bob.messages(cid: general, viewer: "bob", after: origin, limit: 2).map(\.message.text), ["first", "@bob look"])

        let replies = try bob.replies(to: first, viewer: "bob", limit: 10)
        XCTAssertEqual(replies.map(\.message.text), ["in thread"])
        XCTAssertEqual(replies.first?.message.parentID, first)
        XCTAssertEqual(replies.first?.authorName, "Bob")
        XCTAssertNil(try bob.message(id: "no-such-message", viewer: "bob"))
        XCTAssertEqual(try bob.members(cid: general).map(\.user.displayName), ["Alice", "Bob", "Carol"])
        XCTAssertEqual(try bob.reactions(messageID: first).map { "\($0.type):\($0.userID)" }, ["like:bob", "love:alice"], "oldest first")
        XCTAssertEqual(try bob.user(id: "carol")?.displayName, "Carol")
        XCTAssertNil(try bob.user(id: "nobody"))
    }

    func testSendTypingAndReactionsReachTheOtherUserLive() throws {
        let (alice, aliceLog) = try connected("alice")
        let (bob, bobLog) = try connected("bob")
        defer {
            alice.disconnect()
            bob.disconnect()
        }

        alice.perform(.send(cid: general, text: "hi @bob", parentID: nil, mentions: ["bob"]))
        let received = try bobLog.wait(for: "alice's message") {
            if case .messageUpserted(let row) = $0, row.message.text == "hi @bob" { row } else { nil }
        }
        XCTAssertEqual(received.authorName, "Alice")
        XCTAssertEqual(received.message.cid, general)
        XCTAssertEqual(received.message.mentionedUserIDs, ["bob"])

        alice.perform(.typing(cid: general, parentID: nil, started: true))
        let typing = try bobLog.wait(for: "alice typing") {
            if case .typingStarted(let cid, nil, let name, let until) = $0 { (cid, name, until) } else { nil }
        }
        XCTAssertEqual(typing.0, general)
        XCTAssertEqual(typing.1, "Alice")
        XCTAssertGreaterThan(typing.2, Timestamp.now())
        alice.perform(.typing(cid: general, parentID: nil, started: false))
        _ = try bobLog.wait(for: "alice stopping") { if case .typingStopped(general, nil, "Alice") = $0 { true } else { nil } }

        // A message sent after the typing comes back to alice twice (the answer, then the socket,
        // which carried her own typing events before it): by then they would have shown.
        alice.perform(.send(cid: general, text: "marker", parentID: nil, mentions: []))
        _ = try poll("the marker over alice's socket") {
            aliceLog.all.filter { if case .messageUpserted(let row) = $0 { row.message.text == "marker" } else { false } }.count == 2
                ? true : nil
        }
        XCTAssertFalse(aliceLog.all.contains { if case .typingStarted = $0 { true } else { false } }, "no indicator for one's own typing")

        try server.call(as: "alice", "POST", "messages/\(received.id)/reaction", ["reaction": ["type": "like"]])
        try server.call(as: "bob", "POST", "messages/\(received.id)/reaction", ["reaction": ["type": "love"]])
        let reacted = try aliceLog.wait(for: "bob's reaction") {
            if case .messageUpserted(let row) = $0, row.id == received.id, row.reactions.count == 2 { row } else { nil }
        }
        XCTAssertEqual(
            reacted.reactions,
            [.init(type: "like", count: 1, includesMine: true), .init(type: "love", count: 1, includesMine: false)],
            "bob's event shows the message as bob sees it; alice's own reaction must still be hers"
        )
    }

    /// `@here` / `@channel` as words of the text go out as Stream's `mentioned_here` /
    /// `mentioned_channel` (Stream's server reads no text), and count as mentions for the others.
    func testHereAndChannelInTheTextAreSentAsStreamsFlags() throws {
        let (alice, _) = try connected("alice")
        let (bob, bobLog) = try connected("bob")
        defer {
            alice.disconnect()
            bob.disconnect()
        }
        let texts = ["@here standup", "all @channel: release", "mail ops@here.example"]
        for text in texts { alice.perform(.send(cid: general, text: text, parentID: nil, mentions: [])) }
        let received = try texts.map { text in
            try bobLog.wait(for: text) { if case .messageUpserted(let row) = $0, row.message.text == text { row.message } else { nil } }
        }
        XCTAssertEqual(received.map { [$0.mentionedHere, $0.mentionedChannel] }, [[true, false], [false, true], [false, false]])
        let room = try XCTUnwrap(server.backend(for: "bob").channels(for: "bob").first { $0.channel.cid == general })
        XCTAssertEqual([room.unreadCount, room.mentionCount], [3, 2])
    }

    func testSendingToAChannelOfOthersDeliversTheServersRefusal() throws {
        let (bob, log) = try connected("bob")
        defer { bob.disconnect() }
        bob.perform(.send(cid: "messaging:private", text: "let me in", parentID: nil, mentions: []))
        let message = try log.wait(for: "the refusal") {
            if case .sendFailed("messaging:private", "let me in", let reason) = $0 { reason } else { nil }
        }
        XCTAssertTrue(message.hasPrefix("Could not send: "), message)
        XCTAssertTrue(message.contains("user bob is not a member of channel messaging:private"), message)
    }

    /// A send the channel type's block list stops answers an `error` message: the reader
    /// gets it as a refusal (the text back in the composer), not as a message in the channel.
    func testASendTheBlockListStopsIsARefusal() throws {
        try server.call("POST", "blocklists", ["name": "cakes", "words": ["cream"]])
        try server.call("PUT", "channeltypes/messaging", ["blocklist": "cakes", "blocklist_behavior": "block"])
        let (bob, log) = try connected("bob")
        defer { bob.disconnect() }
        bob.perform(.send(cid: general, text: "ice cream for all", parentID: nil, mentions: []))
        let reason = try log.wait(for: "the refusal") {
            if case .sendFailed(general, "ice cream for all", let reason) = $0 { reason } else { nil }
        }
        XCTAssertEqual(reason, "Not sent: Message was blocked by moderation policies")
        XCTAssertFalse(log.all.contains { if case .messageUpserted = $0 { true } else { false } }, "nothing shown as sent")
    }

    func testWhenTheServerGoesAndComesBackItReconnectsAndResyncs() throws {
        let (bob, log) = try connected("bob")
        defer { bob.disconnect() }
        let port = server.port
        let beforeStop = log.count
        try server.stop()
        let retry = try log.wait(for: "reconnecting", from: beforeStop) {
            if case .connectionChanged(.reconnecting(let seconds)) = $0 { seconds } else { nil }
        }
        XCTAssertTrue((1...30).contains(retry), "retry in \(retry) s")

        let beforeStart = log.count
        try server.start(port: port)
        let back = try log.wait(for: .connected, from: beforeStart, timeout: 40)
        XCTAssertNotNil(log.all[beforeStart..<back].first { $0.isConnecting }, "connecting is shown while trying")
        let resync = try log.wait(for: "the resync", from: back) { if case .channelsLoaded(let list) = $0 { list } else { nil } }
        XCTAssertEqual(resync.map(\.channel.cid), [general])

        // Watching again through the new connection: typing reaches only a channel's watchers.
        try server.call(as: "alice", "POST", "channels/messaging/general/event", ["event": ["type": "typing.start"]])
        _ = try log.wait(for: "alice typing after the restart", from: back) {
            if case .typingStarted(general, nil, "Alice", _) = $0 { true } else { nil }
        }
    }

    /// A one-to-one partner's presence: asked once the channels are watched (`query_users`
    /// with `presence: true`), then followed through `user.presence.changed` as they come and
    /// go. Only bob: #general's three members have no single partner to show.
    func testThePartnersPresenceAtConnectThenAsItChanges() throws {
        try server.call("POST", "channels/messaging/query", ["data": ["created_by_id": "alice", "members": ["alice", "bob"]]])
        let presence = { (log: EventLog, from: Int, what: String) in
            try log.wait(for: what, from: from) { if case .presenceChanged(let online) = $0 { online } else { nil } }
        }
        let (alice, log) = try connected("alice")
        defer { alice.disconnect() }
        XCTAssertEqual(try presence(log, 0, "bob's presence at connect"), ["bob": false])
        let before = log.count
        let (bob, _) = try connected("bob")
        XCTAssertEqual(try presence(log, before, "bob coming online"), ["bob": true])
        let online = log.count
        bob.disconnect()
        XCTAssertEqual(try presence(log, online, "bob going"), ["bob": false])
    }

    func testBackOffDoublesUpToThirtySecondsWithJitterTakingUpToHalf() {
        XCTAssertEqual((0...6).map { ReconnectBackoff.seconds(afterFailures: $0, jitter: 0) }, [1, 2, 4, 8, 16, 30, 30])
        XCTAssertEqual(ReconnectBackoff.seconds(afterFailures: 0, jitter: 1), 0.5)
        XCTAssertEqual(ReconnectBackoff.seconds(afterFailures: 100, jitter: 1), 15)
    }
}

extension ChatEvent {
    fileprivate var isConnecting: Bool { if case .connectionChanged(.connecting) = self { true } else { false } }
}
