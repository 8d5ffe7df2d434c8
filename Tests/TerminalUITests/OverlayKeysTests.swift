import ChatCore
import ChatModel
import TerminalUI
import XCTest

/// An overlay on top takes the keys: it scrolls when it does not fit, and nothing beneath moves.
final class OverlayKeysTests: XCTestCase {
    private let context = ChatFixture.context()

    private func live() -> ChatState {
        var state = ChatFixture.state()
        state.connection = .connected
        return state
    }

    /// Presses `keys` as the runtime does on a `width`x`height` screen: each key's command goes
    /// through the reducer.
    private func press(_ keys: [Key], _ state: ChatState, _ width: Int = 120, _ height: Int = 40) -> ChatState {
        keys.reduce(state) { s, key in
            guard case .chat(let event)? = KeyTable.command(for: key, in: s, screen: (width, height)) else { return s }
            return ChatReducer.reduce(s, event).0
        }
    }

    private func screenText(_ state: ChatState, _ width: Int, _ height: Int) -> String {
        let frame = ChatView.render(state, width: width, height: height, context: context)
        return (0..<frame.height).map { frame.text(row: $0) }.joined(separator: "\n")
    }

    /// B7: the live help (over 100 lines) is cut at 120x40 and 80x24; paging down shows every
    /// line of it, and at its end PgUp moves back at once.
    func testTheHelpScrollsThroughEveryLineAtEverySize() {
        let entries = KeyTable.helpEntries(live: true)
        for (width, height) in [(120, 40), (80, 24)] {
            var state = press([.function(1)], live(), width, height)
            XCTAssertEqual(state.modes.top, .help(scroll: 0))
            var text = screenText(state, width, height)
            XCTAssertTrue(text.contains("— writing —"), "\(width)x\(height): the top first")
            XCTAssertFalse(text.contains("close the help"), "\(width)x\(height): the end does not fit")
            XCTAssertTrue(text.contains("of \(entries.count)"), "\(width)x\(height): the title says there is more")
            var seen = text
            for _ in 0..<20 {
                state = press([.pageDown], state, width, height)
                seen += screenText(state, width, height)
            }
            for entry in entries { XCTAssertTrue(seen.contains(entry.help.prefix(25)), "\(width)x\(height): \(entry.help)") }
            text = screenText(state, width, height)
            XCTAssertTrue(text.contains("close the help"), "\(width)x\(height): the last lines")
            state = press([.pageUp], state, width, height)
            XCTAssertNotEqual(screenText(state, width, height), text, "\(width)x\(height): PgUp scrolls back at once")
            state = press([.home], state, width, height)
            XCTAssertTrue(screenText(state, width, height).contains("— writing —"))
        }
    }

    /// B7: while the help is open, PgDn scrolls the help, not the channel, and letters do not
    /// reach the composer; Esc closes the help only.
    func testNoKeyReachesBeneathTheHelp() {
        var state = live()
        state.draft = .quoting(messageID: "m3")
        state = press([.function(1), .pageDown, .character("x"), .character("y"), .enter, .up], state)
        XCTAssertEqual(state.modes.overlays, [.help(scroll: 9)], "PgDn and ↑ scrolled the help, and nothing else opened")
        XCTAssertTrue(state.composer.isEmpty, "letters do not reach the composer")
        XCTAssertNil(state.window?.bottomIndex, "the channel behind does not scroll")
        state = press([.escape], state)
        XCTAssertNil(state.modes.top)
        XCTAssertEqual(state.draft, .quoting(messageID: "m3"), "Esc closed the help, not the quote beneath")
    }

    /// B7: a message's details take the keys too.
    func testNoKeyReachesBeneathTheDetails() {
        var state = live()
        let details = MessageDetails(row: state.window!.rows[0], reactions: [])
        state.modes.push(.details(details))
        state = press([.character("h"), .pageUp, .enter], state)
        XCTAssertEqual(state.modes.overlays, [.details(details)])
        XCTAssertTrue(state.composer.isEmpty)
        XCTAssertNil(state.window?.bottomIndex)
        state = press([.escape], state)
        XCTAssertNil(state.modes.top)
    }
}
