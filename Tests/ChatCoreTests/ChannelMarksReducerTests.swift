import ChatCore
import ChatModel
import XCTest

/// Pinned and archived channels, and "mark unread from here": what the commands and keys ask
/// for, how the sidebar groups the answer, and the channel that stays unread while it is open.
final class ChannelMarksReducerTests: XCTestCase, LiveReducerScript {
    private func summary(_ id: String, unread: Int = 0, pinned: Bool = false, archived: Bool = false) -> ChannelSummary {
        var c = ChannelSummary(channel: Channel(type: "messaging", id: id, createdBy: "alice"), lastMessageAt: Timestamp(seconds: 1))
        c.unreadCount = unread
        c.pinnedAt = pinned ? Timestamp(seconds: 5) : nil
        c.archivedAt = archived ? Timestamp(seconds: 6) : nil
        return c
    }

    private func command(_ line: String, _ s: ChatState) -> (ChatState, [ChatEffect]) {
        reduce(s, .composeInsert(line), .composeSend)
    }

    func testTheCommandsChangeTheOpenChannel() {
        let s = live()
        XCTAssertEqual(command("/pin-channel", s).1, [.changeMembership(cid: "messaging:general", .pinned(true))])
        XCTAssertEqual(command("/unpin-channel", s).1, [.changeMembership(cid: "messaging:general", .pinned(false))])
        XCTAssertEqual(command("/archive", s).1, [.changeMembership(cid: "messaging:general", .archived(true))])
        XCTAssertEqual(command("/unarchive", s).1, [.changeMembership(cid: "messaging:general", .archived(false))])
        let (folded, effects) = command("/archived", s)
        XCTAssertTrue(folded.showArchived)
        XCTAssertEqual(effects, [])
        XCTAssertEqual(folded.composer.string, "", "a client command is not left in the composer")
    }

    func testWithNoChannelOpenNothingIsAsked() {
        var s = ChatState(userID: "alice", userName: "Alice")
        s.connection = .connected
        let (next, effects) = command("/pin-channel", s)
        XCTAssertEqual(effects, [])
        XCTAssertEqual(next.status, "No channel is open")
    }

    /// Browsing a store has no composer: `P` and `A` turn the open channel's pin and archive.
    func testTheBrowsingKeysTurnTheMarkTheOtherWay() {
        var s = ChatState(userID: "alice", userName: "Alice")
        s = reduce(s, .channelsLoaded([summary("general", pinned: true), summary("random")])).0
        XCTAssertEqual(s.openCID, "messaging:general")
        XCTAssertEqual(reduce(s, .togglePinnedChannel).1, [.changeMembership(cid: "messaging:general", .pinned(false))])
        XCTAssertEqual(reduce(s, .toggleArchivedChannel).1, [.changeMembership(cid: "messaging:general", .archived(true))])
    }

    /// The answer replaces the list: pinned on top, archived at the end, in a stable order, and
    /// the status says what happened.
    func testTheAnswerRegroupsTheSidebar() {
        var s = live()
        let list = [summary("general", pinned: true), summary("random", archived: true), summary("ops"), summary("design", pinned: true)]
        s = reduce(s, .membershipChanged(cid: "messaging:general", .pinned(true), channels: list)).0
        // ops and design were not listed before: they come first, general and random keep their order.
        XCTAssertEqual(ChatReducer.sidebarOrder(s.channels).map(\.channel.id), ["design", "general", "ops", "random"])
        XCTAssertEqual(ChatReducer.sidebarOrder(s.channels).map { ChatReducer.group($0) }, [.pinned, .pinned, .channels, .archived])
        XCTAssertEqual(s.notice, "Pinned general")
        // A channel both pinned and archived is put away.
        XCTAssertEqual(ChatReducer.group(summary("x", pinned: true, archived: true)), .archived)
        s = reduce(s, .membershipChanged(cid: "messaging:random", .archived(false), channels: list)).0
        XCTAssertEqual(s.notice, "Brought random back from the archive")
    }

