import ChatCore
import ChatModel
import XCTest

/// The threads list (`/threads`, Alt-T) and the count of threads with unread replies.
final class ThreadListReducerTests: XCTestCase, LiveReducerScript {
    private func thread(_ parent: String, cid: String = "messaging:general", replies: Int = 2, unread: Int = 0) -> ThreadListRow {
        ThreadListRow(
            parent: message(parent, from: "bob", cid: cid, at: 50),
            replyCount: replies,
            lastReplyAuthor: "Carol",
            lastReplyAt: Timestamp(seconds: 60),
            unreadCount: unread
        )
    }

    /// alice's list open on these threads.
    private func listing(_ rows: [ThreadListRow], next: String? = nil, _ s: ChatState? = nil) -> ChatState {
        reduce(s ?? live(), .openThreads, .threadsLoaded(ThreadPage(rows: rows, next: next), after: nil)).0
    }

    func testTheListShowsTheBackendsOrderAndItsUnreadCounts() {
        let (asked, effects) = reduce(live(), .openThreads)
        XCTAssertEqual(effects, [.loadThreads(next: nil)])
        XCTAssertNil(asked.modes.top, "nothing shows before the answer")
        let s = reduce(asked, .threadsLoaded(ThreadPage(rows: [thread("p2", unread: 3), thread("p1")], next: nil), after: nil)).0
        guard case .threads(let list) = s.modes.top else { return XCTFail("no list: \(String(describing: s.modes.top))") }
        XCTAssertEqual(list.rows.map(\.parentID), ["p2", "p1"], "unread first, as the backend orders them")
        XCTAssertEqual(list.selected, 0)
        XCTAssertEqual(s.threadUnread.unread("p2"), 3)
        XCTAssertEqual(s.threadUnread.threads, 1, "the sidebar counts threads with unread replies")
    }

    func testNoThreadsSaysSoAndOpensNothing() {
        let s = listing([])
        XCTAssertNil(s.modes.top)
        XCTAssertEqual(s.notice, "You take part in no thread yet")
    }

    func testALiveReplyRaisesTheCountOfAThreadOfYoursOnly() {
        var s = reduce(live(), .unreadThreadsLoaded([UnreadThread(parentMessageID: "mine", unreadCount: 1)])).0
        var effects: [ChatEffect]
        (s, effects) = reduce(s, .messageUpserted(message("r1", from: "bob", at: 100, parent: "mine")))
        XCTAssertEqual(s.threadUnread.unread("mine"), 2)
        XCTAssertEqual(effects, [])
        // The same reply again (the send's answer and the socket's event) counts once.
        s = reduce(s, .messageUpserted(message("r1", from: "bob", at: 100, parent: "mine"))).0
        XCTAssertEqual(s.threadUnread.unread("mine"), 2)
        // A thread the client does not know as alice's: not counted, the backend is asked.
        (s, effects) = reduce(s, .messageUpserted(message("r2", from: "bob", at: 101, parent: "theirs")))
        XCTAssertEqual(s.threadUnread.unread("theirs"), 0)
        XCTAssertEqual(effects, [.loadUnreadThreads])
        XCTAssertEqual(s.threadUnread.threads, 1)
    }

    func testAThreadTheBackendSaysIsNotYoursAsksNoMore() {
        var (s, effects) = reduce(live(), .messageUpserted(message("r1", from: "bob", at: 100, parent: "theirs")))
        XCTAssertEqual(effects, [.loadUnreadThreads])
        // The counts come back without it: not alice's.
        s = reduce(s, .unreadThreadsLoaded([UnreadThread(parentMessageID: "mine", unreadCount: 1)])).0
        (s, effects) = reduce(s, .messageUpserted(message("r2", from: "carol", at: 101, parent: "theirs")))
        XCTAssertEqual(effects, [], "asked once")
        XCTAssertEqual(s.threadUnread.unread("theirs"), 0)
        // Until alice replies there: then it is hers, and bob's next reply counts.
        s = reduce(s, .messageUpserted(message("r3", from: "alice", at: 102, parent: "theirs"))).0
        (s, effects) = reduce(s, .messageUpserted(message("r4", from: "bob", at: 103, parent: "theirs")))
        XCTAssertEqual(s.threadUnread.unread("theirs"), 1)
        XCTAssertEqual(effects, [])
    }

