import ChatCore
import ChatModel
import TerminalUI
import XCTest

/// "is typing…" where the typing is: the channel's line, the open thread's pane, or the
/// channel's line saying "in a thread" for a thread that is not open.
final class TypingLineViewTests: XCTestCase {
    private let context = ChatFixture.context()
    private let until = ChatFixture.time("2030-01-01T00:00:00Z")

    /// #engineering with m2's thread open beside it.
    private func withThread() -> ChatState {
        var state = ChatFixture.state()
        state.thread = ThreadPane(root: ChatFixture.rows[1], replies: [])
        return state
    }

    func testTypingInTheOpenThreadShowsInItsPaneOnly() throws {
        var state = withThread()
        state.typing[TypingPlace(cid: "team:engineering", parentID: "m2")] = ["Priya Patel": until]
        for (width, height) in [(120, 40), (80, 24)] {
            let frame = ChatView.render(state, width: width, height: height, context: context)
            let pane = try XCTUnwrap(frame.find("Thread (Tab to focus)"), "\(width)")
            let typing = try XCTUnwrap(frame.find("Priya Patel is typing…"), "\(width)")
            XCTAssertGreaterThanOrEqual(typing.x, pane.x, "in the thread's pane")
            XCTAssertEqual(frame[typing.x, typing.y].style, context.style("typing"))
            XCTAssertNil(frame.find("is typing", below: typing.y), "said once")
            XCTAssertNil(frame.find("in a thread"), "the channel's line does not say it")
        }
    }

    func testTypingInAnotherThreadShowsInTheChannelAsInAThread() throws {
        var state = withThread()
        state.typing[TypingPlace(cid: "team:engineering", parentID: "m1")] = ["Priya Patel": until]
        let frame = ChatView.render(state, width: 120, height: 40, context: context)
        let pane = try XCTUnwrap(frame.find("Thread (Tab to focus)"))
        let typing = try XCTUnwrap(frame.find("Priya Patel is typing in a thread…"))
        XCTAssertLessThan(typing.x, pane.x, "in the channel")
        // Someone typing in the channel itself is what its line says.
        state.typing[TypingPlace(cid: "team:engineering")] = ["Tomás Silva": until]
        let both = ChatView.render(state, width: 120, height: 40, context: context)
        XCTAssertNotNil(both.find("Tomás Silva is typing…"))
        XCTAssertNil(both.find("in a thread"))
    }
}
