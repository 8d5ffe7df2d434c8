import ChatModel

extension ChatStore {
    /// Every item the store holds, as import items in Stream's file order, from one snapshot
    /// (servers may keep writing). Messages come oldest first, thread parents before their
    /// replies; other types in key order. Read a page at a time, so memory stays flat.
    public func exportItems(pageSize: Int = 5000, _ each: (ImportItem) throws -> Void) throws {
        try backend.snapshot { db in
            let pages = ExportPages(db: db, size: pageSize)
            try pages.each("users", key: ["id"]) { try each(.user(StoredItems.user($0))) }
            try pages.each("devices", key: ["id"]) { row in
                if let device = StoredItems.device(row) { try each(.device(device)) }
            }
            try pages.each("future_channel_bans", key: ["created_by", "target_id"]) {
                try each(.futureChannelBan(StoredItems.futureChannelBan($0)))
            }
            try pages.each("channels", key: ["cid"]) { try each(.channel(StoredItems.channel($0))) }
            try pages.each("members", key: ["cid", "user_id"]) { try each(.member(StoredItems.member($0))) }
            // A reply may be older than its parent; Stream reads a parent before its replies.
            for filter in ["parent_id IS NULL", "parent_id IS NOT NULL"] {
                try pages.each("messages", key: ["created_at", "id"], filter: filter) { try each(.message(StoredItems.message($0))) }
            }
            try pages.each("reactions", key: ["message_id", "type", "user_id"]) { try each(.reaction(StoredItems.reaction($0))) }
            try pages.each("polls", key: ["id"]) { row in
                let options = try db.rows("SELECT * FROM poll_options WHERE poll_id = ? ORDER BY position", [row.value("id")])
                try each(.poll(StoredItems.poll(row, options: options)))
            }
            try pages.each("poll_votes", key: ["id"]) { try each(.pollVote(StoredItems.pollVote($0))) }
        }
    }
}

/// A table read in pages by its key (`(a, b) > (?, ?)`, which both databases index), so a
/// million rows never sit in memory at once and no page re-reads the ones before it.
private struct ExportPages {
    let db: any SQLSession
    let size: Int

    func each(_ table: String, key: [String], filter: String? = nil, _ body: (SQLRow) throws -> Void) throws {
        var after: [SQLValue]?
        let keyList = "(" + key.joined(separator: ", ") + ")"
        while true {
            var conditions = filter.map { [$0] } ?? []
            if after != nil { conditions.append("\(keyList) > (\(placeholders(key.count)))") }
            let condition = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
            let rows = try db.rows(
                "SELECT * FROM \(table)\(condition) ORDER BY \(key.joined(separator: ", ")) LIMIT \(size)",
                after ?? []
            )
            for row in rows { try body(row) }
            guard rows.count == size, let last = rows.last else { return }
            after = key.map { last.value($0) }
        }
    }
}
