import ChatModel

/// Writes validated import items into the store, inside the caller's transaction.
/// Upsert overwrites the fields an item provides and replaces its custom data, or with
/// `merge_custom` merges it into the stored custom data; insert skips items whose key already
/// exists (so `merge_custom` has nothing to merge, as at Stream).
final class StoreImportSink: ImportSink {
    private let db: any SQLSession
    private let writing: ImportWrite
    /// Items without `created_at` get the import time, as Stream does.
    private let importTime: SQLValue
    /// Import v2's `use_import_time_as_op_time`: every item made at this time.
    private let opTime: Timestamp?
    /// One SQL text per row shape, made on first use (the session prepares each text once).
    private var statements: [RowWrite.Shape: String] = [:]

    /// The tables whose secondary indexes an import into them while they are empty builds
    /// after the rows, once, instead of row by row (`SQLiteBackend.importTransaction`,
    /// `PostgresImportSink`): the ones a file fills with many rows.
    static let indexedAfterRows = ["devices", "members", "messages", "reactions"]

    /// Indexes of those tables that an import keeps and fills row by row: nearly empty, they
    /// cost nothing measurable that way, where building one after the rows reads the whole
    /// table again (`messages_hidable`: 0.16 s on a million messages).
    static let keptThroughImport = ["messages_hidable", "messages_pinned"]

    init(db: any SQLSession, mode: ImportMode, mergeCustom: Bool = false, importTime: Timestamp, opTime: Timestamp? = nil) {
        self.db = db
        writing = ImportWrite(mode: mode, mergeCustom: mergeCustom)
        self.importTime = StoredValue.time(importTime)
        self.opTime = opTime
    }

    func write(_ given: ImportItem) throws -> ImportWriteOutcome {
        let item = opTime.map(given.madeAt) ?? given
        let written = try write(Self.row(for: item, importTime: importTime, db.dialect)) > 0
        // A poll insert mode skips keeps its options as they are.
        if case .poll(let poll) = item, written || writing.mode == .upsert {
            if writing.mode == .upsert {
                let stale = Self.staleOptions(of: poll)
                try db.execute(stale.sql, stale.arguments)
            }
            for option in Self.optionRows(of: poll) { _ = try write(option) }
        }
        return written ? .written : .skipped
    }

    private func write(_ row: RowWrite) throws -> Int {
        let sql: String
        if let known = statements[row.shape] {
            sql = known
        } else {
            sql = row.sql(writing)
            statements[row.shape] = sql
        }
        return try db.execute(sql, row.arguments)
    }

    /// The row `item` writes; items without `created_at` get `importTime`. On PostgreSQL a
    /// message's text comes with its words (`MessageWordIndex.postgresWordsStep`): every write
    /// of a message's text is a row made here.
    static func row(for item: ImportItem, importTime: SQLValue, _ dialect: SQLDialect) -> RowWrite {
        typealias V = StoredValue
        switch item {
        case .user(let u):
            var r = RowWrite(table: "users", key: ["id"])
            r.set("id", V.text(u.id))
            r.set("role", V.text(u.role))
            r.set("invisible", V.bool(u.invisible))
            r.set("language", V.text(u.language))
            r.set("teams", V.json(u.teams))
            r.set("teams_role", V.json(u.teamsRole))
            r.set("blocked_user_ids", V.json(u.blockedUserIDs))
            r.set("channel_mutes", V.json(u.channelMutes))
            r.set("user_mutes", V.json(u.userMutes))
            r.set("push_preferences", V.json(u.pushPreferences))
            r.set("privacy_settings", V.json(u.privacySettings))
            r.set("created_at", V.time(u.createdAt), fallback: importTime)
            r.set("deactivated_at", V.time(u.deactivatedAt))
            r.set("deleted_at", V.time(u.deletedAt))
            r.set("custom", V.json(u.custom))
            return r
        case .device(let d):
            var r = RowWrite(table: "devices", key: ["id"])
            r.set("id", V.text(d.id))
            r.set("user_id", V.text(d.userID))
            r.set("push_provider", V.text(d.pushProvider.rawValue))
            r.set("push_provider_name", V.text(d.pushProviderName))
            r.set("created_at", V.time(d.createdAt), fallback: importTime)
            return r
        case .futureChannelBan(let b):
            var r = RowWrite(table: "future_channel_bans", key: ["created_by", "target_id"])
            r.set("created_by", V.text(b.createdBy))
            r.set("target_id", V.text(b.targetID))
            r.set("reason", V.text(b.reason))
            r.set("shadow", V.bool(b.shadow))
            r.set("created_at", V.time(b.createdAt), fallback: importTime)
            return r
        case .channel(let c):
            var r = RowWrite(table: "channels", key: ["cid"])
            r.set("cid", V.text(c.cid))
            r.set("type", V.text(c.type))
            r.set("id", V.text(c.id))
            r.set("member_ids", V.json(c.memberIDs))
            r.set("created_by", V.text(c.createdBy))
            r.set("team", V.text(c.team))
            r.set("disabled", V.bool(c.disabled))
            r.set("frozen", V.bool(c.frozen))
            r.set("banned_users", V.json(c.bannedUsers))
            r.set("truncated_at", V.time(c.truncatedAt))
            r.set("created_at", V.time(c.createdAt), fallback: importTime)
            r.set("custom", V.json(c.custom))
            return r
        case .member(let m):
            var r = RowWrite(table: "members", key: ["cid", "user_id"])
            r.set("cid", V.text(m.cid))
            r.set("user_id", V.text(m.userID))
            r.set("channel_role", V.text(m.channelRole))
            r.set("invited", V.bool(m.invited))
            r.set("invite_accepted_at", V.time(m.inviteAcceptedAt))
            r.set("invite_rejected_at", V.time(m.inviteRejectedAt))
            r.set("hide_channel", V.bool(m.hideChannel))
            r.set("hide_messages_before", V.time(m.hideMessagesBefore))
            r.set("last_read", V.time(m.lastRead))
            r.set("archived_at", V.time(m.archivedAt))
            r.set("created_at", V.time(m.createdAt), fallback: importTime)
            r.set("custom", V.json(m.custom))
            return r
        case .message(let m):
            var r = RowWrite(table: "messages", key: ["id"])
            r.set("id", V.text(m.id))
            r.set("cid", V.text(m.cid))
            r.set("user_id", V.text(m.userID))
            r.set("type", V.text(m.type.rawValue))
            r.set("text", V.text(m.text))
            if dialect == .postgres { r.set("words", V.text(m.text.map(MessageWordIndex.postgresWords))) }
            r.set("html", V.text(m.html))
            r.set("attachments", m.attachments.isEmpty ? .null : V.json(.array(m.attachments.map { .object($0.fields) })))
            r.set("parent_id", V.text(m.parentID))
            r.set("show_in_channel", V.bool(m.showInChannel))
            r.set("quoted_message_id", V.text(m.quotedMessageID))
            r.set("poll_id", V.text(m.pollID))
            r.set("mentioned_user_ids", V.json(m.mentionedUserIDs))
            r.set("mentioned_roles", V.json(m.mentionedRoles))
            r.set("mentioned_here", V.bool(m.mentionedHere))
            r.set("mentioned_channel", V.bool(m.mentionedChannel))
            r.set("restricted_visibility", V.json(m.restrictedVisibility))
            r.set("pinned_at", V.time(m.pinnedAt))
            r.set("pinned_by_id", V.text(m.pinnedByID))
            r.set("pin_expires", V.time(m.pinExpires))
            r.set("created_at", V.time(m.createdAt), fallback: importTime)
            r.set("deleted_at", V.time(m.deletedAt))
            r.set("text_updated_at", V.time(m.textUpdatedAt))
            r.set("custom", V.json(m.custom))
            return r
        case .reaction(let x):
            var r = RowWrite(table: "reactions", key: ["message_id", "type", "user_id"])
            r.set("message_id", V.text(x.messageID))
            r.set("type", V.text(x.type))
            r.set("user_id", V.text(x.userID))
            r.set("created_at", V.time(x.createdAt), fallback: importTime)
            r.set("custom", V.json(x.custom))
            return r
        case .poll(let p):
            return pollRow(p, importTime: importTime)
        case .pollVote(let v):
            return voteRow(v, importTime: importTime)
        }
    }
}

