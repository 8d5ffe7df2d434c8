/// A list of words, patterns, domains or e-mail addresses a channel type blocks or flags in
/// messages (Stream's block lists: `create_blocklist`, then a channel type's `blocklist` and
/// `blocklist_behavior`).
///
/// Stream's rules (its "Block Lists" and moderation "Filters" pages): at most 15 lists an app,
/// 10,000 entries a list; a `word` list's words at most 40 characters, in lowercase, and a
/// message matches when one of its words, case folded, is a listed word, whole (no prefix or
/// suffix match), the text split at white space and hyphens. Punctuation around a word
/// (`cream,`) is not part of it here; Stream does not say. The other kinds (`BlocklistScan`):
/// `regex` patterns found anywhere in the text; `domain` links to a listed domain or one under
/// it, `domain_allowlist` links to any other; `email` listed addresses, `email_allowlist` any other.
public struct Blocklist: Sendable, Equatable {
    public static let maxLists = 15
    public static let maxWords = 10_000
    public static let maxWordLength = 40
    /// The kinds Stream has.
    public static let types = ["word", "regex", "domain", "domain_allowlist", "email", "email_allowlist"]
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

    /// What is wrong with `words` as the entries of a list of `type`, in Stream's terms; nil when nothing.
    public static func problem(words: [String], type: String = "word") -> String? {
        if words.count > maxWords { return "a block list can have at most \(maxWords) words, not \(words.count)" }
        if let empty = words.firstIndex(where: { $0.trimmingWhitespace.isEmpty }) { return "block list word \(empty) is empty" }
        switch type {
        case "word":
            if let long = words.first(where: { $0.count > maxWordLength }) {
                return "block list words can be at most \(maxWordLength) characters: \(long) is \(long.count)"
            }
            if let upper = words.first(where: { $0 != $0.lowercased() }) { return "block list words must be in lowercase: \(upper)" }
        case "regex":
            if let bad = words.first(where: { (try? Regex($0)) == nil }) { return "\(bad) is not a valid regular expression" }
        default:
            if let spaced = words.first(where: { $0.contains(where: \.isWhitespace) }) {
                return "a \(type) list's entries are single \(type.hasPrefix("domain") ? "domains" : "addresses"): \(spaced)"
            }
        }
        return nil
    }

    /// A list ready to check texts: its words in a set, its patterns compiled (about 65 µs a
    /// pattern, so 10,000 of them took 0.65 s a message), its domains and addresses case folded.
    /// Unchecked: `Regex<AnyRegexOutput>` is not `Sendable` only because its matches' captures may
    /// hold anything; the compiled pattern itself is immutable (its lazily lowered program is
    /// set atomically), and a matcher is only read.
    public struct Matcher: @unchecked Sendable {
        private let type: String
        private let entries: [String]
        private let words: Set<String>
        private let patterns: [Regex<AnyRegexOutput>]

        public init(_ list: Blocklist) {
            type = list.type
            entries = list.type == "word" || list.type == "regex" ? list.words : list.words.map { $0.lowercased() }
            words = list.type == "word" ? Set(list.words) : []
            // A pattern that no longer compiles (it was checked when the list was made) finds nothing.
            patterns = list.type == "regex" ? list.words.compactMap { try? Regex($0) } : []
        }

        /// What in `text` the list stops (a word, the text a pattern found, a domain, an address), or nil.
        public func match(in text: String) -> String? {
            switch type {
            case "regex": return BlocklistScan.firstMatch(of: patterns, in: text)
            case "domain": return BlocklistScan.domains(in: text, linksOnly: false).first { BlocklistScan.domain($0, isUnder: entries) }
            case "domain_allowlist":
                return BlocklistScan.domains(in: text, linksOnly: true).first { !BlocklistScan.domain($0, isUnder: entries) }
            case "email": return BlocklistScan.addresses(in: text).first { entries.contains($0) }
            case "email_allowlist": return BlocklistScan.addresses(in: text).first { !entries.contains($0) }
            default:
                for token in text.split(whereSeparator: { $0.isWhitespace || $0 == "-" }) {
                    let word = token.lowercased().trimmed { !($0.isLetter || $0.isNumber) }
                    if words.contains(word) { return word }
                }
                return nil
            }
        }
    }
}

extension String {
    fileprivate var trimmingWhitespace: String { trimmed { $0.isWhitespace } }

    /// Without the characters at either end that `drop` names.
    func trimmed(where drop: (Character) -> Bool) -> String {
        guard let first = firstIndex(where: { !drop($0) }), let last = lastIndex(where: { !drop($0) }) else { return "" }
        return String(self[first...last])
    }
}
