import ChatCore
import ChatModel
import XCTest

/// What the reader has seen: unread and mention badges, reply counts, and visiting unread channels.
final class ReadStateReducerTests: XCTestCase, LiveReducerScript {
    private func channel(_ id: String, unread: Int = 0, mentions: Int = 0) -> ChannelSummary {
        var c = ChannelSummary(channel: Channel(type: "messaging", id: id, createdBy: "alice"), lastMessageAt: Timestamp(seconds: 1))
        c.unreadCount = unread
        c.mentionCount = mentions
        return c
    }

    /// B1: the connect-time channel list, counted before the mark-read reached the server,
    /// does not put the open channel's badge back.
    func testTheChannelBeingReadShowsNoUnreadWhenTheListArrivesAgain() {
        var s = ChatState(userID: "alice", userName: "Alice")
        s.connection = .connecting
        let stale = [channel("general", unread: 3, mentions: 1), channel("random", unread: 2)]
        var effects: [ChatEffect]
        (s, effects) = reduce(s, .channelsLoaded(stale))
        XCTAssertEqual(effects, [.loadChannel(cid: "messaging:general")])
        (s, effects) = reduce(s, .channelLoaded(cid: "messaging:general", rows: [message("old", from: "bob", at: 10)], members: []))
        XCTAssertEqual(effects, [.live(.markRead(cid: "messaging:general"))])
        (s, effects) = reduce(s, .connectionChanged(.connected), .channelsLoaded(stale))
        let general = s.channels.first { $0.channel.id == "general" }
        XCTAssertEqual(general?.unreadCount, 0, "the open channel, read to the bottom, has no unread")
        XCTAssertEqual(general?.mentionCount, 0)
        XCTAssertEqual(s.channels.filter { $0.unreadCount > 0 }.map(\.channel.id), ["random"], "only the other channel counts")
        XCTAssertEqual(effects, [.live(.markRead(cid: "messaging:general"))], "the server is told again")
    }

    /// Read to the bottom, then left and opened again in the session: the "New messages" line
    /// came back where it was at first, above messages read since (the read moved no read
    /// position here, only the server's).
    func testAChannelReadAndOpenedAgainHasNoNewMessagesLine() {
        var s = live()
        s.channels[1].lastRead = Timestamp(seconds: 5)
        let rows = [
            message("r1", from: "bob", cid: "messaging:random", at: 4), message("r2", from: "bob", cid: "messaging:random", at: 20),
        ]
        s.channels[1].unreadCount = 1
        var effects: [ChatEffect]
        (s, effects) = reduce(s, .openChannel(cid: "messaging:random"), .channelLoaded(cid: "messaging:random", rows: rows, members: []))
        XCTAssertEqual(effects.last, .live(.markRead(cid: "messaging:random")))
        XCTAssertEqual(s.window?.firstUnreadID(viewer: "alice"), "r2", "the line, this time")
        (s, _) = reduce(s, .openChannel(cid: "messaging:general"), .openChannel(cid: "messaging:random"))
        (s, _) = reduce(s, .channelLoaded(cid: "messaging:random", rows: rows, members: []))
        XCTAssertNil(s.window?.firstUnreadID(viewer: "alice"), "read: no line")
    }

    /// B1: a reader scrolled back has not read the channel; the server's counts stand.
    func testAReaderScrolledBackKeepsTheServersCounts() {
        var s = live()
        s =
            reduce(
                s,
                .channelLoaded(cid: "messaging:general", rows: (0..<30).map { message("m\($0)", from: "bob", at: Int64($0)) }, members: [])
            )
            .0
        s = reduce(s, .scroll(messages: 5)).0
        let (next, effects) = reduce(s, .channelsLoaded([channel("general", unread: 4), channel("random")]))
        XCTAssertEqual(next.channels.first { $0.channel.id == "general" }?.unreadCount, 4)
        XCTAssertEqual(effects, [])
    }

    /// B2: `⤷ N replies` follows replies as they arrive, once each.
    func testARepliesCountGrowsWithEachNewReply() {
        var s = live()
        s = reduce(s, .messageUpserted(message("r1", from: "bob", at: 20, parent: "old"))).0
        XCTAssertEqual(s.window?.rows.first { $0.id == "old" }?.replyCount, 1, "someone else's reply")
        s = reduce(s, .messageUpserted(message("r1", from: "bob", at: 20, parent: "old"))).0
        XCTAssertEqual(s.window?.rows.first { $0.id == "old" }?.replyCount, 1, "the same reply again counts once")
        s = reduce(s, .openThread, .threadLoaded(root: s.window!.rows[0], replies: [message("r1", from: "bob", at: 20, parent: "old")])).0
        s = reduce(s, .messageUpserted(message("r2", from: "alice", at: 21, parent: "old"))).0
        XCTAssertEqual(s.window?.rows.first { $0.id == "old" }?.replyCount, 2, "one's own reply, written in the thread")
        XCTAssertEqual(s.thread?.root.replyCount, 2)
        XCTAssertEqual(s.thread?.replies.map(\.id), ["r1", "r2"])
    }
}

