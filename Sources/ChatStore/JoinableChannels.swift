import ChatModel

extension ChatStore {
    /// The channels of the types a user may join (`BuiltInChannelType.joinable`) that `userID`
    /// is not a member of, with their member counts, latest activity first: what the client's
    /// `/join` lists offline, and what the server's `joined: false` channel filter selects.
    public func joinableChannels(for userID: String) throws -> [ChannelSummary] {
        let channels = try queryChannels(
            cids: nil,
            types: BuiltInChannelType.joinable.map(\.rawValue),
            memberOf: nil,
            notMemberOf: userID,
            frozen: nil,
            order: .lastMessage,
            limit: 100,
            offset: 0
        )
        guard !channels.isEmpty else { return [] }
        let counts: [String: Int] = try backend.read { db in
            let rows = try db.rows(
                "SELECT cid, COUNT(*) AS n FROM members WHERE cid IN (\(placeholders(channels.count))) GROUP BY cid",
                channels.map { SQLValue.text($0.cid) }
            )
            return Dictionary(uniqueKeysWithValues: rows.map { row -> (String, Int) in (row["cid"], row["n"]) })
        }
        return channels.map { ChannelSummary(channel: $0, memberCount: counts[$0.cid] ?? 0) }
    }
}
