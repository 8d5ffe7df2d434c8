import ChatModel

/// An item as a Stream import file's `data`: the reverse of the rules in `Rules/`, so that
/// reading the result back gives the same item. Custom fields come last, whole; times are
/// RFC 3339 in UTC with every significant fraction digit, so the instant is exact.
public struct ImportItemData {
    /// The member ids of each distinct channel (`!members-…` ids), by cid: members and messages
    /// of such a channel name it by `channel_member_ids`, as the rules take no such id.
    public var distinctChannels: [String: [String]] = [:]

    public init() {}

    public func data(_ item: ImportItem) -> JSONObject {
        var o = Fields()
        switch item {
        case .user(let u):
            o.put("id", u.id)
            o.put("role", u.role)
            o.put("invisible", u.invisible)
            o.put("language", u.language)
            o.put("teams", u.teams)
            o.put("teams_role", u.teamsRole)
            o.put("blocked_user_ids", u.blockedUserIDs)
            o.put("channel_mutes", u.channelMutes)
            o.put("user_mutes", u.userMutes)
            o.put("push_preferences", u.pushPreferences)
            o.put("privacy_settings", u.privacySettings)
            o.put("created_at", u.createdAt)
            o.put("deactivated_at", u.deactivatedAt)
            o.put("deleted_at", u.deletedAt)
            return o.with(custom: u.custom)
        case .device(let d):
            o.put("id", d.id)
            o.put("user_id", d.userID)
            o.put("push_provider_type", d.pushProvider.rawValue)
            o.put("push_provider_name", d.pushProviderName)
            o.put("created_at", d.createdAt)
            return o.object
        case .futureChannelBan(let b):
            o.put("target_id", b.targetID)
            o.put("created_by", b.createdBy)
            o.put("reason", b.reason)
            o.put("shadow", b.shadow)
            o.put("created_at", b.createdAt)
            return o.object
        case .channel(let c):
            o.put("type", c.type)
            if let ids = distinctChannels[c.cid] { o.put("member_ids", ids) } else { o.put("id", c.id) }
            o.put("created_by", c.createdBy)
            o.put("team", c.team)
            o.put("disabled", c.disabled)
            o.put("frozen", c.frozen)
            o.put("banned_users", c.bannedUsers)
            o.put("truncated_at", c.truncatedAt)
            o.put("created_at", c.createdAt)
            return o.with(custom: c.custom)
        case .member(let m):
            channel(type: m.channelType, id: m.channelID, cid: m.cid, &o)
            o.put("user_id", m.userID)
            o.put("channel_role", m.channelRole)
            o.put("invited", m.invited)
            o.put("invite_accepted_at", m.inviteAcceptedAt)
            o.put("invite_rejected_at", m.inviteRejectedAt)
            o.put("hide_channel", m.hideChannel)
            o.put("hide_messages_before", m.hideMessagesBefore)
            o.put("last_read", m.lastRead)
            o.put("archived_at", m.archivedAt)
            o.put("created_at", m.createdAt)
            return o.with(custom: m.custom)
        case .message(let m):
            return message(m)
        case .reaction(let r):
            o.put("message_id", r.messageID)
            o.put("type", r.type)
            o.put("user_id", r.userID)
            o.put("created_at", r.createdAt)
            return o.with(custom: r.custom)
        case .poll(let p):
            return poll(p)
        case .pollVote(let v):
            o.put("id", v.id)
            o.put("poll_id", v.pollID)
            o.put("option_id", v.optionID)
            if v.isAnswer { o.put("is_answer", true) }
            o.put("answer_text", v.answerText)
            o.put("user_id", v.userID)
            o.put("created_at", v.createdAt)
            o.put("updated_at", v.updatedAt)
            return o.object
        }
    }

