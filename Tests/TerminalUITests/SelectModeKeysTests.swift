import ChatCore
import ChatModel
import TerminalUI
import XCTest

/// Message-select mode with a server, key by key: what ↑ selects, and what a refused action
/// leaves behind.
final class SelectModeKeysTests: XCTestCase {
    /// maya, connected, in #engineering: her own newest message is m7, above tomas's m8 and priya's m9.
    private func live() -> ChatState {
        var state = ChatFixture.state()
        state.connection = .connected
        return state
    }

    /// Presses `keys` as the runtime does, collecting the effects.
    private func press(_ keys: [Key], _ state: ChatState) -> (ChatState, [ChatEffect]) {
        keys.reduce((state, [])) { sofar, key in
            guard case .chat(let event)? = KeyTable.command(for: key, in: sofar.0, screen: (120, 40)) else { return sofar }
            let (next, effects) = ChatReducer.reduce(sofar.0, event)
            return (next, sofar.1 + effects)
        }
    }

    /// B10: ↑ on an empty composer selects one's own last message, not someone else's newer one.
    func testUpOnAnEmptyComposerSelectsOnesOwnLastMessage() {
        XCTAssertEqual(press([.up], live()).0.modes.top, .select(pane: .messages, messageID: "m7"))
        var nobodyElse = live()
        nobodyElse.window?.rows.removeAll { $0.message.userID == ChatFixture.viewer }
        XCTAssertEqual(press([.up], nobodyElse).0.modes.selection?.messageID, "m9", "none of one's own: the newest")
    }

    /// B10: `e` on someone else's message was refused and the letters after it ran as commands
    /// (`d` asked to delete, `t` opened a thread) until Enter sent what followed. Now the
    /// refusal returns to the composer: the letters are text, seen there, and nothing is sent
    /// that was not typed into it.
    func testARefusedEditReturnsToTheComposerAndLettersAreText() {
        var (state, effects) = press([.up, .down, .character("e")], live())
        XCTAssertEqual(state.status, "You can only edit your own messages")
        XCTAssertNil(state.modes.top, "back in the composer")
        XCTAssertTrue(state.composer.isEmpty)
        XCTAssertEqual(effects, [])
        (state, effects) = press([.character("d"), .character("t"), .character("e"), .character("d"), .character(")")], state)
        XCTAssertEqual(state.composer.string, "dted)", "the letters are text in the composer")
        XCTAssertNil(state.modes.top, "d did not ask to delete")
        XCTAssertNil(state.thread)
        XCTAssertEqual(effects.filter { if case .loadThread = $0 { true } else { false } }, [], "t did not open a thread")
    }

    /// B10: a refused action keeps a half-written message as it was.
    func testARefusedActionKeepsTheComposersText() {
        var state = live()
        state.composer = Composer("half a thought")
        state.modes.push(.select(pane: .messages, messageID: "m8"))
        state = press([.character("d")], state).0
        XCTAssertNil(state.modes.top, "no selection, no question")
        XCTAssertEqual(state.composer.string, "half a thought")
    }
}

extension SelectModeKeysTests {
    /// B3: in the focused thread ↑ selects a reply, which the thread pane highlights, kept in
    /// view in a thread longer than the pane; `e` edits it.
    func testThreadRepliesAreSelectedAndHighlighted() throws {
        var state = live()
        let root = ChatFixture.rows[1]
        let replies = (0..<30).map { i in
            var m = ChatFixture.message("r\(i)", i == 3 ? "maya" : "tomas", "reply number \(i)", at: "2020-03-02T09:20:00Z")
            m.parentID = root.id
            return ChatFixture.row(m)
        }
        state.thread = ThreadPane(root: root, replies: replies)
        state.thread?.hasFocus = true
        state = press([.up], state).0
        XCTAssertEqual(state.modes.top, .select(pane: .thread, messageID: "r3"), "one's own reply")
        let context = ChatFixture.context()
        let frame = ChatView.render(state, width: 120, height: 40, context: context)
        let y = try XCTUnwrap((0..<40).first { frame.text(row: $0).contains("reply number 3") }, "the selected reply is in view")
        let selected = context.theme.style("message.selected").attributes
        XCTAssertTrue((0..<120).contains { frame[$0, y].style.attributes.isSuperset(of: selected) && !frame[$0, y].text.isEmpty })
        let editing = press([.character("e")], state).0
        XCTAssertEqual(editing.draft, .editing(messageID: "r3"))
        XCTAssertEqual(editing.composer.string, "reply number 3")
    }
}
