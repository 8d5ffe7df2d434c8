/// How a key erases the end of a one-line field (the switcher's filter, the reaction picker's,
/// the find prompt): Backspace a character, Ctrl-W the word before, Ctrl-U all of it, as the
/// composer's readline keys do.
public enum FieldErase: Sendable, Equatable {
    case character, word, all

    /// `text` with its end erased this way.
    public func applied(to text: String) -> String {
        switch self {
        case .character: return String(text.dropLast())
        case .word:
            // As the composer's Ctrl-W: blanks before the cursor, then the word.
            let kept = text.reversed().drop { $0.isWhitespace }.drop { !$0.isWhitespace }
            return String(kept.reversed())
        case .all: return ""
        }
    }
}
