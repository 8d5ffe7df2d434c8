import Foundation

/// A problem in a theme or override file, said so a user can fix it: which file, which line
/// and what is wrong. Loading a theme reports these instead of crashing.
public struct ThemeError: Error, Equatable, CustomStringConvertible {
    public let path: String
    /// 1-based; `nil` when the problem is the file as a whole (missing, unreadable).
    public let line: Int?
    public let message: String

    public init(path: String, line: Int?, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    /// `path:line: message`, the form editors and terminals know how to jump to.
    public var description: String {
        line.map { "\(path):\($0): \(message)" } ?? "\(path): \(message)"
    }
}

/// One theme or override file as written: its `[theme]` keys and what its `[attributes]` set.
///
/// Format (INI, as matterhorn's): `[theme]` holds `name = …` and `inherits = …`;
/// `[attributes]` holds `ATTRIBUTE.fg|bg|style = VALUE`. Comments take a whole line and start
/// with `#` or `;` (a `#` later on a line is a colour, as in `fg = #ff8800`).
struct ThemeFile {
    /// A `[theme]` value with its line, so errors about it (an unknown parent) can point there.
    struct Value {
        let text: String
        let line: Int
    }

    let path: String
    var name: Value?
    var inherits: Value?
    var settings: [String: PartialStyle] = [:]

    static func read(path: String) throws -> ThemeFile {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ThemeError(path: path, line: nil, message: "no such file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ThemeError(path: path, line: nil, message: "can't be read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ThemeError(path: path, line: nil, message: "is not UTF-8 text")
        }
        // Some Windows editors start UTF-8 files with a byte-order mark; it isn't part of line 1.
        return try parse(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text, path: path)
    }

    static func parse(_ text: String, path: String) throws -> ThemeFile {
        var file = ThemeFile(path: path)
        var section: String?
        var setOnLine: [String: Int] = [:]
        for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let lineNumber = index + 1
            func fail(_ message: String) -> ThemeError { ThemeError(path: path, line: lineNumber, message: message) }
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]") else { throw fail("section header '\(line)' is missing its ']'") }
                let name = line.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
                guard name == "theme" || name == "attributes" else {
                    throw fail("unknown section [\(name)]; expected [theme] or [attributes]")
                }
                section = name
                continue
            }
            guard let equals = line.firstIndex(of: "=") else {
                throw fail("expected 'key = value', found '\(line)' (missing '=')")
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty else { throw fail("expected 'key = value', found nothing before '='") }
            guard !value.isEmpty else { throw fail("'\(key)' has no value after '='") }
            if let earlier = setOnLine[key] { throw fail("'\(key)' is already set on line \(earlier)") }
            setOnLine[key] = lineNumber
            switch section {
            case "theme":
                switch key {
                case "name": file.name = Value(text: value, line: lineNumber)
                case "inherits": file.inherits = Value(text: value, line: lineNumber)
                default: throw fail("unknown key '\(key)' in [theme]; expected name or inherits")
                }
            case "attributes":
                try file.setAttribute(key: key, value: value, fail: fail)
            default:
                throw fail("'\(key)' comes before any section; put it under [theme] or [attributes]")
            }
        }
        return file
    }

    private mutating func setAttribute(key: String, value: String, fail: (String) -> ThemeError) throws {
        guard let dot = key.lastIndex(of: ".") else {
            throw fail("expected ATTRIBUTE.fg, ATTRIBUTE.bg or ATTRIBUTE.style, found '\(key)'")
        }
        let attribute = String(key[..<dot])
        let property = key[key.index(after: dot)...]
        guard Theme.documentedNames.contains(attribute) else {
            let hint = Self.closestAttribute(to: attribute).map { " (did you mean '\($0)'?)" } ?? ""
            throw fail("unknown attribute '\(attribute)'\(hint); Themes/README.md lists them all")
        }
        var setting = settings[attribute] ?? PartialStyle()
        switch property {
        case "fg", "bg":
            guard let color = Self.color(named: value) else {
                throw fail(
                    "bad colour '\(value)' for \(key); expected default, a colour name "
                        + "(\(Self.colorNames.joined(separator: ", "))), #rrggbb or color0 to color255"
                )
            }
            if property == "fg" { setting.foreground = color } else { setting.background = color }
        case "style":
            setting.attributes = try Self.attributes(in: value, key: key, fail: fail)
        default:
            throw fail("unknown property '\(property)' in '\(key)'; expected fg, bg or style")
        }
        settings[attribute] = setting
    }
}

// MARK: - Values

