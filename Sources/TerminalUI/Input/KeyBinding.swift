import ChatCore

/// The key table: the one place keys are bound, read both by input handling and by the help overlay.
public struct KeyBinding: Sendable {
    public let keys: [Key]
    /// How the help overlay writes the keys.
    public let label: String
    public let help: String
    public let command: AppCommand

    public static let all: [KeyBinding] = [
        KeyBinding(
            keys: [.control("k")],
            label: "Ctrl-K",
            help: "switch channel (type to filter, Enter to open)",
            command: .chat(.switcherOpen)
        ),
        KeyBinding(keys: [.alt("a")], label: "Alt-A", help: "next channel with unread messages", command: .chat(.openNextUnread)),
        KeyBinding(keys: [.alt("s")], label: "Alt-S", help: "back to the previous channel", command: .chat(.openPreviousChannel)),
        KeyBinding(keys: [.up, .character("k")], label: "↑ k", help: "select messages (then move up)", command: .chat(.moveSelection(-1))),
        KeyBinding(keys: [.down, .character("j")], label: "↓ j", help: "move the selection down", command: .chat(.moveSelection(1))),
        KeyBinding(keys: [.pageUp], label: "PgUp", help: "scroll back (loads older messages)", command: .chat(.scroll(messages: 10))),
        KeyBinding(keys: [.pageDown], label: "PgDn", help: "scroll forward", command: .chat(.scroll(messages: -10))),
        KeyBinding(keys: [.home], label: "Home", help: "oldest message", command: .chat(.jumpToOldest)),
        KeyBinding(keys: [.end], label: "End", help: "newest message", command: .chat(.jumpToNewest)),
        KeyBinding(
            keys: [.enter, .character("t"), .character("r")],
            label: "Enter t r",
            help: "open the selected message's thread (r: to reply)",
            command: .chat(.openThread)
        ),
        KeyBinding(keys: [.character("e")], label: "e", help: "edit your selected message (server)", command: .chat(.editSelected)),
        KeyBinding(
            keys: [.character("d")],
            label: "d",
            help: "delete your selected message, after a yes (server)",
            command: .chat(.deleteSelected)
        ),
        KeyBinding(
            keys: [.character("a")],
            label: "a",
            help: "react to the selected message: pick, Enter (server)",
            command: .chat(.reactSelected)
        ),
        KeyBinding(keys: [.character("p")], label: "p", help: "pin or unpin the selected message (server)", command: .chat(.pinSelected)),
        KeyBinding(
            keys: [.tab, .alt("o")],
            label: "Tab Alt-O",
            help: "move focus between channel and thread",
            command: .chat(.toggleThreadFocus)
        ),
        KeyBinding(keys: [.character("v")], label: "v", help: "details of the selected message", command: .chat(.showDetails)),
        KeyBinding(
            keys: [.character("o")],
            label: "o",
            help: "open the selected message's link (xdg-open)",
            command: .chat(.openSelectedLink)
        ),
        KeyBinding(
            keys: [.character("m"), .function(2)],
            label: "m F2",
            help: "show or hide the member list",
            command: .chat(.toggleMembers)
        ),
        KeyBinding(keys: [.escape], label: "Esc", help: "close the top pane or stop selecting", command: .chat(.dismiss)),
        KeyBinding(keys: [.character("?"), .function(1)], label: "? F1", help: "this help", command: .chat(.toggleHelp)),
        KeyBinding(
            keys: [.character("R"), .function(3)],
            label: "R F3",
            help: "migration summary: what the store holds (/report)",
            command: .chat(.toggleSummary)
        ),
        KeyBinding(keys: [.control("l")], label: "Ctrl-L", help: "redraw the screen", command: .redraw),
        KeyBinding(keys: [.character("q"), .control("c")], label: "q Ctrl-C", help: "quit", command: .quit),
    ]

    /// With a server, typing goes to the composer; these keys edit it (readline's), and the
    /// table above keeps the keys that are not text (arrows, PgUp, Alt-…, Ctrl-K with an empty line).
    public static let composer: [KeyBinding] = [
        KeyBinding(keys: [.enter], label: "Enter", help: "send; on an empty line, load missed messages", command: .chat(.composeSend)),
        KeyBinding(keys: [.alt("\n")], label: "Alt-Enter", help: "new line (a paste never sends)", command: .chat(.composeInsert("\n"))),
        KeyBinding(keys: [.tab], label: "Tab", help: "after @: complete a member (again: the next)", command: .chat(.completeMention)),
        KeyBinding(keys: [.backspace], label: "Backspace", help: "delete back", command: .chat(.composeEdit(.backspace))),
        KeyBinding(keys: [.control("d")], label: "Ctrl-D", help: "delete forward", command: .chat(.composeEdit(.deleteForward))),
        KeyBinding(keys: [.left, .control("b")], label: "← Ctrl-B", help: "cursor left", command: .chat(.composeEdit(.left))),
        KeyBinding(keys: [.right, .control("f")], label: "→ Ctrl-F", help: "cursor right", command: .chat(.composeEdit(.right))),
        KeyBinding(keys: [.control("a")], label: "Ctrl-A", help: "start of line", command: .chat(.composeEdit(.home))),
        KeyBinding(keys: [.control("e")], label: "Ctrl-E", help: "end of line", command: .chat(.composeEdit(.end))),
        KeyBinding(keys: [.alt("b")], label: "Alt-B", help: "word left", command: .chat(.composeEdit(.wordLeft))),
        KeyBinding(keys: [.alt("f")], label: "Alt-F", help: "word right", command: .chat(.composeEdit(.wordRight))),
        KeyBinding(
            keys: [.control("w")],
            label: "Ctrl-W",
            help: "delete the word before the cursor",
            command: .chat(.composeEdit(.deleteWordBack))
        ),
        KeyBinding(keys: [.control("u")], label: "Ctrl-U", help: "delete to the start", command: .chat(.composeEdit(.killToStart))),
        KeyBinding(
            keys: [.control("k")],
            label: "Ctrl-K",
            help: "delete to the end (empty line: switch channel)",
            command: .chat(.composeEdit(.killToEnd))
        ),
        KeyBinding(keys: [.control("p")], label: "Ctrl-P", help: "previous sent message", command: .chat(.composeEdit(.historyBack))),
        KeyBinding(keys: [.control("n")], label: "Ctrl-N", help: "next sent message", command: .chat(.composeEdit(.historyForward))),
        KeyBinding(keys: [.control("x")], label: "Ctrl-X", help: "write the message in $EDITOR", command: .chat(.openEditor)),
    ]

