import ChatModel
import ChatStore

/// Channels, their type's config and commands, and members as Stream's API shows them, custom fields flat.
enum ChannelJSON {
    /// The channel as a response shows it: with its creator, member count, last message time
    /// and its type's config.
    static func full(_ c: Channel, store: ChatStore) throws -> JSONValue {
        channel(
            c,
            creator: try store.user(id: c.createdBy),
            memberCount: try store.members(cid: c.cid).count,
            lastMessageAt: try store.lastMessageAt(cid: c.cid),
            config: try Self.config(store.channelConfig(for: c), store: store)
        )
    }

    /// `config`: the channel type's settings, as channel states carry them; `muted`: whether the
    /// user the response is for muted the channel. Nil leaves either out.
    static func channel(
        _ c: Channel,
        creator: User?,
        memberCount: Int,
        lastMessageAt: Timestamp? = nil,
        config: JSONObject? = nil,
        muted: Bool? = nil
    ) -> JSONValue {
        var o = c.custom
        o["id"] = .string(c.id)
        o["type"] = .string(c.type)
        o["cid"] = .string(c.cid)
        let created = (c.createdAt ?? .now()).rfc3339
        o["created_at"] = .string(created)
        o["updated_at"] = .string(c.updatedAt?.rfc3339 ?? created)
        o["frozen"] = .bool(c.frozen ?? false)
        o["disabled"] = .bool(c.disabled ?? false)
        o["member_count"] = .int(memberCount)
        if let creator { o["created_by"] = UserJSON.json(creator) }
        if let team = c.team { o["team"] = .string(team) }
        if let lastMessageAt { o["last_message_at"] = .string(lastMessageAt.rfc3339) }
        if let truncated = c.truncatedAt { o["truncated_at"] = .string(truncated.rfc3339) }
        if let config { o["config"] = .object(config) }
        if let muted { o["muted"] = .bool(muted) }
        return .object(o)
    }

    /// Stream's channel config: the settings flat, commands as Command objects (the app's own
    /// as the store has them), and the type's times.
    static func config(_ config: ChannelTypeConfig, store: ChatStore) throws -> JSONObject {
        var o: JSONObject = ["name": .string(config.name)]
        for member in config.settings.members where member.key != "commands" { o.appendUnique(member.key, member.value) }
        let appCommands = config.customCommands.isEmpty ? [] : try store.customCommands()
        let custom = config.customCommands.map { name in
            appCommands.first { $0.name == name }.map { JSONValue.object(CommandRoutes.json($0)) } ?? ["name": .string(name)]
        }
        o.appendUnique("commands", .array(config.commands.map(command) + custom))
        o.appendUnique("created_at", .string(config.createdAt.rfc3339))
        o.appendUnique("updated_at", .string(config.updatedAt.rfc3339))
        return o
    }

    static func command(_ command: BuiltInCommand) -> JSONValue {
        [
            "name": .string(command.rawValue), "description": .string(command.description), "args": .string(command.args),
            "set": .string(command.set),
        ]
    }

    /// The channel's own bans in force, by user id, its imported `banned_users` included: what
    /// its members show as `banned`, `shadow_banned` and `ban_expires` (an app-wide ban shows on
    /// the user instead, as in Stream).
    static func bans(in channel: Channel, store: ChatStore) throws -> [String: Ban] {
        let now = Timestamp.now()
        var bans: [String: Ban] = [:]
        for ban in try store.bans(cid: channel.cid, now: now) where ban.cid == channel.cid { bans[ban.targetID] = ban }
        for user in channel.bannedUsers ?? [] where bans[user] == nil {
            bans[user] = Ban(targetID: user, cid: channel.cid, createdBy: nil, reason: nil, shadow: false, expires: nil, createdAt: now)
        }
        return bans
    }

    /// The channel's `rows` with their bans.
    static func members(_ rows: some Sequence<MemberRow>, in channel: Channel, store: ChatStore) throws -> [JSONValue] {
        let bans = try bans(in: channel, store: store)
        return rows.map { member($0, ban: bans[$0.user.id]) }
    }

    /// A member; `user` is its user's JSON when built already (`UserJSON.json(row.user)`), `ban`
    /// the channel's ban of it in force.
    static func member(_ row: MemberRow, user: JSONValue? = nil, ban: Ban? = nil) -> JSONValue {
        var o = row.member.custom
        let role = row.member.channelRole ?? ChannelRole.member
        o["user_id"] = .string(row.user.id)
        o["user"] = user ?? UserJSON.json(row.user)
        let created = (row.member.createdAt ?? .now()).rfc3339
        o["created_at"] = .string(created)
        o["updated_at"] = .string(created)
        o["channel_role"] = .string(role)
        o["role"] = .string(role == ChannelRole.moderator ? "moderator" : "member")
        o["is_moderator"] = .bool(role == ChannelRole.moderator)
        o["banned"] = .bool(ban.map { !$0.shadow } ?? false)
        o["shadow_banned"] = .bool(ban?.shadow ?? false)
        if let expires = ban?.expires { o["ban_expires"] = .string(expires.rfc3339) }
        o["status"] = "member"
        o["pinned_at"] = row.member.pinnedAt.map { .string($0.rfc3339) } ?? .null
        o["archived_at"] = row.member.archivedAt.map { .string($0.rfc3339) } ?? .null
        if row.member.invited == true {
            o["invited"] = true
            o["invite_accepted_at"] = row.member.inviteAcceptedAt.map { .string($0.rfc3339) } ?? .null
            o["invite_rejected_at"] = row.member.inviteRejectedAt.map { .string($0.rfc3339) } ?? .null
        }
        return .object(o)
    }
}
