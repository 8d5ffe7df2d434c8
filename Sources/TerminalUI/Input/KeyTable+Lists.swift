import ChatCore

/// The list overlays of links (`o`) and of channels to join (`/join`), and the question `/leave`
/// asks. Like the other overlays, each takes every key while it is open.
extension KeyTable {
    public static let linking = KeyTable(
        " LINKS ",
        "a message's links (o)",
        [
            KeyBinding([.enter], "Enter", "open the link (xdg-open)", .listConfirm, hint: "Enter open"),
            KeyBinding([.character("y")], "y", "copy the link to the clipboard (OSC 52)", .yankLink, hint: "y copy"),
            KeyBinding([.character("Y")], "Y", "copy the message's text to the clipboard", .yankText, hint: "Y copy text"),
            KeyBinding([.up, .character("k")], "↑ k", "previous link", .listMove(-1)),
            KeyBinding([.down, .character("j"), .tab], "↓ j Tab", "next link", .listMove(1), hint: "↑↓ move"),
            KeyBinding([.escape, .character("o")], "Esc o", "close the list", .dismiss, hint: "Esc close"),
            redraw,
            quit,
        ]
    )

    public static let joining = KeyTable(
        " JOIN ",
        "channels to join (/join)",
        [
            KeyBinding([.enter], "Enter", "join the channel and open it (server)", .listConfirm, hint: "Enter join"),
            KeyBinding([.up, .control("p")], "↑ Ctrl-P", "previous channel", .listMove(-1)),
            KeyBinding([.down, .control("n"), .tab], "↓ Ctrl-N Tab", "next channel", .listMove(1), hint: "↑↓ move"),
            KeyBinding([.escape], "Esc", "close the list", .dismiss, hint: "Esc close"),
            redraw,
            quit,
        ]
    )

    public static let threading = KeyTable(
        " THREADS ",
        "your threads (/threads, Alt-T)",
        [
            KeyBinding([.enter], "Enter", "open the thread beside its channel", .listConfirm, hint: "Enter open"),
            KeyBinding([.up, .control("p")], "↑ Ctrl-P", "previous thread", .listMove(-1)),
            KeyBinding(
                [.down, .control("n"), .tab],
                "↓ Ctrl-N Tab",
                "next thread (loads more near the end)",
                .listMove(1),
                hint: "↑↓ move"
            ),
            KeyBinding([.pageUp], "PgUp", "up a page", .listMove(-10)),
            KeyBinding([.pageDown], "PgDn", "down a page", .listMove(10)),
            KeyBinding([.escape], "Esc", "close the list", .dismiss, hint: "Esc close"),
            redraw,
            quit,
        ]
    )

    public static let confirmingLeave = KeyTable(
        " LEAVE? ",
        "asked to leave (/leave)",
        [KeyBinding([.character("y"), .character("Y")], "y", "leave the channel", .confirm(true), hint: "y leave")],
        otherKeys: KeyBinding([], "any other key", "stay", .confirm(false), hint: "any other key stays")
    )
}
