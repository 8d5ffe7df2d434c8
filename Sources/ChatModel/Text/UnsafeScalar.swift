/// A scalar that no output may pass on as it is: the one list behind every way text leaves the
/// program (the terminal UI's `SanitizedText`, the CLI's `terminalSafe`, the report's
/// `UntrustedText`), so they cannot drift apart. Each output decides how a removed scalar shows
/// (dropped, a space, `␛`, a `\u{…}` escape); which scalars need it is decided here.
///
/// Data from a file or the network may carry terminal escapes (ESC, the 8-bit CSI U+009B),
/// cursor moves (CR, BS), and invisible characters that reorder or disguise what is shown
/// (bidi overrides, isolates and marks, zero-width spaces).
public enum UnsafeScalar: Sendable, Equatable {
    /// LF, CR, U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR.
    case lineBreak
    /// TAB.
    case tab
    /// Every other C0 control (ESC, BS, BEL…), DEL and C1 (U+0080–U+009F).
    case control
    /// Format characters (Cf): bidi embeddings, overrides and isolates (U+202A–U+202E,
    /// U+2066–U+2069), LRM, RLM and ALM, ZWSP, WJ, BOM, the soft hyphen, ZWNJ… Invisible,
    /// they reorder or disguise what is shown.
    case format
    /// Noncharacters (U+FFFE, U+FDD0…): never text.
    case noncharacter
    /// ZWJ, VS16 and tag characters: part of an emoji sequence (👩‍💻, ❤️, 🏴 subdivision
    /// flags), invisible formatting anywhere else. An output that can see the neighbours keeps
    /// them inside emoji only; one that cannot keeps them.
    case emojiJoiner

    /// What is unsafe about `scalar`, or nil for ordinary text.
    public init?(_ scalar: Unicode.Scalar) {
        let value = scalar.value
        if value < 0xA0 {
            switch value {
            case 0x20..<0x7F: return nil
            case 0x0A, 0x0D: self = .lineBreak
            case 0x09: self = .tab
            default: self = .control
            }
            return
        }
        if Self.hasNothingUnsafe(value) { return nil }
        if value == 0x200D || value == 0xFE0F || Self.isTag(scalar) {
            self = .emojiJoiner
            return
        }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .format: self = .format
        case .lineSeparator, .paragraphSeparator: self = .lineBreak
        default:
            guard properties.isNoncharacterCodePoint else { return nil }
            self = .noncharacter
        }
    }

    /// Unicode tag characters U+E0020–U+E007F, which spell a subdivision flag after 🏴.
    public static func isTag(_ scalar: Unicode.Scalar) -> Bool {
        (0xE0020...0xE007F).contains(scalar.value)
    }

    /// Blocks without format characters, separators, noncharacters, ZWJ, VS16 or tags (checked
    /// against Unicode 14.0), so their scalars skip the property lookups: Latin to Hebrew but
    /// the soft hyphen, Indic to Khmer, symbols and arrows, CJK and Hangul, emoji.
    private static func hasNothingUnsafe(_ value: UInt32) -> Bool {
        switch value {
        case 0xA0...0x5FF: return value != 0xAD
        case 0x900...0x17FF, 0x2070...0x2BFF, 0x2E80...0xD7FF, 0x1F000...0x1FAFF: return true
        default: return false
        }
    }
}
