import ChatCore
import ChatModel
import XCTest

@testable import TerminalUI

/// The frame records what it drew where, and a click or the wheel there means that thing:
/// the places are found from the drawn text, so the map and the cells cannot drift apart.
final class HitMapTests: XCTestCase {
    private let context = ChatFixture.context()

    private func render(_ state: ChatState, _ width: Int = 120, _ height: Int = 40) -> Frame {
        ChatView.render(state, width: width, height: height, context: context)
    }

    private func action(_ frame: Frame, _ mouse: MouseEvent) -> PointerAction? {
        if case .pointer(let action)? = frame.hits.event(for: mouse) { return action }
        return nil
    }

    private func click(_ frame: Frame, at point: (x: Int, y: Int)?) throws -> PointerAction? {
        let point = try XCTUnwrap(point, "the text is on screen")
        return action(frame, MouseEvent(.press(button: 0), x: point.x, y: point.y))
    }

    func testAClickOnAChannelRowOrAHeadingAtBothSizes() throws {
        for (width, height) in [(120, 40), (80, 24)] {
            let frame = render(ChatFixture.state(), width, height)
            XCTAssertEqual(try click(frame, at: frame.find("#design")), .openChannel(cid: "team:design"), "\(width)x\(height)")
            // Anywhere on the row, the blank after the name too.
            let row = try XCTUnwrap(frame.find("#design"))
            XCTAssertEqual(try click(frame, at: (row.x + 12, row.y)), .openChannel(cid: "team:design"))
            XCTAssertEqual(try click(frame, at: frame.find("DIRECT MESSAGES")), .toggleGroup(.direct))
            XCTAssertEqual(try click(frame, at: frame.find("LIVESTREAMS")), .toggleGroup(.livestreams))
        }
    }

    func testAClickOnAnyLineOfAMessageSelectsItAndAChipTogglesItsReaction() throws {
        let frame = render(ChatFixture.state())
        XCTAssertEqual(try click(frame, at: frame.find("Agenda: import dry run")), .select(.messages, messageID: "m2"))
        // The header line (time and author) belongs to the message too.
        let text = try XCTUnwrap(frame.find("Release checklist is in the wiki."))
        XCTAssertEqual(try click(frame, at: (text.x, text.y - 1)), .select(.messages, messageID: "m6"))
        // Each chip is its own reaction; the space between chips is the message's.
        let like = try XCTUnwrap(frame.find("[👍 3]"))
        XCTAssertEqual(try click(frame, at: like), .toggleReaction(messageID: "m1", type: "like"))
        XCTAssertEqual(try click(frame, at: (like.x + 5, like.y)), .toggleReaction(messageID: "m1", type: "like"))
        XCTAssertEqual(try click(frame, at: (like.x + 6, like.y)), .select(.messages, messageID: "m1"))
        XCTAssertEqual(try click(frame, at: frame.find("[❤️")), .toggleReaction(messageID: "m1", type: "love"))
    }

    /// After scrolling, a click means the message drawn under it now; a message's lines are
    /// one region, not one a line.
    func testAfterScrollingAClickSelectsTheMessageDrawnThere() throws {
        var state = ChatFixture.state()
        let many = (0..<60).map { i in
            ChatFixture.row(
                ChatFixture.message("n\(i)", i % 2 == 0 ? "tomas" : "priya", "note \(i) of sixty", at: "2020-03-04T09:\(10 + i % 50):00Z")
            )
        }
        state.window = MessageWindow(cid: "team:engineering", rows: ChatFixture.rows + many, hasOlder: false, readMarker: nil)
        let bottom = render(state)
        XCTAssertEqual(try click(bottom, at: bottom.find("note 59 of sixty")), .select(.messages, messageID: "n59"))
        XCTAssertNil(bottom.find("note 20 of sixty"))
        state = ChatReducer.reduce(state, .scroll(messages: 30)).0
        let scrolled = render(state)
        XCTAssertNil(scrolled.find("note 59 of sixty"), "scrolled away")
        let shown = try XCTUnwrap(scrolled.find("note 20 of sixty"))
        XCTAssertEqual(try click(scrolled, at: shown), .select(.messages, messageID: "n20"))
        XCTAssertEqual(try click(scrolled, at: (shown.x + 40, shown.y)), .select(.messages, messageID: "n20"), "the row's blank too")
        // Where "note 59" was drawn before, the click now means what is drawn there instead.
        let before = try XCTUnwrap(bottom.find("note 59 of sixty"))
        let now = try XCTUnwrap(scrolled.lines[before.y].firstMatch(of: /note (\d+) of sixty/)).1
        XCTAssertEqual(try click(scrolled, at: before), .select(.messages, messageID: "n" + now))
        let messages = scrolled.hits.regions.compactMap { region -> (id: String, height: Int)? in
            if case .message(_, let id) = region.target { (id, region.rect.height) } else { nil }
        }
        XCTAssertEqual(Set(messages.map(\.id)).count, messages.count, "one region a message")
        XCTAssertTrue(messages.contains { $0.id == "n20" && $0.height == 2 }, "its header and its text")
    }

