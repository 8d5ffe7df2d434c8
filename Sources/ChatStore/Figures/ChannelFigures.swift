import ChatModel

/// Channels, members, reactions, devices and bans: aggregates over the smaller tables.
enum ChannelFigures {
    static func channelsByType(_ db: any SQLSession) throws -> [MigrationFigures.Tally] {
        try FigureSQL.tallies(db, "SELECT type AS label, COUNT(*) AS n FROM channels GROUP BY type ORDER BY n DESC, type")
    }

    /// Members per channel: the total, the largest channel and the median (channels without members count).
    static func members(_ db: any SQLSession) throws -> MigrationFigures.Members {
        var members = MigrationFigures.Members()
        let perChannel = """
            WITH counts AS (SELECT c.cid, c.custom, (SELECT COUNT(*) FROM members mb WHERE mb.cid = c.cid) AS n FROM channels c)
            """
        members.total = try db.value(perChannel + " SELECT COALESCE(SUM(n), 0) FROM counts") ?? 0
        members.largest = try FigureSQL.ranked(
            db,
            perChannel + """
                 SELECT cid AS id, \(db.dialect.jsonString("custom", key: "name")) AS name, n FROM counts ORDER BY n DESC, cid LIMIT 1
                """
        ).first
        // The middle value, or the mean of the middle two for an even number of channels.
        members.median =
            try db.value(
                perChannel + """
                     SELECT AVG(n) FROM (SELECT n FROM counts ORDER BY n
                        LIMIT 2 - (SELECT COUNT(*) FROM counts) % 2 OFFSET ((SELECT COUNT(*) FROM counts) - 1) / 2) middle
                    """
            ) ?? 0
        return members
    }

    static func busiest(_ db: any SQLSession, limit: Int) throws -> [MigrationFigures.Ranked] {
        try FigureSQL.ranked(
            db,
            """
            SELECT m.cid AS id, \(db.dialect.jsonString("c.custom", key: "name")) AS name, m.n
            FROM (SELECT cid, COUNT(*) AS n FROM messages GROUP BY cid ORDER BY n DESC, cid LIMIT ?) m
            LEFT JOIN channels c ON c.cid = m.cid ORDER BY m.n DESC, m.cid
            """,
            limit
        )
    }

    /// The name a report gives a channel: its own, else, for a distinct channel (a DM or group DM,
    /// which seldom has one), its members' names as a chat client shows it, not its derived id.
    static func displayName(_ db: any SQLSession, cid: String, name: String?) throws -> String? {
        if let name, !name.isEmpty { return name }
        guard let id = cid.split(separator: ":", maxSplits: 1).last, DistinctChannelID.isDistinct(String(id)) else { return name }
        let members = try db.rows(
            """
            SELECT m.user_id AS id, \(db.dialect.jsonString("u.custom", key: "name")) AS name
            FROM members m LEFT JOIN users u ON u.id = m.user_id WHERE m.cid = ? ORDER BY m.user_id
            """,
            [.text(cid)]
        ).map { row -> String in
            let name: String? = row["name"]
            return name.flatMap { $0.isEmpty ? nil : $0 } ?? row["id"]
        }
        guard !members.isEmpty else { return name }
        let shown = 3
        return members.count <= shown + 1
            ? members.joined(separator: ", ") : members.prefix(shown).joined(separator: ", ") + " +\(members.count - shown)"
    }

    static func reactionsByType(_ db: any SQLSession) throws -> [MigrationFigures.Tally] {
        try FigureSQL.tallies(db, "SELECT type AS label, COUNT(*) AS n FROM reactions GROUP BY type ORDER BY n DESC, type")
    }

    static func devicesByProvider(_ db: any SQLSession) throws -> [MigrationFigures.Tally] {
        try FigureSQL.tallies(
            db,
            "SELECT push_provider AS label, COUNT(*) AS n FROM devices GROUP BY push_provider ORDER BY n DESC, push_provider"
        )
    }

    /// App-wide bans, bans in channels (the store's and channels' imported `banned_users`, each
    /// user and channel once), and future channel bans.
    static func bans(_ db: any SQLSession) throws -> MigrationFigures.Bans {
        var bans = MigrationFigures.Bans()
        bans.appWide = try db.value("SELECT COUNT(*) FROM bans WHERE cid = ''") ?? 0
        bans.inChannels =
            try db.value(
                """
                SELECT COUNT(*) FROM (
                    SELECT target_id, cid FROM bans WHERE cid != ''
                    UNION SELECT j.value, c.cid FROM channels c, \(db.dialect.jsonArrayElements("c.banned_users", as: "j"))) banned
                """
            ) ?? 0
        bans.futureChannelBans = try db.value("SELECT COUNT(*) FROM future_channel_bans") ?? 0
        return bans
    }
}
