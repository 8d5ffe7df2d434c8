import ChatModel

enum UserRules {
    static let reserved: Set<String> = ["app_pk", "online", "pk", "user_pk", "last_active"]
    /// App-level roles every Stream app has. Channel roles (`channel_member`…) are not user roles.
    static let roles: Set<String> = ["user", "admin", "moderator", "guest", "anonymous"]

    static func decode(_ data: some FieldSource) -> (ImportItem?, [String]) {
        var f = FieldReader(data, itemName: "user")
        let id = f.id("id", .user)
        let role = f.string("role")
        if let role, !roles.contains(role) {
            f.fail("'\(role)' is not a valid user.role (one of: \(roles.sorted().joined(separator: ", ")))")
        }
        let invisible = f.bool("invisible")
        let language = f.string("language")
        let teams = f.strings("teams")
        let teamsRole = f.object("teams_role")
        for member in teamsRole?.members ?? [] {
            if member.value.stringValue == nil {
                f.fail("teams_role.\(member.key) must be a role name")
            } else if !(teams ?? []).contains(member.key) {
                f.fail("teams_role names team \"\(member.key)\", which is not in the user's teams")
            }
        }
        let blocked = f.ids("blocked_user_ids", .user)
        let channelMutes = f.strings("channel_mutes")
        for cid in channelMutes ?? [] where !ChannelRef.isValidCID(cid) {
            f.fail("'\(cid)' is not a valid user.channel_mutes entry (expected a cid such as messaging:general)")
        }
        let userMutes = f.ids("user_mutes", .user)
        let push = f.object("push_preferences")
        if let level = push?["chat_level"], !["all", "none", "mentions"].contains(level.stringValue ?? "") {
            f.fail("'\(level.stringValue ?? level.description)' is not a valid push_preferences.chat_level (all, none or mentions)")
        }
        if let until = push?["disabled_until"], !until.isNull, Timestamp(rfc3339: until.stringValue ?? "") == nil {
            f.fail("'\(until.stringValue ?? until.description)' is not a valid push_preferences.disabled_until")
        }
        let privacy = f.object("privacy_settings")
        for member in privacy?.members ?? [] {
            guard ["typing_indicators", "read_receipts", "delivery_receipts"].contains(member.key) else {
                f.fail("\"\(member.key)\" is not a valid privacy_settings field")
                continue
            }
            if member.value.objectValue?["enabled"]?.boolValue == nil {
                f.fail("privacy_settings.\(member.key).enabled required (true or false)")
            }
        }
        let createdAt = f.timestamp("created_at")
        let deactivatedAt = f.timestamp("deactivated_at")
        let deletedAt = f.timestamp("deleted_at")
        let custom = f.custom(reserved: reserved)
        guard let id else { return (nil, f.errors) }
        var user = User(id: id, custom: custom)
        user.role = role
        user.invisible = invisible
        user.language = language
        user.teams = teams
        user.teamsRole = teamsRole
        user.blockedUserIDs = blocked
        user.channelMutes = channelMutes
        user.userMutes = userMutes
        user.pushPreferences = push
        user.privacySettings = privacy
        user.createdAt = createdAt
        user.deactivatedAt = deactivatedAt
        user.deletedAt = deletedAt
        return (.user(user), f.errors)
    }
}
