import ChatModel

/// A channel event kept as it was told, for a later `/sync` (see `keep(event:…)`).
public struct KeptEvent: Sendable {
    public var at: Timestamp
    /// The event's JSON text.
    public var body: String
    /// The users the event was for (a restricted or shadowed message's); nil: every watcher.
    public var audience: [String]?
}

/// Channel events the rows cannot tell again once they happened: a removed reaction or member,
/// a member's change, a channel's new data, a message deleted for good. The store keeps rows,
/// not a history, so these are kept apart for the catch-up after a reconnect (`/sync`), as long
/// as a sync may reach back; what the rows do tell (a message, an edit, a reaction) is not.
extension ChatStore {
    /// Keeps `body` (an event of `cid` at `time`, for `audience` or everyone) and forgets the
    /// channel's events from before `horizon`: a write for each, and these are rarer than sends.
    public func keep(event body: String, cid: String, at time: Timestamp, audience: [String]?, forgetting horizon: Timestamp) throws {
        try backend.write { db in
            try db.execute("DELETE FROM kept_events WHERE cid = ? AND created_at < ?", cid, horizon.storageText)
            try db.execute(
                "INSERT INTO kept_events (cid, created_at, body, audience) VALUES (?, ?, ?, ?)",
                [
                    .text(cid), .text(time.storageText), .text(body),
                    audience.map { StoredValue.json(.array($0.map(JSONValue.string))) } ?? .null,
                ]
            )
        }
    }

    /// The channel's kept events after `since`, oldest first, at most `limit`.
    public func keptEvents(cid: String, since: Timestamp, limit: Int) throws -> [KeptEvent] {
        try backend.read { db in
            try db.rows(
                "SELECT created_at, body, audience FROM kept_events WHERE cid = ? AND created_at > ? ORDER BY created_at LIMIT ?",
                [.text(cid), .text(since.storageText), limit.sqlValue]
            ).map { row in
                KeptEvent(
                    at: StoredValue.decodeTime(row["created_at"]) ?? since,
                    body: row["body"],
                    audience: StoredValue.decodeJSON(row["audience"])?.arrayValue?.compactMap(\.stringValue)
                )
            }
        }
    }
}

extension Schema {
    static let keptEvents = Step(
        name: "v14t: kept events",
        sql: """
            CREATE TABLE kept_events (
                cid TEXT NOT NULL,
                created_at TEXT NOT NULL,
                body TEXT NOT NULL,
                audience TEXT
            );
            CREATE INDEX kept_events_by_channel ON kept_events(cid, created_at);
            """
    )
}
