import ChatModel

/// What `search` looks for: every word of the query (letters and digits; anything else splits
/// words), each matching a whole word of the text or, with `prefix` (`$autocomplete`), the start
/// of one; in an order of `created_at` and `id` keys.
public struct MessageSearch: Sendable {
    public enum Key: String, Sendable {
        case createdAt = "created_at"
        case id
    }

    public let words: [String]
    public let prefix: Bool
    /// Keys with whether each runs newest (largest) first; `id` ascending is always the last tiebreak.
    public let order: [(key: Key, descending: Bool)]

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
        guard !cids.isEmpty, !search.words.isEmpty else { return [] }
        let names = cids.indices.map { "c\($0)" }
        let wordNames = search.words.indices.map { "w\($0)" }
        var arguments = Dictionary(uniqueKeysWithValues: zip(names + wordNames, (cids + search.words).map(SQLValue.text)))
        arguments.merge(["viewer": .text(viewer), "limit": limit.sqlValue, "offset": offset.sqlValue]) { $1 }
        let ids: [String] = try backend.read { db in
            let words = wordNames.map { db.dialect.containsWord("m.text", ":\($0)", prefix: search.prefix) }
            return try db.rows(
                """
                SELECT id FROM messages m WHERE m.cid IN (\(names.map { ":\($0)" }.joined(separator: ", ")))
                    AND m.type != 'deleted' AND \(words.joined(separator: " AND ")) AND \(Self.visibleCondition(viewer: ":viewer", db.dialect))
                ORDER BY \(search.orderBy) LIMIT :limit OFFSET :offset
                """,
                named: arguments
            ).compactMap { $0["id"] }
        }
        return try ids.compactMap { try message(id: $0, viewer: viewer) }
    }
}
