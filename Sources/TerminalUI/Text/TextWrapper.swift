import ChatModel

/// Splits sanitized text into screen lines no wider than a given number of cells.
///
/// Lines break at `\n` (blank lines are kept), at spaces, and before and after any character
/// two or more cells wide: CJK has no spaces and may break between any two ideographs, and an
/// emoji next to a word is a fine place to break too (a rough cut of UAX #14, enough for chat).
/// The spaces at a break are dropped; spaces inside a line, leading indentation included, are
/// kept, since pasted code and ASCII art depend on them. A run of narrow characters longer than
/// a whole line (a URL, a hash) starts on a line of its own and is cut between grapheme
/// clusters. Widths come from `DisplayWidth`, so a line never draws wider than it measures.
public enum TextWrapper {
    /// The lines of `text` at `width` cells (at least 1); never empty, a line may be "".
    public static func wrap(_ text: SanitizedText, width: Int) -> [String] {
        var builder = LineBuilder(width: max(1, width), byScalar: DisplayWidth.isScalarPerCluster(text.value))
        // A line feed is a cluster of its own (sanitized text has no CR), so paragraphs are
        // split on the byte.
        for bytes in text.value.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            let paragraph = Substring(bytes)
            var wordStart = paragraph.startIndex
            var wordWidth = 0
            var clusters = Clusters(paragraph, byScalar: builder.byScalar)
            while let (range, cells) = clusters.next() {
                if paragraph.utf8[range.lowerBound] == 0x20, paragraph.utf8.index(after: range.lowerBound) == range.upperBound {
                    builder.add(paragraph[wordStart..<range.lowerBound], width: wordWidth)
                    builder.pendingSpaces += 1
                    wordStart = range.upperBound
                    wordWidth = 0
                } else if cells >= 2 {
                    builder.add(paragraph[wordStart..<range.lowerBound], width: wordWidth)
                    builder.add(paragraph[range], width: cells)
                    wordStart = range.upperBound
                    wordWidth = 0
                } else {
                    wordWidth += cells
                }
            }
            builder.add(paragraph[wordStart..<paragraph.endIndex], width: wordWidth)
            builder.endLine()
        }
        return builder.lines
    }
}

/// The grapheme clusters of a piece of text and their widths: by scalar when each scalar is a
/// cluster of its own (`DisplayWidth.isScalarPerCluster`), else by `Character`.
private struct Clusters: IteratorProtocol {
    let text: Substring
    let byScalar: Bool
    var index: Substring.Index

    init(_ text: Substring, byScalar: Bool) {
        self.text = text
        self.byScalar = byScalar
        index = text.startIndex
    }

    mutating func next() -> (Range<Substring.Index>, Int)? {
        guard index < text.endIndex else { return nil }
        let start = index
        if byScalar {
            let scalar = text.unicodeScalars[index]
            index = text.unicodeScalars.index(after: index)
            return (start..<index, DisplayWidth.width(of: scalar))
        }
        index = text.index(after: index)
        return (start..<index, DisplayWidth.of(text[start]))
    }
}

/// Greedy line filling: words are placed with the spaces before them, or start a new line.
private struct LineBuilder {
    let width: Int
    /// Each scalar of the text is a cluster: words are cut by scalar.
    let byScalar: Bool
    var lines: [String] = []
    var line = ""
    var used = 0
    /// Spaces seen since the last word; written only if another word follows on this line.
    var pendingSpaces = 0

    init(width: Int, byScalar: Bool) {
        self.width = width
        self.byScalar = byScalar
    }

    mutating func add(_ word: Substring, width wordWidth: Int) {
        if word.isEmpty { return }
        if used + pendingSpaces + wordWidth > width {
            if line.isEmpty {
                // Leading indentation that leaves no room for the word shrinks.
                pendingSpaces = min(pendingSpaces, max(0, width - wordWidth))
            } else {
                endLine()
            }
        }
        if used + pendingSpaces + wordWidth <= width {
            place(word, width: wordWidth)
            return
        }
        // Wider than a whole line: cut between clusters. A cluster wider than the line itself
        // (a CJK character at width 1) cannot be drawn there, so "…" stands in for it.
        pendingSpaces = 0
        var clusters = Clusters(word, byScalar: byScalar)
        while let (range, measured) = clusters.next() {
            var piece = word[range]
            var cells = measured
            if cells > width {
                piece = "…"
                cells = 1
            }
            if used + cells > width, !line.isEmpty { endLine() }
            place(piece, width: cells)
        }
    }

    /// Ends the current line; the spaces that were pending at the break are dropped.
    mutating func endLine() {
        lines.append(line)
        line = ""
        used = 0
        pendingSpaces = 0
    }

    private mutating func place(_ word: Substring, width wordWidth: Int) {
        if pendingSpaces > 0 {
            line.append(String(repeating: " ", count: pendingSpaces))
            used += pendingSpaces
            pendingSpaces = 0
        }
        line.append(contentsOf: word)
        used += wordWidth
    }
}
