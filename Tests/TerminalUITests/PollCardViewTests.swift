import ChatCore
import ChatModel
import TerminalUI
import XCTest

/// A message with a poll draws its card: the question, each option's bar and count, the
/// reader's votes marked, "closed" and "anonymous" said; `V` opens a picker of the options.
final class PollCardViewTests: XCTestCase {
    private let context = ChatFixture.context()

    private func state(_ poll: PollCard) -> ChatState {
        var state = ChatFixture.state()
        var rows = ChatFixture.rows
        rows[rows.count - 1].poll = poll
        state.window?.rows = rows
        return state
    }

    private let lunch = PollCard(
        id: "p1",
        name: "Where do we eat on Friday?",
        options: [
            PollCard.Option(id: "a", text: "Pizza", count: 3), PollCard.Option(id: "b", text: "Soup", count: 1),
            PollCard.Option(id: "c", text: "Sushi", count: 0),
        ],
        ownVotes: ["b": "v1"]
    )

    func testTheCardShowsCountsBarsAndOwnVotes() throws {
        let frame = ChatView.render(state(lunch), width: 100, height: 40, context: context)
        assertSnapshot(frame, named: "poll-card")
        let soup = try XCTUnwrap(frame.find("✓ Soup"))
        XCTAssertEqual(frame[soup.x + 2, soup.y].style, context.style("reaction.mine"), "your vote is marked")
        let pizza = try XCTUnwrap(frame.find("Pizza"))
        XCTAssertEqual(frame.text(row: pizza.y).filter { $0 == "█" }.count, 12, "the most voted fills the bar")
        XCTAssertEqual(frame.text(row: soup.y).filter { $0 == "█" }.count, 4)
        let sushi = try XCTUnwrap(frame.find("Sushi"))
        XCTAssertEqual(frame.text(row: sushi.y).filter { $0 == "█" }.count, 0)
        XCTAssertNotNil(frame.find("4 votes · ↑ then V to vote"))
    }

    func testAClosedAnonymousPollSaysSo() throws {
        var poll = lunch
        poll.isClosed = true
        poll.isAnonymous = true
        let frame = ChatView.render(state(poll), width: 100, height: 40, context: context)
        XCTAssertNotNil(frame.find("Where do we eat on Friday?  (poll · closed · anonymous)"))
        XCTAssertNotNil(frame.find("4 votes · voting is over"))
    }

    func testThePickerListsTheOptionsAndYourVote() throws {
        var s = state(lunch)
        s.connection = .connected
        let id = try XCTUnwrap(s.window?.rows.last?.id)
        s.modes = ModeStack(overlays: [.select(pane: .messages, messageID: id), .pollPicker(PollPicker(messageID: id))])
        let frame = ChatView.render(s, width: 100, height: 40, context: context)
        assertSnapshot(frame, named: "poll-picker")
        XCTAssertNotNil(frame.find("Soup (1)  ✓ yours: Enter takes it back"))
        XCTAssertNotNil(frame.find("Vote: Where do we eat on Friday?"))
    }
}
