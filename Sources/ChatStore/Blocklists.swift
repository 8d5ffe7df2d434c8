import ChatModel

/// What `deleteBlocklist` did, or why it did not.
public enum BlocklistDeletion: Sendable, Equatable {
    case deleted
    case notFound
    /// Channel types still check messages against it.
    case inUse(types: [String])
}

/// The app's block lists (`blocklists`), by name. A channel type names the one it uses in its
/// config (`ChannelTypeConfig.blocklist`).
extension ChatStore {
    /// Stores a new list; false when one of that name exists. At most `Blocklist.maxLists`: the
    /// count and the insert are one transaction.
    public func create(blocklist: Blocklist) throws -> Bool? {
        try backend.write { db in
            let count: Int = try db.value("SELECT COUNT(*) FROM blocklists") ?? 0
            guard try db.row("SELECT 1 FROM blocklists WHERE name = ?", blocklist.name) == nil else { return false }
            guard count < Blocklist.maxLists else { return nil }
            try db.execute(
                "INSERT INTO blocklists (name, type, words, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                blocklist.name,
                blocklist.type,
                StoredValue.json(.array(blocklist.words.map(JSONValue.string))),
                blocklist.createdAt.storageText,
                blocklist.updatedAt.storageText
            )
            return true
        }
    }

    /// Every list, by name.
    public func blocklists() throws -> [Blocklist] {
        try backend.read { db in try db.rows("SELECT * FROM blocklists ORDER BY name").map(Self.blocklist) }
    }

    public func blocklist(name: String) throws -> Blocklist? {
        try backend.read { db in try db.row("SELECT * FROM blocklists WHERE name = ?", name).map(Self.blocklist) }
    }

    /// The list `name` ready to check texts, or nil when there is none. A send reads only the
    /// list's times: the words are read and the patterns compiled again only when the list
    /// changed (here or on another server sharing the database).
    public func blocklistMatcher(name: String) throws -> Blocklist.Matcher? {
        let version: String? = try backend.read { db in
            try db.row("SELECT created_at, updated_at FROM blocklists WHERE name = ?", name).map {
                "\($0["created_at"] as String) \($0["updated_at"] as String)"
            }
        }
        guard let version else { return nil }
        if let known = blocklistMatchers.withLock({ $0[name] }), known.version == version { return known.matcher }
        guard let list = try blocklist(name: name) else { return nil }
        let matcher = Blocklist.Matcher(list)
        blocklistMatchers.withLock { $0[name] = (version, matcher) }
        return matcher
    }

    /// Replaces a list's words; the list as it is now, or nil when there is none.
    public func updateBlocklist(name: String, words: [String], at time: Timestamp) throws -> Blocklist? {
        try backend.write { db in
            try db.execute(
                "UPDATE blocklists SET words = ?, updated_at = ? WHERE name = ?",
                StoredValue.json(.array(words.map(JSONValue.string))),
                time.storageText,
                name
            )
            return try db.row("SELECT * FROM blocklists WHERE name = ?", name).map(Self.blocklist)
        }
    }

    /// Deletes a list no channel type uses; the check and the delete are one transaction.
    public func deleteBlocklist(name: String) throws -> BlocklistDeletion {
        try backend.write { db in
            guard try db.row("SELECT 1 FROM blocklists WHERE name = ?", name) != nil else { return .notFound }
            let users = try Self.storedChannelTypes(db).filter { $0.blocklist == name }.map(\.name)
            guard users.isEmpty else { return .inUse(types: users.sorted()) }
            try db.execute("DELETE FROM blocklists WHERE name = ?", name)
            return .deleted
        }
    }

    private static func blocklist(_ row: SQLRow) -> Blocklist {
        Blocklist(
            name: row["name"],
            type: row["type"],
            words: StoredValue.decodeJSON(row["words"])?.arrayValue?.compactMap(\.stringValue) ?? [],
            createdAt: StoredValue.decodeTime(row["created_at"]) ?? .now(),
            updatedAt: StoredValue.decodeTime(row["updated_at"]) ?? .now()
        )
    }
}

extension Schema {
    static let blocklists = Step(
        name: "v14q: blocklists",
        sql: """
            CREATE TABLE blocklists (
                name TEXT PRIMARY KEY NOT NULL,
                type TEXT NOT NULL DEFAULT 'word',
                words TEXT NOT NULL DEFAULT '[]',
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            ) WITHOUT ROWID
            """
    )
}
