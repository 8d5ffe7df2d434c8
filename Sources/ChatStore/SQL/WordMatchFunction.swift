import GRDB

/// `chatterm_has_words(text, words, prefix)` on SQLite: whether `text` holds every one of the
/// space-separated query `words` (`MessageWordIndex.query`'s words), as the FTS5 index would
/// answer for that row. Search calls it row by row when the channels searched hold fewer
/// messages than the index has matches (`MessageWordIndex.Plan`). It splits text into words as
/// the index's tokenizer does (`MessageWords`); a query word that splits into several is a
/// phrase, and one that holds no word at all asks for nothing, as in an FTS5 query.
enum WordMatchFunction {
    static let name = "chatterm_has_words"

    static var function: DatabaseFunction {
        DatabaseFunction(name, argumentCount: 3, pure: true) { values in
            let text = String.fromDatabaseValue(values[0]) ?? ""
            let words = (String.fromDatabaseValue(values[1]) ?? "").split(separator: " ").map { MessageWords.split(String($0)) }
            let textTokens = MessageWords.split(text)
            let prefix = Bool.fromDatabaseValue(values[2]) ?? false
            return words.allSatisfy { holds(textTokens, phrase: $0, prefix: prefix) }
        }
    }

    /// Whether `phrase` appears as consecutive words of `tokens`, its last word only a word's
    /// start when `prefix` (FTS5's `"…"*`). Compared byte for byte, as the index compares them
    /// (Swift's `==` would equate `é` with `e` and a combining accent).
    private static func holds(_ tokens: [String], phrase: [String], prefix: Bool) -> Bool {
        guard let last = phrase.last else { return true }
        guard tokens.count >= phrase.count else { return false }
        return (0...(tokens.count - phrase.count)).contains { start in
            let candidate = tokens[start + phrase.count - 1].utf8
            return zip(phrase.dropLast(), tokens[start...]).allSatisfy { $0.utf8.elementsEqual($1.utf8) }
                && (prefix ? candidate.starts(with: last.utf8) : candidate.elementsEqual(last.utf8))
        }
    }
}