    func testYourOwnReplyMakesTheThreadYoursAndCountsForNobody() {
        var (s, effects) = reduce(live(), .messageUpserted(message("r1", from: "alice", at: 100, parent: "p")))
        XCTAssertEqual(effects, [])
        XCTAssertEqual(s.threadUnread.unread("p"), 0, "one's own reply is not unread")
        (s, effects) = reduce(s, .messageUpserted(message("r2", from: "bob", at: 101, parent: "p")))
        XCTAssertEqual(s.threadUnread.unread("p"), 1)
        XCTAssertEqual(effects, [])
    }

    func testAReplyToYourMessageInTheWindowCounts() {
        var s = live()
        s = reduce(s, .messageUpserted(message("root", from: "alice", at: 90))).0
        let (after, effects) = reduce(s, .messageUpserted(message("r1", from: "bob", at: 100, parent: "root")))
        XCTAssertEqual(after.threadUnread.unread("root"), 1, "alice started it")
        XCTAssertEqual(effects, [])
    }

    func testEnterOpensTheThreadBesideItsChannelAndReadingItMarksItRead() {
        var s = listing([thread("p1", cid: "messaging:random", unread: 2), thread("p2")])
        var effects: [ChatEffect]
        (s, effects) = reduce(s, .listConfirm)
        XCTAssertNil(s.modes.top)
        XCTAssertEqual(s.openCID, "messaging:random", "the thread's channel opens")
        XCTAssertEqual(effects, [.loadChannel(cid: "messaging:random"), .loadThread(messageID: "p1")])
        XCTAssertEqual(s.threadUnread.unread("p1"), 2, "not read before it shows")
        let root = message("p1", from: "bob", cid: "messaging:random", at: 50)
        let replies = [message("r1", from: "carol", cid: "messaging:random", at: 60, parent: "p1")]
        (s, effects) = reduce(s, .threadLoaded(root: root, replies: replies))
        XCTAssertEqual(s.thread?.root.id, "p1")
        XCTAssertEqual(effects, [.live(.markThreadRead(cid: "messaging:random", parentID: "p1"))])
        XCTAssertEqual(s.threadUnread.unread("p1"), 0)
        XCTAssertEqual(s.threadUnread.threads, 0)
    }

    func testTheChosenThreadIsTheOneOpened() {
        let s = reduce(listing([thread("p1"), thread("p2", cid: "messaging:random")]), .listMove(1), .listConfirm)
        XCTAssertEqual(s.1, [.loadChannel(cid: "messaging:random"), .loadThread(messageID: "p2")])
    }

    func testAThreadWithNothingUnreadIsNotMarkedRead() {
        let s = reduce(listing([thread("p1")]), .listConfirm).0
        let effects = reduce(s, .threadLoaded(root: message("p1", from: "bob", at: 50), replies: [])).1
        XCTAssertEqual(effects, [])
    }

    func testAReplyArrivingInTheOpenThreadAtItsBottomIsReadAsItArrives() {
        var s = reduce(listing([thread("p1")]), .listConfirm).0
        s = reduce(s, .threadLoaded(root: message("p1", from: "bob", at: 50), replies: [])).0
        let (after, effects) = reduce(s, .messageUpserted(message("r1", from: "carol", at: 100, parent: "p1")))
        XCTAssertEqual(after.threadUnread.unread("p1"), 0)
        XCTAssertEqual(effects, [.live(.markThreadRead(cid: "messaging:general", parentID: "p1"))])
    }

    func testAReplyArrivingWhileTheThreadIsScrolledUpIsReadWhenTheWheelBringsItBack() {
        var s = reduce(listing([thread("p1")]), .listConfirm).0
        s = reduce(s, .threadLoaded(root: message("p1", from: "bob", at: 50), replies: [])).0
        s = reduce(s, .pointer(.scrollThread(toLine: 3))).0
        var effects: [ChatEffect]
        (s, effects) = reduce(s, .messageUpserted(message("r1", from: "carol", at: 100, parent: "p1")))
        XCTAssertEqual(s.threadUnread.unread("p1"), 1, "not on screen: unread")
        XCTAssertEqual(effects, [])
        (s, effects) = reduce(s, .pointer(.scrollThread(toLine: 1)))
        XCTAssertEqual(effects, [], "not yet at the bottom")
        (s, effects) = reduce(s, .pointer(.scrollThread(toLine: 0)))
        XCTAssertEqual(s.threadUnread.unread("p1"), 0)
        XCTAssertEqual(effects, [.live(.markThreadRead(cid: "messaging:general", parentID: "p1"))])
    }