    func testAClickInTheThreadSelectsThereAndOnNothingDoesNothing() throws {
        var state = ChatFixture.state()
        var reply = ChatFixture.message("r1", "maya", "Dry run went fine, 0 errors.", at: "2020-03-02T09:20:00Z")
        reply.parentID = "m2"
        state.thread = ThreadPane(root: ChatFixture.rows[1], replies: [ChatFixture.row(reply)])
        let frame = render(state)
        XCTAssertEqual(try click(frame, at: frame.find("Dry run went fine")), .select(.thread, messageID: "r1"))
        // The channel's header, a border, a right click and a release are no action.
        XCTAssertNil(try click(frame, at: frame.find("#engineering · ")))
        let border = try XCTUnwrap(frame.find("│"))
        XCTAssertNil(frame.hits.event(for: MouseEvent(.press(button: 0), x: border.x, y: border.y)))
        let line = try XCTUnwrap(frame.find("Dry run went fine"))
        XCTAssertNil(frame.hits.event(for: MouseEvent(.press(button: 2), x: line.x, y: line.y)))
        XCTAssertNil(frame.hits.event(for: MouseEvent(.release(button: 0), x: line.x, y: line.y)))
    }

    func testTheWheelScrollsThePaneUnderThePointer() throws {
        var state = ChatFixture.state()
        state.thread = ThreadPane(root: ChatFixture.rows[1], replies: [])
        let frame = render(state)
        let message = try XCTUnwrap(frame.find("Morning! Standup"))
        XCTAssertEqual(action(frame, MouseEvent(.wheelUp, x: message.x, y: message.y)), .scrollMessages(HitMap.wheelStep))
        XCTAssertEqual(action(frame, MouseEvent(.wheelDown, x: message.x, y: message.y)), .scrollMessages(-HitMap.wheelStep))
        // The whole sidebar fits: it has nowhere to go.
        let design = try XCTUnwrap(frame.find("#design"))
        XCTAssertEqual(action(frame, MouseEvent(.wheelDown, x: design.x, y: design.y)), .scrollSidebar(toRow: 0))
        let thread = try XCTUnwrap(frame.find("Thread ("))
        XCTAssertEqual(action(frame, MouseEvent(.wheelUp, x: thread.x, y: thread.y + 3)), .scrollThread(toLine: 0))
        // A sidebar taller than its pane scrolls by the wheel's step, and no further than its end.
        let short = render(ChatFixture.state(), 80, 9)
        let row = try XCTUnwrap(short.find("#design"))
        XCTAssertEqual(action(short, MouseEvent(.wheelDown, x: row.x, y: row.y)), .scrollSidebar(toRow: 3))
        let scrolled = { (top: Int) -> PointerAction? in
            var state = ChatFixture.state()
            state.sidebarTop = top
            let frame = self.render(state, 80, 9)
            return self.action(frame, MouseEvent(.wheelDown, x: 2, y: 4))
        }
        let end = try XCTUnwrap(scrolled(99))
        XCTAssertEqual(scrolled(0), .scrollSidebar(toRow: 3))
        XCTAssertEqual(scrolled(99), end, "at its end the wheel goes no further")
        XCTAssertEqual(action(short, MouseEvent(.wheelUp, x: row.x, y: row.y)), .scrollSidebar(toRow: 0), "nor above its start")
    }

    func testOverlaysTakeClicksInTheirBoxAndTheWheelScrollsTheHelp() throws {
        var state = ChatFixture.state()
        state.modes.push(.help(scroll: 0))
        let frame = render(state, 80, 24)
        let inside = try XCTUnwrap(frame.find("Keys"))
        XCTAssertNil(frame.hits.event(for: MouseEvent(.press(button: 0), x: inside.x, y: inside.y + 2)))
        guard case .helpScroll(let by, let last)? = frame.hits.event(for: MouseEvent(.wheelDown, x: inside.x, y: inside.y + 2)) else {
            return XCTFail("the wheel scrolls the help")
        }
        XCTAssertEqual(by, HitMap.wheelStep)
        XCTAssertGreaterThan(last, 0, "at 80x24 the help is longer than its box")
        // Outside the box the panes are still there.
        XCTAssertEqual(action(frame, MouseEvent(.press(button: 0), x: 1, y: 3)), .openChannel(cid: "team:engineering"))

        state.modes.popAll()
        state.modes.push(.summary(SummaryScreen()))
        let summary = render(state, 80, 24)
        guard case .summaryScroll(let step)? = summary.hits.event(for: MouseEvent(.wheelUp, x: 40, y: 12)) else {
            return XCTFail("the wheel scrolls the summary")
        }
        XCTAssertEqual(step, -HitMap.wheelStep)
    }
}
