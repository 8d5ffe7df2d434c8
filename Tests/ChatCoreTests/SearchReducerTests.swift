import ChatCore
import ChatModel
import XCTest

/// `/search` results: Enter shows the message where it is.
final class SearchReducerTests: XCTestCase, LiveReducerScript {
    private func page(_ cid: String, around id: String, before: Int, after: Int) -> [MessageRow] {
        (0..<before).map { message("b\($0)", from: "bob", cid: cid, at: Int64(100 + $0)) } + [message(id, from: "carol", cid: cid, at: 200)]
            + (0..<after).map { message("a\($0)", from: "bob", cid: cid, at: Int64(300 + $0)) }
    }

    /// B4: a result in the open channel did nothing; now its page loads and it is selected,
    /// with its neighbours on screen.
    func testAResultInTheOpenChannelShowsItSelectedAmongItsNeighbours() {
        var (s, effects) = reduce(
            live(),
            .searchResults(query: "launch", rows: [message("hit", from: "carol", at: 200)]),
            .searchConfirm
        )
        XCTAssertNil(s.modes.top)
        XCTAssertEqual(effects, [.loadAround(cid: "messaging:general", messageID: "hit")])
        let rows = page("messaging:general", around: "hit", before: 25, after: 25)
        (s, effects) = reduce(
            s,
            .aroundLoaded(cid: "messaging:general", rows: rows, messageID: "hit", hasOlder: true, hasNewer: true, members: [])
        )
        XCTAssertEqual(s.modes.top, .select(pane: .messages, messageID: "hit"))
        XCTAssertEqual(s.window?.rows.count, 51)
        XCTAssertEqual(s.window?.hasNewer, true, "newer messages are loaded on scrolling down")
        XCTAssertEqual(s.window?.bottomIndex, 28, "the message just above the bottom, its neighbours around it")
        XCTAssertTrue(ChatReducer.visibleRows(s).contains { $0.id == "hit" })
        XCTAssertEqual(effects, [], "not at the bottom: nothing is marked read")
    }

    /// B4: a result elsewhere opened its channel at the newest messages.
    func testAResultInAnotherChannelOpensItAtTheMessage() {
        var (s, effects) = reduce(
            live(),
            .searchResults(query: "launch", rows: [message("hit", from: "carol", cid: "messaging:random", at: 200)]),
            .searchConfirm
        )
        XCTAssertEqual(s.openCID, "messaging:random")
        XCTAssertEqual(effects, [.loadAround(cid: "messaging:random", messageID: "hit")], "its page, not the newest")
        // A late answer for a channel left meanwhile is dropped.
        let stale = reduce(
            s,
            .openChannel(cid: "messaging:general"),
            .aroundLoaded(
                cid: "messaging:random",
                rows: [message("hit", from: "carol", at: 200)],
                messageID: "hit",
                hasOlder: false,
                hasNewer: false,
                members: []
            )
        ).0
        XCTAssertNil(stale.window)
        XCTAssertNil(stale.modes.selection)
        // Near the newest message the window follows the bottom as usual.
        let rows = page("messaging:random", around: "hit", before: 25, after: 1)
        s = reduce(s, .aroundLoaded(cid: "messaging:random", rows: rows, messageID: "hit", hasOlder: true, hasNewer: false, members: [])).0
        XCTAssertEqual(s.modes.selection?.messageID, "hit")
        XCTAssertNil(s.window?.bottomIndex)
    }

    /// A reply found opens its thread with the reply selected, as a channel message is: the
    /// thread opened with nothing selected, and in a long one the match was anyone's guess.
    func testAReplyFoundOpensItsThreadWithTheReplySelected() {
        let reply = message("r2", from: "carol", at: 220, parent: "root")
        var (s, effects) = reduce(live(), .searchResults(query: "launch", rows: [reply]), .searchConfirm)
        XCTAssertEqual(effects, [.loadThread(messageID: "root")])
        let replies = [message("r1", from: "bob", at: 210, parent: "root"), reply, message("r3", from: "bob", at: 230, parent: "root")]
        (s, _) = reduce(s, .threadLoaded(root: message("root", from: "bob", at: 200), replies: replies))
        XCTAssertEqual(s.thread?.root.id, "root")
        XCTAssertEqual(s.modes.top, .select(pane: .thread, messageID: "r2"))
        // A thread opened afterwards by hand selects nothing.
        (s, _) = reduce(s, .dismiss, .dismiss, .openThread)
        (s, _) = reduce(s, .threadLoaded(root: message("old", from: "bob", at: 10), replies: replies))
        XCTAssertEqual(s.thread?.root.id, "old")
        XCTAssertNil(s.modes.top)
    }
}

