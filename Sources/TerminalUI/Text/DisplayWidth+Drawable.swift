import ChatModel

/// What goes into a frame's cells so that the terminal draws exactly `DisplayWidth.of` cells
/// (the measure is in ChatModel, shared with the CLI and the report).
///
/// - An emoji sequence (👩‍💻, 🇫🇷, 👍🏽, ❤️, 1️⃣) stays whole, one cell's text: `Screen` writes it
///   over its two cells itself, because ncurses keeps at most one spacing character per cell
///   and counts a cell by its first scalar (❤ and 🇫 are 1 wide to it, 👩‍💻 is 👩 plus 💻).
///   A sequence with a scalar newer than the table is drawn as that first scalar, padded.
/// - Scalars assigned after Unicode 14.0 are unknown to glibc 2.36 (`wcwidth` −1, which ncurses
///   draws 1 cell wide) and to the width table's source: `drawable` replaces them with U+FFFD,
///   padded to the width the layout gave them.
/// - Whatever ncurses would not draw as its width says (controls, line separators, ZWJ, bidi
///   and other format characters) `drawable` leaves out; the width of those is 0.
extension DisplayWidth {
    /// What to put in cells for `character` so that it takes exactly `of(character)` cells.
    ///
    /// The result may hold several characters ("\u{FFFD} "): each takes its own cells. It has at
    /// most four marks per spacing character, which fits ncurses' CCHARW_MAX of 5.
    public static func drawable(_ character: Character) -> String {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return "" }
        if first.value < 0x7F, scalars.count == 1 { return first.value >= 0x20 ? String(character) : "" }
        if isEmojiSequence(scalars) {
            if scalars.allSatisfy(isInTable) { return String(character) }
            return drawableScalars(CollectionOfOne(first)) + String(repeating: " ", count: 2 - width(of: first))
        }
        return drawableScalars(scalars)
    }

    /// `drawable` for a scalar that is a cluster by itself (`aloneWidth` is not nil).
    public static func drawable(_ scalar: Unicode.Scalar) -> String {
        if scalar.value < 0x7F { return scalar.value >= 0x20 ? String(scalar) : "" }
        if isFrameSymbol(scalar.value) { return String(scalar) }
        return drawableScalars(CollectionOfOne(scalar))
    }

    /// An emoji as `asciiEmoji` sees it: emoji presentation by default, or an emoji sequence.
    public static func isEmoji(_ character: Character) -> Bool {
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
