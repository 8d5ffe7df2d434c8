import ChatCore
import ChatModel
import XCTest

/// Alt-U goes to the first unread message (fetching its page when the window was cut after
/// the read marker); End goes to the newest and reads the channel.
final class UnreadJumpReducerTests: XCTestCase, LiveReducerScript {
    /// alice in #general, read up to second 20, with `rows` loaded.
    private func opened(_ rows: [MessageRow], unread: Int = 9) -> ChatState {
        var s = live()
        s.channels[0].lastRead = Timestamp(seconds: 20)
        s.channels[0].unreadCount = unread
        s = reduce(s, .channelLoaded(cid: "messaging:general", rows: rows, members: [])).0
        return s
    }

    private func rows(_ seconds: Range<Int>, from user: (Int) -> String = { _ in "bob" }) -> [MessageRow] {
        seconds.map { message("m\($0)", from: user($0), at: Int64($0)) }
    }

    func testTheJumpShowsTheFirstUnreadFromSomeoneElse() {
        // m21 is alice's own: the first unread is m22.
        var s = opened(rows(0..<30) { $0 == 21 ? "alice" : "bob" })
        XCTAssertEqual(s.window?.firstUnreadID(viewer: "alice"), "m22")
        XCTAssertFalse(s.window!.unreadBeginsBeforeWindow, "the window reaches back before the marker")
        let effects: [ChatEffect]
        (s, effects) = reduce(s, .jumpToFirstUnread)
        XCTAssertEqual(s.window?.bottomIndex, 22, "the first unread at the bottom of the pane, what came before above")
        XCTAssertEqual(effects, [], "not at the newest message: not read yet")
        // A message arriving meanwhile counts as unread; End goes to it and reads the channel.
        s = reduce(s, .messageUpserted(message("m30", from: "bob", at: 30))).0
        XCTAssertEqual(s.channels[0].unreadCount, 1)
        let (end, read) = reduce(s, .jumpToNewest)
        XCTAssertNil(end.window?.bottomIndex)
        XCTAssertEqual(read, [.live(.markRead(cid: "messaging:general"))])
        XCTAssertEqual(end.channels[0].unreadCount, 0)
    }

    func testAWindowCutAfterTheMarkerFetchesThePageFromIt() {
        // The newest page only: every message held is unread, and older ones are too.
        var s = opened(rows(40..<90))
        XCTAssertTrue(s.window!.unreadBeginsBeforeWindow)
        var effects: [ChatEffect]
        (s, effects) = reduce(s, .jumpToFirstUnread)
        XCTAssertEqual(effects, [.loadUnread(cid: "messaging:general", after: Timestamp(seconds: 20))])
        XCTAssertEqual(reduce(s, .jumpToFirstUnread).1, [], "one fetch at a time")
        (s, effects) = reduce(s, .unreadLoaded(cid: "messaging:general", rows: rows(10..<60), hasOlder: true, hasNewer: true))
        XCTAssertEqual(s.window?.rows.first?.id, "m10")
        XCTAssertEqual(s.window?.readMarker, Timestamp(seconds: 20), "the marker the channel was opened with stays")
        XCTAssertEqual(s.window?.bottomIndex, 11, "m21, the first after the marker")
        XCTAssertTrue(s.window!.hasNewer)
        XCTAssertFalse(s.window!.loadingOlder)
        XCTAssertEqual(effects, [])
        // The newest again is a load: the window does not reach it.
        XCTAssertEqual(reduce(s, .jumpToNewest).1, [.loadChannel(cid: "messaging:general")])
    }

    func testAnAnswerForAChannelLeftIsDropped() {
        let s = opened(rows(40..<90))
        let moved = reduce(s, .jumpToFirstUnread, .openChannel(cid: "messaging:random")).0
        let after = reduce(moved, .unreadLoaded(cid: "messaging:general", rows: rows(10..<60), hasOlder: true, hasNewer: true)).0
        XCTAssertEqual(after.window, moved.window)
    }

    func testNothingUnreadSaysSo() {
        var s = live()
        s = reduce(s, .jumpToFirstUnread).0
        XCTAssertEqual(s.notice, "No unread messages here")
        s = opened(rows(0..<15))
        s = reduce(s, .jumpToFirstUnread).0
        XCTAssertEqual(s.notice, "No unread messages here", "everything is before the marker")
    }

    /// Select mode lets the jump through, as it does the other navigation.
    func testTheJumpWorksWhileSelecting() {
        let s = selecting("m29", opened(rows(0..<30)))
        XCTAssertEqual(reduce(s, .jumpToFirstUnread).0.window?.bottomIndex, 21)
    }
}
