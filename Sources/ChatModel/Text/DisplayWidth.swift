/// How many terminal cells text takes: the one measure for every output laid out in columns
/// (the terminal UI's wrapping, truncation and drawing, the CLI's and the report's tables), so
/// layout and drawing never disagree (terminal-clients.md §5, §7.10). What to hand ncurses so
/// it draws exactly that many cells is `DisplayWidth.drawable`, in TerminalUI.
///
/// ncurses measures every scalar with the C library's `wcwidth` and adds them up; the
/// terminal draws what it believes. The §5 probes on ncursesw 6.4 show where the two part:
/// 😀 2, 🇫🇷 2, é (e + U+0301) 1, ⚠ 1 and 中 2 agree; ❤️ (U+2764 + VS16) is 1 cell to ncurses
/// but 2 in modern terminals; 👩‍💻 is 4 because ncurses drops the ZWJ and draws 👩💻; 👍🏽 is 4
/// because the skin tone is drawn as a swatch. The policy:
///
/// - A scalar's width is glibc's `wcwidth`: 2 for East Asian Wide and Fullwidth (CJK, Hangul,
///   kana, fullwidth forms, emoji with emoji presentation), 0 for combining marks (Mn, Me),
///   format characters (Cf, but for the soft hyphen and the Arabic number signs), Hangul
///   medial vowels and final consonants, and controls, else 1. Ambiguous-width characters
///   are 1, as in a UTF-8 locale outside CJK terminals.
/// - A cluster's width is the sum over its scalars, which is what ncurses counts…
/// - …except emoji sequences (an emoji followed by VS16, a ZWJ, a skin tone, tag characters or
///   the keycap mark, and flags): 2, as modern terminals draw them. The client's screen writes
///   such a cluster whole over its two cells itself (`Screen`), since ncurses would count it by
///   its first scalar.
/// - Controls, line separators, ZWJ, bidi and other format characters are 0 wide.
public enum DisplayWidth {
    /// Cells `character` takes: 0, 1 or 2 (more only for rare clusters of several spacing scalars).
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        var iterator = scalars.makeIterator()
        guard let first = iterator.next() else { return 0 }
        guard let second = iterator.next() else { return width(of: first) }
        if isEmojiSequence(scalars) { return 2 }
        var total = width(of: first) + width(of: second)
        while let scalar = iterator.next() { total += width(of: scalar) }
        return total
    }

    /// Cells `string` takes: the sum over its grapheme clusters. Inlinable so that callers in
    /// other modules get it specialized for `String` and `Substring` (unspecialized, it walks the
    /// bytes through protocol witnesses: a tenth of a frame's cost once).
    @inlinable
    public static func of(_ string: some StringProtocol) -> Int {
        if string.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return string.utf8.count }
        var total = 0
        for scalar in string.unicodeScalars {
            guard let cells = aloneWidth(of: scalar) else { return clusterWidth(string) }
            total += cells
        }
        return total
    }

    /// The sum over `string`'s grapheme clusters, found by grapheme breaking.
    @usableFromInline
    static func clusterWidth(_ string: some StringProtocol) -> Int {
        var total = 0
        for character in string { total += of(character) }
        return total
    }

    /// Whether each scalar of `string` is a grapheme cluster by itself (`aloneWidth` is not
    /// nil for any): then it can be walked, measured and cut by scalar, without grapheme breaking.
    /// Inlinable as `of` is: unspecialized, its walk cost thousands of instructions a call.
    @inlinable
    public static func isScalarPerCluster(_ string: some StringProtocol) -> Bool {
        string.unicodeScalars.allSatisfy { aloneWidth(of: $0) != nil }
    }

    /// `text` cut to at most `toWidth` cells between clusters, ending in "…" if cut and `ellipsis`.
    public static func truncate(_ text: String, toWidth width: Int, ellipsis: Bool) -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        let budget = ellipsis ? width - 1 : width
        var result = ""
        var used = 0
        for character in text {
            let cells = of(character)
            if used + cells > budget { break }
            result.append(character)
            used += cells
        }
        return ellipsis ? result + "…" : result
    }

    /// `text` in exactly `toWidth` cells: truncated, then padded with spaces. A wide character
    /// that does not fit leaves a one-cell gap, which the padding fills.
    public static func fit(_ text: String, toWidth width: Int, ellipsis: Bool) -> String {
        truncate(text, toWidth: width, ellipsis: ellipsis).padded(toWidth: width)
    }
}