extension ReadStateReducerTests {
    /// B9: Alt-A went by a sidebar that re-sorted on every message, and passed channels with
    /// mentions. Now mentions come first, then unread, in the sidebar's order, which arriving
    /// messages do not change; Alt-S goes back.
    func testNextUnreadVisitsMentionsFirstInAStableOrder() {
        var s = ChatState(userID: "alice", userName: "Alice")
        s.connection = .connected
        let list = [channel("general"), channel("ops", unread: 2), channel("design", unread: 1, mentions: 1), channel("random", unread: 5)]
        s = reduce(s, .channelsLoaded(list)).0
        XCTAssertEqual(s.openCID, "messaging:ops", "the first with unread opens")
        let order = ChatReducer.sidebarOrder(s.channels).map(\.channel.id)
        XCTAssertEqual(order, ["ops", "design", "random", "general"])
        s = reduce(s, .channelLoaded(cid: "messaging:ops", rows: [], members: [])).0
        // Messages arriving everywhere leave the sidebar as it was.
        s = reduce(s, .messageUpserted(message("g1", from: "bob", cid: "messaging:general", at: 50))).0
        s = reduce(s, .messageUpserted(message("r1", from: "bob", cid: "messaging:random", at: 51))).0
        XCTAssertEqual(ChatReducer.sidebarOrder(s.channels).map(\.channel.id), order)
        s = reduce(s, .openNextUnread).0
        XCTAssertEqual(s.openCID, "messaging:design", "the mention first")
        s = reduce(s, .channelLoaded(cid: "messaging:design", rows: [], members: [])).0
        s = reduce(s, .openNextUnread).0
        XCTAssertEqual(s.openCID, "messaging:random", "then unread, onwards in sidebar order")
        s = reduce(s, .openPreviousChannel).0
        XCTAssertEqual(s.openCID, "messaging:design", "Alt-S goes back")
        // A mention behind the reader comes before unread ahead.
        s = reduce(s, .messageUpserted(message("o1", from: "bob", cid: "messaging:ops", at: 60, mentions: ["alice"]))).0
        s = reduce(s, .openNextUnread).0
        XCTAssertEqual(s.openCID, "messaging:ops")
    }

    /// A silent message (Stream's `silent: true`) arrives and shows, but raises no badge, even
    /// when it names the reader; the regular one after it does.
    func testASilentMessageRaisesNoBadge() {
        var quiet = message("quiet", from: "bob", cid: "messaging:random", at: 21, mentions: ["alice"])
        quiet.message.silent = true
        var s = reduce(live(), .messageUpserted(quiet)).0
        let random = { s.channels.first { $0.channel.id == "random" } }
        XCTAssertEqual(random()?.unreadCount, 0)
        XCTAssertEqual(random()?.mentionCount, 0)
        XCTAssertEqual(random()?.lastMessageAt, Timestamp(seconds: 21), "it is still the channel's latest message")
        s = reduce(s, .messageUpserted(message("loud", from: "bob", cid: "messaging:random", at: 22, mentions: ["alice"]))).0
        XCTAssertEqual(random()?.unreadCount, 1)
        XCTAssertEqual(random()?.mentionCount, 1)
    }

    /// A message that arrives while the reader follows the channel is read as it comes: no
    /// "New messages" line goes above it. One that was there when the channel opened stays.
    func testAMessageReadAsItArrivesGetsNoNewMessagesLine() {
        var s = live()
        s.channels[0].lastRead = Timestamp(seconds: 10)
        s = reduce(s, .openChannel(cid: "messaging:random"), .openChannel(cid: "messaging:general")).0
        s = reduce(s, .channelLoaded(cid: "messaging:general", rows: [message("old", from: "bob", at: 10)], members: [])).0
        var effects: [ChatEffect]
        (s, effects) = reduce(s, .messageUpserted(message("live", from: "bob", at: 20)))
        XCTAssertEqual(effects, [.live(.markRead(cid: "messaging:general"))])
        XCTAssertNil(s.window?.firstUnreadID(viewer: "alice"), "read as it came")
        s.window?.readMarker = Timestamp(seconds: 5)
        s = reduce(s, .messageUpserted(message("later", from: "carol", at: 30))).0
        XCTAssertEqual(s.window?.firstUnreadID(viewer: "alice"), "old", "the line from the opening stays")
    }
}
