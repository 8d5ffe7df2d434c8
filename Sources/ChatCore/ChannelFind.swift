import ChatModel

/// A one-line prompt over the status line: a find in the open channel (Ctrl-R), or, browsing a
/// store, a /command line (`/`), since there is no composer to type one in.
public struct LinePrompt: Sendable, Equatable {
    public enum Purpose: Sendable, Equatable {
        case find, command
    }

    public var purpose: Purpose
    public var text: String

    public init(_ purpose: Purpose, text: String = "") {
        self.purpose = purpose
        self.text = text
    }
}

/// A find in the open channel: the messages holding every word of the query are highlighted,
/// and one of them is the current match (`n` older, `N` newer). Words are as the store's
/// search has them (`MessageSearch`): letters and digits, whole words, case folded; the loaded
/// messages are matched here, and the store (or server) is asked for a match beyond them.
public struct ChannelFind: Sendable, Equatable {
    public let query: String
    /// The query's words, lower-cased.
    public let words: Set<String>
    public var matchID: String?
    /// Asked the backend for the next match beyond the loaded messages; its answer is awaited.
    public var looking = false

    public init(query: String) {
        self.query = query
        words = Set(Self.words(of: query))
    }

    /// A message shown in the channel that holds every word of the query.
    public func matches(_ row: MessageRow) -> Bool {
        guard !words.isEmpty, row.message.type != .deleted, let text = row.message.text else { return false }
        return words.isSubset(of: Self.words(of: text))
    }

    /// Letters and digits make words; anything else splits them.
    public static func words(of text: String) -> [String] {
        text.split { !($0.isLetter || $0.isNumber) }.map { $0.lowercased() }
    }
}