    /// What `key` means in `state`: the overlay on top takes every key while it is open.
    public static func command(for key: Key, in state: ChatState, screen: (width: Int, height: Int)) -> AppCommand? {
        if state.showHelp { return helpCommand(for: key, in: state, screen: screen) }
        if state.details != nil, state.summary == nil { return detailsCommand(for: key) }
        if state.switcher != nil {
            switch key {
            case .character(let c): return .chat(.switcherType(String(c)))
            case .backspace: return .chat(.switcherBackspace)
            case .up, .control("p"): return .chat(.switcherMove(-1))
            case .down, .control("n"), .tab: return .chat(.switcherMove(1))
            case .enter: return .chat(.switcherConfirm)
            case .escape, .control("k"): return .chat(.dismiss)
            default: return nil
            }
        }
        if state.reactionPicker != nil {
            switch key {
            case .character(let c): return .chat(.pickerType(String(c)))
            case .backspace: return .chat(.pickerBackspace)
            case .up, .left: return .chat(.pickerMove(-1))
            case .down, .right, .tab: return .chat(.pickerMove(1))
            case .enter: return .chat(.pickerConfirm)
            case .escape: return .chat(.dismiss)
            default: return nil
            }
        }
        if state.search != nil {
            switch key {
            case .up, .control("p"): return .chat(.searchMove(-1))
            case .down, .control("n"), .tab: return .chat(.searchMove(1))
            case .enter: return .chat(.searchConfirm)
            case .escape: return .chat(.dismiss)
            default: return nil
            }
        }
        if state.summary != nil {
            switch key {
            case .up, .character("k"): return .chat(.summaryScroll(-1))
            case .down, .character("j"): return .chat(.summaryScroll(1))
            case .pageUp: return .chat(.summaryScroll(-10))
            case .pageDown, .character(" "): return .chat(.summaryScroll(10))
            case .home: return .chat(.summaryScroll(-1_000_000))
            case .escape, .function(3), .character("R"), .character("q"): return .chat(.dismiss)
            case .control("c"): return .quit
            case .control("l"): return .redraw
            default: return nil
            }
        }
        if state.pendingDeleteID != nil { return .chat(.confirm(key == .character("y") || key == .character("Y"))) }
        // A selected /giphy preview answers Enter (send), s (shuffle) and x (cancel).
        if let id = state.selectedMessageID, state.window?.rows.first(where: { $0.id == id })?.message.type == .ephemeral {
            switch key {
            case .enter: return .chat(.giphy("send"))
            case .character("s"): return .chat(.giphy("shuffle"))
            case .character("x"): return .chat(.giphy("cancel"))
            default: break
            }
        }
        // With a server, q quotes (Ctrl-C quits); browsing a store, q quits.
        if state.isLive, state.selectedMessageID != nil, key == .character("q") { return .chat(.quoteSelected) }
        if state.isLive, state.selectedMessageID == nil, let command = composerCommand(for: key, in: state) { return command }
        // Up first enters message-select mode, on the newest message on screen.
        if state.selectedMessageID == nil, key == .up || key == .character("k") { return .chat(.startSelecting) }
        if state.selectedMessageID == nil, key == .down || key == .character("j") { return .chat(.scroll(messages: -1)) }
        return all.first { $0.keys.contains(key) }?.command
    }

    /// Keys while writing: text and paste go in, the composer table edits, and the main table's
    /// non-text keys still work (Ctrl-K switches channel when there is nothing to delete).
    private static func composerCommand(for key: Key, in state: ChatState) -> AppCommand? {
        switch key {
        case .character(let c): return .chat(.composeInsert(String(c)))
        case .paste(let text): return .chat(.composeInsert(text))
        case .tab where state.composer.mentionQuery == nil && state.mentionCompletion == nil:
            return .chat(.toggleThreadFocus)
        case .control("k") where state.composer.cursor == state.composer.text.count:
            return .chat(.switcherOpen)
        // With an empty line Up selects messages, as without a server; with text it is history.
        case .up where !state.composer.isEmpty: return .chat(.composeEdit(.historyBack))
        case .down where !state.composer.isEmpty: return .chat(.composeEdit(.historyForward))
        default: return composer.first { $0.keys.contains(key) }?.command
        }
    }
}
