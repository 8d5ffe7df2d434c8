/// A poll as a reader's client shows it under its message: the question, each option with
/// its count, the reader's own votes (by option, with the vote ids that take them back), and
/// whether it is closed or anonymous.
public struct PollCard: Sendable, Hashable {
    public struct Option: Sendable, Hashable {
        public var id: String
        public var text: String
        public var count: Int
        public init(id: String, text: String, count: Int) {
            self.id = id
            self.text = text
            self.count = count
        }
    }

    public var id: String
    public var name: String
    public var options: [Option]
    /// The reader's votes: option id → vote id.
    public var ownVotes: [String: String]
    public var isClosed: Bool
    public var isAnonymous: Bool
    /// A new vote replaces the reader's earlier one.
    public var enforceUniqueVote: Bool

    public init(
        id: String,
        name: String,
        options: [Option],
        ownVotes: [String: String] = [:],
        isClosed: Bool = false,
        isAnonymous: Bool = false,
        enforceUniqueVote: Bool = false
    ) {
        self.id = id
        self.name = name
        self.options = options
        self.ownVotes = ownVotes
        self.isClosed = isClosed
        self.isAnonymous = isAnonymous
        self.enforceUniqueVote = enforceUniqueVote
    }

    /// Option votes in all (answers are not counted: the card shows options).
    public var voteCount: Int { options.reduce(0) { $0 + $1.count } }

    /// What a change says about the reader's own votes.
    public enum OwnVotes: Sendable, Hashable {
        /// The card's own votes are the reader's (an answer to the reader's request).
        case exact
        /// Someone else's change: the reader's votes stay as they were.
        case kept
        /// The reader's vote for an option was cast, or taken back (`removed`).
        case vote(optionID: String, voteID: String, removed: Bool)
    }

    /// The card after a change: `newer`'s figures and fields, with the reader's votes as
    /// `own` says (events carry the poll as the server sees it, without anyone's own votes).
    public func updated(by newer: PollCard, own: OwnVotes) -> PollCard {
        var card = newer
        switch own {
        case .exact:
            break
        case .kept:
            card.ownVotes = ownVotes
        case .vote(let optionID, let voteID, let removed):
            card.ownVotes = ownVotes
            if removed {
                card.ownVotes[optionID] = nil
            } else {
                if card.enforceUniqueVote { card.ownVotes = [:] }
                card.ownVotes[optionID] = voteID
            }
        }
        return card
    }
}
