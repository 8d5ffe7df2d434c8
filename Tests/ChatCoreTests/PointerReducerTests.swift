import ChatCore
import ChatModel
import XCTest

/// What a click or the wheel does once the screen has said what was under it: a channel
/// opens with the overlays closed, a message is selected in its own pane, a chip toggles the
/// reader's reaction (live only), the panes scroll; headings fold, and presence lands.
final class PointerReducerTests: XCTestCase, LiveReducerScript {
    private func withReactions(_ s: ChatState) -> ChatState {
        var row = message("liked", from: "bob", at: 20)
        row.reactions = [.init(type: "like", count: 2, includesMine: true), .init(type: "love", count: 1, includesMine: false)]
        return reduce(s, .messageUpserted(row)).0
    }

    func testAClickOnAChannelOpensItClosingTheOverlaysAndKeepsTheSidebarWhereItWas() {
        var s = live()
        s.modes.push(.help(scroll: 0))
        s.sidebarTop = 4
        let (next, effects) = reduce(s, .pointer(.openChannel(cid: "messaging:random")))
        XCTAssertEqual(next.openCID, "messaging:random")
        XCTAssertEqual(effects.last, .loadChannel(cid: "messaging:random"))
        XCTAssertTrue(next.modes.overlays.isEmpty, "the help closed")
        XCTAssertEqual(next.sidebarTop, 4, "the row clicked stays under the pointer")
        // A key's switch follows the open channel again.
        XCTAssertNil(reduce(next, .openPreviousChannel).0.sidebarTop)
    }

    func testAClickOnAMessageSelectsItInItsPane() {
        var s = reduce(
            live(),
            .openThread,
            .threadLoaded(root: message("old", from: "bob", at: 10), replies: [message("r1", from: "bea", at: 11, parent: "old")])
        ).0
        XCTAssertEqual(s.modes.focus, .thread)
        s = reduce(s, .pointer(.select(.messages, messageID: "old"))).0
        XCTAssertEqual(s.modes.top, .select(pane: .messages, messageID: "old"))
        XCTAssertEqual(s.modes.focus, .messages, "the channel took the focus")
        s = reduce(s, .pointer(.select(.thread, messageID: "r1"))).0
        XCTAssertEqual(s.modes.overlays, [.select(pane: .thread, messageID: "r1")], "one selection, in the thread")
        XCTAssertEqual(s.modes.focus, .thread)
        // A message no longer there, or a thread closed meanwhile, selects nothing.
        XCTAssertEqual(reduce(s, .pointer(.select(.messages, messageID: "gone"))).0.modes, s.modes)
        var closed = s
        closed.thread = nil
        XCTAssertTrue(reduce(closed, .pointer(.select(.thread, messageID: "r1"))).0.modes.overlays.isEmpty)
    }

    func testAChipTogglesTheReadersOwnReactionLiveAndSaysWhyNotOffline() {
        let s = withReactions(live())
        XCTAssertEqual(
            reduce(s, .pointer(.toggleReaction(messageID: "liked", type: "like"))).1,
            [.live(.react(messageID: "liked", type: "like", add: false))]
        )
        XCTAssertEqual(
            reduce(s, .pointer(.toggleReaction(messageID: "liked", type: "love"))).1,
            [.live(.react(messageID: "liked", type: "love", add: true))]
        )
        var offline = s
        offline.connection = .offline
        let (next, effects) = reduce(offline, .pointer(.toggleReaction(messageID: "liked", type: "love")))
        XCTAssertEqual(effects, [])
        XCTAssertEqual(next.status, "Reactions change through a server: this is a local store (open it with --server)")
    }

    func testTheWheelScrollsEachPaneWhateverIsOpen() {
        var s = live()
        for i in 0..<30 { s = reduce(s, .messageUpserted(message("n\(i)", from: "bob", at: 100 + Int64(i)))).0 }
        s.modes.push(.switcher(Switcher()))
        let up = reduce(s, .pointer(.scrollMessages(3))).0
        XCTAssertEqual(up.window?.bottomIndex, (s.window?.rows.count ?? 0) - 4, "three messages back, the switcher still open")
        XCTAssertEqual(up.modes.top, s.modes.top)
        XCTAssertNil(reduce(up, .pointer(.scrollMessages(-3))).0.window?.bottomIndex, "back at the newest")
        XCTAssertEqual(reduce(s, .pointer(.scrollSidebar(toRow: 6))).0.sidebarTop, 6)
        XCTAssertEqual(reduce(s, .pointer(.scrollSidebar(toRow: -2))).0.sidebarTop, 0)
        let threaded = reduce(live(), .openThread, .threadLoaded(root: message("old", from: "bob", at: 10), replies: [])).0
        XCTAssertEqual(reduce(threaded, .pointer(.scrollThread(toLine: 5))).0.thread?.scroll, 5)
    }

    func testGroupsFoldByClickOrByTheKeyOnTheOpenChannelsGroup() {
        var s = live()
        XCTAssertEqual(s.foldedGroups, [.archived], "the archive starts folded")
        s = reduce(s, .pointer(.toggleGroup(.direct))).0
        XCTAssertEqual(s.foldedGroups, [.archived, .direct])
        s = reduce(s, .pointer(.toggleGroup(.archived))).0
        XCTAssertTrue(s.showArchived)
        // #general is in Channels: the key folds that group, and again unfolds it, in select mode too.
        s = reduce(s, .toggleOpenGroup).0
        XCTAssertEqual(s.foldedGroups, [.direct, .channels])
        s = reduce(selecting("old", s), .toggleOpenGroup).0
        XCTAssertEqual(s.foldedGroups, [.direct])
    }

    func testPresenceArrivesWholeThenChangeByChange() {
        var s = reduce(live(), .presenceChanged(["bob": true, "bea": false])).0
        XCTAssertEqual(s.presence, ["bob": true, "bea": false])
        s = reduce(s, .presenceChanged(["bea": true])).0
        XCTAssertEqual(s.presence, ["bob": true, "bea": true])
        var direct = ChannelSummary(channel: Channel(type: "messaging", id: "!members-ab", createdBy: "alice"))
        direct.channel.memberIDs = ["alice", "bob"]
        XCTAssertEqual(ChatReducer.partner(of: direct, viewer: "alice"), "bob")
        direct.channel.memberIDs = ["alice", "bob", "bea"]
        XCTAssertNil(ChatReducer.partner(of: direct, viewer: "alice"), "a group conversation has no one partner")
    }
}
