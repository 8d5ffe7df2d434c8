import ChatCore
import ChatModel
import XCTest

/// Loads answer after the reader has gone on (the runtime makes them off the input loop): an
/// answer lands where it was asked for, or nowhere.
final class LateAnswerReducerTests: XCTestCase, LiveReducerScript {
    private let root = "old"

    private func threadAnswer(_ id: String, cid: String = "messaging:general") -> ChatEvent {
        .threadLoaded(
            root: message(id, from: "bob", cid: cid, at: 10),
            replies: [message("r-\(id)", from: "carol", cid: cid, at: 11, parent: id)]
        )
    }

    func testAThreadAskedForOpensWhenItsAnswerComes() {
        var (s, effects) = reduce(live(), .openThread)
        XCTAssertEqual(effects, [.loadThread(messageID: root)])
        XCTAssertNil(s.thread, "nothing to show until the answer")
        s = reduce(s, .composeInsert("typed meanwhile"), threadAnswer(root)).0
        XCTAssertEqual(s.thread?.root.id, root)
        XCTAssertEqual(s.thread?.replies.map(\.id), ["r-old"])
        XCTAssertEqual(s.composer.string, "typed meanwhile")
    }

    func testAThreadClosedWithEscBeforeItsAnswerStaysClosed() {
        let s = reduce(live(), .openThread, .dismiss, threadAnswer(root)).0
        XCTAssertNil(s.thread)
        XCTAssertEqual(s.modes.focus, .messages)
    }

    func testAThreadOfAChannelLeftDoesNotOpenInTheNextOne() {
        let s = reduce(live(), .openThread, .openChannel(cid: "messaging:random"), threadAnswer(root)).0
        XCTAssertEqual(s.openCID, "messaging:random")
        XCTAssertNil(s.thread)
    }

    func testOnlyTheLastThreadAskedForOpens() {
        var s = reduce(live(), .messageUpserted(message("newer", from: "bob", at: 30))).0
        // "newer" asked for, then "old": the answers come in that order.
        s = reduce(s, .openThread, .startSelecting, .moveSelection(-1), .openThread).0
        s = reduce(s, threadAnswer("newer")).0
        XCTAssertNil(s.thread, "the first answer was superseded")
        s = reduce(s, threadAnswer(root)).0
        XCTAssertEqual(s.thread?.root.id, root)
    }

    func testAThreadNobodyAskedForDoesNotOpen() {
        XCTAssertNil(reduce(live(), threadAnswer(root)).0.thread)
    }

    func testDetailsShowForTheMessageStillSelected() {
        var (s, effects) = reduce(live(), .startSelecting, .showDetails)
        XCTAssertEqual(effects, [.loadDetails(messageID: root)])
        let details = MessageDetails(row: message(root, from: "bob", at: 10), reactions: [])
        s = reduce(s, .detailsLoaded(details)).0
        XCTAssertEqual(s.shownDetails, details)
    }

    func testDetailsOfAMessageNoLongerSelectedAreDropped() {
        let details = MessageDetails(row: message(root, from: "bob", at: 10), reactions: [])
        var s = reduce(live(), .messageUpserted(message("newer", from: "bob", at: 30))).0
        // v on "old", then ↓ to "newer" before the answer.
        s = reduce(s, .startSelecting, .moveSelection(-1), .showDetails, .moveSelection(1), .detailsLoaded(details)).0
        XCTAssertNil(s.shownDetails)
        // v, then Esc.
        s = reduce(s, .moveSelection(-1), .showDetails, .dismiss, .detailsLoaded(details)).0
        XCTAssertNil(s.shownDetails)
    }

    func testAChannelPageLandsOnlyInItsChannel() {
        var s = reduce(live(), .openChannel(cid: "messaging:random")).0
        s = reduce(s, .channelLoaded(cid: "messaging:general", rows: [message("late", from: "bob", at: 50)], members: [])).0
        XCTAssertEqual(s.openCID, "messaging:random")
        XCTAssertNil(s.window, "general's page is not random's")
        let random = message("r1", from: "bob", cid: "messaging:random", at: 60)
        s = reduce(s, .channelLoaded(cid: "messaging:random", rows: [random], members: [])).0
        XCTAssertEqual(s.window?.rows.map(\.id), ["r1"])
    }
}

extension ChatState {
    /// The details overlay's message, wherever it is in the stack.
    fileprivate var shownDetails: MessageDetails? {
        for case .details(let details) in modes.overlays { return details }
        return nil
    }
}
