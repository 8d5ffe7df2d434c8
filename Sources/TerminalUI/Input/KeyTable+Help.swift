import ChatCore

/// The help and the status bar's hints, made from the key tables: what they list is what
/// the keys do, and nothing else.
extension KeyTable {
    /// The help's lines: each mode's table under its title, the mode the help was opened in
    /// (`beneath`) first, then the others, base first. Each key is listed once, where it is
    /// first met: a later section holds what is new in its mode. With a server the /commands
    /// follow the composer's keys.
    public static func helpEntries(live: Bool, beneath: Mode? = nil, keys: KeyMap = .standard) -> [(key: String, help: String)] {
        let here = table(for: beneath, live: live, screen: (0, 0), keys: keys).title
        let tables = all(live: live, keys: keys)
        var seen = Set<String>()
        var entries: [(key: String, help: String)] = []
        for table in tables.filter({ $0.title == here }) + tables.filter({ $0.title != here }) {
            entries.append(("", "— \(table.title) —"))
            entries += table.helpLines.filter { seen.insert($0.key + "\t" + $0.help).inserted }
            if table.title == writing.title {
                entries.append(("", "— commands (typed in the composer) —"))
                entries += SlashCommand.all.map { ("/" + $0.name, ($0.arguments.isEmpty ? "" : $0.arguments + ": ") + $0.help) }
            }
        }
        return entries
    }

    /// This table's keys as the help lists them.
    public var helpLines: [(key: String, help: String)] {
        bindings.map { ($0.label, $0.help) }
            + [typing.map { ($0.label, $0.help) }, otherKeys.map { ($0.label, $0.help) }].compactMap { $0 }
    }

    /// The status bar's hints while this mode is on top, for the keys that answer in `state`.
    public func hints(in state: ChatState) -> [String] {
        bindings.filter { $0.applies?(state) ?? true }.compactMap(\.hint) + [otherKeys?.hint].compactMap { $0 }
    }

    /// The table of the mode on top of `state`, as the status bar names and hints it.
    public static func top(of state: ChatState, keys: KeyMap = .standard) -> KeyTable {
        table(for: state.modes.top, live: state.isLive, screen: (0, 0), keys: keys)
    }
}