extension ThemeFile {
    /// The 16 ANSI colours in palette order; `brightRed` is 9. Matched ignoring case.
    static let colorNames =
        ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]
        + ["Black", "Red", "Green", "Yellow", "Blue", "Magenta", "Cyan", "White"].map { "bright" + $0 }

    /// Style flags in the order a dump writes them.
    static let styleNames: [(name: String, flag: TextAttributes)] = [
        ("bold", .bold), ("dim", .dim), ("underline", .underline), ("reverse", .reverse),
        ("italic", .italic), ("blink", .blink), ("standout", .standout),
    ]

    /// `default`, a colour name, `#rrggbb` (nearest of the 240 fixed xterm colours: palette
    /// 0–15 differs between terminals) or `colorN`. Palette indexes below 16 become `.ansi`, so
    /// `color1` and `red` are the same style.
    static func color(named text: String) -> TerminalColor? {
        let lowered = text.lowercased()
        if lowered == "default" { return .terminalDefault }
        if let index = colorNames.firstIndex(where: { $0.lowercased() == lowered }) { return .ansi(UInt8(index)) }
        if lowered.hasPrefix("#"), lowered.count == 7, let rgb = UInt32(lowered.dropFirst(), radix: 16) {
            return .indexed(
                XtermPalette.nearestIndex(
                    red: UInt8(rgb >> 16),
                    green: UInt8((rgb >> 8) & 0xff),
                    blue: UInt8(rgb & 0xff)
                )
            )
        }
        if lowered.hasPrefix("color"), let index = UInt8(lowered.dropFirst(5)) {
            return index < 16 ? .ansi(index) : .indexed(index)
        }
        return nil
    }

    /// `none`, one flag, or a `[list]` of flags (`[]` is none too).
    static func attributes(in value: String, key: String, fail: (String) -> ThemeError) throws -> TextAttributes {
        var list = Substring(value)
        if list.hasPrefix("[") {
            guard list.hasSuffix("]") else { throw fail("style list '\(value)' for \(key) is missing its ']'") }
            list = list.dropFirst().dropLast()
        }
        let words = list.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        if words == [""] || words == ["none"] { return [] }
        var flags: TextAttributes = []
        for word in words {
            guard let flag = styleNames.first(where: { $0.name == word })?.flag else {
                throw fail(
                    "bad style '\(word)' for \(key); expected none or "
                        + styleNames.map(\.name).joined(separator: ", ")
                )
            }
            flags.insert(flag)
        }
        return flags
    }

    static func write(_ color: TerminalColor) -> String {
        switch color {
        case .terminalDefault: "default"
        case .ansi(let index): colorNames[Int(index) % 16]
        case .indexed(let index): "color\(index)"
        }
    }

    static func write(_ flags: TextAttributes) -> String {
        let names = styleNames.filter { flags.contains($0.flag) }.map(\.name)
        switch names.count {
        case 0: return "none"
        case 1: return names[0]
        default: return "[" + names.joined(separator: ", ") + "]"
        }
    }

    /// A documented name at most two edits away, for "did you mean".
    static func closestAttribute(to name: String) -> String? {
        let best = Theme.attributes.map { ($0.name, editDistance($0.name.lowercased(), name.lowercased())) }
            .min { $0.1 < $1.1 }
        return best.flatMap { $0.1 <= 2 ? $0.0 : nil }
    }

    /// Levenshtein distance: insertions, deletions and substitutions of one character.
    private static func editDistance(_ a: String, _ b: String) -> Int {
        let b = Array(b)
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}

// MARK: - Writing

extension Theme {
    /// The theme fully resolved, as a file: every attribute with its description and all three
    /// properties, so a user can start from it (as an override file or a new theme) and loading
    /// it back gives this theme. matterhorn's `/write-theme`.
    public func dump() -> String {
        var lines = [
            "# chatterm theme \"\(name)\", every attribute resolved. Themes/README.md describes the format.",
            "# Start from it: save it as your override file (~/.config/chatterm/theme.ini) and keep",
            "# only the lines you change, or as ~/.config/chatterm/themes/NAME.theme for a theme of your own.",
            "",
            "[theme]",
            "name = \(name)",
            "",
            "[attributes]",
        ]
        for attribute in Self.attributes {
            let style = style(attribute.name)
            lines += [
                "",
                "# \(attribute.description)",
                "\(attribute.name).fg = \(ThemeFile.write(style.foreground))",
                "\(attribute.name).bg = \(ThemeFile.write(style.background))",
                "\(attribute.name).style = \(ThemeFile.write(style.attributes))",
            ]
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