/// What the store already holds, for references an import file makes to it.
final class StoreExistingItems: ExistingItems {
    let db: any SQLSession
    /// Whether `messages` held a row when the import began. When it did not, no message a file
    /// refers to is a stored one: the import's own rows are the file's, which the checker knows.
    private let holdsMessages: Bool
    /// The answers of the last `lookAhead(messages:)`, nil for an id the store does not hold.
    private var messagesAhead: [String: (cid: String, isReply: Bool)?] = [:]

    init(db: any SQLSession) {
        self.db = db
        holdsMessages = (try? db.row("SELECT 1 FROM messages LIMIT 1")) != nil
    }

    /// On PostgreSQL, where each question is a round trip behind the import's statement in
    /// flight; SQLite answers one in microseconds.
    var looksAhead: Bool { holdsMessages && db is PostgresSession }

    func lookAhead(messages ids: [String]) {
        messagesAhead.removeAll(keepingCapacity: true)
        var start = 0
        while start < ids.count {
            let chunk = ids[start..<min(start + Self.idsAQuestion, ids.count)]
            start += chunk.count
            // A failed read (the transaction failed) leaves the ids to be asked one at a time.
            guard
                let rows = try? db.rows(
                    "SELECT id, cid, parent_id FROM messages WHERE id IN (\(placeholders(chunk.count)))",
                    chunk.map(SQLValue.text)
                )
            else { continue }
            for id in chunk { messagesAhead[id] = .some(nil) }
            for row in rows {
                let parent: String? = row["parent_id"]
                messagesAhead[row["id"]] = (row["cid"], parent != nil)
            }
        }
    }

    /// Ids asked about in one statement: a statement's parameters stay few.
    static let idsAQuestion = 1000

    func userTeams(_ id: String) -> [String]? {
        guard let row = try? db.row("SELECT teams FROM users WHERE id = ?", id) else { return nil }
        let teams: String? = row["teams"]
        return StoredValue.decodeJSON(teams)?.arrayValue?.compactMap(\.stringValue) ?? []
    }

    func channelTeam(cid: String) -> String? {
        guard let row = try? db.row("SELECT team FROM channels WHERE cid = ?", cid) else { return nil }
        let team: String? = row["team"]
        return team ?? ""
    }

    func message(_ id: String) -> (cid: String, isReply: Bool)? {
        guard holdsMessages else { return nil }
        if let known = messagesAhead[id] { return known }
        guard let row = try? db.row("SELECT cid, parent_id FROM messages WHERE id = ?", id) else { return nil }
        let parent: String? = row["parent_id"]
        return (row["cid"], parent != nil)
    }

    func channelTypes() -> ImportChannelTypes {
        ImportChannelTypes((try? ChatStore.storedChannelTypes(db)) ?? [])
    }

    func poll(_ id: String) -> Poll? {
        guard let row = try? db.row("SELECT * FROM polls WHERE id = ?", id) else { return nil }
        let options = (try? db.rows("SELECT * FROM poll_options WHERE poll_id = ? ORDER BY position", id)) ?? []
        return StoredItems.poll(row, options: options)
    }
}