/// The mentions view (`M`, `/mentions`): the same list as search results, opened in place.
final class MentionsReducerTests: XCTestCase, LiveReducerScript {
    func testMentionsLoadOverThePanesAndEnterOpensOneInPlace() {
        var (s, effects) = reduce(selecting("old", live()), .openMentions)
        XCTAssertEqual(effects, [.loadMentions])
        XCTAssertNil(s.modes.top, "the selection closes: Enter opens another place")
        let rows = [
            message("m2", from: "bob", cid: "messaging:random", at: 300, mentions: ["alice"]),
            message("m1", from: "carol", at: 200, mentions: ["alice"]),
        ]
        s = reduce(s, .mentionsLoaded(rows)).0
        XCTAssertEqual(s.modes.top, .search(SearchResults(query: "", rows: rows, kind: .mentions)))
        (s, effects) = reduce(s, .searchMove(1), .searchConfirm)
        XCTAssertEqual(effects, [.loadAround(cid: "messaging:general", messageID: "m1")])
        (s, effects) = reduce(s, .openMentions, .mentionsLoaded(rows), .searchConfirm)
        XCTAssertEqual(s.openCID, "messaging:random")
        XCTAssertEqual(effects, [.loadMentions, .loadAround(cid: "messaging:random", messageID: "m2")])
    }

    func testNoMentionsSaysSoAndALateAnswerIsDropped() {
        var s = reduce(live(), .openMentions, .mentionsLoaded([])).0
        XCTAssertEqual(s.notice, "No message mentions you")
        XCTAssertNil(s.modes.top)
        s = reduce(live(), .openMentions, .switcherOpen, .mentionsLoaded([message("m1", from: "bob", at: 1, mentions: ["alice"])])).0
        XCTAssertEqual(s.modes.top, .switcher(Switcher()), "the reader opened the switcher meanwhile")
    }
}

/// `/pinned`: the open channel's pins, the same list again, opened in place.
final class PinnedReducerTests: XCTestCase, LiveReducerScript {
    func testPinnedLoadsOverThePanesNamedForTheChannelAndEnterOpensOne() {
        var (s, effects) = reduce(live(), .composeInsert("/pinned"), .composeSend)
        XCTAssertEqual(effects, [.loadPinned(cid: "messaging:general")])
        XCTAssertEqual(s.notice, "Looking for pinned messages…")
        let rows = [message("p2", from: "bob", at: 300), message("p1", from: "carol", at: 100)]
        s = reduce(s, .pinnedLoaded(cid: "messaging:general", rows: rows)).0
        XCTAssertEqual(s.modes.top, .search(SearchResults(query: "", rows: rows, kind: .pinned(in: "#general"))))
        XCTAssertNil(s.notice)
        (s, effects) = reduce(s, .searchMove(1), .searchConfirm)
        XCTAssertEqual(effects, [.loadAround(cid: "messaging:general", messageID: "p1")])
    }

    func testNothingPinnedSaysSoAndALateAnswerForAnotherChannelIsDropped() {
        var s = reduce(live(), .composeInsert("/pinned"), .composeSend, .pinnedLoaded(cid: "messaging:general", rows: [])).0
        XCTAssertNil(s.modes.top)
        XCTAssertEqual(s.notice, "Nothing is pinned in #general")
        s = reduce(s, .composeInsert("/pinned"), .composeSend, .openChannel(cid: "messaging:random")).0
        s = reduce(s, .pinnedLoaded(cid: "messaging:general", rows: [message("p1", from: "bob", at: 100)])).0
        XCTAssertNil(s.modes.top, "the reader went to #random: #general's pins do not cover it")
    }

    func testWithNoChannelOpenItSaysWhatIsNeeded() {
        var s = ChatState(userID: "alice", userName: "Alice")
        s.connection = .connected
        let (after, effects) = reduce(s, .composeInsert("/pinned"), .composeSend)
        XCTAssertEqual(effects, [])
        XCTAssertEqual(after.status, "/pinned: open a channel first")
    }
}
