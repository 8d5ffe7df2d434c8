import ChatModel

/// The polls a page of messages carries, as the client's cards: one query finds which
/// messages carry one, then each poll and its counts are read.
extension ChatStore {
    static func pollCards(messageIDs: [SQLValue], viewer: String, _ db: any SQLSession) throws -> [String: PollCard] {
        var cards: [String: PollCard] = [:]
        let rows = try db.rows(
            "SELECT id, poll_id FROM messages WHERE id IN (\(placeholders(messageIDs.count))) AND poll_id <> ''",
            messageIDs
        )
        for row in rows {
            guard let poll = try poll(id: row["poll_id"], db) else { continue }
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
            cards[row["id"]] = PollCard(
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
