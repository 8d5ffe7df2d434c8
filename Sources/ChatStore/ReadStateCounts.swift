import ChatModel
import Foundation

/// The read states' unread counts in one pass over a channel's unread messages, where that is
/// exact. Walking one index range per member was the largest cost left in a channel query (ten
/// members × 180 unread messages in the benchmark); this reads the range after the earliest
/// read position once and counts each member's share in Swift.
extension ChatStore {
    /// Whether a message of channel `cid` after its members' earliest read position might be
    /// hidden from one of them (`visibleCondition`): shadowed, pending, restricted to some users,
    /// or deleted by someone for themselves. Testing each unread entry's visibility was a fifth
    /// of a channel query's time (ten members × 180 messages). The messages that can be hidden
    /// have their own index (`Schema.hidableMessages`), which most channels have no entry in:
    /// walking the unread range of `messages_by_channel` for them instead was 3 % of a channel
    /// query. SQLite's planner prefers the covering index unless told; PostgreSQL's weighs the
    /// partial one by its statistics. `deleted_for_me` is looked at only when it holds a row.
    static func mayHideUnread(cid: String, db: SQLSession) throws -> Bool {
        let hidable = db.dialect == .sqlite ? "INDEXED BY messages_hidable" : ""
        let earliest = "(SELECT MIN(mb.last_read) FROM members mb WHERE mb.cid = ?)"
        let hidden: Int? = try db.value(
            """
            SELECT CASE WHEN EXISTS (
                SELECT 1 FROM messages m \(hidable) WHERE m.cid = ? AND m.created_at > \(earliest) AND \(Schema.hidable)
            ) OR (EXISTS (SELECT 1 FROM deleted_for_me) AND EXISTS (
                SELECT 1 FROM deleted_for_me d JOIN messages m ON m.id = d.message_id WHERE m.cid = ? AND m.created_at > \(earliest)
            )) THEN 1 ELSE 0 END
            """,
            cid,
            cid,
            cid,
            cid
        )
        return hidden != 0
    }

    /// `readStates(cid:)` for a channel where no unread message can be hidden from a member
    /// (`mayHideUnread`); nil where `unreadCondition`'s block term could leave one out for some
    /// member (a channel of two, while some user blocks anyone), for the SQL path to count.
    /// Else what is left of `unreadCondition` is the same for every member but the read
    /// position and one's own messages. So the countable messages after the earliest read
    /// position come once, in `created_at` order, read in place (as `SQLRow`s, ~180 a query,
    /// their arrays and strings were most of this pass), while the members are passed earliest
    /// read position first: each entry is counted under how many members' positions it is past,
    /// and a member's count is every entry past theirs less their own. Comparisons are of the
    /// stored texts' bytes, as SQLite's `BINARY` collation orders them (SQLite only: nil on
    /// another session, whose caller keeps PostgreSQL on the SQL path anyway).
    static func readStatesInOnePass(cid: String, db: SQLSession) throws -> [(userID: String, lastRead: Timestamp, unreadMessages: Int)]? {
        guard let sqlite = db as? GRDBSession else { return nil }
        let rows = try db.rows(
            """
            SELECT mb.user_id, mb.last_read,
                EXISTS (SELECT 1 FROM users WHERE blocked_user_ids IS NOT NULL) AND (SELECT COUNT(*) FROM members WHERE cid = ?) = 2 AS blocks
            FROM members mb JOIN channels c ON c.cid = mb.cid
            WHERE mb.cid = ? AND mb.last_read IS NOT NULL ORDER BY mb.user_id
            """,
            cid,
            cid
        )
        guard !rows.contains(where: { $0["blocks"] }) else { return nil }
        let members = rows.map { (userID: $0["user_id"] as String, lastRead: $0["last_read"] as String) }
        let byPosition = members.indices.sorted { Self.precedes(members[$0].lastRead, members[$1].lastRead) }
        guard let earliest = byPosition.first.map({ members[$0].lastRead }) else { return [] }
        let positions = byPosition.map { Array(members[$0].lastRead.utf8) }
        let ids = byPosition.map { Array(members[$0].userID.utf8) }
        // `past[k]`: entries past exactly the first k positions; `own[j]`: the j-th member's past theirs.
        var past = Array(repeating: 0, count: members.count + 1)
        var own = Array(repeating: 0, count: members.count)
        var passed = 0
        try sqlite.forEachRow(
            "SELECT m.created_at, m.user_id FROM messages m WHERE m.cid = ? AND m.created_at > ? AND \(countable) ORDER BY m.created_at",
            [.text(cid), .text(earliest)]
        ) { row in
            let createdAt = row.text(0)
            while passed < positions.count, positions[passed].withUnsafeBufferPointer({ Self.precedes($0, createdAt) }) { passed += 1 }
            past[passed] += 1
            let author = row.text(1)
            if let j = ids.firstIndex(where: { $0.withUnsafeBufferPointer { Self.equal($0, author) } }), j < passed { own[j] += 1 }
        }
        var unread = Array(repeating: 0, count: members.count)
        var after = 0
        for j in byPosition.indices.reversed() {
            after += past[j + 1]
            unread[byPosition[j]] = after - own[j]
        }
        return members.indices.compactMap { i in
            StoredValue.decodeTime(members[i].lastRead).map { (userID: members[i].userID, lastRead: $0, unreadMessages: unread[i]) }
        }
    }

    /// `a < b` as the stores compare stored texts: byte by byte, by `memcmp` over the bytes in
    /// place (`utf8.lexicographicallyPrecedes` went through a generic iterator, 1 % of a query).
    private static func precedes(_ a: String, _ b: String) -> Bool {
        var a = a
        var b = b
        return a.withUTF8 { x in b.withUTF8 { y in precedes(x, y) } }
    }

    private static func precedes(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool {
        let common = min(x.count, y.count)
        let order = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
        return order < 0 || (order == 0 && x.count < y.count)
    }

    private static func equal(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool {
        x.count == y.count && (x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0)
    }
}

extension Schema {
    /// A message some viewers may not see (`ChatStore.visibleCondition`, bar `deleted_for_me`):
    /// shadowed, pending, or restricted to some users. The condition of the partial index
    /// `messages_hidable`, which a statement can use only with this term as it is.
    static let hidable =
        "(m.shadowed != 0 OR m.pending != 0 OR (m.restricted_visibility IS NOT NULL AND m.restricted_visibility NOT IN ('[]', 'null')))"

    /// The messages that can be hidden from someone, by channel and time, for
    /// `ChatStore.mayHideUnread`: in most channels none, so the index is nearly empty.
    static let hidableMessages = Step(
        name: "v14n: hidable messages",
        sql: "CREATE INDEX messages_hidable ON messages(cid, created_at) WHERE \(hidable.replacingOccurrences(of: "m.", with: ""))"
    )

    /// Messages sent `silent` (Stream: they count for no one's unread messages). The column joins
    /// the covering index `messages_by_channel`, which the unread counts read alone
    /// (`ChatStore.unreadCondition`); on PostgreSQL that index covers nothing, so only the column.
    static let silentMessages = Step(
        name: "v14s: silent messages",
        sql: """
            ALTER TABLE messages ADD COLUMN silent INTEGER NOT NULL DEFAULT 0;
            DROP INDEX messages_by_channel;
            CREATE INDEX messages_by_channel ON messages(
                cid, created_at, id, user_id, type, deleted_at, parent_id, show_in_channel, shadowed, pending, restricted_visibility, silent
            );
            """,
        postgres: ["ALTER TABLE messages ADD COLUMN silent BIGINT NOT NULL DEFAULT 0"]
    )
}
