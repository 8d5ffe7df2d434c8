import ChatModel

enum ReactionRules {
    static let reserved: Set<String> = ["app_pk", "pk", "user", "user_pk"]

    static func decode(_ data: some FieldSource) -> (ImportItem?, [String]) {
        var f = FieldReader(data, itemName: "reaction")
        let messageID = f.id("message_id", .messageID)
        let type = f.id("type", .reactionType)
        let userID = f.id("user_id", .user)
        let createdAt = f.timestamp("created_at")
        if createdAt == nil, !data.has("created_at") { f.fail("\"created_at\" required") }
        let custom = f.custom(reserved: reserved)
        guard let messageID, let type, let userID else { return (nil, f.errors) }
        var reaction = Reaction(messageID: messageID, type: type, userID: userID, custom: custom)
        reaction.createdAt = createdAt
        return (.reaction(reaction), f.errors)
    }
}
