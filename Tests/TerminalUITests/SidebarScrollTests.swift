import ChatCore
import ChatModel
import TerminalUI
import XCTest

/// A sidebar taller than its pane scrolls to keep the open channel in view and says how many
/// channels are cut above and below (at 80x24 the demo's livestreams were out of sight).
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
