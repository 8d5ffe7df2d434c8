import ChatCore

/// The overlays' tables. Each takes every key while it is open: what it does not bind does
/// nothing, so no key reaches a mode beneath (completion alone falls through to the composer).
extension KeyTable {
    public static let confirmingDelete = KeyTable(
        " DELETE? ",
        "asked to delete",
        [KeyBinding([.character("y"), .character("Y")], "y", "delete the message", .confirm(true), hint: "y delete")],
        otherKeys: KeyBinding([], "any other key", "keep it", .confirm(false), hint: "any other key keeps it")
    )

    public static let confirmingFlag = KeyTable(
        " FLAG? ",
        "asked to flag",
        [KeyBinding([.character("y"), .character("Y")], "y", "flag it for the moderators", .confirm(true), hint: "y flag")],
        otherKeys: KeyBinding([], "any other key", "do not flag it", .confirm(false), hint: "any other key does not")
    )

    public static let completing = KeyTable(
        " CHAT ",
        "completing (after Tab)",
        [
            KeyBinding([.tab], "Tab", "the next that matches (any other key: back to writing)", .complete, hint: "Tab next"),
            KeyBinding([.escape], "Esc", "stop completing, the word as it is", .dismiss),
        ],
        fallsThrough: true
    )

    public static let picking = KeyTable(
        " REACT ",
        "picking a reaction",
        [
            KeyBinding([.enter], "Enter", "add the reaction (yours: take it back)", .pickerConfirm, hint: "Enter react"),
            KeyBinding([.backspace], "Backspace", "delete back", .pickerErase(.character)),
            KeyBinding([.control("w")], "Ctrl-W", "delete the word before", .pickerErase(.word)),
            KeyBinding([.control("u")], "Ctrl-U", "delete all of it", .pickerErase(.all)),
            KeyBinding([.up, .left], "↑ ←", "previous reaction", .pickerMove(-1)),
            KeyBinding([.down, .right, .tab], "↓ → Tab", "next reaction", .pickerMove(1), hint: "↑↓ move"),
            KeyBinding([.escape], "Esc", "close without reacting", .dismiss, hint: "Esc close"),
            redraw,
            quit,
        ],
        typing: KeyTyping(label: "letters", help: "filter the reactions") { .pickerType($0) }
    )

    public static let voting = KeyTable(
        " VOTE ",
        "voting in a poll (V on a message with one)",
        [
            KeyBinding([.enter], "Enter", "vote for the option (yours: take the vote back)", .pickerConfirm, hint: "Enter vote"),
            KeyBinding([.up, .character("k")], "↑ k", "previous option", .pickerMove(-1)),
            KeyBinding([.down, .character("j"), .tab], "↓ j Tab", "next option", .pickerMove(1), hint: "↑↓ move"),
            KeyBinding([.escape], "Esc", "close without voting", .dismiss, hint: "Esc close"),
            redraw,
            quit,
        ]
    )

    public static let switching = KeyTable(
        " SWITCH ",
        "switching channel (Ctrl-K)",
        [
            KeyBinding([.enter], "Enter", "open the channel", .switcherConfirm, hint: "Enter open"),
            KeyBinding([.backspace], "Backspace", "delete back", .switcherErase(.character)),
            KeyBinding([.control("w")], "Ctrl-W", "delete the word before", .switcherErase(.word)),
            KeyBinding([.control("u")], "Ctrl-U", "delete all of it", .switcherErase(.all)),
            KeyBinding([.up, .control("p")], "↑ Ctrl-P", "previous channel", .switcherMove(-1)),
            KeyBinding([.down, .control("n"), .tab], "↓ Ctrl-N Tab", "next channel", .switcherMove(1), hint: "↑↓ move"),
            KeyBinding([.escape, .control("k")], "Esc Ctrl-K", "close the switcher", .dismiss, hint: "Esc close"),
            redraw,
            quit,
        ],
        typing: KeyTyping(label: "letters", help: "filter the channels") { .switcherType($0) }
    )

    public static let searching = KeyTable(
        " SEARCH ",
        "search results and mentions (/search, /mentions)",
        [
            KeyBinding([.enter], "Enter", "show the message where it is", .searchConfirm, hint: "Enter show"),
            KeyBinding([.up, .control("p")], "↑ Ctrl-P", "previous result", .searchMove(-1)),
            KeyBinding([.down, .control("n"), .tab], "↓ Ctrl-N Tab", "next result", .searchMove(1), hint: "↑↓ move"),
            KeyBinding([.escape], "Esc", "close the results", .dismiss, hint: "Esc close"),
            redraw,
            quit,
        ]
    )

    public static let details = KeyTable(
        " DETAILS ",
        "a message's details (v)",
        [KeyBinding([.escape, .character("v")], "Esc v", "close the details", .dismiss, hint: "Esc close"), redraw, quit]
    )

    public static let summary = KeyTable(
        " SUMMARY ",
        "the migration summary (F3)",
        [
            KeyBinding([.up, .character("k")], "↑ k", "scroll up a line", .summaryScroll(-1)),
            KeyBinding([.down, .character("j")], "↓ j", "scroll down a line", .summaryScroll(1), hint: "↑↓ scroll"),
            KeyBinding([.pageUp], "PgUp", "scroll up a page", .summaryScroll(-10)),
            KeyBinding([.pageDown, .character(" ")], "PgDn Space", "scroll down a page", .summaryScroll(10)),
            KeyBinding([.home], "Home", "the top", .summaryScroll(-1_000_000)),
            KeyBinding(
                [.escape, .function(3), .character("R"), .character("q")],
                "Esc F3 R q",
                "close the summary",
                .dismiss,
                hint: "Esc close"
            ),
            redraw,
            quit,
        ]
    )

    /// The help scrolls as far as its last screenful on this screen, `lastScroll` lines down.
    public static func help(lastScroll last: Int) -> KeyTable {
        let scroll = { (lines: Int) in ChatEvent.helpScroll(by: lines, last: last) }
        return KeyTable(
            " HELP ",
            "this help (F1)",
            [
                KeyBinding([.up, .character("k")], "↑ k", "scroll up a line", scroll(-1)),
                KeyBinding([.down, .character("j")], "↓ j", "scroll down a line", scroll(1), hint: "↑↓ scroll"),
                KeyBinding([.pageUp], "PgUp", "scroll up a page", scroll(-10)),
                KeyBinding([.pageDown, .character(" ")], "PgDn Space", "scroll down a page", scroll(10)),
                // Past either end: the reducer stops at it (and these are named `top` and `bottom`).
                KeyBinding([.home], "Home", "the top", scroll(-1_000_000)),
                KeyBinding([.end], "End", "the end", scroll(1_000_000)),
                KeyBinding([.escape, .function(1), .character("?")], "Esc F1 ?", "close the help", .toggleHelp, hint: "Esc close"),
                redraw,
                quit,
            ]
        )
    }
}
