import ChatModel
import Foundation

/// The read states' unread counts in one pass over a channel's unread messages, where that is
/// exact. Walking one index range per member was the largest cost left in a channel query (ten
/// members × 180 unread messages in the benchmark); this reads the range after the earliest
/// read position once and counts each member's share in Swift.
extension ChatStore {
    /// `readStates(cid:)` for a channel where no unread message can be hidden from a member
    /// (`mayHideUnread`); nil where `unreadCondition`'s block term could leave one out for some
    /// member (a channel of two, while some user blocks anyone), for the SQL path to count.
    /// Else what is left of `unreadCondition` is the same for every member but the read
    /// position and one's own messages. So the countable messages after the earliest read
    /// position come once, in `created_at` order, and the members are met newest read position
    /// first while walking them backwards: a member's count is every entry passed
    /// (`created_at > last_read`) less their own. Comparisons are of the stored texts' bytes,
    /// as SQLite's `BINARY` collation orders them (the caller keeps PostgreSQL on the SQL path).
    static func readStatesInOnePass(cid: String, db: SQLSession) throws -> [(userID: String, lastRead: Timestamp, unreadMessages: Int)]? {
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
        guard let earliest = members.map(\.lastRead).min(by: Self.precedes) else { return [] }
        let entries = try db.rows(
            """
            SELECT m.created_at, m.user_id FROM messages m
            WHERE m.cid = ? AND m.created_at > ? AND \(countable)
            ORDER BY m.created_at
            """,
            cid,
            earliest
        ).map { (createdAt: $0["created_at"] as String, userID: $0["user_id"] as String) }
        var counts: [String: Int] = [:]
        var own: [String: Int] = Dictionary(uniqueKeysWithValues: members.map { ($0.userID, 0) })
        var next = entries.count
        for member in members.sorted(by: { Self.precedes($1.lastRead, $0.lastRead) }) {
            while next > 0, Self.precedes(member.lastRead, entries[next - 1].createdAt) {
                next -= 1
                own[entries[next].userID]? += 1
            }
            counts[member.userID] = entries.count - next - (own[member.userID] ?? 0)
        }
        return members.compactMap { member in
            StoredValue.decodeTime(member.lastRead).map {
                (userID: member.userID, lastRead: $0, unreadMessages: counts[member.userID] ?? 0)
            }
        }
    }

    /// `a < b` as the stores compare stored texts: byte by byte, by `memcmp` over the bytes in
    /// place (`utf8.lexicographicallyPrecedes` went through a generic iterator, 1 % of a query).
    private static func precedes(_ a: String, _ b: String) -> Bool {
        var a = a
        var b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let common = min(x.count, y.count)
                let order = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
                return order < 0 || (order == 0 && x.count < y.count)
            }
        }
    }
}