    /// Pinning or unpinning one channel moves that one only: the answer's list, in the server's
    /// order, no longer reshuffles the others (they were sorted again, unread first).
    func testTheAnswerKeepsTheOtherChannelsInTheirPlaces() {
        var s = live()
        s = reduce(s, .channelsLoaded([summary("ops"), summary("design", unread: 2), summary("general"), summary("random")])).0
        XCTAssertEqual(ChatReducer.sidebarOrder(s.channels).map(\.channel.id), ["design", "ops", "general", "random"])
        let pinned = [summary("random"), summary("general", pinned: true), summary("ops"), summary("design", unread: 2)]
        s = reduce(s, .membershipChanged(cid: "messaging:general", .pinned(true), channels: pinned)).0
        XCTAssertEqual(ChatReducer.sidebarOrder(s.channels).map(\.channel.id), ["general", "design", "ops", "random"])
        let unpinned = [summary("general"), summary("new", unread: 1), summary("random"), summary("ops"), summary("design")]
        s = reduce(s, .membershipChanged(cid: "messaging:general", .pinned(false), channels: unpinned)).0
        XCTAssertEqual(
            ChatReducer.sidebarOrder(s.channels).map(\.channel.id),
            ["new", "design", "ops", "general", "random"],
            "back in its place; a channel not listed before comes first"
        )
    }

    /// Alt-A does not visit an archived channel, however unread.
    func testNextUnreadPassesArchivedChannels() {
        var s = live()
        s = reduce(s, .channelsLoaded([summary("general"), summary("random", unread: 4, archived: true)])).0
        let (next, effects) = reduce(s, .openNextUnread)
        XCTAssertEqual(effects, [])
        XCTAssertEqual(next.openCID, "messaging:general")
        XCTAssertEqual(next.notice, "No unread channels")
    }

    func testArchivedChannelsUnfoldFromSelectModeToo() {
        let s = selecting("old", live())
        let next = reduce(s, .toggleArchived).0
        XCTAssertTrue(next.showArchived)
        XCTAssertEqual(next.modes.selection?.messageID, "old", "the selection stays")
    }
}

extension ChannelMarksReducerTests {
    private func generalWithFive() -> ChatState {
        let rows = (1...5).map { message("m\($0)", from: "bob", at: 10 + Int64($0)) }
        return reduce(live(), .channelLoaded(cid: "messaging:general", rows: rows, members: [])).0
    }

    /// `u` marks the selected message and what follows unread. The channel being read never
    /// shows unread (B1), except this way: while it stays open, neither the list's answer, nor a
    /// new message, nor scrolling to the bottom marks it read again, so leaving it keeps the
    /// badge. Opening it again reads it.
    func testMarkUnreadHoldsUntilTheChannelIsOpenedAgain() {
        var s = selecting("m3", generalWithFive())
        var effects: [ChatEffect]
        (s, effects) = reduce(s, .markUnreadSelected)
        XCTAssertEqual(effects, [.changeMembership(cid: "messaging:general", .unreadFrom(messageID: "m3"))])
        XCTAssertNil(s.modes.top, "the selection ends")
        let answered = [summary("general", unread: 3), summary("random")]
        (s, effects) = reduce(s, .membershipChanged(cid: "messaging:general", .unreadFrom(messageID: "m3"), channels: answered))
        XCTAssertEqual(effects, [], "not marked read again")
        XCTAssertEqual(s.openChannel?.unreadCount, 3)
        XCTAssertEqual(s.notice, "general: 3 unread messages (read again by opening it again)")
        (s, effects) = reduce(s, .messageUpserted(message("m6", from: "bob", at: 30)), .jumpToNewest, .channelsLoaded(answered))
        XCTAssertEqual(effects, [])
        XCTAssertEqual(s.openChannel?.unreadCount, 3, "the list's own count stands")
        (s, effects) = reduce(s, .messageUpserted(message("m7", from: "bob", at: 31)))
        XCTAssertEqual(s.openChannel?.unreadCount, 4, "a new message counts as anywhere else")
        (s, _) = reduce(s, .openChannel(cid: "messaging:random"))
        XCTAssertEqual(s.channels.first { $0.channel.id == "general" }?.unreadCount, 4, "leaving keeps the badge")
        (s, effects) = reduce(s, .openChannel(cid: "messaging:general"))
        (s, effects) = reduce(s, .channelLoaded(cid: "messaging:general", rows: [message("m7", from: "bob", at: 31)], members: []))
        XCTAssertEqual(effects, [.live(.markRead(cid: "messaging:general"))], "opened again, it is read")
        XCTAssertEqual(s.openChannel?.unreadCount, 0)
    }

