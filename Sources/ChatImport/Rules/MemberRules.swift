import ChatModel

enum MemberRules {
    static let channelRoles: Set<String> = ["channel_member", "channel_moderator"]

    static func decode(_ data: some FieldSource, distinctIDs: DistinctChannelIDs? = nil) -> (ImportItem?, [String]) {
        var f = FieldReader(data, itemName: "member")
        let userID = f.id("user_id", .user)
        let channel = ChannelRef.read(&f, distinctIDs: distinctIDs)
        var role = f.string("channel_role")
        if let r = role, !channelRoles.contains(r) {
            f.fail("'\(r)' is not a valid member.channel_role (one of: \(channelRoles.sorted().joined(separator: ", ")))")
        }
        // `is_moderator` is the legacy way to say channel_moderator.
        if f.bool("is_moderator") == true, role == nil { role = "channel_moderator" }
        let invited = f.bool("invited")
        // The import docs spell it `invited_accepted_at`; the API says `invite_accepted_at`.
        let accepted = f.timestamp("invite_accepted_at") ?? f.timestamp("invited_accepted_at")
        let rejected = f.timestamp("invite_rejected_at") ?? f.timestamp("invited_rejected_at")
        if invited != true {
            if accepted != nil { f.fail("invite_accepted_at is only allowed when invited is true") }
            if rejected != nil { f.fail("invite_rejected_at is only allowed when invited is true") }
        }
        let hideChannel = f.bool("hide_channel")
        let hideBefore = f.timestamp("hide_messages_before")
        let lastRead = f.timestamp("last_read")
        let archivedAt = f.timestamp("archived_at")
        let createdAt = f.timestamp("created_at")
        let custom = f.custom(reserved: [])
        guard let userID, let channel else { return (nil, f.errors) }
        var member = Member(channelType: channel.type, channelID: channel.id, userID: userID, custom: custom)
        member.channelRole = role
        member.invited = invited
        member.inviteAcceptedAt = accepted
        member.inviteRejectedAt = rejected
        member.hideChannel = hideChannel
        member.hideMessagesBefore = hideBefore
        member.lastRead = lastRead
        member.archivedAt = archivedAt
        member.createdAt = createdAt
        return (.member(member), f.errors)
    }
}
