import ChatModel

/// What to hand ncurses so that it draws exactly `DisplayWidth.of` cells (the measure is in
/// ChatModel, shared with the CLI and the report).
///
/// - `drawable` hands ncurses only the first scalar of an emoji sequence (its base emoji),
///   padded with a space when that base is 1 cell wide (❤️ → "❤ "): without VS16 the base is
///   text presentation, 1 cell to ncurses *and* to the terminal, and the space fills the
///   second cell the layout reserved. Keeping VS16 and adding a space instead would be drawn
///   3 cells wide by terminals that honour VS16.
///   Flags go through unchanged: two regional indicators are 1 + 1 cells to ncurses, and
///   terminals draw either a 2-cell flag or two 1-cell letters.
/// - Scalars assigned after Unicode 14.0 are unknown to glibc 2.36 (`wcwidth` −1, which ncurses
///   draws 1 cell wide) and to the width table's source: `drawable` replaces them with U+FFFD,
///   padded to the width the layout gave them.
/// - Whatever ncurses would not draw as its width says (controls, line separators, ZWJ, bidi
///   and other format characters) `drawable` leaves out; the width of those is 0.
extension DisplayWidth {
    /// What to write to ncurses for `character` so that it draws exactly `of(character)` cells
    /// (with `asciiEmoji`, an emoji's `:shortcode:` instead, whose width is its length).
    ///
    /// The result may hold several spacing characters ("❤ ", ":fire:"): write it with
    /// `addnwstr`, or as one cell per spacing character with the marks that follow it. It has
    /// at most four marks per spacing character, which fits ncurses' CCHARW_MAX of 5.
    public static func drawable(_ character: Character, asciiEmoji: Bool) -> String {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return "" }
        if first.value < 0x7F, scalars.count == 1 { return first.value >= 0x20 ? String(character) : "" }
        if asciiEmoji, isEmoji(character) { return EmojiShortcodes.shortcode(for: character) }
        if isEmojiSequence(scalars), !isRegionalIndicator(first) {
            return drawableScalars(CollectionOfOne(first)) + String(repeating: " ", count: 2 - width(of: first))
        }
        return drawableScalars(scalars)
    }

    /// An emoji as `asciiEmoji` sees it: emoji presentation by default, or an emoji sequence.
    static func isEmoji(_ character: Character) -> Bool {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return false }
        return first.properties.isEmojiPresentation || isEmojiSequence(scalars)
    }

    /// The scalars ncurses measures as `width(of:)` does. Dropped: zero-width scalars it would
    /// not keep in a cell (controls, separators, ZWJ, format characters) and marks beyond four
    /// per cell. Scalars newer than the table become U+FFFD, padded to their width.
    private static func drawableScalars(_ scalars: some Sequence<Unicode.Scalar>) -> String {
        var result = String.UnicodeScalarView()
        var marks = 0
        for scalar in scalars {
            let cells = width(of: scalar)
            if cells == 0 {
                switch scalar.properties.generalCategory {
                case .format, .control, .lineSeparator, .paragraphSeparator: continue
                default: break
                }
                guard marks < 4, isInTable(scalar) else { continue }
                marks += 1
                result.append(scalar)
                continue
            }
            marks = 0
            if isInTable(scalar) {
                result.append(scalar)
            } else {
                result.append("\u{FFFD}")
                if cells == 2 { result.append(" ") }
            }
        }
        return String(result)
    }

    /// Assigned by Unicode 14.0, the version of the table below and of glibc 2.36's `wcwidth`.
    private static func isInTable(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x300 { return true }
        guard let age = scalar.properties.age else { return false }
        return age.major <= 14
    }
}
