import ChatModel
import GRDB

/// Channels, members and messages written one request at a time, for the server. Writes go
/// through the import sink (insert mode), so the server and imports store items alike.
extension ChatStore {
    /// Creates the channel unless it exists, then adds the members it lacks, in one transaction.
    /// Returns the channel as stored and whether this call created it.
    public func getOrCreate(channel: Channel, memberIDs: [String]) throws -> (Channel, created: Bool) {
        try pool.write { db in
            let now = Timestamp.now()
            let sink = StoreImportSink(db: db, mode: .insert, importTime: now)
            var stamped = channel
            stamped.createdAt = stamped.createdAt ?? now
            let created = try sink.write(.channel(stamped)) == .written
            for id in memberIDs {
                var member = Member(channelType: channel.type, channelID: channel.id, userID: id)
                member.createdAt = now
                _ = try sink.write(.member(member))
            }
            let row = try Row.fetchOne(db, sql: "SELECT * FROM channels WHERE cid = ?", arguments: [channel.cid])
            return (row.map(StoredItems.channel) ?? stamped, created)
        }
    }

    public func channel(cid: String) throws -> Channel? {
        try pool.read { db in try Row.fetchOne(db, sql: "SELECT * FROM channels WHERE cid = ?", arguments: [cid]).map(StoredItems.channel) }
    }

    public func isMember(cid: String, userID: String) throws -> Bool {
        try pool.read { db in try Bool.fetchOne(db, sql: "SELECT 1 FROM members WHERE cid = ? AND user_id = ?", arguments: [cid, userID]) ?? false }
    }

    /// Stores a new message and brings the channel back for members who hid it, as Stream
    /// does; false when its id is taken (nothing is written then). One transaction, committed
    /// before this returns: an acknowledged message survives a crash.
    public func insert(message: Message) throws -> Bool {
        try pool.write { db in
            guard try StoreImportSink(db: db, mode: .insert, importTime: .now()).write(.message(message)) == .written else { return false }
            try db.execute(sql: "UPDATE members SET hide_channel = 0 WHERE cid = ? AND hide_channel = 1", arguments: [message.cid])
            return true
        }
    }
}
