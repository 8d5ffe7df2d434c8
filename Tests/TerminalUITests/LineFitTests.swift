import ChatCore
import ChatModel
import TerminalUI
import XCTest

/// Text that does not fit is cut visibly, and messages keep a readable width on wide terminals.
final class LineFitTests: XCTestCase {
    private let context = ChatFixture.context()

    private func render(_ state: ChatState, _ width: Int, _ height: Int, context: RenderContext? = nil) -> Frame {
        ChatView.render(state, width: width, height: height, context: context ?? self.context)
    }

    /// Row `y` of `frame` from column `from` to `to` (exclusive).
    private func text(_ frame: Frame, row y: Int, from: Int, to: Int) -> String {
        (from..<to).map { frame[$0, y].text }.joined()
    }

    func testALongChannelNameEndsInAnEllipsisInTheSidebar() throws {
        var state = ChatFixture.state()
        state.channels[1].channel.custom["name"] = .string("design-reviews-for-the-whole-harbor-team")
        let frame = render(state, 120, 40)
        let row = try XCTUnwrap(frame.lines.firstIndex { $0.contains("#design-") })
        let sidebar = text(frame, row: row, from: 0, to: 30).trimmingCharacters(in: .whitespaces)
        XCTAssertTrue(sidebar.hasSuffix("…"), sidebar)
        XCTAssertTrue(sidebar.hasPrefix("#design-reviews"), sidebar)
    }

    func testTheHeaderCutsTheTopicAndKeepsTheMemberCount() throws {
        var state = ChatFixture.state()
        state.channels[0].channel.custom["topic"] = .string(String(repeating: "Shipping Harbor 2.0 and then some ", count: 6))
        let frame = render(state, 80, 24)
        let header = frame.lines[0]
        XCTAssertTrue(header.contains("#engineering · Shipping H"), header)
        XCTAssertTrue(header.contains("… · 12 members"), header)
        // A header with no room for the topic leaves it out instead of hiding the count.
        let narrow = render(state, 30, 24).lines[0]
        XCTAssertEqual(narrow, " #engineering · 12 members")
    }

    /// Notes to self have one member, a livestream thousands: the count reads as words do.
    func testTheHeaderCountsOneMemberAndGroupsThousands() {
        var state = ChatFixture.state()
        let header = { (s: ChatState) in
            self.render(s, 120, 40).lines[0].replacingOccurrences(of: " +$", with: "", options: .regularExpression)
        }
        state.channels[0].memberCount = 1
        XCTAssertTrue(header(state).hasSuffix("Shipping Harbor 2.0 · 1 member"), header(state))
        state.channels[0].memberCount = 12_500
        XCTAssertTrue(header(state).hasSuffix("Shipping Harbor 2.0 · 12,500 members"), header(state))
    }

    func testACutURLInAnAttachmentCardEndsInAnEllipsis() throws {
        let frame = render(ChatFixture.state(), 80, 40)
        let row = try XCTUnwrap(frame.lines.first { $0.contains("link · Stream import docs") })
        XCTAssertFalse(row.contains("docs/import/"), row)
        XCTAssertTrue(row.trimmingCharacters(in: .whitespaces).hasSuffix("…"), row)
    }

    func testACutThreadHeaderEndsInAnEllipsis() {
        var state = ChatFixture.state()
        state.thread = ThreadPane(root: ChatFixture.rows[1], replies: [])
        state.thread?.hasFocus = true
        let header = render(state, 20, 10).lines[0]
        XCTAssertEqual(header, " ▶ Thread (Esc clos…")
    }

    func testMessagesStopAtTheMaximumWidthOnAWideTerminal() throws {
        var state = ChatFixture.state()
        let long = String(repeating: "readable lines stop well before the edge ", count: 12)
        state.window?.rows.append(ChatFixture.row(ChatFixture.message("m10", "tomas", long, at: "2020-03-03T10:20:00Z")))
        state.modes.push(.select(pane: .messages, messageID: "m10"))
        let channelX = 31
        let capped = render(state, 200, 50)
        XCTAssertNotNil(capped.lines.first { $0.contains("readable lines stop") })
        for y in 1..<49 {
            let right = text(capped, row: y, from: channelX + 100, to: 200)
            XCTAssertEqual(right.trimmingCharacters(in: .whitespaces), "", "row \(y): \(right)")
            // The selection's highlight stops there too.
            XCTAssertNotEqual(capped[channelX + 100, y].style, context.style("message.selected"), "row \(y)")
        }
        // Without the cap the same message runs to the edge, so the check above can fail.
        var uncapped = context
        uncapped.maxMessageWidth = 1000
        let wide = render(state, 200, 50, context: uncapped)
        XCTAssertTrue(
            (1..<49).contains { !text(wide, row: $0, from: channelX + 100, to: 200).trimmingCharacters(in: .whitespaces).isEmpty }
        )
    }
}
