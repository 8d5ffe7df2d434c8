import ChatCore
import ChatModel
import TerminalUI
import XCTest

/// Rebinding commands by name: the keys do what the map says, and the help and the status
/// bar's hints follow them; rebindings that cannot be are refused with where and why.
final class KeyMapTests: XCTestCase {
    private func live() -> ChatState {
        var state = ChatFixture.state()
        state.connection = .connected
        return state
    }

    private func press(_ keys: [Key], _ state: ChatState, map: KeyMap) -> ChatState {
        keys.reduce(state) { state, key in
            guard case .chat(let event)? = KeyTable.command(for: key, in: state, screen: (120, 40), keys: map) else { return state }
            return ChatReducer.reduce(state, event).0
        }
    }

    /// Every binding can be named in a config, and one name means one command within a mode.
    func testEveryBindingHasANameAndANameIsOneCommandPerMode() {
        for table in KeyTable.all(live: true) + KeyTable.all(live: false) {
            var commands: [String: String] = [:]
            for binding in table.bindings {
                guard let name = binding.name else { return XCTFail("\(table.title): \(binding.label) has no command name") }
                let command = "\(binding.command)"
                XCTAssertEqual(commands[name, default: command], command, "\(table.title): \(name)")
                commands[name] = command
            }
            XCTAssertNotNil(KeyMap.modeName(of: table), table.title)
        }
    }

    /// The help's key names read back as the same keys: what `chatterm keys` prints can be
    /// written in a config.
    func testKeyNamesReadBack() {
        for table in KeyTable.all(live: true) + KeyTable.all(live: false) {
            for key in table.bindings.flatMap(\.keys) { XCTAssertEqual(Key(name: key.name), key, key.name) }
        }
        XCTAssertEqual(Key(name: "ctrl-t"), .control("t"))
        XCTAssertEqual(Key(name: "Alt-a"), .alt("a"))
        XCTAssertEqual(Key(name: "up"), .up)
        XCTAssertEqual(Key(name: "F12"), .function(12))
        for bad in ["", "Ctrl-", "Ctrl-KK", "F13", "Hyper-X", "ab"] { XCTAssertNil(Key(name: bad), bad) }
    }

    /// `[keys.select] quote = "w"`: w quotes the selected message, q no longer does, and the
    /// help and the hint say w.
    func testAModeRebindWorksAndTheHelpAndHintsFollowIt() throws {
        var map = KeyMap()
        try map.rebind("quote", to: [.character("w")], inMode: "select")
        XCTAssertNil(map.conflict())
        let selecting = press([.up], live(), map: map)
        XCTAssertEqual(selecting.modes.top, .select(pane: .messages, messageID: "m7"))
        XCTAssertEqual(press([.character("w")], selecting, map: map).draft, .quoting(messageID: "m7"))
        XCTAssertEqual(press([.character("q")], selecting, map: map).draft, .new, "q is not quote any more")
        XCTAssertEqual(press([.character("q")], selecting, map: .standard).draft, .quoting(messageID: "m7"), "without the map it is")

        let help = KeyTable.helpEntries(live: true, keys: map)
        XCTAssertTrue(help.contains { $0.key == "w" && $0.help.hasPrefix("quote the selected message") })
        XCTAssertFalse(help.contains { $0.key == "q" && $0.help.hasPrefix("quote") })
        XCTAssertTrue(KeyTable.top(of: selecting, keys: map).hints(in: selecting).contains("w quote"))

        var context = ChatFixture.context()
        context.keys = map
        // 160 wide: at 120 the select hints are cut after "u unread".
        let frame = ChatView.render(selecting, width: 160, height: 40, context: context)
        XCTAssertNotNil(frame.find("w quote"), "the status bar's hint:\n\(frame.text(row: 39))")
    }

    /// `[keys] switcher = "Ctrl-T"` moves the switcher in every mode that has it; Ctrl-K is left
    /// to the composer's delete-to-end.
    func testAnEverywhereRebindReachesEveryMode() throws {
        var map = KeyMap()
        try map.rebind("switcher", to: [.control("t")])
        XCTAssertNil(map.conflict())
        let isSwitcher = { (state: ChatState) in if case .switcher? = state.modes.top { true } else { false } }
        XCTAssertTrue(isSwitcher(press([.control("t")], live(), map: map)))
        XCTAssertFalse(isSwitcher(press([.control("k")], live(), map: map)))
        XCTAssertTrue(isSwitcher(press([.control("t")], ChatFixture.state(), map: map)), "browsing a store too")
        XCTAssertTrue(KeyTable.top(of: live(), keys: map).hints(in: live()).contains("Ctrl-T switch"))
    }

