import ChatModel

/// The messages that call on a user, for the client's mentions view (offline, and behind the
/// local server's `search` with a `mentioned_users.id` filter).
extension ChatStore {
    /// Up to `limit` messages across the channels `userID` is a member of (hidden ones left
    /// out) that call on them as `Message.mentions` says (named, `@here`, `@channel`; never
    /// their own), newest first.
    public func mentions(of userID: String, limit: Int) throws -> [MessageRow] {
        try mentions(of: userID, in: nil, broadcasts: true, viewer: userID, limit: limit, offset: 0)
    }

    /// The messages that name `userID` in `mentioned_users` (with `broadcasts`, `@here` and
    /// `@channel` ones too) in `cids` (nil: the user's own channels), as `viewer` sees them,
    /// newest first: `limit` after the first `offset`.
    public func mentions(
        of userID: String,
        in cids: [String]?,
        broadcasts: Bool,
        viewer: String,
        limit: Int,
        offset: Int
    ) throws -> [MessageRow] {
        if cids?.isEmpty == true { return [] }
        let names = (cids ?? []).indices.map { "c\($0)" }
        var arguments = Dictionary(uniqueKeysWithValues: zip(names, (cids ?? []).map(SQLValue.text)))
        arguments.merge(["user": .text(userID), "viewer": .text(viewer), "limit": limit.sqlValue, "offset": offset.sqlValue]) { $1 }
        let ids: [String] = try backend.read { db in
            let scope =
                cids == nil
                ? "m.cid IN (SELECT mb.cid FROM members mb WHERE mb.user_id = :user AND mb.hide_channel = 0)"
                : "m.cid IN (\(names.map { ":\($0)" }.joined(separator: ", ")))"
            let named = db.dialect.jsonArray("m.mentioned_user_ids", contains: ":user")
            let calls = broadcasts ? "(m.mentioned_here = 1 OR m.mentioned_channel = 1 OR \(named))" : named
            return try db.rows(
                """
                SELECT m.id FROM messages m WHERE \(scope) AND m.user_id != :user AND m.type != 'deleted' AND m.deleted_at IS NULL
                    AND \(calls) AND \(Self.visibleCondition(viewer: ":viewer", db.dialect))
                ORDER BY m.created_at DESC, m.id LIMIT :limit OFFSET :offset
                """,
                named: arguments
            ).compactMap { $0["id"] }
        }
        return try ids.compactMap { try message(id: $0, viewer: viewer) }
    }
}
