import ChatModel

enum ChannelRules {
    static let reserved: Set<String> = ["last_message_at", "cid", "created_by_pk", "members", "config", "app_pk", "pk"]

    static func decode(_ data: some FieldSource, customTypes: Set<String> = []) -> (ImportItem?, [String]) {
        var f = FieldReader(data, itemName: "channel")
        let type = f.id("type", .channelType)
        if let type, !customTypes.contains(type) { ChannelRef.checkType(type, &f) }
        let hasID = data.has("id")
        let hasMembers = data.has("member_ids")
        let id = f.id("id", .channelID, required: false)
        let memberIDs = f.ids("member_ids", .user)
        if hasID && hasMembers {
            f.fail("either channel.id or channel.member_ids should be provided, but not both")
        } else if !hasID && !hasMembers {
            f.fail("channel.id or channel.member_ids required, but not both")
        } else if let memberIDs {
            if memberIDs.isEmpty { f.fail("channel.member_ids must list at least one user") }
            if Set(memberIDs).count != memberIDs.count { f.fail("channel.member_ids lists a user twice") }
        }
        let createdBy = f.id("created_by", .user)
        let team = f.string("team")
        let disabled = f.bool("disabled")
        let frozen = f.bool("frozen")
        let banned = f.ids("banned_users", .user)
        let truncatedAt = f.timestamp("truncated_at")
        let createdAt = f.timestamp("created_at")
        let custom = f.custom(reserved: reserved)
        let resolvedID = id ?? memberIDs.flatMap { $0.isEmpty ? nil : DistinctChannelID.make(memberIDs: $0) }
        guard let type, let createdBy, let resolvedID, !(hasID && hasMembers) else { return (nil, f.errors) }
        var channel = Channel(type: type, id: resolvedID, createdBy: createdBy, custom: custom)
        channel.memberIDs = id == nil ? memberIDs : nil
        channel.team = team
        channel.disabled = disabled
        channel.frozen = frozen
        channel.bannedUsers = banned
        channel.truncatedAt = truncatedAt
        channel.createdAt = createdAt
        return (.channel(channel), f.errors)
    }
}
