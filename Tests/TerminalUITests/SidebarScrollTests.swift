import ChatCore
import ChatModel
import TerminalUI
import XCTest

/// A sidebar taller than its pane scrolls to keep the open channel in view and says how many
/// channels are cut above and below (at 80x24 the demo's livestreams were out of sight); its
/// groups, pinned channels first and archived ones folded last, keep their order.
final class SidebarScrollTests: XCTestCase {
    private let context = ChatFixture.context()

    /// The sidebar's text on row `y` (the pane left of the first border).
    private func sidebarRow(_ frame: Frame, _ y: Int) -> String {
        var text = ""
        for x in 0..<frame.width {
            if frame[x, y].text == "│" { break }
            text += frame[x, y].text
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    private func sidebar(_ openCID: String, height: Int) -> [String] {
        var state = ChatFixture.state()
        state.openCID = openCID
        let frame = ChatView.render(state, width: 80, height: height, context: context)
        return (0..<frame.height).map { sidebarRow(frame, $0) }
    }

    func testTheOpenChannelAtTheEndScrollsIntoViewUnderAnAboveMarker() {
        let rows = sidebar("livestream:launch", height: 9)
        XCTAssertTrue(rows.contains { $0.hasPrefix("#Harbor 2.0 launch") }, rows.joined(separator: "\n"))
        let above = rows.first { $0.hasPrefix("↑") }
        XCTAssertNotNil(above, rows.joined(separator: "\n"))
        XCTAssertFalse(rows.contains { $0.hasPrefix("↓") }, "nothing is cut below the last channel")
        XCTAssertFalse(rows.contains { $0.hasPrefix("#engineering") }, "the first channel scrolled away")
    }

    func testTheOpenChannelAtTheTopShowsWhatIsCutBelow() {
        let rows = sidebar("team:engineering", height: 9)
        XCTAssertTrue(rows.contains { $0.hasPrefix("#engineering") }, rows.joined(separator: "\n"))
        XCTAssertFalse(rows.contains { $0.hasPrefix("↑") })
        let below = rows.first { $0.hasPrefix("↓") }
        XCTAssertNotNil(below, rows.joined(separator: "\n"))
        // Six channels in all: those shown and those counted below add up.
        let shown = rows.filter { $0.hasPrefix("#") || $0.hasPrefix("@") }.count
        XCTAssertEqual(shown + Int(below!.split(separator: " ")[1])!, 6, rows.joined(separator: "\n"))
    }

    func testASidebarThatFitsHasNoMarkers() {
        let rows = sidebar("livestream:launch", height: 30)
        XCTAssertFalse(rows.contains { $0.hasPrefix("↑") || $0.hasPrefix("↓") })
        XCTAssertEqual(rows.filter { $0.hasPrefix("#") || $0.hasPrefix("@") }.count, 6)
    }
}

extension SidebarScrollTests {
    /// #design pinned; #random and the direct message with Tomás archived.
    private func marked(showArchived: Bool) -> Frame {
        var state = ChatFixture.state()
        for i in state.channels.indices {
            switch state.channels[i].channel.id {
            case "design": state.channels[i].pinnedAt = ChatFixture.time("2020-03-03T10:00:00Z")
            case "random", "!members-x": state.channels[i].archivedAt = ChatFixture.time("2020-03-03T10:00:00Z")
            default: break
            }
        }
        state.showArchived = showArchived
        return ChatView.render(state, width: 80, height: 30, context: context)
    }

    func testPinnedLeadAndArchivedFoldAtTheEndOutOfTheUnreadCount() {
        let frame = marked(showArchived: false)
        let rows = (0..<(frame.height - 1)).map { sidebarRow(frame, $0) }.filter { !$0.isEmpty }
        XCTAssertEqual(
            rows,
            [
                "⤷ Threads", "PINNED", "#design", "CHANNELS", "#engineering (2)", "#chatkit-legacy ❄", "LIVESTREAMS", "#Harbor 2.0 launch",
                "ARCHIVED (2) ▸",
            ]
        )
        // Unread: #engineering and the launch; the archived direct message no longer counts.
        let status = (0..<frame.width).map { frame[$0, frame.height - 1].text }.joined()
        XCTAssertTrue(status.contains(" 2 unread channels "), status)
    }

    func testTheArchiveUnfoldsInItsOwnOrder() {
        let frame = marked(showArchived: true)
        let rows = (0..<(frame.height - 1)).map { sidebarRow(frame, $0) }.filter { !$0.isEmpty }
        XCTAssertEqual(Array(rows.suffix(3)), ["ARCHIVED", "#random", "@Tomás Silva (1)"])
    }
}
