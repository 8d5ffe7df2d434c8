import ChatModel

/// Text that is safe to put on the terminal: the only way a string from a file or the network
/// reaches the screen (DESIGN.md, "Untrusted text is a type"; terminal-clients.md §4.3, §7.8).
///
/// ncurses 6.4 turns C0 into caret notation but emits U+202E raw, moves to column 0 on CR,
/// overwrites on BS and leaves the column on LF (§5), so nothing of that kind may survive.
/// Which scalars are unsafe is `UnsafeScalar` (shared with the CLI and the report); here:
/// - ESC becomes a visible `␛` (U+241B), so an injected sequence shows up instead of running.
/// - TAB becomes four spaces. Bodies carry pasted code whose indentation is tabs; one space
///   would flatten it, and real tab stops cannot be honoured at the columns text is placed at.
/// - `\n` is kept (the wrapper splits lines); CR LF becomes `\n`; a lone CR becomes a space.
///   U+2028 and U+2029 (line and paragraph separator) become `\n` as well.
/// - BS, every other C0, DEL and C1 (U+0080–U+009F, incl. 8-bit CSI U+009B) are dropped.
/// - Format characters (Cf: bidi overrides and isolates, LRM/RLM/ALM, ZWSP, WJ, BOM, soft
///   hyphen, ZWNJ…) are dropped: invisible, they reorder or disguise what is shown.
/// - ZWJ and VS16 stay only inside emoji sequences: a ZWJ between two emoji, a VS16 right
///   after an emoji-capable base. Tag characters stay only after 🏴 (subdivision flags).
/// - Noncharacters (U+FFFE, U+FDD0…) are dropped: they are never text.
public struct SanitizedText: Hashable, Sendable {
    /// The sanitized text; may contain `\n`, never a control, bidi or stray format character.
    public let value: String

    /// Sanitizes text that came from a file, the network or the user.
    public init(untrusted: String) {
        value = Self.sanitize(untrusted)
    }

    /// Marks one of the client's own strings (a label) as screen-ready.
    ///
    /// It is sanitized like any other text, so the type's guarantee holds whatever a caller
    /// passes (a label built by interpolating a channel name stays safe). A literal that needed
    /// changing is a bug in the client, so debug builds stop on it; release builds carry on.
    public static func trusted(_ string: String) -> SanitizedText {
        let text = SanitizedText(untrusted: string)
        assert(text.value == string, "trusted label contains control or format characters: \(string.debugDescription)")
        return text
    }

    /// For code in this module that builds text out of already-sanitized pieces.
    init(alreadySanitized value: String) {
        self.value = value
    }

    /// The text on one line (newlines become spaces): for names, channel titles and previews.
    public var singleLine: SanitizedText {
        guard value.utf8.contains(0x0A) else { return self }
        var bytes = Array(value.utf8)
        for index in bytes.indices where bytes[index] == 0x0A { bytes[index] = 0x20 }
        return SanitizedText(alreadySanitized: String(decoding: bytes, as: UTF8.self))
    }
}

extension SanitizedText {
    private static let zeroWidthJoiner: Unicode.Scalar = "\u{200D}"
    private static let variationSelector16: Unicode.Scalar = "\u{FE0F}"
    private static let blackFlag: Unicode.Scalar = "\u{1F3F4}"

    private enum Edit {
        case keep, drop
        case replace(String)
    }

    /// One pass over the scalars, decoded straight from the UTF-8 bytes. Kept runs are copied
    /// whole, and text with nothing to change (most messages) comes back without a copy.
    static func sanitize(_ input: String) -> String {
        var input = input
        input.makeContiguousUTF8()
        let sanitized = input.utf8.withContiguousStorageIfAvailable { sanitize(utf8: $0) }
        return sanitized.flatMap { $0 } ?? input
    }

    /// The sanitized text, or nil if `bytes` need no change.
    private static func sanitize(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String? {
        if bytes.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0A }) { return nil }

        var output: [UInt8] = []
        var edited = false
        var copied = 0  // bytes before this offset are in `output` or dropped
        var previous: Unicode.Scalar?  // last scalar written
        var base: Unicode.Scalar?  // last scalar written other than VS16 and tags
        var offset = 0
        var (scalar, length) = decode(bytes, at: 0)
        while offset < bytes.count {
            let after = offset + length
            let (next, nextLength) = after < bytes.count ? decode(bytes, at: after) : (nil, 0)
            switch edit(scalar, previous: previous, base: base, next: next) {
            case .keep:
                previous = scalar
                if scalar != variationSelector16, !UnsafeScalar.isTag(scalar) { base = scalar }
            case .drop:
                if !edited {
                    output.reserveCapacity(bytes.count + 16)
                    edited = true
                }
                output.append(contentsOf: bytes[copied..<offset])
                copied = after
            case .replace(let replacement):
                if !edited {
                    output.reserveCapacity(bytes.count + 16)
                    edited = true
                }
                output.append(contentsOf: bytes[copied..<offset])
                output.append(contentsOf: replacement.utf8)
                copied = after
                previous = replacement.unicodeScalars.last
                base = previous
            }
            offset = after
            if let next { scalar = next }
            length = nextLength
        }
        guard edited else { return nil }
        output.append(contentsOf: bytes[copied...])
        return String(decoding: output, as: UTF8.self)
    }

    /// The scalar starting at `offset` and its length in bytes; a String's UTF-8 is valid.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[offset])
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        var value = length == 1 ? lead : lead & (0x7F >> length)
        for continuation in bytes[(offset + 1)..<(offset + length)] {
            value = value << 6 | UInt32(continuation & 0x3F)
        }
        return (Unicode.Scalar(value)!, length)
    }

    /// What becomes of `scalar`, given the last scalars written and the next one in the input.
    private static func edit(
        _ scalar: Unicode.Scalar,
        previous: Unicode.Scalar?,
        base: Unicode.Scalar?,
        next: Unicode.Scalar?
    ) -> Edit {
        guard let unsafe = UnsafeScalar(scalar) else { return .keep }
        switch unsafe {
        case .lineBreak:
            switch scalar {
            case "\n": return .keep
            case "\r": return next == "\n" ? .drop : .replace(" ")
            default: return .replace("\n")  // line and paragraph separators
            }
        case .tab: return .replace("    ")
        case .control: return scalar == "\u{1B}" ? .replace("\u{241B}") : .drop
        case .format, .noncharacter: return .drop
        case .emojiJoiner: return keepsEmojiJoiner(scalar, previous: previous, base: base, next: next) ? .keep : .drop
        }
    }

    /// A ZWJ between two emoji, a VS16 right after an emoji-capable base, tag characters
    /// after 🏴: each is kept there and nowhere else.
    private static func keepsEmojiJoiner(
        _ scalar: Unicode.Scalar,
        previous: Unicode.Scalar?,
        base: Unicode.Scalar?,
        next: Unicode.Scalar?
    ) -> Bool {
        if scalar == variationSelector16 {
            // Only an emoji-capable base takes VS16, right after it; a skin tone ends the emoji.
            guard let base, base == previous, base.properties.isEmoji, !base.properties.isEmojiModifier else { return false }
            return true
        }
        if scalar == zeroWidthJoiner {
            guard let base, let next, isPictographic(base), isPictographic(next) else { return false }
            return true
        }
        guard let previous, previous == blackFlag || UnsafeScalar.isTag(previous) else { return false }
        return true
    }

    /// An emoji that can stand on either side of a ZWJ (not the ASCII digits, `#` and `*`,
    /// which Unicode counts as emoji only for keycaps).
    private static func isPictographic(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value > 0x7F && scalar.properties.isEmoji
    }
}
