import ChatModel
import ChatStore

/// Polls, options and votes as Stream's API shows them (PollResponseData, PollOptionResponseData,
/// PollVoteResponseData), enriched for one reader: `own_votes` are theirs. In an anonymous poll
/// nobody sees who voted: `latest_votes_by_option` is null (as Stream's clients expect) and
/// votes other than the reader's own show no user.
struct PollJSON {
    let store: ChatStore

    func poll(id: String, viewer: String) throws -> JSONObject? {
        try store.poll(id: id).map { try poll($0, viewer: viewer) }
    }

    func poll(_ poll: Poll, viewer: String) throws -> JSONObject {
        let tally = try store.tally(pollID: poll.id, viewer: viewer)
        let anonymous = poll.votingVisibility == .anonymous
        var o = poll.custom
        o["id"] = .string(poll.id)
        o["name"] = .string(poll.name)
        o["description"] = .string(poll.description ?? "")
        o["voting_visibility"] = .string(poll.votingVisibility.rawValue)
        o["enforce_unique_vote"] = .bool(poll.enforceUniqueVote)
        o["max_votes_allowed"] = poll.maxVotesAllowed.map(JSONValue.int) ?? .null
        o["allow_user_suggested_options"] = .bool(poll.allowUserSuggestedOptions)
        o["allow_answers"] = .bool(poll.allowAnswers)
        o["is_closed"] = .bool(poll.isClosed)
        o["vote_count"] = .int(tally.voteCount)
        o["answers_count"] = .int(tally.answersCount)
        o["options"] = .array(poll.options.map { .object(option($0)) })
        var counts = JSONObject()
        var latest = JSONObject()
        for option in poll.options {
            if let n = tally.countsByOption[option.id] { counts[option.id] = .int(n) }
            if let votes = tally.latestByOption[option.id] {
                latest[option.id] = .array(try votes.map { .object(try vote($0, in: poll, viewer: viewer)) })
            }
        }
        o["vote_counts_by_option"] = .object(counts)
        o["latest_votes_by_option"] = anonymous ? .null : .object(latest)
        o["latest_answers"] = .array(try tally.latestAnswers.map { .object(try vote($0, in: poll, viewer: viewer)) })
        o["own_votes"] = .array(try tally.ownVotes.map { .object(try vote($0, in: poll, viewer: viewer)) })
        o["created_by_id"] = .string(poll.createdByID ?? "")
        o["created_by"] = try poll.createdByID.flatMap { try store.user(id: $0) }.map(UserJSON.json) ?? .null
        o["created_at"] = .string((poll.createdAt ?? .now()).rfc3339)
        o["updated_at"] = .string((poll.updatedAt ?? .now()).rfc3339)
        o["custom"] = .object(poll.custom)
        return o
    }

    func option(_ option: PollOption) -> JSONObject {
        ["id": .string(option.id), "text": .string(option.text), "custom": .object(option.custom)]
    }

    /// A vote as `viewer` may see it: in an anonymous poll, without its user unless it is theirs.
    func vote(_ vote: PollVote, in poll: Poll, viewer: String) throws -> JSONObject {
        var o: JSONObject = [
            "id": .string(vote.id), "poll_id": .string(vote.pollID), "option_id": .string(vote.optionID ?? ""),
            "is_answer": .bool(vote.isAnswer), "created_at": .string((vote.createdAt ?? .now()).rfc3339),
            "updated_at": .string((vote.updatedAt ?? vote.createdAt ?? .now()).rfc3339),
        ]
        if let text = vote.answerText { o["answer_text"] = .string(text) }
        if let user = vote.userID, poll.votingVisibility == .public || user == viewer {
            o["user_id"] = .string(user)
            o["user"] = UserJSON.json(try store.user(id: user) ?? User(id: user))
        }
        return o
    }
}
