import ChatCore
import ChatModel
import XCTest

/// Who is notified of what: mentions and direct messages by default, a channel's level
/// (`/notify`, the config), a muted channel, and the channel being read while the terminal has
/// the focus.
final class NotificationReducerTests: XCTestCase, LiveReducerScript {
    /// A message that arrived a few seconds ago.
    private func fresh(_ id: String, from user: String = "bob", cid: String, mentions: [String]? = nil) -> MessageRow {
        message(id, from: user, cid: cid, at: t0.seconds - 5, mentions: mentions)
    }

    private func alerts(_ effects: [ChatEffect]) -> [NewMessageAlert] {
        effects.compactMap { if case .notify(let alert) = $0 { alert } else { nil } }
    }

    /// alice in #general, with #random, a direct conversation with bob and a muted #noise.
    private func state() -> ChatState {
        var s = live()
        let direct = ChannelSummary(channel: Channel(type: "messaging", id: "!members-ab", createdBy: "bob"), memberCount: 2)
        let noise = ChannelSummary(channel: Channel(type: "team", id: "noise", createdBy: "bob"), memberCount: 9, muted: true)
        s.channels += [direct, noise]
        return s
    }

    func testAMentionElsewhereNotifiesWithAuthorChannelAndText() {
        let (_, effects) = reduce(state(), .messageUpserted(fresh("m1", cid: "messaging:random", mentions: ["alice"])))
        XCTAssertEqual(alerts(effects), [NewMessageAlert(title: "Bob in #random", body: "text of m1")])
    }

    func testAPlainMessageNotifiesOnlyInADirectConversation() {
        var (_, effects) = reduce(state(), .messageUpserted(fresh("m1", cid: "messaging:random")))
        XCTAssertEqual(alerts(effects), [], "no mention, not direct: the default level stays quiet")
        (_, effects) = reduce(state(), .messageUpserted(fresh("m2", cid: "messaging:!members-ab")))
        XCTAssertEqual(alerts(effects), [NewMessageAlert(title: "Bob (direct message)", body: "text of m2")])
    }

    func testHereAndChannelCallOnEveryMemberButNotTheAuthor() {
        var here = fresh("m1", cid: "messaging:random")
        here.message.mentionedHere = true
        XCTAssertEqual(alerts(reduce(state(), .messageUpserted(here)).1).count, 1)
        var channel = fresh("m2", cid: "messaging:random")
        channel.message.mentionedChannel = true
        XCTAssertEqual(alerts(reduce(state(), .messageUpserted(channel)).1).count, 1)
        let own = fresh("m3", from: "alice", cid: "messaging:!members-ab", mentions: ["alice"])
        XCTAssertEqual(alerts(reduce(state(), .messageUpserted(own)).1), [], "one's own message never notifies")
    }

    func testTheChannelBeingReadNotifiesOnlyWithoutTheFocus() {
        let mention = fresh("m1", cid: "messaging:general", mentions: ["alice"])
        XCTAssertEqual(alerts(reduce(state(), .messageUpserted(mention)).1), [], "the reader sees it arrive")
        let away = reduce(state(), .focusChanged(false)).0
        XCTAssertFalse(away.terminalFocused)
        XCTAssertEqual(alerts(reduce(away, .messageUpserted(mention)).1).count, 1)
        let back = reduce(away, .focusChanged(true)).0
        XCTAssertEqual(alerts(reduce(back, .messageUpserted(fresh("m2", cid: "messaging:general", mentions: ["alice"]))).1), [])
    }

    func testLevelsAndMutes() {
        var s = state()
        s.notifications.levels["messaging:random"] = .all
        XCTAssertEqual(alerts(reduce(s, .messageUpserted(fresh("m1", cid: "messaging:random"))).1).count, 1, "all: any message")
        s.notifications.levels["messaging:random"] = .silent
        XCTAssertEqual(alerts(reduce(s, .messageUpserted(fresh("m2", cid: "messaging:random", mentions: ["alice"]))).1), [])
        s.notifications.levels["messaging:!members-ab"] = .silent
        XCTAssertEqual(alerts(reduce(s, .messageUpserted(fresh("m3", cid: "messaging:!members-ab"))).1), [], "none: not even a DM")
        s.notifications.levels["team:noise"] = .all
        XCTAssertEqual(
            alerts(reduce(s, .messageUpserted(fresh("m4", cid: "team:noise", mentions: ["alice"]))).1),
            [],
            "a muted channel is none, whatever its level"
        )
    }

    /// Only news notifies: the same message twice (the socket and a resync), an old one seen
    /// for the first time (an edit, a reaction), a deleted one, or one of a channel not in
    /// the reader's list.
    func testOnlyNewMessagesNotifyOnce() {
        let mention = fresh("m1", cid: "messaging:random", mentions: ["alice"])
        let (once, first) = reduce(state(), .messageUpserted(mention))
        XCTAssertEqual(alerts(first).count, 1)
        XCTAssertEqual(alerts(reduce(once, .messageUpserted(mention)).1), [])
        let old = message("m2", from: "bob", cid: "messaging:random", at: t0.seconds - 600, mentions: ["alice"])
        XCTAssertEqual(alerts(reduce(state(), .messageUpserted(old)).1), [])
        var deleted = fresh("m3", cid: "messaging:random", mentions: ["alice"])
        deleted.message.type = .deleted
        XCTAssertEqual(alerts(reduce(state(), .messageUpserted(deleted)).1), [])
        XCTAssertEqual(alerts(reduce(state(), .messageUpserted(fresh("m4", cid: "messaging:elsewhere", mentions: ["alice"]))).1), [])
    }

    func testSlashNotifySetsTheOpenChannelsLevelAndKeepsIt() {
        var s = state()
        s.composer.insert("/notify none")
        var effects: [ChatEffect]
        (s, effects) = reduce(s, .composeSend)
        XCTAssertEqual(effects, [.saveNotificationLevel(cid: "messaging:general", .silent)])
        XCTAssertEqual(s.notifications.level(of: try XCTUnwrap(s.openChannel)), .silent)
        s.composer.insert("/notify")
        (s, effects) = reduce(s, .composeSend)
        XCTAssertEqual(s.notice, "#general notifies: none")
        XCTAssertEqual(effects, [])
        s.composer.insert("/notify loud")
        (s, effects) = reduce(s, .composeSend)
        XCTAssertEqual(s.status, "/notify loud: not a level (all, mentions, none)")
        XCTAssertEqual(effects, [])
        XCTAssertEqual(s.notifications.levels, ["messaging:general": .silent], "a bad level changes nothing")
    }

    /// A direct conversation is `@Name` as in the sidebar, and its `mentions` level says that
    /// there every message counts (it said "#Carol notifies: mentions").
    func testSlashNotifyNamesADirectConversationAsTheSidebarDoes() {
        var s = state()
        var channel = Channel(type: "messaging", id: "!members-ac", createdBy: "carol")
        channel.memberIDs = ["alice", "carol"]
        s.channels.append(ChannelSummary(channel: channel, memberCount: 2, otherMemberNames: ["Carol"]))
        (s, _) = reduce(s, .openChannel(cid: channel.cid))
        s.composer.insert("/notify")
        (s, _) = reduce(s, .composeSend)
        XCTAssertEqual(s.notice, "@Carol notifies: mentions (every message: a direct conversation)")
        s.notifications.levels[channel.cid] = .silent
        s.composer.insert("/notify")
        (s, _) = reduce(s, .composeSend)
        XCTAssertEqual(s.notice, "@Carol notifies: none")
    }
}
