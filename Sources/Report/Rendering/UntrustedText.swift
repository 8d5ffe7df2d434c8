/// Text from the store or a file, made safe for each output. Names, ids and error examples
/// are whatever the data says: they may hold terminal escapes, bidi overrides, Markdown or HTML.
enum UntrustedText {
    /// Without control characters (C0, DEL, C1: ESC sequences lose their ESC), bidi overrides
    /// and isolates; line breaks and tabs become spaces so a value stays on its line.
    static func plain(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: out.append(" ")
            case 0x00..<0x20, 0x7F..<0xA0, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: continue
            default: out.append(scalar)
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

    /// Terminal columns: 2 for East Asian wide and emoji characters, else 1.
    static func width(_ text: String) -> Int {
        text.reduce(0) { sum, c in
            guard let v = c.unicodeScalars.first?.value else { return sum }
            // An emoji presentation selector makes a narrow symbol (⚔) a wide emoji (⚔️).
            if c.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return sum + 2 }
            let wide =
                (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1FAFF).contains(v) || (0x20000...0x3FFFD).contains(v)
            return sum + (wide ? 2 : 1)
        }
    }

    /// At most `columns` wide, with `…` when cut.
    static func truncated(_ text: String, columns: Int) -> String {
        guard width(text) > columns else { return text }
        var out = ""
        var used = 0
        for c in text {
            let w = width(String(c))
            if used + w > columns - 1 { break }
            out.append(c)
            used += w
        }
        return out + "…"
    }
}
