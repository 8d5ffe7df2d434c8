/// Keys by name, as the help writes them and as a config file's `[keys]` gives them:
/// `Ctrl-K`, `Alt-A`, `F1`, `Enter`, `↑` (or `Up`), `Space`, or a single character.
extension Key {
    /// The named keys, help spelling first; the words after it are accepted too.
    private static let named: [(key: Key, names: [String])] = [
        (.up, ["↑", "Up"]), (.down, ["↓", "Down"]), (.left, ["←", "Left"]), (.right, ["→", "Right"]),
        (.pageUp, ["PgUp", "PageUp"]), (.pageDown, ["PgDn", "PageDown"]), (.home, ["Home"]), (.end, ["End"]),
        (.enter, ["Enter", "Return"]), (.escape, ["Esc", "Escape"]), (.backspace, ["Backspace"]), (.tab, ["Tab"]),
        (.character(" "), ["Space"]), (.alt("\n"), ["Alt-Enter"]),
    ]

    /// How the help writes this key.
    public var name: String {
        if let entry = Self.named.first(where: { $0.key == self }) { return entry.names[0] }
        switch self {
        case .character(let c): return String(c)
        case .control(let c): return "Ctrl-" + c.uppercased()
        case .alt(let c): return "Alt-" + c.uppercased()
        case .function(let n): return "F\(n)"
        default: return "\(self)"
        }
    }

    /// The key `name` stands for; nil when it names none. Named keys and the `Ctrl-`/`Alt-`
    /// prefixes are matched without regard to case; `Ctrl-` and `Alt-` letters mean the lower
    /// case ones, as the terminal sends them (Alt with a capital is Alt-Shift, so `Alt-a` is `Alt-A`).
    public init?(name: String) {
        if let entry = Self.named.first(where: { $0.names.contains { $0.lowercased() == name.lowercased() } }) {
            self = entry.key
            return
        }
        if name.count == 1, let c = name.first, !c.isWhitespace, !c.isNewline {
            self = .character(c)
            return
        }
        let lower = name.lowercased()
        if lower.hasPrefix("ctrl-"), name.count == 6, let c = lower.last, c.isLetter, c.isASCII {
            self = .control(c)
        } else if lower.hasPrefix("alt-"), name.count == 5, let c = name.last, !c.isWhitespace {
            self = .alt(c.isLetter ? Character(c.lowercased()) : c)
        } else if lower.hasPrefix("f"), let n = Int(name.dropFirst()), (1...12).contains(n) {
            self = .function(n)
        } else {
            return nil
        }
    }
}
