import ChatModel

/// `poll` and `poll_vote` items. Stream has published no schema for them (its `protocol`
/// repository's `jsonschemas/chat/` has the seven older types), so the fields and limits follow
/// its Poll API (`CreatePollRequest`, `PollVoteResponseData`) until it does.
enum PollRules {
    /// The Poll API's read-only answer fields: a file cannot set them.
    static let reserved: Set<String> = [
        "vote_count", "answers_count", "vote_counts_by_option", "latest_votes_by_option", "latest_answers", "own_votes",
        "created_by", "app_pk", "pk",
    ]
    static let optionReserved: Set<String> = ["vote_count", "votes", "poll_id"]
    static let maxVotesAllowed = 1...10

    static func decode(_ data: some FieldSource) -> (ImportItem?, [String]) {
        var f = FieldReader(data, itemName: "poll")
        let id = f.id("id", .pollID)
        let name = f.requiredString("name")
        let description = f.string("description")
        let createdBy = f.id("created_by_id", .user, required: false)
        let visibilityName = f.string("voting_visibility")
        let visibility = visibilityName.flatMap(Poll.Visibility.init(rawValue:))
        if let visibilityName, visibility == nil {
            f.fail("'\(visibilityName)' is not a valid poll.voting_visibility (public or anonymous)")
        }
        let enforceUnique = f.bool("enforce_unique_vote")
        let maxVotes = f.int("max_votes_allowed")
        if let maxVotes, !maxVotesAllowed.contains(maxVotes) {
            f.fail("poll.max_votes_allowed must be between 1 and 10, not \(maxVotes)")
        }
        let suggestions = f.bool("allow_user_suggested_options")
        let answers = f.bool("allow_answers")
        let closed = f.bool("is_closed")
        let options = decodeOptions(&f)
        let createdAt = f.timestamp("created_at")
        let updatedAt = f.timestamp("updated_at")
        let custom = f.custom(reserved: reserved)
        guard let id, let name else { return (nil, f.errors) }
        var poll = Poll(id: id, name: name, options: options, custom: custom)
        poll.description = description
        poll.createdByID = createdBy
        poll.votingVisibility = visibility ?? .public
        poll.enforceUniqueVote = enforceUnique ?? false
        poll.maxVotesAllowed = maxVotes
        poll.allowUserSuggestedOptions = suggestions ?? false
        poll.allowAnswers = answers ?? false
        poll.isClosed = closed ?? false
        poll.createdAt = createdAt
        poll.updatedAt = updatedAt
        return (.poll(poll), f.errors)
    }

    /// Each option needs an `id` unique in its poll and a `text`; other keys are its custom data.
    private static func decodeOptions(_ f: inout FieldReader<some FieldSource>) -> [PollOption] {
        guard let values = f.array("options") else { return [] }
        var out: [PollOption] = []
        var seen: Set<String> = []
        for (i, value) in values.enumerated() {
            guard case .object(let object) = value else {
                f.fail("options[\(i)] must be an object")
                continue
            }
            var of = FieldReader(object, itemName: "poll_option")
            let id = of.id("id", .pollOptionID)
            let text = of.requiredString("text")
            let custom = of.custom(reserved: optionReserved)
            if let id, !seen.insert(id).inserted { of.fail("option id \"\(id)\" is used twice in the poll") }
            f.absorb(of.errors, context: "options[\(i)]")
            if let id, let text { out.append(PollOption(id: id, text: text, custom: custom)) }
        }
        return out
    }

    static let voteFields = ["id", "poll_id", "option_id", "is_answer", "answer_text", "user_id", "created_at", "updated_at"]

    /// A vote names an option, or (`is_answer`) carries a free-text answer: never both.
    static func decodeVote(_ data: some FieldSource) -> (ImportItem?, [String]) {
        var f = FieldReader(data, itemName: "poll_vote")
        let id = f.id("id", .pollVoteID)
        let pollID = f.id("poll_id", .pollID)
        let optionID = f.id("option_id", .pollOptionID, required: false)
        let isAnswer = f.bool("is_answer") ?? false
        let answerText = f.string("answer_text")
        let userID = f.id("user_id", .user)
        let createdAt = f.timestamp("created_at")
        if createdAt == nil, !data.has("created_at") { f.fail("\"created_at\" required") }
        let updatedAt = f.timestamp("updated_at")
        f.rejectUnknownFields(allowed: voteFields)
        if isAnswer {
            if answerText?.isEmpty ?? true { f.fail("a poll_vote with is_answer requires answer_text") }
            if optionID != nil { f.fail("a poll_vote is either an answer or a vote for option_id, not both") }
        } else {
            if optionID == nil, !data.has("option_id") { f.fail("a poll_vote requires option_id, or is_answer with answer_text") }
            if answerText != nil { f.fail("answer_text requires is_answer: true") }
        }
        guard let id, let pollID, let userID, createdAt != nil, isAnswer ? answerText?.isEmpty == false : optionID != nil
        else { return (nil, f.errors) }
        var vote = PollVote(
            id: id,
            pollID: pollID,
            optionID: isAnswer ? nil : optionID,
            answerText: isAnswer ? answerText : nil,
            userID: userID
        )
        vote.createdAt = createdAt
        vote.updatedAt = updatedAt
        return (.pollVote(vote), f.errors)
    }
}
