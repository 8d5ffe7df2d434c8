import ChatModel

/// Unread state over the whole store, by the same rule as each user's channel list
/// (`ChatStore.unreadCondition`), hidden channels left out: how many members have a read
/// position, how many users have something unread, and the channels with the most unread
/// messages (at most `limit`). Counted in SQL per membership; no message is loaded.
enum UnreadFigures {
    static func unread(_ db: any SQLSession, limit: Int) throws -> MigrationFigures.Unread {
        // `per_member` is used twice, so both databases materialize it: each membership's
        // unread count is computed once. The row with a NULL cid carries the store-wide totals.
        let rows = try db.rows(
            """
            WITH per_member AS (
                SELECT mb.cid, mb.user_id,
                    (SELECT COUNT(*) FROM messages m WHERE \(ChatStore.unreadCondition(user: "mb.user_id", db.dialect))) AS n
                FROM members mb JOIN channels c ON c.cid = mb.cid
                WHERE mb.last_read IS NOT NULL AND mb.hide_channel = 0
            ),
            per_channel AS (
                SELECT cid, COUNT(CASE WHEN n > 0 THEN 1 END) AS members, SUM(n) AS messages FROM per_member GROUP BY cid
                HAVING SUM(n) > 0 ORDER BY messages DESC, cid LIMIT :limit
            )
            SELECT NULL AS cid, NULL AS name, (SELECT COUNT(*) FROM per_member) AS members,
                (SELECT COUNT(DISTINCT user_id) FROM per_member WHERE n > 0) AS users,
                (SELECT COALESCE(SUM(n), 0) FROM per_member) AS messages
            UNION ALL
            SELECT p.cid, \(db.dialect.jsonString("c.custom", key: "name")), p.members, NULL, p.messages
            FROM per_channel p JOIN channels c ON c.cid = p.cid
            """,
            named: ["limit": .int(Int64(limit))]
        )
        var unread = MigrationFigures.Unread()
        for row in rows {
            if let cid: String = row["cid"] {
                unread.channels.append(
                    MigrationFigures.ChannelUnread(cid: cid, name: row["name"], members: row["members"], messages: row["messages"])
                )
            } else {
                unread.membersWithReadState = row["members"]
                unread.usersWithUnread = row["users"]
                unread.unreadMessages = row["messages"]
            }
        }
        unread.channels.sort { ($0.messages, $1.cid) > ($1.messages, $0.cid) }
        return unread
    }
}
