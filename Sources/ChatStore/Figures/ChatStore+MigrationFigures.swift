import ChatModel

extension ChatStore {
    /// Every figure of a migration report (and of the client's migration summary), in one
    /// read snapshot so they add up even while servers write. Each is an SQL aggregate, the
    /// same on SQLite and PostgreSQL; no message is loaded. Lists of channels and users hold at
    /// most `top` rows.
    public func migrationFigures(top: Int = MigrationFigures.topCount) throws -> MigrationFigures {
        try backend.snapshot { db in
            var f = MigrationFigures()
            f.totals = try Self.counts(db)
            f.channelsByType = try ChannelFigures.channelsByType(db)
            f.members = try ChannelFigures.members(db)
            let (messages, days) = try MessageFigures.days(db)
            f.messages = messages
            f.timeline = TimelineBuckets.make(days: days)
            f.busiestChannels = try ChannelFigures.busiest(db, limit: top)
            f.busiestUsers = try MessageFigures.busiestUsers(db, limit: top)
            f.threads = try MessageFigures.threads(db)
            f.reactionsByType = try ChannelFigures.reactionsByType(db)
            f.attachments = try MessageFigures.attachments(db)
            f.unread = try UnreadFigures.unread(db, limit: top)
            f.devicesByProvider = try ChannelFigures.devicesByProvider(db)
            f.bans = try ChannelFigures.bans(db)
            for i in f.busiestChannels.indices {
                f.busiestChannels[i].name = try ChannelFigures.displayName(
                    db,
                    cid: f.busiestChannels[i].id,
                    name: f.busiestChannels[i].name
                )
            }
            if let largest = f.members.largest {
                f.members.largest?.name = try ChannelFigures.displayName(db, cid: largest.id, name: largest.name)
            }
            for i in f.unread.channels.indices {
                f.unread.channels[i].name = try ChannelFigures.displayName(
                    db,
                    cid: f.unread.channels[i].cid,
                    name: f.unread.channels[i].name
                )
            }
            return f
        }
    }
}
