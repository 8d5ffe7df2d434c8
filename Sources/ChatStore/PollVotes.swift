import ChatModel

/// What casting a vote did: the vote as stored, the user's earlier votes it replaced
/// (`enforce_unique_vote`, or a new answer), and whether anything changed (voting again for
/// the same option does not).
public struct CastVote: Sendable, Equatable {
    public let vote: PollVote
    public let replaced: [PollVote]
    public let changed: Bool
}

/// A poll's votes as its readers see them (Stream's PollResponseData figures).
public struct PollTally: Sendable, Equatable {
    /// Option votes (answers are not votes for an option).
    public var voteCount = 0
    public var answersCount = 0
    public var countsByOption: [String: Int] = [:]
    /// The 10 newest votes of each option, newest first.
    public var latestByOption: [String: [PollVote]] = [:]
    /// The 10 newest answers, newest first.
    public var latestAnswers: [PollVote] = []
    /// The reader's votes and answer, newest first.
    public var ownVotes: [PollVote] = []
}

/// Votes on polls, under Stream's rules: a closed poll takes none; `enforce_unique_vote` makes
/// a new option vote replace the user's earlier one; `max_votes_allowed` caps a user's option
/// votes; answers only when `allow_answers`, one per user, a new one replacing the old.
extension ChatStore {
    /// Casts `vote` (its `userID` set) at `time`, all rules checked in the same transaction.
    public func cast(vote: PollVote, at time: Timestamp) throws -> CastVote {
        try backend.write { db in
            guard let poll = try Self.poll(id: vote.pollID, db) else { throw PollRuleError(reason: "poll \(vote.pollID) doesn't exist") }
            if poll.isClosed { throw PollRuleError(reason: "poll \(poll.id) is closed for voting") }
            let mine = try db.rows(
                "SELECT * FROM poll_votes WHERE poll_id = ? AND user_id = ? ORDER BY created_at, id",
                poll.id,
                vote.userID ?? ""
            ).map(StoredItems.pollVote)
            var replaced: [PollVote]
            if vote.isAnswer {
                guard poll.allowAnswers else { throw PollRuleError(reason: "poll \(poll.id) does not allow answers") }
                replaced = mine.filter(\.isAnswer)
            } else {
                guard let option = vote.optionID, poll.options.contains(where: { $0.id == option }) else {
                    throw PollRuleError(reason: "option \(vote.optionID ?? "") doesn't exist in poll \(poll.id)")
                }
                let optionVotes = mine.filter { !$0.isAnswer }
                if let same = optionVotes.first(where: { $0.optionID == option }) {
                    return CastVote(vote: same, replaced: [], changed: false)
                }
                replaced = poll.enforceUniqueVote ? optionVotes : []
                if let max = poll.maxVotesAllowed, !poll.enforceUniqueVote, optionVotes.count >= max {
                    throw PollRuleError(reason: "user \(vote.userID ?? "") has reached the maximum of \(max) votes in poll \(poll.id)")
                }
            }
            try db.execute(
                "DELETE FROM poll_votes WHERE id IN (\(placeholders(replaced.count)))",
                replaced.map(\.id.sqlValue)
            )
            var stored = vote
            stored.createdAt = time
            stored.updatedAt = time
            try db.execute(
                """
                INSERT INTO poll_votes (id, poll_id, option_id, is_answer, answer_text, user_id, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
                stored.id,
                stored.pollID,
                stored.isAnswer ? "" : stored.optionID ?? "",
                stored.isAnswer,
                stored.answerText,
                stored.userID,
                time.storageText,
                time.storageText
            )
            return CastVote(vote: stored, replaced: replaced, changed: true)
        }
    }

    /// Removes a vote of `pollID`; the vote removed, or nil when the poll has no such vote.
    public func removeVote(id: String, ofPoll pollID: String) throws -> PollVote? {
        try backend.write { db in
            guard let row = try db.row("SELECT * FROM poll_votes WHERE id = ? AND poll_id = ?", id, pollID) else { return nil }
            try db.execute("DELETE FROM poll_votes WHERE id = ?", id)
            return StoredItems.pollVote(row)
        }
    }

    /// A poll's votes and answers, oldest first.
    public func votes(pollID: String) throws -> [PollVote] {
        try backend.read { db in
            try db.rows("SELECT * FROM poll_votes WHERE poll_id = ? ORDER BY created_at, id", pollID).map(StoredItems.pollVote)
        }
    }

    /// The figures of `pollID` for `viewer` ("" for a server call: no own votes).
    public func tally(pollID: String, viewer: String) throws -> PollTally {
        var tally = PollTally()
        for vote in try votes(pollID: pollID).reversed() {
            if vote.isAnswer {
                tally.answersCount += 1
                if tally.latestAnswers.count < 10 { tally.latestAnswers.append(vote) }
            } else if let option = vote.optionID {
                tally.voteCount += 1
                tally.countsByOption[option, default: 0] += 1
                if tally.latestByOption[option, default: []].count < 10 { tally.latestByOption[option, default: []].append(vote) }
            }
            if !viewer.isEmpty, vote.userID == viewer { tally.ownVotes.append(vote) }
        }
        return tally
    }
}