    func testBrowsingAStoreReadingAThreadLowersTheCountWithoutAServer() {
        var s = live()
        s.connection = .offline
        s = listing([thread("p1", unread: 4)], s)
        s = reduce(s, .listConfirm).0
        let (after, effects) = reduce(s, .threadLoaded(root: message("p1", from: "bob", at: 50), replies: []))
        XCTAssertEqual(after.threadUnread.unread("p1"), 0)
        XCTAssertEqual(effects, [], "nothing to tell")
    }

    func testReadOnAnotherConnectionLowersTheCount() {
        var s = reduce(live(), .unreadThreadsLoaded([UnreadThread(parentMessageID: "p1", unreadCount: 2)])).0
        XCTAssertEqual(s.threadUnread.threads, 1)
        s = reduce(s, .markedThreadRead(parentID: "p1")).0
        XCTAssertEqual(s.threadUnread.threads, 0)
    }

    func testTheBackendsCountsReplaceTheKeptOnes() {
        var s = reduce(live(), .unreadThreadsLoaded([UnreadThread(parentMessageID: "p1", unreadCount: 2)])).0
        s = reduce(s, .unreadThreadsLoaded([UnreadThread(parentMessageID: "p2", unreadCount: 1)])).0
        XCTAssertEqual(s.threadUnread.unread("p1"), 0, "read meanwhile, elsewhere")
        XCTAssertEqual(s.threadUnread.unread("p2"), 1)
        // p1 stays known as alice's: a later reply there counts without asking.
        let (after, effects) = reduce(s, .messageUpserted(message("r", from: "bob", at: 100, parent: "p1")))
        XCTAssertEqual(after.threadUnread.unread("p1"), 1)
        XCTAssertEqual(effects, [])
    }

    func testMovingNearTheEndLoadsTheNextPageOnceAndItJoinsTheList() {
        let rows = (0..<5).map { thread("p\($0)") }
        var (s, effects) = reduce(listing(rows, next: "5"), .listMove(1))
        XCTAssertEqual(effects, [], "far from the end")
        (s, effects) = reduce(s, .listMove(1), .listMove(1))
        XCTAssertEqual(effects, [.loadThreads(next: "5")], "asked once, however the choice moves meanwhile")
        // A page for another list (an answer to a list closed and opened again) is dropped.
        let stale = reduce(s, .threadsLoaded(ThreadPage(rows: [thread("x")], next: nil), after: "9")).0
        guard case .threads(let staleList) = stale.modes.top else { return XCTFail("the list closed") }
        XCTAssertEqual(staleList.rows.count, 5)
        s = reduce(s, .threadsLoaded(ThreadPage(rows: [thread("p4"), thread("p5"), thread("p6")], next: nil), after: "5")).0
        guard case .threads(let list) = s.modes.top else { return XCTFail("the list closed") }
        XCTAssertEqual(list.rows.map(\.parentID), ["p0", "p1", "p2", "p3", "p4", "p5", "p6"], "a thread moved between pages shows once")
        XCTAssertNil(list.next)
        XCTAssertFalse(list.loadingMore)
        XCTAssertEqual(list.selected, 3)
        // The end of the list: the choice stops there, nothing more to load.
        (s, effects) = reduce(s, .listMove(10))
        guard case .threads(let end) = s.modes.top else { return XCTFail("the list closed") }
        XCTAssertEqual(end.selected, 6)
        XCTAssertEqual(effects, [])
    }

    func testAClickOnTheThreadsLineOpensTheListOverWhateverWasOpen() {
        var s = live()
        s.modes.push(.help(scroll: 0))
        let (after, effects) = reduce(s, .pointer(.openThreads))
        XCTAssertNil(after.modes.top, "the help closed")
        XCTAssertEqual(effects, [.loadThreads(next: nil)])
    }

    func testEscClosesTheList() {
        let s = reduce(listing([thread("p1")]), .dismiss).0
        XCTAssertNil(s.modes.top)
    }

    func testTheSlashCommandOpensTheListToo() {
        var s = live()
        s.composer = Composer("/threads")
        XCTAssertEqual(reduce(s, .composeSend).1, [.loadThreads(next: nil)])
    }
}
