import ChatModel

enum FutureChannelBanRules {
    static func decode(_ data: some FieldSource) -> (ImportItem?, [String]) {
        var f = FieldReader(data, itemName: "future_channel_ban")
        let target = f.id("target_id", .user)
        let createdBy = f.id("created_by", .user)
        let reason = f.string("reason")
        let shadow = f.bool("shadow")
        let createdAt = f.timestamp("created_at")
        f.rejectUnknownFields(allowed: ["target_id", "created_by", "reason", "shadow", "created_at"])
        guard let target, let createdBy else { return (nil, f.errors) }
        var ban = FutureChannelBan(targetID: target, createdBy: createdBy)
        ban.reason = reason
        ban.shadow = shadow
        ban.createdAt = createdAt
        return (.futureChannelBan(ban), f.errors)
    }
}
