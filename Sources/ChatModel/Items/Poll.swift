/// A poll (Stream's Poll API; the import format's `poll` item). Stream has published no import
/// schema for polls, so the fields follow `CreatePollRequest`. A message carries it by `poll_id`.
public struct Poll: Sendable, Hashable {
    public enum Visibility: String, Sendable, Hashable {
        case `public`, anonymous
    }

    public var id: String
    public var name: String
    public var description: String?
    public var createdByID: String?
    public var votingVisibility: Visibility
    public var enforceUniqueVote: Bool
    /// 1–10 when set; nil: no limit beyond the options.
    public var maxVotesAllowed: Int?
    public var allowUserSuggestedOptions: Bool
    public var allowAnswers: Bool
    public var isClosed: Bool
    public var options: [PollOption]
    public var createdAt: Timestamp?
    public var updatedAt: Timestamp?
    public var custom: JSONObject

    public init(id: String, name: String, options: [PollOption] = [], custom: JSONObject = JSONObject()) {
        self.id = id
        self.name = name
        self.votingVisibility = .public
        self.enforceUniqueVote = false
        self.allowUserSuggestedOptions = false
        self.allowAnswers = false
        self.isClosed = false
        self.options = options
        self.custom = custom
    }
}

/// One choice of a poll; its id is unique within the poll.
public struct PollOption: Sendable, Hashable {
    public var id: String
    public var text: String
    public var custom: JSONObject

    public init(id: String, text: String, custom: JSONObject = JSONObject()) {
        self.id = id
        self.text = text
        self.custom = custom
    }
}

/// One user's vote: for an option, or (`isAnswer`) a free-text answer when the poll allows them.
public struct PollVote: Sendable, Hashable {
    public var id: String
    public var pollID: String
    public var optionID: String?
    public var isAnswer: Bool
    public var answerText: String?
    public var userID: String?
    public var createdAt: Timestamp?
    public var updatedAt: Timestamp?

    public init(id: String, pollID: String, optionID: String? = nil, answerText: String? = nil, userID: String?) {
        self.id = id
        self.pollID = pollID
        self.optionID = optionID
        self.isAnswer = answerText != nil
        self.answerText = answerText
        self.userID = userID
    }
}
