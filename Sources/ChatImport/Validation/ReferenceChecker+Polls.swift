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

    fileprivate struct Voter: Hashable {
        var poll: String, user: String
    }

    fileprivate struct Choice: Hashable {
        var voter: Voter, option: String
    }

    /// Polls of the file and, once looked up, of the store.
    fileprivate var polls: [String: Rules] = [:]
    /// Ids of the file's polls only: a poll the store holds may be upserted once.
    fileprivate var filePolls: Set<String> = []
    fileprivate var votes: Set<String> = []
    fileprivate var optionVotes: [Voter: Int] = [:]
    fileprivate var choices: Set<Choice> = []
    fileprivate var answers: Set<Voter> = []
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
        let owner = { "poll_vote \"\(vote.id)\"" }
        if !polls.votes.insert(vote.id).inserted { problems.append(duplicate(vote.id)) }
        if let user = vote.userID { requireUser(user, "user_id", owner, &problems) }
        guard let rules = pollRules(vote.pollID) else {
            problems.append(missingPoll(vote.pollID, "poll_id", owner()))
            return
        }
        let voter = PollFacts.Voter(poll: vote.pollID, user: vote.userID ?? "")
        if vote.isAnswer {
            if !rules.allowAnswers { problems.append("poll \"\(vote.pollID)\" does not allow answers (\(owner()))") }
            if !polls.answers.insert(voter).inserted {
                problems.append("user \"\(voter.user)\" answers poll \"\(vote.pollID)\" twice: one answer per user (\(owner()))")
            }
            return
        }
        guard let option = vote.optionID else { return }
        guard rules.options.contains(option) else {
            problems.append("option_id \"\(option)\" is not an option of poll \"\(vote.pollID)\" (\(owner()))")
            return
        }
        if !polls.choices.insert(PollFacts.Choice(voter: voter, option: option)).inserted {
            problems.append("user \"\(voter.user)\" votes for option \"\(option)\" of poll \"\(vote.pollID)\" twice (\(owner()))")
            return
        }
        let count = polls.optionVotes[voter, default: 0] + 1
        polls.optionVotes[voter] = count
        if rules.enforceUniqueVote, count > 1 {
            problems.append(
                "poll \"\(vote.pollID)\" has enforce_unique_vote: user \"\(voter.user)\" votes for \(count) options (\(owner()))"
            )
        } else if let max = rules.maxVotesAllowed, count > max {
            problems.append(
                "poll \"\(vote.pollID)\" has max_votes_allowed \(max): user \"\(voter.user)\" votes for \(count) options (\(owner()))"
            )
        }
    }

    /// The rules of a poll in the file or the store, or nil when there is no such poll.
    /// Whether poll `id` came in the file or is in the store (without caching its rules).
    func knowsPoll(_ id: String) -> Bool { polls.polls[id] != nil || existing.poll(id) != nil }

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
