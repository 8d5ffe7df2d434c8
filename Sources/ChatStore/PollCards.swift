import ChatModel

/// The polls a page of messages carries, as the client's cards: each poll a message names (its
/// `poll_id`, read with the message) and its counts are read.
extension ChatStore {
    static func pollCards(of messages: [Message], viewer: String, _ db: any SQLSession) throws -> [String: PollCard] {
        var cards: [String: PollCard] = [:]
        for message in messages {
            guard let pollID = message.pollID, let poll = try poll(id: pollID, db) else { continue }
            var counts: [String: Int] = [:]
            for count in try db.rows(
                "SELECT option_id, COUNT(*) AS n FROM poll_votes WHERE poll_id = ? AND is_answer = 0 GROUP BY option_id",
                poll.id
            ) {
                counts[count["option_id"]] = count["n"]
            }
            var own: [String: String] = [:]
            for vote in try db.rows(
                "SELECT id, option_id FROM poll_votes WHERE poll_id = ? AND user_id = ? AND is_answer = 0",
                poll.id,
                viewer
            ) {
                own[vote["option_id"]] = vote["id"]
            }
            cards[message.id] = PollCard(
                id: poll.id,
                name: poll.name,
                options: poll.options.map { PollCard.Option(id: $0.id, text: $0.text, count: counts[$0.id] ?? 0) },
                ownVotes: own,
                isClosed: poll.isClosed,
                isAnonymous: poll.votingVisibility == .anonymous,
                enforceUniqueVote: poll.enforceUniqueVote
            )
        }
        return cards
    }
}
