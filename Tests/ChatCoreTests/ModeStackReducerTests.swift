import ChatCore
import ChatModel
import XCTest

/// The mode stack decides who takes an intent: the top mode's reducer, and no mode beneath it.
final class ModeStackReducerTests: XCTestCase, LiveReducerScript {
    /// An intent of a mode below the top is dropped: letters for the composer under the help,
    /// a selection move under the switcher, Esc closes the top only.
    func testAnIntentReachesTheTopModeOnly() {
        var s = reduce(selecting("old", live()), .toggleHelp).0
        XCTAssertEqual(s.modes.overlays, [.select(pane: .messages, messageID: "old"), .help(scroll: 0)])
        let (after, effects) = reduce(s, .composeInsert("x"), .moveSelection(-1), .scroll(messages: 10), .composeSend, .switcherOpen)
        XCTAssertEqual(after.modes, s.modes, "nothing beneath the help moved, nothing opened over it")
        XCTAssertTrue(after.composer.isEmpty)
        XCTAssertEqual(after.window, s.window)
        XCTAssertEqual(effects, [])
        s = reduce(s, .dismiss, .switcherOpen, .switcherType("r"), .editSelected, .pinSelected).0
        var typed = Switcher()
        typed.query = "r"
        XCTAssertEqual(s.modes.top, .switcher(typed), "select mode's keys do not reach through the switcher")
        s = reduce(s, .dismiss).0
        XCTAssertEqual(s.modes.overlays, [.select(pane: .messages, messageID: "old")])
    }

    /// Completion ends on the first intent that is not Tab, which the composer beneath takes.
    func testCompletionEndsOnAnotherKeyWhichGoesToTheComposer() {
        var s = reduce(live(), .composeInsert("hi @b"), .complete).0
        XCTAssertEqual(s.composer.string, "hi @bea ")
        XCTAssertEqual(s.modes.top, .completion(Completion(start: 3, query: "b", candidates: ["@bea", "@bob"], index: 0)))
        s = reduce(s, .complete).0
        XCTAssertEqual(s.composer.string, "hi @bob ", "Tab again: the next")
        s = reduce(s, .composeInsert("!")).0
        XCTAssertNil(s.modes.top)
        XCTAssertEqual(s.composer.string, "hi @bob !")
        XCTAssertEqual(reduce(s, .complete).0.status, nil, "no @ before the cursor: nothing to complete")
    }

    /// Switching channel closes every mode, and an edit ends: Enter in the next channel must
    /// not save the other channel's message with that channel's draft.
    func testSwitchingChannelEndsTheModesAndTheEdit() {
        var s = reduce(live(), .messageUpserted(message("mine", from: "alice", at: 20))).0
        s = reduce(selecting("mine", s), .editSelected).0
        XCTAssertEqual(s.draft, .editing(messageID: "mine"))
        s = reduce(s, .toggleHelp, .dismiss, .openChannel(cid: "messaging:random")).0
        XCTAssertEqual(s.draft, .new)
        XCTAssertNil(s.modes.top)
        XCTAssertTrue(s.composer.isEmpty)
        s = reduce(s, .openChannel(cid: "messaging:general")).0
        XCTAssertTrue(s.composer.isEmpty, "the old message's text was not kept as a draft")
        let effects = reduce(s, .composeInsert("new words"), .composeSend).1
        XCTAssertEqual(effects.last, .live(.send(cid: "messaging:general", text: "new words", parentID: nil, mentions: [])))
    }

    /// Answers land where they were asked for, or are dropped when the reader moved on.
    func testLateAnswersLandOnlyWhereTheyBelong() {
        let row = message("old", from: "bob", at: 10)
        let details = MessageDetails(row: row, reactions: [])
        XCTAssertEqual(reduce(selecting("old", live()), .showDetails, .detailsLoaded(details)).0.modes.top, .details(details))
        XCTAssertNil(reduce(live(), .detailsLoaded(details)).0.modes.top, "the selection ended meanwhile")
        let switching = reduce(live(), .switcherOpen).0
        XCTAssertEqual(reduce(switching, .searchResults(query: "x", rows: [row])).0.modes, switching.modes, "the switcher stays on top")
        XCTAssertEqual(reduce(live(), .searchResults(query: "x", rows: [row])).0.modes.top, .search(SearchResults(query: "x", rows: [row])))
    }

    /// A message that goes takes its selection and what was open over it.
    func testARemovedMessageClosesItsSelectionAndWhatIsOverIt() {
        let s = reduce(selecting("old", live()), .reactSelected).0
        XCTAssertEqual(s.modes.overlays.count, 2)
        XCTAssertEqual(reduce(s, .messageRemoved(id: "old")).0.modes.overlays, [])
        XCTAssertEqual(reduce(s, .messageRemoved(id: "other")).0.modes, s.modes)
    }

    /// Closing the thread ends the thread's focus and a selection made in it.
    func testClosingTheThreadEndsItsFocusAndSelection() {
        var s = reduce(live(), .openThread, .threadLoaded(root: message("old", from: "bob", at: 10), replies: [])).0
        XCTAssertEqual(s.modes.focus, .thread)
        s = reduce(s, .startSelecting, .toggleHelp).0
        XCTAssertEqual(s.modes.overlays, [.select(pane: .thread, messageID: "old"), .help(scroll: 0)])
        s.thread = nil
        XCTAssertEqual(s.modes, ModeStack())
    }
}
