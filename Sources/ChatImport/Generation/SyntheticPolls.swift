import ChatModel

/// The polls of a synthetic import: one on about every hundredth root message, created by its
/// author, with votes by the channel's members that keep every poll rule. The three kinds take
/// turns: a unique-vote poll, one allowing two votes a user, and an anonymous one with free
/// answers; every fifth is closed. A generator of its own draws them, so the rest of the file
/// is the same as before polls were added.
enum SyntheticPolls {
    struct Planned {
        var messageIndex: Int
        var creator: String
        var voters: [String]
        var seconds: Int64
    }

    static let questions: [(String, [String])] = [
        ("Where should the offsite be?", ["Lisbon", "Kraków", "Porto", "Tallinn"]),
        ("Which day for the release?", ["Monday", "Tuesday", "Thursday"]),
        ("Lunch order?", ["Pizza", "Sushi", "Tacos", "Salad"]),
        ("Keep the weekly sync?", ["Yes", "No", "Make it biweekly"]),
        ("Which logo do you like best?", ["A", "B", "C", "D"]),
    ]

    /// Whether message `k` (a root message) carries a poll: a rule on the index, so no draw of
    /// the message generator is spent on it.
    static func carriesPoll(_ k: Int) -> Bool { k % 97 == 13 }

    static func id(_ messageIndex: Int) -> String { "poll-\(messageIndex)" }

    /// Writes every poll, then every vote (Stream's item order).
    static func write(_ planned: [Planned], seed: UInt64, to out: ImportFileWriter) throws(ImportFileError) {
        var rng = SeededRandom(seed: seed ^ 0x504F_4C4C)  // "POLL"
        var votes: [JSONObject] = []
        for (j, plan) in planned.enumerated() {
            let (question, texts) = questions[j % questions.count]
            let id = id(plan.messageIndex)
            let optionIDs = texts.indices.map { "\(id)-o\($0)" }
            let created = Timestamp(seconds: plan.seconds)
            var poll: JSONObject = [
                "id": .string(id), "name": .string(question), "created_by_id": .string(plan.creator),
                "options": .array(zip(optionIDs, texts).map { .object(["id": .string($0), "text": .string($1)]) }),
                "created_at": .string(created.rfc3339),
            ]
            let kind = j % 3
            switch kind {
            case 0: poll["enforce_unique_vote"] = true
            case 1: poll["max_votes_allowed"] = 2
            default:
                poll["allow_answers"] = true
                poll["voting_visibility"] = "anonymous"
            }
            if j % 5 == 4 { poll["is_closed"] = true }
            try out.write(.poll, poll)

            var n = 0
            for voter in plan.voters where rng.chance(0.6) {
                let picks = kind == 0 ? 1 : kind == 1 ? 1 + rng.below(2) : 1 + rng.below(optionIDs.count)
                let first = rng.below(optionIDs.count)
                for p in 0..<picks {
                    n += 1
                    let at = Timestamp(seconds: plan.seconds + Int64(60 * n + rng.below(60)))
                    votes.append([
                        "id": .string("\(id)-v\(n)"), "poll_id": .string(id),
                        "option_id": .string(optionIDs[(first + p) % optionIDs.count]),
                        "user_id": .string(voter), "created_at": .string(at.rfc3339),
                    ])
                }
                if kind == 2, rng.chance(0.3) {
                    n += 1
                    votes.append([
                        "id": .string("\(id)-v\(n)"), "poll_id": .string(id), "is_answer": true,
                        "answer_text": .string(rng.pick(SyntheticContent.words) + " " + rng.pick(SyntheticContent.words)),
                        "user_id": .string(voter), "created_at": .string(Timestamp(seconds: plan.seconds + Int64(60 * n)).rfc3339),
                    ])
                }
            }
        }
        for vote in votes { try out.write(.pollVote, vote) }
    }
}
