import ChatModel

/// The store's users by the start of their id or name: the client completes `/msg @pa` from
/// everyone, not only the open channel's members.
extension ChatStore {
    /// Up to `limit` users, not deleted, whose id or name starts with `prefix` (everyone when
    /// it is empty), ASCII case folded; by name (the id where there is none), then id.
    public func users(matching prefix: String, limit: Int) throws -> [User] {
        try backend.read { db in
            let name = db.dialect.jsonString("custom", key: "name")
            // The prefix is text, never a pattern: LIKE's own characters are escaped.
            var pattern = ""
            for character in prefix {
                if "\\%_".contains(character) { pattern.append("\\") }
                pattern.append(character)
            }
            return try db.rows(
                """
                SELECT * FROM users WHERE deleted_at IS NULL
                    AND (\(db.dialect.like("id", ":pattern")) ESCAPE '\\' OR \(db.dialect.like(name, ":pattern")) ESCAPE '\\')
                ORDER BY lower(COALESCE(\(name), id)), id LIMIT :limit
                """,
                named: ["pattern": .text(pattern + "%"), "limit": limit.sqlValue]
            ).map(StoredItems.user)
        }
    }
}