    /// Flags are written only when set, as a file that left them out reads back the same.
    private func poll(_ p: Poll) -> JSONObject {
        var o = Fields()
        o.put("id", p.id)
        o.put("name", p.name)
        o.put("description", p.description)
        o.put("created_by_id", p.createdByID)
        if p.votingVisibility != .public { o.put("voting_visibility", p.votingVisibility.rawValue) }
        if p.enforceUniqueVote { o.put("enforce_unique_vote", true) }
        if let max = p.maxVotesAllowed { o.object.appendUnique("max_votes_allowed", .int(max)) }
        if p.allowUserSuggestedOptions { o.put("allow_user_suggested_options", true) }
        if p.allowAnswers { o.put("allow_answers", true) }
        if p.isClosed { o.put("is_closed", true) }
        if !p.options.isEmpty {
            o.object.appendUnique(
                "options",
                .array(
                    p.options.map { option in
                        var f = Fields()
                        f.put("id", option.id)
                        f.put("text", option.text)
                        return .object(f.with(custom: option.custom))
                    }
                )
            )
        }
        o.put("created_at", p.createdAt)
        o.put("updated_at", p.updatedAt)
        return o.with(custom: p.custom)
    }

    /// Whether `channel` is named by its members in import files, and by which.
    public static func distinctMembers(of channel: Channel) -> [String]? {
        DistinctChannelID.isDistinct(channel.id) ? channel.memberIDs : nil
    }

    private func message(_ m: Message) -> JSONObject {
        var o = Fields()
        o.put("id", m.id)
        channel(type: m.channelType, id: m.channelID, cid: m.cid, &o)
        o.put("user", m.userID)
        o.put("type", m.type.rawValue)
        o.put("text", m.text)
        o.put("html", m.html)
        if !m.attachments.isEmpty { o.object["attachments"] = .array(m.attachments.map { .object($0.fields) }) }
        o.put("parent_id", m.parentID)
        o.put("show_in_channel", m.showInChannel)
        o.put("quoted_message_id", m.quotedMessageID)
        o.put("poll_id", m.pollID)
        o.put("mentioned_users_ids", m.mentionedUserIDs)
        o.put("mentioned_roles", m.mentionedRoles)
        // The store keeps false for absent: only a true flag is written, as a file would carry it.
        o.put("mentioned_here", m.mentionedHere == true ? true : nil)
        o.put("mentioned_channel", m.mentionedChannel == true ? true : nil)
        o.put("restricted_visibility", m.restrictedVisibility)
        o.put("pinned_at", m.pinnedAt)
        o.put("pinned_by_id", m.pinnedByID)
        o.put("pin_expires", m.pinExpires)
        o.put("created_at", m.createdAt)
        o.put("deleted_at", m.deletedAt)
        o.put("message_text_updated_at", m.textUpdatedAt)
        return o.with(custom: m.custom)
    }

    private func channel(type: String, id: String, cid: String, _ o: inout Fields) {
        o.put("channel_type", type)
        if let ids = distinctChannels[cid] { o.put("channel_member_ids", ids) } else { o.put("channel_id", id) }
    }

    /// An object built field by field; a nil value is left out, as a file would leave it out.
    private struct Fields {
        var object = JSONObject()

        mutating func put(_ key: String, _ value: String?) { if let value { object.appendUnique(key, .string(value)) } }
        mutating func put(_ key: String, _ value: Bool?) { if let value { object.appendUnique(key, .bool(value)) } }
        mutating func put(_ key: String, _ value: Timestamp?) { if let value { object.appendUnique(key, .string(value.rfc3339)) } }
        mutating func put(_ key: String, _ value: JSONObject?) { if let value { object.appendUnique(key, .object(value)) } }
        mutating func put(_ key: String, _ value: [String]?) {
            if let value { object.appendUnique(key, .array(value.map(JSONValue.string))) }
        }

        /// The fields, then the custom ones (never a standard name: the rules read those first).
        func with(custom: JSONObject) -> JSONObject {
            var out = object
            for member in custom.members where out[member.key] == nil { out.appendUnique(member.key, member.value) }
            return out
        }
    }
}
