import ChatModel

/// What `search` looks for: every word of the query (letters and digits; anything else splits
/// words), each matching a whole word of the text or, with `prefix` (`$autocomplete`), the start
/// of one, case folded (`MessageWordIndex` holds the text's words); in an order of `created_at`
/// and `id` keys.
public struct MessageSearch: Sendable {
    public enum Key: String, Sendable {
        case createdAt = "created_at"
        case id
    }

    public let words: [String]
    public let prefix: Bool
    /// Keys with whether each runs newest (largest) first; `id` ascending is always the last tiebreak.
    public let order: [(key: Key, descending: Bool)]
    /// Where SQLite starts (`MessageWordIndex.Plan`): chosen per query when nil; set by the tests
    /// that hold both plans to the same answers and by `chatterm-bench search`, which times both.
    public var plan: MessageWordIndex.Plan?

    public init(query: String, prefix: Bool, order: [(key: Key, descending: Bool)]) {
        words = query.split { !($0.isLetter || $0.isNumber) }.map(String.init)
        self.prefix = prefix
        self.order = order
    }

    var orderBy: String {
        let keys = (order.isEmpty ? [(key: Key.createdAt, descending: true)] : order) + [(key: Key.id, descending: false)]
        return keys.map { "m.\($0.key.rawValue) \($0.descending ? "DESC" : "ASC")" }.joined(separator: ", ")
    }
}

extension ChatStore {
    /// Up to `limit` messages after the first `offset` that hold every word of `search`, in the
    /// given channels, newest first unless `search` orders them otherwise. No words, no messages.
    public func search(_ search: MessageSearch, cids: [String], viewer: String, limit: Int, offset: Int) throws -> [MessageRow] {
        guard !cids.isEmpty else { return [] }
        let names = cids.indices.map { "c\($0)" }
        let inChannels = "m.cid IN (\(names.map { ":\($0)" }.joined(separator: ", ")))"
        let ids = try matchingIDs(
            search,
            viewer: viewer,
            range: inChannels,
            scope: inChannels,
            Dictionary(uniqueKeysWithValues: zip(names, cids.map(SQLValue.text))),
            orderBy: search.orderBy,
            limit: limit,
            offset: offset
        )
        return try ids.compactMap { try message(id: $0, viewer: viewer) }
    }

    /// A reader's `/search`: up to `limit` messages holding every word of `text` in the channels
    /// `userID` is a member of, newest first.
    public func search(text: String, userID: String, limit: Int) throws -> [MessageRow] {
        try search(
            MessageSearch(query: text, prefix: false, order: []),
            cids: memberChannels(of: userID),
            viewer: userID,
            limit: limit,
            offset: 0
        )
    }

    /// The channels `userID` is a member of: what a reader's `/search` looks through.
    public func memberChannels(of userID: String) throws -> [String] {
        try backend.read { db in try db.values("SELECT cid FROM members WHERE user_id = ? ORDER BY cid", [.text(userID)]) }
    }

    /// A reader's find in channel `cid`: `matchID` for the words of `text`.
    public func findMatch(text: String, cid: String, viewer: String, beyond cursor: MessageCursor, older: Bool) throws -> String? {
        try matchID(MessageSearch(query: text, prefix: false, order: []), cid: cid, viewer: viewer, beyond: cursor, older: older)
    }

    /// The id of the message shown in channel `cid` (thread replies only when also sent to the
    /// channel) nearest `cursor` that holds every word of `search`: the newest before it when
    /// `older`, else the oldest after it. What a find in the open channel moves to when the next
    /// match lies beyond the messages it has loaded.
    public func matchID(_ search: MessageSearch, cid: String, viewer: String, beyond cursor: MessageCursor, older: Bool) throws -> String? {
        let (compare, direction) = older ? ("<", "DESC") : (">", "ASC")
        return try matchingIDs(
            search,
            viewer: viewer,
            range: "m.cid = :cid AND m.created_at \(compare)= :at",
            scope: """
                m.cid = :cid AND (m.parent_id IS NULL OR m.show_in_channel = 1)
                    AND (m.created_at \(compare) :at OR (m.created_at = :at AND m.id \(compare) :id))
                """,
            ["cid": .text(cid), "at": .text(cursor.createdAt.storageText), "id": .text(cursor.id)],
            orderBy: "m.created_at \(direction), m.id \(direction)",
            limit: 1,
            offset: 0
        ).first
    }

    /// Ids of the messages `scope` (an SQL condition on `messages m` with its `arguments`) selects
    /// that hold every word of `search`, are not deleted and `viewer` may see. `range` holds
    /// every row of `scope` and is answered by the `(cid, created_at)` index alone: its count
    /// chooses the plan.
    private func matchingIDs(
        _ search: MessageSearch,
        viewer: String,
        range: String,
        scope: String,
        _ arguments: [String: SQLValue],
        orderBy: String,
        limit: Int,
        offset: Int
    ) throws -> [String] {
        guard !search.words.isEmpty else { return [] }
        var arguments = arguments
        arguments.merge(["viewer": .text(viewer), "limit": limit.sqlValue, "offset": offset.sqlValue]) { $1 }
        return try backend.read { db in
            guard let query = MessageWordIndex.query(db.dialect, words: search.words, prefix: search.prefix) else { return [] }
            arguments["query"] = .text(query)
            var plan = MessageWordIndex.Plan.fromIndex
            if db.dialect == .sqlite {
                plan = try search.plan ?? MessageWordIndex.plan(db, range: range, arguments)
                arguments.merge(["words": .text(search.words.joined(separator: " ")), "prefix": search.prefix.sqlValue]) { $1 }
            }
            return try db.rows(
                """
                SELECT id FROM messages m WHERE \(scope)
                    AND m.type != 'deleted' AND \(MessageWordIndex.condition(db.dialect, plan: plan))
                    AND \(Self.visibleCondition(viewer: ":viewer", db.dialect))
                ORDER BY \(orderBy) LIMIT :limit OFFSET :offset
                """,
                named: arguments
            ).compactMap { $0["id"] }
        }
    }
}
