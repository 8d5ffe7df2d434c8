import ChatCore

/// The find in the open channel (Ctrl-R, as weechat has it: its words typed in a prompt, then
/// `n`/`N` between matches as in less and vim) and the /command line of a store being browsed.
extension KeyTable {
    /// Ctrl-R in every pane; `/` too while browsing a store, where no composer takes it.
    static let openFind = KeyBinding([.control("r")], "Ctrl-R", "find in this channel (then n older, N newer)", .openFind)
    static let openCommandLine = KeyBinding([.character("/")], "/", "type a /command, e.g. /search TEXT", .openCommandLine)

    public static let prompting = KeyTable(
        " FIND ",
        "typing a find or a /command",
        [
            KeyBinding([.enter], "Enter", "find the newest match (or run the /command)", .promptConfirm, hint: "Enter find"),
            KeyBinding([.backspace], "Backspace", "delete back", .promptErase(.character)),
            KeyBinding([.control("w")], "Ctrl-W", "delete the word before", .promptErase(.word)),
            KeyBinding([.control("u")], "Ctrl-U", "delete all of it", .promptErase(.all)),
            KeyBinding([.escape], "Esc", "close without finding", .dismiss, hint: "Esc close"),
            redraw,
            quit,
        ],
        typing: KeyTyping(label: "text", help: "the words to find (or the /command)") { .promptType($0) }
    )

    public static let finding = KeyTable(
        " FOUND ",
        "finding in the channel (Ctrl-R)",
        [
            KeyBinding([.character("n"), .up], "n ↑", "the next match, older (loads it)", .findMove(older: true), hint: "n older"),
            KeyBinding([.character("N"), .down], "N ↓", "the previous match, newer", .findMove(older: false), hint: "N newer"),
            KeyBinding([.enter], "Enter", "select the match (message-select mode)", .findSelect, hint: "Enter select"),
            KeyBinding([.control("r"), .character("/")], "Ctrl-R /", "change the words", .openFind),
            KeyBinding([.pageUp], "PgUp", "scroll back (loads older messages)", .scroll(messages: 10)),
            KeyBinding([.pageDown], "PgDn", "scroll forward", .scroll(messages: -10)),
            KeyBinding([.escape], "Esc", "stop finding", .dismiss, hint: "Esc close"),
            redraw,
            quit,
        ]
    )
}
