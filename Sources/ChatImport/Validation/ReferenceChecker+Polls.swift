import ChatModel

/// What the checker keeps of polls and votes: ids and the rules votes must follow, no texts.
struct PollFacts {
    struct Rules {
        var options: Set<String>
        var enforceUniqueVote: Bool
        var maxVotesAllowed: Int?
        var allowAnswers: Bool

        init(_ poll: Poll) {
            options = Set(poll.options.map(\.id))
            enforceUniqueVote = poll.enforceUniqueVote
            maxVotesAllowed = poll.maxVotesAllowed
            allowAnswers = poll.allowAnswers
        }
    }

    /// Polls of the file and, once looked up, of the store.
    fileprivate var polls: [String: Rules] = [:]
    /// Ids of the file's polls only: a poll the store holds may be upserted once.
    fileprivate var filePolls: Set<String> = []
    /// Votes by id; then by poll and user (answers, and options voted for, counted in
    /// `optionCounts` by the voter's index), and by poll, user and option (`IDTable`s: a file
    /// holds hundreds of thousands of votes).
    fileprivate var votes = IDTable()
    fileprivate var answers = IDTable()
    fileprivate var optionVoters = IDTable()
    fileprivate var optionCounts: [Int] = []
    fileprivate var choices = IDTable()

    /// Votes are the file's last items (Stream's order), so at the first one the bytes left are
    /// about all votes, some 160 bytes each: tables sized for them do not grow vote by vote (each
    /// growth places every vote again: a fifth of checking a vote, in callgrind).
    fileprivate mutating func reserveVotes(forBytes bytes: Int) {
        let count = min(max(bytes, 0) / 128, 1 << 22)
        votes.reserve(count)
        optionVoters.reserve(count)
        optionCounts.reserveCapacity(count)
        choices.reserve(count)
    }
}

/// The poll rules of the Poll API, applied to a file: a vote's poll, option and user exist;
/// a user votes for an option once, once in all under `enforce_unique_vote`, at most
/// `max_votes_allowed` times, and answers once, only where `allow_answers`. Votes the store
/// already holds are not counted: an import adds to them as the API's cast vote would.
extension ReferenceChecker {
    mutating func checkPoll(_ poll: Poll, _ problems: inout [String]) {
        if !polls.filePolls.insert(poll.id).inserted { problems.append(duplicate(poll.id)) }
        polls.polls[poll.id] = PollFacts.Rules(poll)
        if let creator = poll.createdByID { requireUser(creator, "created_by_id", { "poll \"\(poll.id)\"" }, &problems) }
    }

    mutating func checkVote(_ vote: PollVote, _ problems: inout [String]) {
        if polls.votes.count == 0 { polls.reserveVotes(forBytes: bytesLeft) }
        let owner = { "poll_vote \"\(vote.id)\"" }
        if !polls.votes.insert(vote.id).inserted { problems.append(duplicate(vote.id)) }
        if let user = vote.userID { requireUser(user, "user_id", owner, &problems) }
        guard let rules = pollRules(vote.pollID) else {
            problems.append(missingPoll(vote.pollID, "poll_id", owner()))
            return
        }
        let user = vote.userID ?? ""
        if vote.isAnswer {
            if !rules.allowAnswers { problems.append("poll \"\(vote.pollID)\" does not allow answers (\(owner()))") }
            if !polls.answers.insert(vote.pollID, user).inserted {
                problems.append("user \"\(user)\" answers poll \"\(vote.pollID)\" twice: one answer per user (\(owner()))")
            }
            return
        }
        guard let option = vote.optionID else { return }
        guard rules.options.contains(option) else {
            problems.append("option_id \"\(option)\" is not an option of poll \"\(vote.pollID)\" (\(owner()))")
            return
        }
        if !polls.choices.insert(vote.pollID, user, option).inserted {
            problems.append("user \"\(user)\" votes for option \"\(option)\" of poll \"\(vote.pollID)\" twice (\(owner()))")
            return
        }
        let (voter, first) = polls.optionVoters.insert(vote.pollID, user)
        if first { polls.optionCounts.append(0) }
        polls.optionCounts[voter] += 1
        let count = polls.optionCounts[voter]
        if rules.enforceUniqueVote, count > 1 {
            problems.append(
                "poll \"\(vote.pollID)\" has enforce_unique_vote: user \"\(user)\" votes for \(count) options (\(owner()))"
            )
        } else if let max = rules.maxVotesAllowed, count > max {
            problems.append(
                "poll \"\(vote.pollID)\" has max_votes_allowed \(max): user \"\(user)\" votes for \(count) options (\(owner()))"
            )
        }
    }

    /// Whether poll `id` came in the file or is in the store (without caching its rules).
    func knowsPoll(_ id: String) -> Bool { polls.polls[id] != nil || existing.poll(id) != nil }

    /// Whether the rules of poll `id` are known, from the file or from the store once looked up:
    /// no question asked.
    func hasPollRules(_ id: String) -> Bool { polls.polls[id] != nil }

    /// The rules of a poll in the file or the store, or nil when there is no such poll.
    mutating func pollRules(_ id: String) -> PollFacts.Rules? {
        if let rules = polls.polls[id] { return rules }
        guard let poll = existing.poll(id) else { return nil }
        let rules = PollFacts.Rules(poll)
        polls.polls[id] = rules
        return rules
    }

    func missingPoll(_ id: String, _ field: String, _ owner: String) -> String {
        "\(field) poll \"\(id)\" doesn't exist (\(owner)). please include all polls as separate poll entries"
    }
}