    /// Another of the reader's connections pinned, archived or marked unread (the server's
    /// `member.updated` and `notification.mark_unread`): the sidebar follows at once.
    func testChangesMadeOnAnotherConnectionShowLive() {
        var s = generalWithFive()
        let at = Timestamp(seconds: 50)
        s = reduce(s, .channelMarksChanged(cid: "messaging:random", pinnedAt: at, archivedAt: nil)).0
        XCTAssertEqual(ChatReducer.sidebarOrder(s.channels).map(\.channel.id), ["random", "general"])
        XCTAssertEqual(ChatReducer.group(ChatReducer.sidebarOrder(s.channels)[0]), .pinned)
        s = reduce(s, .channelMarksChanged(cid: "messaging:random", pinnedAt: nil, archivedAt: at)).0
        XCTAssertEqual(ChatReducer.sidebarOrder(s.channels).map { ChatReducer.group($0) }, [.channels, .archived])
        s = reduce(s, .channelMarksChanged(cid: "messaging:gone", pinnedAt: at, archivedAt: nil)).0
        XCTAssertEqual(s.channels.count, 2, "a channel not listed is not added")

        var effects: [ChatEffect]
        (s, effects) = reduce(s, .markedUnread(cid: "messaging:general", unreadCount: 2, lastRead: Timestamp(seconds: 13)))
        XCTAssertEqual(effects, [])
        XCTAssertEqual(s.openChannel?.unreadCount, 2)
        XCTAssertEqual(s.openChannel?.lastRead, Timestamp(seconds: 13))
        (s, effects) = reduce(s, .jumpToNewest, .messageUpserted(message("m6", from: "bob", at: 30)))
        XCTAssertEqual(effects, [], "the open channel is not read again behind the reader's back")
        XCTAssertEqual(s.openChannel?.unreadCount, 3)
        (s, _) = reduce(s, .markedUnread(cid: "messaging:random", unreadCount: 7, lastRead: nil))
        XCTAssertEqual(s.channels.first { $0.channel.id == "random" }?.unreadCount, 7)
        XCTAssertEqual(s.keptUnread, "messaging:general", "only the open channel is kept unread")
    }

    /// Read on another of the reader's terminals (`notification.mark_read`): the badge here
    /// went only when the list loaded again. A message after that read stays unread; a read of
    /// every channel (no cid) clears them all.
    func testAReadOnAnotherConnectionClearsTheBadge() {
        var (s, _) = reduce(generalWithFive(), .openChannel(cid: "messaging:random"))
        s = reduce(s, .messageUpserted(message("g1", from: "bob", cid: "messaging:general", at: 60))).0
        let before = s.channels.first { $0.channel.id == "general" }
        XCTAssertGreaterThan(before?.unreadCount ?? 0, 0)
        s = reduce(s, .markedRead(cid: "messaging:general", at: Timestamp(seconds: 70))).0
        let general = s.channels.first { $0.channel.id == "general" }
        XCTAssertEqual([general?.unreadCount, general?.mentionCount], [0, 0])
        XCTAssertEqual(general?.lastRead, Timestamp(seconds: 70))

        s = reduce(s, .messageUpserted(message("g2", from: "bob", cid: "messaging:general", at: 90))).0
        s = reduce(s, .markedRead(cid: "messaging:general", at: Timestamp(seconds: 80))).0
        XCTAssertEqual(s.channels.first { $0.channel.id == "general" }?.unreadCount, 1, "g2 came after that read")

        s = reduce(s, .markedRead(cid: nil, at: Timestamp(seconds: 100))).0
        XCTAssertEqual(s.channels.map(\.unreadCount), [0, 0])
    }

    func testMarkUnreadIsForChannelMessages() {
        var s = generalWithFive()
        s = reduce(s, .openThread, .threadLoaded(root: s.window!.rows[4], replies: [message("r1", from: "bob", at: 40, parent: "m5")])).0
        s = selecting("r1", s)
        let (next, effects) = reduce(s, .markUnreadSelected)
        XCTAssertEqual(effects, [])
        XCTAssertEqual(next.status, "Mark unread works on channel messages, not thread replies")
        XCTAssertNil(next.keptUnread)
    }
}
