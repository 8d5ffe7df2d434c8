import ChatCore

/// One mode's keys. Keys go to the top mode's table and to no other, except that a table
/// that `fallsThrough` (completion: it only adds Tab) hands the keys it does not take to the
/// base table beneath. The help and the status bar's hints are made from these tables.
public struct KeyTable: Sendable {
    /// The mode's name in the status bar ("SELECT") and its section title in the help.
    public let name: String
    public let title: String
    public let bindings: [KeyBinding]
    public let typing: KeyTyping?
    /// What every key no binding takes does ("delete?": any other key keeps the message).
    public let otherKeys: KeyBinding?
    public let fallsThrough: Bool

    init(
        _ name: String,
        _ title: String,
        _ bindings: [KeyBinding],
        typing: KeyTyping? = nil,
        otherKeys: KeyBinding? = nil,
        fallsThrough: Bool = false
    ) {
        self.name = name
        self.title = title
        self.bindings = bindings
        self.typing = typing
        self.otherKeys = otherKeys
        self.fallsThrough = fallsThrough
    }

    /// What `key` does in this table, in `state`; nil: nothing here.
    func command(for key: Key, in state: ChatState) -> AppCommand? {
        if let binding = bindings.first(where: { $0.answers(key, in: state) }) { return binding.command }
        if let typing {
            switch key {
            case .character(let c): return .chat(typing.event(String(c)))
            case .paste(let text): return .chat(typing.event(text))
            default: break
            }
        }
        return otherKeys?.command
    }

    /// What `key` means in `state`: the top mode's table answers, and only a table that
    /// falls through lets the base table answer what it does not take.
    public static func command(
        for key: Key,
        in state: ChatState,
        screen: (width: Int, height: Int),
        keys: KeyMap = .standard
    ) -> AppCommand? {
        let top = table(for: state.modes.top, live: state.isLive, screen: screen, keys: keys)
        if let command = top.command(for: key, in: state) { return command }
        return top.fallsThrough ? base(live: state.isLive, keys: keys).command(for: key, in: state) : nil
    }

    /// The table of `mode` (nil: the base), as it is on a screen of this size, with `keys`' bindings.
    public static func table(for mode: Mode?, live: Bool, screen: (width: Int, height: Int), keys: KeyMap = .standard) -> KeyTable {
        keys.apply(to: standardTable(for: mode, live: live, screen: screen, keys: keys))
    }

    private static func standardTable(for mode: Mode?, live: Bool, screen: (width: Int, height: Int), keys: KeyMap) -> KeyTable {
        switch mode {
        case nil: base(live: live)
        case .select: selecting(live: live)
        case .confirmDelete: confirmingDelete
        case .confirmLeave: confirmingLeave
        case .links: linking
        case .joinPicker: joining
        case .confirmFlag: confirmingFlag
        case .completion: completing
        case .reactionPicker: picking
        case .pollPicker: voting
        case .switcher: switching
        case .search: searching
        case .threads: threading
        case .prompt: prompting
        case .find: finding
        case .details: details
        case .summary: summary
        case .help:
            help(
                lastScroll: HelpLayout(
                    entries: helpEntries(live: live, keys: keys).count,
                    live: live,
                    width: screen.width,
                    height: screen.height
                )
                .lastScroll
            )
        }
    }

    public static func base(live: Bool, keys: KeyMap = .standard) -> KeyTable { keys.apply(to: live ? writing : reading) }

    /// Every table a client reaches, base first: what the help lists. A local store has no
    /// composer, so none of the modes that change messages.
    public static func all(live: Bool, keys: KeyMap = .standard) -> [KeyTable] {
        (live
            ? [
                writing, completing, selecting(live: true), confirmingDelete, confirmingFlag, picking, voting, switching, searching,
                threading,
                prompting, finding,
                details, summary, help(lastScroll: 0), linking, joining, confirmingLeave,
            ]
            : [
                reading, selecting(live: false), switching, searching, threading, prompting, finding, details, summary, help(lastScroll: 0),
                linking,
                joining,
            ])
            .map(keys.apply(to:))
    }
}
