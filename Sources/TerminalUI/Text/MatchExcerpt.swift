import ChatCore
import ChatModel

/// The line a search result shows of a message found by some of its words. A long text cut at
/// the line's end would often hide the word it was found by, and the reader could not tell why
/// it came up: such a text is shown from a little before that word.
struct MatchExcerpt {
    /// What the line shows, in at most the width asked for, "…" where it is cut.
    let text: String
    /// How many cells of `text` hold whole words of the message: a word the line's end cuts
    /// ("review…" of "reviewers") is not the word searched for, whatever it reads as.
    let wholeWords: Int

    /// `message` in `width` cells, from a little before the first of `words` (lower-cased, runs
    /// of letters and digits as `ChannelFind` splits them) when that word would end past them.
    init(_ message: String, words: Set<String>, width: Int) {
        let shown = Self.leading(to: message, words: words, width: width)
        text = DisplayWidth.truncate(shown, toWidth: width, ellipsis: true)
        guard text != shown else {
            wholeWords = DisplayWidth.of(text)
            return
        }
        var kept = Substring(text.dropLast())  // the "…"
        if let next = shown.dropFirst(kept.count).first, next.isLetter || next.isNumber {
            while let last = kept.last, last.isLetter || last.isNumber { kept.removeLast() }
        }
        wholeWords = DisplayWidth.of(kept)
    }

    /// `text` itself when it fits in `width` cells, holds none of `words` or its first such
    /// word ends within `width`; otherwise "…" and the text from a word's start a little before
    /// that word.
    private static func leading(to text: String, words: Set<String>, width: Int) -> String {
        guard
            !words.isEmpty, DisplayWidth.of(text) > width, let match = firstMatch(in: text, words: words),
            DisplayWidth.of(text[..<match.upperBound]) > width
        else { return text }
        // Some of what leads to the word: a third of the room, at most 20 cells, "…" included;
        // all the room the rest of the text leaves when that ends within the line.
        let lead = max(min(width / 3, 20), width - DisplayWidth.of(text[match.lowerBound...])) - 1
        var start = match.lowerBound
        var used = 0
        while start > text.startIndex {
            let before = text.index(before: start)
            used += DisplayWidth.of(text[before])
            if used > lead { break }
            start = before
        }
        // From a word's start, not from inside one.
        if start > text.startIndex, !text[text.index(before: start)].isWhitespace,
            let space = text[start..<match.lowerBound].firstIndex(where: \.isWhitespace)
        {
            start = text.index(after: space)
        }
        return "…" + text[start...]
    }

    /// Where the first of `words` stands in `text`, split into words as `ChannelFind` splits it.
    private static func firstMatch(in text: String, words: Set<String>) -> Range<String.Index>? {
        text.split { !($0.isLetter || $0.isNumber) }.first { words.contains($0.lowercased()) }.map { $0.startIndex..<$0.endIndex }
    }
}
