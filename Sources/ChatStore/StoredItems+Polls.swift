import ChatModel

/// Poll rows back into model values (the reverse of `StoreImportSink+Polls`).
extension StoredItems {
    /// `options` are the poll's `poll_options` rows, by position.
    static func poll(_ row: SQLRow, options: [SQLRow]) -> Poll {
        func custom(_ row: SQLRow) -> JSONObject { StoredValue.decodeJSON(row["custom"])?.objectValue ?? JSONObject() }
        var poll = Poll(
            id: row["id"],
            name: row["name"],
            options: options.map { PollOption(id: $0["id"], text: $0["text"], custom: custom($0)) },
            custom: custom(row)
        )
        poll.description = row["description"]
        poll.createdByID = row["created_by_id"]
        poll.votingVisibility = Poll.Visibility(rawValue: row["voting_visibility"]) ?? .public
        poll.enforceUniqueVote = row["enforce_unique_vote"]
        poll.maxVotesAllowed = row["max_votes_allowed"]
        poll.allowUserSuggestedOptions = row["allow_user_suggested_options"]
        poll.allowAnswers = row["allow_answers"]
        poll.isClosed = row["is_closed"]
        poll.createdAt = StoredValue.decodeTime(row["created_at"])
        poll.updatedAt = StoredValue.decodeTime(row["updated_at"])
        return poll
    }

    static func pollVote(_ row: SQLRow) -> PollVote {
        let option: String = row["option_id"]
        let isAnswer: Bool = row["is_answer"]
        var vote = PollVote(
            id: row["id"],
            pollID: row["poll_id"],
            optionID: option.isEmpty ? nil : option,
            answerText: isAnswer ? (row["answer_text"] as String?) ?? "" : nil,
            userID: row["user_id"]
        )
        vote.createdAt = StoredValue.decodeTime(row["created_at"])
        vote.updatedAt = StoredValue.decodeTime(row["updated_at"])
        return vote
    }
}
