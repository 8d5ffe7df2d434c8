/// A list of words a channel type blocks or flags in messages (Stream's block lists:
/// `create_blocklist`, then a channel type's `blocklist` and `blocklist_behavior`).
///
/// Stream's rules (its "Block Lists" page): at most 15 lists an app, 10,000 words a list, 40
/// characters a word, words in lowercase; a message matches when one of its words, case folded,
/// is a listed word, whole (no prefix or suffix match), the text split at white space and
/// hyphens. Punctuation around a word (`cream,`) is not part of it here; Stream does not say.
public struct Blocklist: Sendable, Equatable {
    public static let maxLists = 15
    public static let maxWords = 10_000
    public static let maxWordLength = 40
    /// The kinds Stream has; the local server matches words only.
    public static let types = ["word"]
    /// What a channel type does with a message that matches (`blocklist_behavior`).
    public static let behaviors = ["flag", "block", "shadow_block"]

    public var name: String
    public var type: String
    public var words: [String]
    public var createdAt: Timestamp
    public var updatedAt: Timestamp

    public init(name: String, type: String = "word", words: [String], createdAt: Timestamp, updatedAt: Timestamp) {
        self.name = name
        self.type = type
        self.words = words
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// What is wrong with `words` as a list's words, in Stream's terms; nil when nothing.
    public static func problem(words: [String]) -> String? {
        if words.count > maxWords { return "a block list can have at most \(maxWords) words, not \(words.count)" }
        if let long = words.first(where: { $0.count > maxWordLength }) {
            return "block list words can be at most \(maxWordLength) characters: \(long) is \(long.count)"
        }
        if let upper = words.first(where: { $0 != $0.lowercased() }) { return "block list words must be in lowercase: \(upper)" }
        if let empty = words.firstIndex(where: { $0.trimmingWhitespace.isEmpty }) { return "block list word \(empty) is empty" }
        return nil
    }

    /// The first listed word `text` holds, or nil.
    public func match(in text: String) -> String? {
        let listed = Set(words)
        for token in text.split(whereSeparator: { $0.isWhitespace || $0 == "-" }) {
            let word = token.lowercased().trimmed { !($0.isLetter || $0.isNumber) }
            if listed.contains(word) { return word }
        }
        return nil
    }
}

extension String {
    fileprivate var trimmingWhitespace: String { trimmed { $0.isWhitespace } }

    /// Without the characters at either end that `drop` names.
    fileprivate func trimmed(where drop: (Character) -> Bool) -> String {
        guard let first = firstIndex(where: { !drop($0) }), let last = lastIndex(where: { !drop($0) }) else { return "" }
        return String(self[first...last])
    }
}
