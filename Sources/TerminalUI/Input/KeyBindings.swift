import ChatCore

/// What a key does besides changing the chat state.
public enum AppCommand: Sendable {
    case chat(ChatEvent)
    case quit
    case redraw
}

/// The key table: the one place keys are bound, read both by input handling and by the help overlay.
public struct KeyBinding: Sendable {
    public let keys: [Key]
    /// How the help overlay writes the keys.
    public let label: String
    public let help: String
    public let command: AppCommand

    public static let all: [KeyBinding] = [
        KeyBinding(keys: [.control("k")], label: "Ctrl-K", help: "switch channel (type to filter, Enter to open)", command: .chat(.switcherOpen)),
        KeyBinding(keys: [.alt("a")], label: "Alt-A", help: "next channel with unread messages", command: .chat(.openNextUnread)),
        KeyBinding(keys: [.alt("s")], label: "Alt-S", help: "back to the previous channel", command: .chat(.openPreviousChannel)),
        KeyBinding(keys: [.up, .character("k")], label: "↑ k", help: "select messages (then move up)", command: .chat(.moveSelection(-1))),
        KeyBinding(keys: [.down, .character("j")], label: "↓ j", help: "move the selection down", command: .chat(.moveSelection(1))),
        KeyBinding(keys: [.pageUp], label: "PgUp", help: "scroll back (loads older messages)", command: .chat(.scroll(messages: 10))),
        KeyBinding(keys: [.pageDown], label: "PgDn", help: "scroll forward", command: .chat(.scroll(messages: -10))),
        KeyBinding(keys: [.home], label: "Home", help: "oldest message", command: .chat(.jumpToOldest)),
        KeyBinding(keys: [.end], label: "End", help: "newest message", command: .chat(.jumpToNewest)),
        KeyBinding(keys: [.enter, .character("t")], label: "Enter t", help: "open the selected message's thread", command: .chat(.openThread)),
        KeyBinding(keys: [.tab, .alt("o")], label: "Tab Alt-O", help: "move focus between channel and thread", command: .chat(.toggleThreadFocus)),
        KeyBinding(keys: [.character("v")], label: "v", help: "details of the selected message", command: .chat(.showDetails)),
        KeyBinding(keys: [.character("o")], label: "o", help: "open the selected message's link (xdg-open)", command: .chat(.openSelectedLink)),
        KeyBinding(keys: [.character("m"), .function(2)], label: "m F2", help: "show or hide the member list", command: .chat(.toggleMembers)),
        KeyBinding(keys: [.escape], label: "Esc", help: "close the top pane or stop selecting", command: .chat(.dismiss)),
        KeyBinding(keys: [.character("?"), .function(1)], label: "? F1", help: "this help", command: .chat(.toggleHelp)),
        KeyBinding(keys: [.control("l")], label: "Ctrl-L", help: "redraw the screen", command: .redraw),
        KeyBinding(keys: [.character("q"), .control("c")], label: "q Ctrl-C", help: "quit", command: .quit),
    ]

    /// What `key` means in `state`: the switcher takes typing while it is open.
    public static func command(for key: Key, in state: ChatState) -> AppCommand? {
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
        // Up first enters message-select mode, on the newest message on screen.
        if state.selectedMessageID == nil, key == .up || key == .character("k") { return .chat(.startSelecting) }
        if state.selectedMessageID == nil, key == .down || key == .character("j") { return .chat(.scroll(messages: -1)) }
        return all.first { $0.keys.contains(key) }?.command
    }
}
