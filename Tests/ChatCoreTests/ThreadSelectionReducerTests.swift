import ChatCore
import ChatModel
import XCTest

/// B3: the thread pane's replies are selected and acted on as channel messages are.
final class ThreadSelectionReducerTests: XCTestCase, LiveReducerScript {
    /// alice in #general with the thread of bob's "old" open and focused: her reply "mine"
    /// between bob's "r1" and carol's "r3"; her channel message "chan" is the channel's newest.
    private func inThread() -> ChatState {
        var s = reduce(live(), .messageUpserted(message("chan", from: "alice", at: 40))).0
        s =
            reduce(
                s,
                // The thread of bob's "old", asked for from the channel.
                .startSelecting,
                .moveSelection(-1),
                .openThread,
                .threadLoaded(
                    root: message("old", from: "bob", at: 10),
                    replies: [
                        message("r1", from: "bob", at: 20, parent: "old"), message("mine", from: "alice", at: 21, parent: "old"),
                        message("r3", from: "carol", at: 22, parent: "old"),
                    ]
                )
            ).0
        XCTAssertEqual(s.modes.focus, .thread)
        return s
    }

    func testSelectionMovesThroughTheThreadsMessages() {
        var s = reduce(inThread(), .startSelecting).0
        XCTAssertEqual(s.modes.top, .select(pane: .thread, messageID: "mine"), "↑ starts on one's own last reply")
        s = reduce(s, .moveSelection(-1)).0
        XCTAssertEqual(s.modes.selectedMessageID(in: .thread), "r1")
        s = reduce(s, .moveSelection(-5)).0
        XCTAssertEqual(s.modes.selectedMessageID(in: .thread), "old", "up to the root, no further")
        s = reduce(s, .moveSelection(9)).0
        XCTAssertEqual(s.modes.selectedMessageID(in: .thread), "r3")
        s = reduce(s, .toggleThreadFocus).0
        XCTAssertNil(s.modes.selection, "the channel pane has its own selection")
        XCTAssertEqual(s.modes.focus, .messages)
    }

    func testActionsWorkOnAReply() {
        let s = selecting("mine", inThread())
        var (edited, effects) = reduce(s, .editSelected)
        XCTAssertEqual(edited.composer.string, "text of mine")
        (edited, effects) = reduce(edited, .composeEdit(.killToStart), .composeInsert("better"), .composeSend)
        XCTAssertEqual(effects.last, .live(.update(messageID: "mine", text: "better")))
        XCTAssertEqual(reduce(s, .deleteSelected, .confirm(true)).1, [.live(.delete(messageID: "mine"))])
        XCTAssertEqual(reduce(s, .pinSelected).1, [.live(.pin(messageID: "mine", pinned: true))])
        XCTAssertEqual(reduce(s, .reactSelected).0.modes.top, .reactionPicker(ReactionPicker(messageID: "mine")))
        XCTAssertEqual(reduce(s, .showDetails).1, [.loadDetails(messageID: "mine")])
        XCTAssertEqual(reduce(s, .quoteSelected).0.draft, .quoting(messageID: "mine"))
        XCTAssertEqual(reduce(selecting("r3", s), .editSelected).0.status, "You can only edit your own messages")
    }

    /// `/delete` typed in the thread asked to delete the newest channel message.
    func testCommandsTypedInTheThreadActOnTheThread() {
        let s = inThread()
        var (after, effects) = reduce(s, .composeInsert("/delete"), .composeSend)
        XCTAssertEqual(after.modes.top, .confirmDelete(messageID: "mine"), "one's own newest reply, not the channel's \"chan\"")
        XCTAssertEqual(after.modes.selectedMessageID(in: .thread), "mine", "shown selected in the thread")
        (after, effects) = reduce(s, .composeInsert("/react :fire:"), .composeSend)
        XCTAssertEqual(effects, [.live(.react(messageID: "r3", type: "fire", add: true))], "the thread's newest")
        (after, effects) = reduce(s, .composeInsert("/edit fixed"), .composeSend)
        XCTAssertEqual(effects, [.live(.update(messageID: "mine", text: "fixed"))])
        // Back in the channel, the channel's messages again.
        after = reduce(s, .toggleThreadFocus, .composeInsert("/delete"), .composeSend).0
        XCTAssertEqual(after.modes.top, .confirmDelete(messageID: "chan"))
    }
}
