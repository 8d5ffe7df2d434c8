import ChatCore

/// The keys of the overlays that only show something (the help, a message's details): they
/// scroll or close it, and no other key reaches what is beneath.
extension KeyBinding {
    /// The help's lines: the key table; with a server also the composer's keys and the
    /// /commands, from the same tables the input handling reads.
    public static func helpEntries(live: Bool) -> [(key: String, help: String)] {
        let entries = all.map { (key: $0.label, help: $0.help) }
        guard live else { return entries }
        // Letters are text while writing: their commands work in message-select mode.
        return [("", "— writing —")] + composer.map { ($0.label, $0.help) }
            + [("", "— commands —")]
            + SlashCommand.all.map { ("/" + $0.name, ($0.arguments.isEmpty ? "" : $0.arguments + ": ") + $0.help) }
            + [("", "— reading (letters in message-select mode, after ↑) —")] + entries.filter { !$0.key.hasPrefix("q ") }
            + [("q", "quote the selected message in your next one"), ("Ctrl-C", "quit")]
    }

    /// While the help is open: ↑↓ PgUp PgDn Home End scroll it (as far as its last screenful
    /// on this screen), Esc F1 ? close it.
    static func helpCommand(for key: Key, in state: ChatState, screen: (width: Int, height: Int)) -> AppCommand? {
        let entries = helpEntries(live: state.isLive).count
        let last = HelpLayout(entries: entries, live: state.isLive, width: screen.width, height: screen.height).lastScroll
        let scroll = { (lines: Int) in AppCommand.chat(.helpScroll(by: lines, last: last)) }
        switch key {
        case .up, .character("k"): return scroll(-1)
        case .down, .character("j"): return scroll(1)
        case .pageUp: return scroll(-10)
        case .pageDown, .character(" "): return scroll(10)
        case .home: return scroll(-last)
        case .end: return scroll(last)
        case .escape, .function(1), .character("?"): return .chat(.toggleHelp)
        case .control("c"): return .quit
        case .control("l"): return .redraw
        default: return nil
        }
    }

    /// While a message's details are open: Esc or v closes them.
    static func detailsCommand(for key: Key) -> AppCommand? {
        switch key {
        case .escape, .character("v"): return .chat(.dismiss)
        case .control("c"): return .quit
        case .control("l"): return .redraw
        default: return nil
        }
    }
}
