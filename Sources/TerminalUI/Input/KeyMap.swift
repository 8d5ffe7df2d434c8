import ChatCore

/// The user's key bindings over the standard tables (a config file's `[keys]`): a command,
/// by its name (`KeyBinding.name`), gets new keys in every mode that has it, or in one mode
/// (`[keys.select]`). Its old keys go; the help, the hints and the keys themselves all come
/// from the tables this makes, so they agree.
public struct KeyMap: Sendable {
    /// No rebinding: the tables as written.
    public static let standard = KeyMap()

    /// Command → keys, in every mode that binds the command.
    private var everywhere: [String: [Key]] = [:]
    /// Mode name → command → keys, in that mode only (over `everywhere`).
    private var inMode: [String: [String: [Key]]] = [:]

    public init() {}

    public var isStandard: Bool { everywhere.isEmpty && inMode.isEmpty }

    /// The modes a config file names, each with its tables (select has one with a server and
    /// one without).
    public static let modes: [(name: String, tables: [KeyTable])] = [
        ("browse", [.reading]), ("chat", [.writing]), ("select", [.selecting(live: true), .selecting(live: false)]),
        ("delete", [.confirmingDelete]), ("flag", [.confirmingFlag]), ("complete", [.completing]), ("react", [.picking]),
        ("vote", [.voting]), ("switch", [.switching]),
        ("search", [.searching]), ("threads", [.threading]), ("prompt", [.prompting]), ("find", [.finding]), ("details", [.details]),
        ("summary", [.summary]),
        ("help", [.help(lastScroll: 0)]), ("links", [.linking]), ("join", [.joining]), ("leave", [.confirmingLeave]),
    ]

    /// The mode name of a table (by its title); nil for a table no config names.
    public static func modeName(of table: KeyTable) -> String? {
        modes.first { $0.tables.contains { $0.title == table.title } }?.name
    }

    /// Gives `command` the `keys` in `mode` (nil: every mode that binds it). Throws for a mode
    /// or a command no table has, or no keys.
    public mutating func rebind(_ command: String, to keys: [Key], inMode mode: String? = nil) throws(KeyMapError) {
        let tables: [KeyTable]
        if let mode {
            guard let entry = Self.modes.first(where: { $0.name == mode }) else {
                throw KeyMapError(
                    mode: mode,
                    command: nil,
                    message: "no mode \"\(mode)\" (modes: \(Self.modes.map(\.name).joined(separator: ", ")))"
                )
            }
            tables = entry.tables
        } else {
            tables = KeyTable.all(live: true) + KeyTable.all(live: false)
        }
        guard tables.contains(where: { $0.bindings.contains { $0.name == command } }) else {
            throw KeyMapError(mode: mode, command: command, message: "no command \"\(command)\"" + (mode.map { " in mode \($0)" } ?? ""))
        }
        guard !keys.isEmpty else { throw KeyMapError(mode: mode, command: command, message: "give at least one key") }
        if let mode { inMode[mode, default: [:]][command] = keys } else { everywhere[command] = keys }
    }

    /// The first clash the rebinding makes: a key given to a command that another command of
    /// the same mode still has, or a character in a mode where characters are text.
    public func conflict() -> KeyMapError? {
        for table in KeyTable.all(live: true) + KeyTable.all(live: false) {
            let mode = Self.modeName(of: table) ?? table.title
            let wanted = self.wanted(in: table)
            let rebound = apply(to: table)
            for binding in rebound.bindings {
                guard let name = binding.name, wanted[name] != nil else { continue }
                let origin = inMode[mode]?[name] != nil ? mode : nil
                for key in binding.keys {
                    if table.typing != nil, case .character = key {
                        return KeyMapError(
                            mode: origin,
                            command: name,
                            message: "\(key.name) is text in mode \(mode), not a key for \(name)"
                        )
                    }
                    if let other = rebound.bindings.first(where: { $0.name != name && $0.keys.contains(key) }) {
                        return KeyMapError(
                            mode: origin,
                            command: name,
                            message: "\(key.name) is bound to both \(name) and \(other.name ?? other.help) in mode \(mode)"
                        )
                    }
                }
            }
        }
        return nil
    }

    /// `table` with this map's keys. A command bound twice in one table (a key with a
    /// condition, ↑ on a line with text, and one without) gets its new keys once, on the
    /// binding without a condition; the others go.
    public func apply(to table: KeyTable) -> KeyTable {
        guard !isStandard else { return table }
        let wanted = self.wanted(in: table)
        guard !wanted.isEmpty else { return table }
        var bindings: [KeyBinding] = []
        for (index, binding) in table.bindings.enumerated() {
            guard let name = binding.name, let keys = wanted[name] else {
                bindings.append(binding)
                continue
            }
            let twins = table.bindings.indices.filter { table.bindings[$0].name == name }
            let kept = twins.first { table.bindings[$0].applies == nil } ?? twins[0]
            if index == kept { bindings.append(binding.rebound(to: keys)) }
        }
        return KeyTable(
            table.name,
            table.title,
            bindings,
            typing: table.typing,
            otherKeys: table.otherKeys,
            fallsThrough: table.fallsThrough
        )
    }

    /// The new keys of the commands `table` binds.
    private func wanted(in table: KeyTable) -> [String: [Key]] {
        let mode = Self.modeName(of: table)
        let all = everywhere.merging(mode.flatMap { inMode[$0] } ?? [:]) { _, modeOwn in modeOwn }
        let names = Set(table.bindings.compactMap(\.name))
        return all.filter { names.contains($0.key) }
    }
}

/// A rebinding that cannot be: where it was given (`mode` nil: for every mode; `command` nil:
/// the mode's name itself is wrong) and why.
public struct KeyMapError: Error, Equatable, Sendable {
    public var mode: String?
    public var command: String?
    public var message: String
}

extension KeyBinding {
    /// This binding on other keys: the help's label and the hint follow them.
    fileprivate func rebound(to keys: [Key]) -> KeyBinding {
        let label = keys.map(\.name).joined(separator: " ")
        // A hint starts with the keys it is about: the whole label ("? F1 help") or its first key ("↑ select").
        let newHint = hint.map { hint in
            hint.hasPrefix(self.label)
                ? label + hint.dropFirst(self.label.count)
                : label + " " + (hint.split(separator: " ", maxSplits: 1).last.map(String.init) ?? hint)
        }
        return KeyBinding(keys, label, help, command, hint: newHint, when: applies)
    }
}
