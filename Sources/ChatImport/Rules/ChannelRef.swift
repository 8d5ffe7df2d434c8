import ChatModel

/// How members and messages name their channel: `channel_type` with either `channel_id` or,
/// for a distinct channel, `channel_member_ids` (never both).
enum ChannelRef {
    /// `distinctIDs`: a decoding thread's ids already made, or nil to make each one.
    static func read(_ f: inout FieldReader<some FieldSource>, distinctIDs: DistinctChannelIDs? = nil) -> (type: String, id: String)? {
        let type = f.id("channel_type", .channelType)
        let hasID = f.object.has("channel_id")
        let hasMembers = f.object.has("channel_member_ids")
        let id = f.id("channel_id", .channelID, required: false)
        let memberIDs = f.ids("channel_member_ids", .user)
        let item = f.itemName
        if hasID && hasMembers {
            f.fail("either \(item).channel_id or \(item).channel_member_ids should be provided, but not both")
            return nil
        }
        if !hasID && !hasMembers {
            f.fail("\(item).channel_id or \(item).channel_member_ids required, but not both")
            return nil
        }
        guard let type else { return nil }
        if let id { return (type, id) }
        guard let memberIDs else { return nil }
        guard !memberIDs.isEmpty else {
            f.fail("\(item).channel_member_ids must list at least one user")
            return nil
        }
        return (type, distinctIDs?.id(memberIDs: memberIDs) ?? DistinctChannelID.make(memberIDs: memberIDs))
    }

    static func isValidCID(_ cid: String) -> Bool {
        let parts = cid.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        let id = String(parts[1])
        return IDRule.channelType.problem(with: String(parts[0]), field: "") == nil
            && (DistinctChannelID.isDistinct(id) || IDRule.channelID.problem(with: id, field: "") == nil)
    }

    /// Channel types that exist in every app; a store may add its own.
    static func checkType(_ type: String, _ f: inout FieldReader<some FieldSource>) {
        if BuiltInChannelType(rawValue: type) == nil {
            f.fail(
                "channel type \"\(type)\" doesn't exist (built-in types: \(BuiltInChannelType.allCases.map(\.rawValue).joined(separator: ", ")))"
            )
        }
    }
}
