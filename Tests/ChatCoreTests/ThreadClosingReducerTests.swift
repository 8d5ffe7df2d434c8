import ChatCore
import ChatModel
import XCTest

/// The focus on a thread and a selection in it cannot outlive the thread: however the thread
/// closes, the reader is back on the channel's messages with nothing of the thread left over.
final class ThreadClosingReducerTests: XCTestCase, LiveReducerScript {
    /// alice in #general, the thread of bob's "old" open and focused, its reply "r1" selected
    /// and the help open over the selection.
    private func selectingInThread() -> ChatState {
        let root = message("old", from: "bob", at: 10)
        var s = reduce(live(), .openThread, .threadLoaded(root: root, replies: [message("r1", from: "bob", at: 20, parent: "old")])).0
        s = reduce(s, .startSelecting, .toggleHelp).0
        XCTAssertEqual(s.modes.focus, .thread)
        XCTAssertEqual(s.modes.overlays, [.select(pane: .thread, messageID: "r1"), .help(scroll: 0)])
        return s
    }

    private func assertOnMessages(_ s: ChatState, _ how: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertNil(s.thread, how, file: file, line: line)
        XCTAssertEqual(s.modes.focus, .messages, how, file: file, line: line)
        XCTAssertNil(s.modes.selectedMessageID(in: .thread), how, file: file, line: line)
        XCTAssertEqual(s.modes.overlays, [], how, file: file, line: line)
    }

    func testEscClosesTheThreadWithItsFocusAndSelection() {
        // Esc closes the help, then the selection, then the thread.
        let s = reduce(selectingInThread(), .dismiss, .dismiss, .dismiss).0
        assertOnMessages(s, "Esc")
        // Selecting again selects in the channel.
        XCTAssertEqual(reduce(s, .startSelecting).0.modes.top, .select(pane: .messages, messageID: "old"))
    }

    /// Esc with nothing else to close hides the member list (it did nothing there).
    func testEscAfterTheThreadHidesTheMemberList() {
        var s = reduce(selectingInThread(), .dismiss, .toggleMembers).0
        XCTAssertTrue(s.showMembers)
        s = reduce(s, .dismiss, .dismiss).0
        XCTAssertNil(s.thread)
        XCTAssertTrue(s.showMembers, "the thread closes first")
        XCTAssertFalse(reduce(s, .dismiss).0.showMembers)
    }

    func testSwitchingChannelsClosesTheThreadWithItsFocusAndSelection() {
        // The help takes every key while open; with it closed, the switch is made over the selection.
        assertOnMessages(reduce(selectingInThread(), .dismiss, .openChannel(cid: "messaging:random")).0, "channel switch")
    }

    func testDeletingTheThreadsRootClosesTheThreadWithItsFocusAndSelection() {
        let s = reduce(selectingInThread(), .messageRemoved(id: "old")).0
        assertOnMessages(s, "root deleted")
        // A reply of it arriving late does not bring the thread back.
        XCTAssertNil(reduce(s, .messageUpserted(message("r2", from: "bob", at: 30, parent: "old"))).0.thread)
    }

    func testARemovedReplyLeavesTheThreadOpen() {
        let s = reduce(selectingInThread(), .messageRemoved(id: "r1")).0
        XCTAssertEqual(s.thread?.replies.map(\.id), [])
        XCTAssertEqual(s.modes.focus, .thread)
        XCTAssertEqual(s.modes.overlays, [], "the selection and the help over it went with the reply")
    }

    /// The stack takes no selection in a thread that is not open, nor the focus on one.
    func testNoThreadNoThreadFocusOrSelection() {
        var modes = ModeStack(overlays: [.select(pane: .thread, messageID: "r1"), .help(scroll: 0)])
        XCTAssertEqual(modes.overlays, [.help(scroll: 0)])
        modes.push(.select(pane: .thread, messageID: "r1"))
        modes.replaceTop(with: .select(pane: .thread, messageID: "r1"))
        XCTAssertEqual(modes.overlays, [.help(scroll: 0)])
        modes.thread?.hasFocus = true
        XCTAssertEqual(modes.focus, .messages)
    }

    /// Opening another thread over a selection in the first closes that selection; the focus
    /// goes to the new thread.
    func testAnotherThreadReplacesTheSelectionInTheFirst() {
        var s = selectingInThread()
        s.thread = ThreadPane(root: message("other", from: "carol", at: 30), replies: [], hasFocus: true)
        XCTAssertEqual(s.modes.overlays, [])
        XCTAssertEqual(s.modes.focus, .thread)
    }
}
