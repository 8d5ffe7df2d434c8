import ChatModel

/// What the API shows beside a page of messages for one viewer, read in one transaction with a
/// query per kind (not per message): opening a channel of 50 messages was about 200 reads.
public struct MessageContext: Sendable {
    /// Authors, quoted messages' authors, mentioned users, pinners and reacting users, by id.
    public var users: [String: User] = [:]
    /// Each message's newest reactions, newest first.
    public var latestReactions: [String: [Reaction]] = [:]
    /// The viewer's own reactions, for the messages where the row says the viewer reacted.
    public var ownReactions: [String: [Reaction]] = [:]
    /// The quoted messages the viewer may see, by id.
    public var quoted: [String: MessageRow] = [:]
    /// Messages sent under a shadow ban (read only for a server call, the one viewer told).
    public var shadowed: Set<String> = []
}

extension ChatStore {
    /// The context of `rows` for `viewer` ('' for a server call): up to `latest` newest reactions a
    /// message, and up to `own` of the viewer's own. `known` users (read in the same transaction,
    /// as a channel's members are for its state) are not read again.
    public func context(of rows: [MessageRow], viewer: String, latest: Int, own: Int, known: [String: User] = [:]) throws -> MessageContext
    {
        guard !rows.isEmpty else { return MessageContext() }
        return try backend.read { db in
            var context = MessageContext()
            // Only messages whose row counts reactions have any (the counts take every reaction,
            // as this does): a page without reactions, the usual one, reads none.
            let reactedAny = rows.filter { !$0.reactions.isEmpty }.map(\.message.id)
            if !reactedAny.isEmpty {
                context.latestReactions = try Self.newestReactions(of: reactedAny, by: nil, limit: latest, db: db)
            }
            let reacted = rows.filter { $0.reactions.contains(where: \.includesMine) }.map(\.message.id)
            if !viewer.isEmpty, !reacted.isEmpty {
                context.ownReactions = try Self.newestReactions(of: reacted, by: viewer, limit: own, db: db)
            }
            let quotedIDs = Array(Set(rows.compactMap(\.message.quotedMessageID)))
            if !quotedIDs.isEmpty {
                var arguments: [String: SQLValue] = ["viewer": .text(viewer)]
                for (n, id) in quotedIDs.enumerated() { arguments["q\(n)"] = .text(id) }
                let marks = quotedIDs.indices.map { ":q\($0)" }.joined(separator: ", ")
                let stored = try db.rows(
                    "SELECT * FROM messages m WHERE m.id IN (\(marks)) AND \(Self.visibleCondition(viewer: ":viewer", db.dialect))",
                    named: arguments
                )
                for row in try self.rows(for: stored, viewer: viewer, db: db) { context.quoted[row.id] = row }
            }
            if viewer.isEmpty {
                // A page read from the store carries each message's flag (the statement below
                // over its 50 ids was about 3 % of a channel query); only rows without it are read.
                context.shadowed = Set(rows.filter { $0.shadowed == true }.map(\.message.id))
                let unknown = rows.filter { $0.shadowed == nil }.map { SQLValue.text($0.message.id) }
                if !unknown.isEmpty {
                    for row in try db.rows("SELECT id FROM messages WHERE shadowed = 1 AND id IN (\(placeholders(unknown.count)))", unknown)
                    {
                        context.shadowed.insert(row["id"])
                    }
                }
            }
            let reactions = Array(context.latestReactions.values.joined()) + Array(context.ownReactions.values.joined())
            var userIDs = Set<String>()
            for message in rows.map(\.message) + context.quoted.values.map(\.message) {
                userIDs.insert(message.userID)
                userIDs.formUnion(message.mentionedUserIDs ?? [])
                if let pinner = message.pinnedByID { userIDs.insert(pinner) }
            }
            userIDs.formUnion(reactions.map(\.userID))
            context.users = known
            userIDs.subtract(known.keys)
            guard !userIDs.isEmpty else { return context }
            for row in try db.rows("SELECT * FROM users WHERE id IN (\(placeholders(userIDs.count)))", userIDs.map(SQLValue.text)) {
                let user = StoredItems.user(row)
                context.users[user.id] = user
            }
            return context
        }
    }

    /// Up to `limit` reactions a message (only `userID`'s when given), newest first, by message.
    private static func newestReactions(of ids: [String], by userID: String?, limit: Int, db: any SQLSession) throws -> [String: [Reaction]]
    {
        var out: [String: [Reaction]] = [:]
        for row in try db.rows(
            """
            SELECT * FROM (SELECT r.*, ROW_NUMBER() OVER (PARTITION BY message_id ORDER BY created_at DESC, user_id) AS place
                FROM reactions r WHERE message_id IN (\(placeholders(ids.count)))\(userID == nil ? "" : " AND user_id = ?")) AS ranked
            WHERE place <= ? ORDER BY message_id, place
            """,
            ids.map(SQLValue.text) + (userID.map { [.text($0)] } ?? []) + [limit.sqlValue]
        ) {
            let reaction = StoredItems.reaction(row)
            out[reaction.messageID, default: []].append(reaction)
        }
        return out
    }
}
