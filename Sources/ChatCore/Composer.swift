/// The line the user writes in: text with a cursor, edited with readline's keys. Pure value;
/// the reducer keeps one per channel so a half-written message waits while you look elsewhere.
public struct Composer: Sendable, Equatable {
    public private(set) var text: [Character] = []
    /// Position of the cursor, 0…text.count.
    public private(set) var cursor = 0
    /// Sent messages, oldest first, for Ctrl-P / Ctrl-N; `browsing` is the one shown.
    public private(set) var history: [String] = []
    private var browsing: Int?
    /// What was being written when history browsing began.
    private var stash: [Character] = []

    public static let historyLimit = 100

    public init(_ text: String = "", history: [String] = []) {
        self.text = Array(text)
        cursor = self.text.count
        self.history = history
    }

    public var string: String { String(text) }

    /// Embeddings, overrides and isolates: invisible, they reorder what others see.
    private static let bidiControls: Set<UInt32> = [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069]
    public var isEmpty: Bool { text.isEmpty }

    public enum Edit: Sendable, Equatable {
        case backspace, deleteForward
        case left, right, home, end, wordLeft, wordRight
        /// Ctrl-W: the word before the cursor.
        case deleteWordBack
        /// Ctrl-U / Ctrl-K: everything before / after the cursor.
        case killToStart, killToEnd
        /// Ctrl-P / Ctrl-N: older / newer sent message.
        case historyBack, historyForward
    }

    /// Inserts typed or pasted text at the cursor (a paste may hold newlines). Tabs become
    /// spaces; other control characters and bidi overrides are dropped: they would move the
    /// terminal's cursor, here and on every screen the message reaches.
    ///
    /// The terminal hands a typed emoji over one scalar at a time (👍 then its skin tone, a
    /// flag's two halves, a letter then its combining accent), so the text around the cursor is
    /// split into characters again: each part joins its neighbours, and the cursor stays after
    /// what was typed, on a character's boundary.
    public mutating func insert(_ string: String) {
        let chars = string.flatMap { c -> [Character] in
            if c == "\n" || c == "\r\n" { return ["\n"] }
            if c == "\t" { return Array("    ") }
            return c.unicodeScalars.contains { $0.properties.generalCategory == .control || Self.bidiControls.contains($0.value) }
                ? [] : [c]
        }
        guard !chars.isEmpty else { return }
        // Only the characters next to the insertion can join it.
        let from = max(0, cursor - 1)
        let upTo = min(text.count, cursor + 1)
        let before = String(text[from..<cursor]) + String(chars)
        let joined = Array(before + String(text[cursor..<upTo]))
        // The cursor goes after every character that starts within what was typed.
        let typedEnd = before.unicodeScalars.count
        var scalars = 0
        var typedCharacters = 0
        for c in joined where scalars < typedEnd {
            scalars += c.unicodeScalars.count
            typedCharacters += 1
        }
        text.replaceSubrange(from..<upTo, with: joined)
        cursor = from + typedCharacters
        browsing = nil
    }

    public mutating func apply(_ edit: Edit) {
        switch edit {
        case .backspace:
            guard cursor > 0 else { return }
            text.remove(at: cursor - 1)
            cursor -= 1
        case .deleteForward:
            if cursor < text.count { text.remove(at: cursor) }
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(text.count, cursor + 1)
        case .home: cursor = lineStart()
        case .end: cursor = lineEnd()
        case .wordLeft: cursor = wordStart(before: cursor)
        case .wordRight: cursor = wordEnd(after: cursor)
        case .deleteWordBack:
            let start = wordStart(before: cursor)
            text.removeSubrange(start..<cursor)
            cursor = start
        case .killToStart:
            text.removeSubrange(0..<cursor)
            cursor = 0
        case .killToEnd:
            text.removeSubrange(cursor..<text.count)
        case .historyBack:
            guard !history.isEmpty else { return }
            if browsing == nil { stash = text }
            let index = max(0, (browsing ?? history.count) - 1)
            show(Array(history[index]), browsing: index)
        case .historyForward:
            guard let index = browsing else { return }
            if index + 1 < history.count { show(Array(history[index + 1]), browsing: index + 1) } else { show(stash, browsing: nil) }
        }
    }

    /// Empties the line for the next message and remembers the sent one.
    public mutating func sent() {
        let line = string
        if !line.isEmpty, history.last != line { history.append(line) }
        if history.count > Self.historyLimit { history.removeFirst(history.count - Self.historyLimit) }
        text = []
        cursor = 0
        browsing = nil
        stash = []
    }

    /// The word being typed at the cursor when it can be completed: `@member`, `#channel`,
    /// `:emoji` or, first on the line, `/command`. The sigil, where it is, and what follows it.
    public var completionQuery: (sigil: Character, start: Int, query: String)? {
        var start = cursor
        while start > 0, !text[start - 1].isWhitespace { start -= 1 }
        guard start < cursor else { return nil }
        let sigil = text[start]
        guard "@#:".contains(sigil) || (sigil == "/" && start == 0) else { return nil }
        return (sigil, start, String(text[(start + 1)..<cursor]))
    }

    /// Replaces the word from `start` to the cursor with `word` and a space (a completion).
    public mutating func replaceWord(from start: Int, with word: String) {
        guard start < cursor else { return }
        let replacement = Array(word + " ")
        text.replaceSubrange(start..<cursor, with: replacement)
        cursor = start + replacement.count
        browsing = nil
    }

    private mutating func show(_ chars: [Character], browsing index: Int?) {
        text = chars
        cursor = chars.count
        browsing = index
    }

    private func lineStart() -> Int {
        var i = cursor
        while i > 0, text[i - 1] != "\n" { i -= 1 }
        return i
    }

    private func lineEnd() -> Int {
        var i = cursor
        while i < text.count, text[i] != "\n" { i += 1 }
        return i
    }

    private func wordStart(before position: Int) -> Int {
        var i = position
        while i > 0, text[i - 1].isWhitespace { i -= 1 }
        while i > 0, !text[i - 1].isWhitespace { i -= 1 }
        return i
    }

    private func wordEnd(after position: Int) -> Int {
        var i = position
        while i < text.count, text[i].isWhitespace { i += 1 }
        while i < text.count, !text[i].isWhitespace { i += 1 }
        return i
    }
}
