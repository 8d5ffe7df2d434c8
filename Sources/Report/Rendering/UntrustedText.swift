import ChatModel

/// Text from the store or a file, made safe for each output. Names, ids and error examples
/// are whatever the data says: they may hold terminal escapes, bidi overrides, Markdown or HTML.
enum UntrustedText {
    /// Without unsafe scalars (`UnsafeScalar`: controls, so ESC sequences lose their ESC; bidi
    /// and other format characters; noncharacters); line breaks and tabs become spaces so a
    /// value stays on its line. Emoji joiners stay, so 👩‍💻 still reads as one emoji.
    static func plain(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch UnsafeScalar(scalar) {
            case nil, .emojiJoiner: out.append(scalar)
            case .lineBreak, .tab: out.append(" ")
            case .control, .format, .noncharacter: continue
            }
        }
        return String(out)
    }

    /// For a Markdown table cell: plain, with Markdown's active characters backslash-escaped
    /// (`|` would end the cell) and `<`, `>`, `&` as entities (trackers render inline HTML).
    static func markdown(_ text: String) -> String {
        replacing(plain(text)) { c in entity(c) ?? (#"\`*_[]|~#"#.contains(c) ? "\\" + String(c) : nil) }
    }

    /// For HTML text and attribute values.
    static func html(_ text: String) -> String {
        replacing(plain(text)) { c in entity(c) ?? (c == "\"" ? "&quot;" : c == "'" ? "&#39;" : nil) }
    }

    private static func entity(_ c: Character) -> String? {
        switch c {
        case "<": "&lt;"
        case ">": "&gt;"
        case "&": "&amp;"
        default: nil
        }
    }

    /// `text` with each character `replacement` names replaced.
    private static func replacing(_ text: String, _ replacement: (Character) -> String?) -> String {
        var out = ""
        for c in text {
            if let r = replacement(c) { out += r } else { out.append(c) }
        }
        return out
    }
}
