import ChatCore
import ChatModel
import TerminalUI
import XCTest

/// Tab completion shows its candidates on the row above the composer.
final class CompletionViewTests: XCTestCase {
    private let context = ChatFixture.context()

    private func completing(_ candidates: [String], index: Int) -> ChatState {
        var state = ChatFixture.state()
        state.connection = .connected
        state.composer = Composer("hi " + candidates[index] + " ")
        state.modes.push(.completion(Completion(start: 3, query: "", candidates: candidates, index: index)))
        return state
    }

    func testTheCandidatesShowAboveTheComposerWithTheChosenOneHighlighted() throws {
        let frame = ChatView.render(completing(["@priya", "@tomas"], index: 1), width: 120, height: 40, context: context)
        let composerRow = try XCTUnwrap((0..<40).first { frame.text(row: $0).hasPrefix("› hi @tomas") })
        let row = frame.text(row: composerRow - 1)
        XCTAssertTrue(row.hasPrefix(" @priya  @tomas"), row)
        let chosen = try XCTUnwrap(row.range(of: "@tomas")).lowerBound.utf16Offset(in: row)
        XCTAssertEqual(frame[chosen, composerRow - 1].style, context.style("switcher.selected"))
        XCTAssertEqual(frame[1, composerRow - 1].style, context.style("switcher"))
        let closed = ChatView.render(ChatFixture.state(), width: 120, height: 40, context: context)
        XCTAssertFalse((0..<40).contains { closed.text(row: $0).contains("@priya  @tomas") })
    }

    /// More candidates than the row holds: the row starts at the chosen one, so it is seen.
    func testTheChosenCandidateStaysInViewOnANarrowScreen() {
        let names = (0..<20).map { "@member-number-\($0)" }
        let frame = ChatView.render(completing(names, index: 15), width: 60, height: 20, context: context)
        let row = frame.text(row: 17)
        XCTAssertTrue(row.hasPrefix(" @member-number-15  @member-number-16"), row)
        XCTAssertTrue(row.trimmingCharacters(in: .whitespaces).hasSuffix("…"), row)
    }
}