    /// `mentions = "F5"`: the mentions view loads from F5 in every pane, offline and live, and
    /// M and Alt-M no longer open it.
    func testTheMentionsKeyRebinds() throws {
        var map = KeyMap()
        try map.rebind("mentions", to: [.function(5)])
        XCTAssertNil(map.conflict())
        let opens = { (state: ChatState, key: Key) in
            guard case .chat(let event)? = KeyTable.command(for: key, in: state, screen: (120, 40), keys: map) else { return false }
            return ChatReducer.reduce(state, event).1 == [.loadMentions]
        }
        let selecting = press([.up], live(), map: map)
        for state in [live(), ChatFixture.state(), selecting] { XCTAssertTrue(opens(state, .function(5)), "\(state.modes.top as Any)") }
        XCTAssertFalse(opens(ChatFixture.state(), .character("M")))
        XCTAssertFalse(opens(live(), .alt("m")))
        XCTAssertTrue(KeyTable.base(live: false).bindings.contains { $0.name == "mentions" && $0.keys == [.character("M"), .alt("m")] })
    }

    /// A command bound twice in a mode (↑ on a line with text, and Ctrl-P) gets its new keys
    /// once: ↑ keeps only its other meaning.
    func testRebindingACommandWithAConditionalTwinKeepsOneBinding() throws {
        var map = KeyMap()
        try map.rebind("history-back", to: [.alt("p")], inMode: "chat")
        let writing = KeyTable.base(live: true, keys: map)
        XCTAssertEqual(writing.bindings.filter { $0.name == "history-back" }.map(\.keys), [[.alt("p")]])
        XCTAssertEqual(writing.bindings.filter { $0.keys.contains(.up) }.compactMap(\.name), ["select"])
    }

    func testConflictsAndTextKeysAreRefused() throws {
        var map = KeyMap()
        try map.rebind("help", to: [.control("p")], inMode: "chat")
        let conflict = try XCTUnwrap(map.conflict())
        XCTAssertEqual([conflict.mode, conflict.command], ["chat", "help"])
        XCTAssertEqual(conflict.message, "Ctrl-P is bound to both help and history-back in mode chat")

        var everywhere = KeyMap()
        try everywhere.rebind("members", to: [.control("p")])
        XCTAssertEqual(everywhere.conflict()?.mode, nil, "the conflict is the [keys] entry's")
        XCTAssertEqual(everywhere.conflict()?.command, "members")

        var text = KeyMap()
        try text.rebind("send", to: [.character("x")])
        XCTAssertEqual(text.conflict()?.message, "x is text in mode chat, not a key for send")

        var twoOnOne = KeyMap()
        try twoOnOne.rebind("pin", to: [.character("z")], inMode: "select")
        try twoOnOne.rebind("edit", to: [.character("z")], inMode: "select")
        XCTAssertNotNil(twoOnOne.conflict(), "two commands moved to the same key")
    }

    func testUnknownModesAndCommandsAreRefused() {
        var map = KeyMap()
        XCTAssertThrowsError(try map.rebind("quote", to: [.character("w")], inMode: "selct")) { error in
            XCTAssertEqual((error as? KeyMapError)?.command, nil)
            XCTAssertTrue((error as? KeyMapError)?.message.hasPrefix("no mode \"selct\"") ?? false)
        }
        XCTAssertThrowsError(try map.rebind("qoute", to: [.character("w")], inMode: "select")) { error in
            let refused = error as? KeyMapError
            XCTAssertEqual([refused?.mode, refused?.command], ["select", "qoute"])
            XCTAssertEqual(refused?.message, "no command \"qoute\" in mode select")
        }
        XCTAssertThrowsError(try map.rebind("send", to: [.enter], inMode: "select"), "send is the composer's, not select's")
        XCTAssertThrowsError(try map.rebind("quit", to: []))
        XCTAssertTrue(map.isStandard, "nothing refused was kept")
    }
}