extension DisplayWidth {
    /// glibc's `wcwidth` for `scalar`, with 0 for the scalars it rejects (−1): controls and
    /// the line and paragraph separators, which nothing draws.
    public static func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value >= 0x20 ? 1 : 0 }
        if value < 0xA0 { return 0 }
        if value < 0x300 { return 1 }  // Latin-1 and Latin Extended: no marks, nothing wide
        if isFrameSymbol(value) { return 1 }
        // Hangul medial vowels and final consonants share the cell of the leading consonant.
        if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) { return 0 }
        // Format characters that are visible signs (Arabic number signs…); glibc gives them 1.
        if prependedConcatenationMarks.contains(value) { return 1 }
        // Ahom medial Ra was a nonspacing mark in Unicode 14.0 (glibc 2.36) and is spacing in the
        // newer Unicode of the Swift runtime, whose categories are used below.
        if value == 0x1171E { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control, .lineSeparator, .paragraphSeparator:
            return 0
        default:
            return isWide(value) ? 2 : 1
        }
    }

    /// Dashes, quotes and "…", arrows, box drawing and blocks: what the client's own lines are
    /// full of (rules, borders, marks, "↑ older messages"). Each is one cell, a cluster by
    /// itself and in every table, so it skips the Unicode property lookups (a twentieth of a
    /// render went to them).
    @inlinable
    public static func isFrameSymbol(_ value: UInt32) -> Bool {
        (0x2010...0x2027).contains(value) || (0x2190...0x21FF).contains(value) || (0x2500...0x259F).contains(value)
    }

    /// `width(of: scalar)` when `scalar` is a grapheme cluster by itself whatever its neighbours
    /// are, provided they are such scalars too; nil when it may join one (UAX #29): CR, marks
    /// and other extenders (VS16, skin tones, tags), ZWJ and other format characters, prepended
    /// signs, spacing vowels, regional indicators and Hangul jamo. Most text (ASCII, Latin, CJK,
    /// kana, Hangul syllables, single-scalar emoji) is made only of these, and is walked by
    /// scalar: grapheme breaking is most of what measuring and drawing text cost otherwise.
    public static func aloneWidth(of scalar: Unicode.Scalar) -> Int? {
        let value = scalar.value
        if value < 0x300 { return value == 0x0D ? nil : width(of: scalar) }  // CR joins LF; no marks below
        if isFrameSymbol(value) { return 1 }
        switch value {
        case 0x0D4E, 0x0E33, 0x0EB3,  // a prepended letter, two spacing vowels that are letters
            0x1100...0x11FF, 0xA960...0xA97F, 0xD7B0...0xD7FF,  // Hangul jamo
            0xFF9E...0xFF9F,  // halfwidth kana voicing marks
            0x11000...0x11FFF,  // Brahmic scripts with prepended letters (and Ahom, see `width(of:)`)
            0x1F1E6...0x1F1FF, 0x1F3FB...0x1F3FF:  // regional indicators, skin tones
            return nil
        default: break
        }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .format, .control, .surrogate: return nil
        case .lineSeparator, .paragraphSeparator: return 0
        default: return isWide(value) ? 2 : 1
        }
    }

    /// A multi-scalar cluster that terminals draw as one emoji, 2 cells: a flag, or an emoji
    /// followed by VS16, a ZWJ, a skin tone, tag characters or the keycap mark (1⃣).
    public static func isEmojiSequence(_ scalars: Character.UnicodeScalarView) -> Bool {
        var iterator = scalars.makeIterator()
        guard let first = iterator.next(), let second = iterator.next() else { return false }
        if isRegionalIndicator(first) { return isRegionalIndicator(second) }
        guard first.properties.isEmoji else { return false }
        return scalars.dropFirst().contains {
            $0 == "\u{FE0F}" || $0 == "\u{200D}" || $0 == "\u{20E3}" || $0.properties.isEmojiModifier || UnsafeScalar.isTag($0)
        }
    }

    /// One of the 26 letters two of which spell a flag.
    public static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
        (0x1F1E6...0x1F1FF).contains(scalar.value)
    }

    private static let prependedConcatenationMarks: Set<UInt32> = [
        0x0600, 0x0601, 0x0602, 0x0603, 0x0604, 0x0605, 0x06DD, 0x070F, 0x0890, 0x0891, 0x08E2, 0x110BD, 0x110CD,
    ]

    private static func isWide(_ value: UInt32) -> Bool {
        if value < wideRanges[0].0 { return false }
        var low = 0
        var high = wideRanges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            if value < wideRanges[middle].0 {
                high = middle - 1
            } else if value > wideRanges[middle].1 {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }

    /// Wide (2-cell) scalars, sorted, inclusive. Made with Python 3.11's `unicodedata` (Unicode
    /// 14.0): every assigned scalar whose `east_asian_width` is W or F; the unassigned ones of
    /// U+1F000–U+1FAFF, U+1FC00–U+1FFFD and planes 2–3, which UAX #11 defaults to W; and
    /// U+3248–U+324F and U+4DC0–U+4DFF, which glibc 2.36 also makes wide. Neighbouring ranges
    /// were merged across gaps of only unassigned, Mn, Me or Cf scalars (those are decided
    /// before this table is consulted). The result equals glibc 2.36's `wcwidth` for every
    /// scalar glibc knows; `DisplayWidthTests` checks that on Linux.
    private static let wideRanges: [(UInt32, UInt32)] = [
        (0x1100, 0x115F), (0x231A, 0x231B), (0x2329, 0x232A), (0x23E9, 0x23EC), (0x23F0, 0x23F0),
        (0x23F3, 0x23F3), (0x25FD, 0x25FE), (0x2614, 0x2615), (0x2648, 0x2653), (0x267F, 0x267F),
        (0x2693, 0x2693), (0x26A1, 0x26A1), (0x26AA, 0x26AB), (0x26BD, 0x26BE), (0x26C4, 0x26C5),
        (0x26CE, 0x26CE), (0x26D4, 0x26D4), (0x26EA, 0x26EA), (0x26F2, 0x26F3), (0x26F5, 0x26F5),
        (0x26FA, 0x26FA), (0x26FD, 0x26FD), (0x2705, 0x2705), (0x270A, 0x270B), (0x2728, 0x2728),
        (0x274C, 0x274C), (0x274E, 0x274E), (0x2753, 0x2755), (0x2757, 0x2757), (0x2795, 0x2797),
        (0x27B0, 0x27B0), (0x27BF, 0x27BF), (0x2B1B, 0x2B1C), (0x2B50, 0x2B50), (0x2B55, 0x2B55),
        (0x2E80, 0x303E), (0x3041, 0xA4C6), (0xA960, 0xA97C), (0xAC00, 0xD7A3), (0xF900, 0xFAD9),
        (0xFE10, 0xFE6B), (0xFF01, 0xFF60), (0xFFE0, 0xFFE6), (0x16FE0, 0x1B2FB), (0x1F004, 0x1F004),
        (0x1F02C, 0x1F02F), (0x1F094, 0x1F09F), (0x1F0AF, 0x1F0B0), (0x1F0C0, 0x1F0C0), (0x1F0CF, 0x1F0D0),
        (0x1F0F6, 0x1F0FF), (0x1F18E, 0x1F18E), (0x1F191, 0x1F19A), (0x1F1AE, 0x1F1E5), (0x1F200, 0x1F320),
        (0x1F32D, 0x1F335), (0x1F337, 0x1F37C), (0x1F37E, 0x1F393), (0x1F3A0, 0x1F3CA), (0x1F3CF, 0x1F3D3),
        (0x1F3E0, 0x1F3F0), (0x1F3F4, 0x1F3F4), (0x1F3F8, 0x1F43E), (0x1F440, 0x1F440), (0x1F442, 0x1F4FC),
        (0x1F4FF, 0x1F53D), (0x1F54B, 0x1F54E), (0x1F550, 0x1F567), (0x1F57A, 0x1F57A), (0x1F595, 0x1F596),
        (0x1F5A4, 0x1F5A4), (0x1F5FB, 0x1F64F), (0x1F680, 0x1F6C5), (0x1F6CC, 0x1F6CC), (0x1F6D0, 0x1F6D2),
        (0x1F6D5, 0x1F6DF), (0x1F6EB, 0x1F6EF), (0x1F6F4, 0x1F6FF), (0x1F774, 0x1F77F), (0x1F7D9, 0x1F7FF),
        (0x1F80C, 0x1F80F), (0x1F848, 0x1F84F), (0x1F85A, 0x1F85F), (0x1F888, 0x1F88F), (0x1F8AE, 0x1F8AF),
        (0x1F8B2, 0x1F8FF), (0x1F90C, 0x1F93A), (0x1F93C, 0x1F945), (0x1F947, 0x1F9FF), (0x1FA54, 0x1FA5F),
        (0x1FA6E, 0x1FAFF), (0x1FC00, 0x3FFFD),
    ]
}
