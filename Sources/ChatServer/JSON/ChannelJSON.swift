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
            config: try Self.config(store.channelConfig(forType: c.type), store: store)
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
        o["updated_at"] = .string(created)
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

    static func member(_ row: MemberRow) -> JSONValue { member(row, user: UserJSON.json(row.user)) }

    /// A member with its user's JSON built already (`UserJSON.json(row.user)`).
    static func member(_ row: MemberRow, user: JSONValue) -> JSONValue {
        var o = row.member.custom
        let role = row.member.channelRole ?? ChannelRole.member
        o["user_id"] = .string(row.user.id)
        o["user"] = user
        let created = (row.member.createdAt ?? .now()).rfc3339
        o["created_at"] = .string(created)
        o["updated_at"] = .string(created)
        o["channel_role"] = .string(role)
        o["role"] = .string(role == ChannelRole.moderator ? "moderator" : "member")
        o["is_moderator"] = .bool(role == ChannelRole.moderator)
        o["banned"] = false
        o["shadow_banned"] = false
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
