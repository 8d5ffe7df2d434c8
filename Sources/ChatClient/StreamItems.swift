import ChatModel

/// Stream's response JSON read back into the model: messages as one viewer's rows, channel
/// states as sidebar summaries, members, users and reactions. Every key an item has beyond
/// Stream's own fields is a custom field (the API sends them flat), so custom data survives.
enum StreamItems {
    // MARK: Messages

    /// A message as `viewer` sees it. `includesMine` comes from `own_reactions`, kept only where
    /// they are the viewer's: an event's message is rendered for the user who acted.
    static func messageRow(_ o: JSONObject, viewer: String) -> MessageRow? {
        guard let id = o["id"]?.stringValue, let cid = o["cid"]?.stringValue, let (type, channelID) = split(cid) else { return nil }
        let author = o["user"]?.objectValue.flatMap(user)
        var m = Message(
            id: id,
            channelType: type,
            channelID: channelID,
            userID: author?.id ?? "",
            type: o["type"]?.stringValue.flatMap(MessageType.init(rawValue:)) ?? .regular,
            text: o["text"]?.stringValue,
            custom: custom(o, leaving: messageFields)
        )
        m.html = o["html"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        m.attachments = o.objects("attachments").map(Attachment.init(fields:))
        m.parentID = o["parent_id"]?.stringValue
        m.showInChannel = o["show_in_channel"]?.boolValue
        m.silent = o["silent"]?.boolValue ?? false
        m.quotedMessageID = o["quoted_message_id"]?.stringValue
        m.mentionedUserIDs = nonEmpty(o.objects("mentioned_users").compactMap { $0["id"]?.stringValue })
        m.mentionedHere = o["mentioned_here"]?.boolValue
        m.mentionedChannel = o["mentioned_channel"]?.boolValue
        m.restrictedVisibility = nonEmpty(o.strings("restricted_visibility"))
        m.pinnedAt = time(o["pinned_at"])
        m.pinnedByID = o["pinned_by"]?.objectValue?["id"]?.stringValue
        m.pinExpires = time(o["pin_expires"])
        m.createdAt = time(o["created_at"])
        m.deletedAt = time(o["deleted_at"])
        m.textUpdatedAt = time(o["message_text_updated_at"])
        let mine = Set(o.objects("own_reactions").filter { $0["user_id"]?.stringValue == viewer }.compactMap { $0["type"]?.stringValue })
        let reactions = (o["reaction_counts"]?.objectValue?.members ?? []).map {
            MessageRow.ReactionCount(type: $0.key, count: $0.value.intValue ?? 0, includesMine: mine.contains($0.key))
        }
        let quoted = o["quoted_message"]?.objectValue.flatMap { q in
            q["id"]?.stringValue.map { quotedID in
                // What the preview shows of it: its text, else its attachments or poll.
                var quotedMessage = Message(
                    id: quotedID,
                    channelType: type,
                    channelID: channelID,
                    userID: "",
                    type: q["type"]?.stringValue.flatMap(MessageType.init(rawValue:)) ?? .regular,
                    text: q["text"]?.stringValue
                )
                quotedMessage.attachments = q.objects("attachments").map(Attachment.init(fields:))
                quotedMessage.pollID = q["poll_id"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
                return MessageRow.QuotedPreview(quotedMessage, authorName: q["user"]?.objectValue.flatMap(user)?.displayName ?? "")
            }
        }
        return MessageRow(
            message: m,
            authorName: author?.displayName ?? m.userID,
            replyCount: o["reply_count"]?.intValue ?? 0,
            reactions: reactions,
            quoted: quoted,
            poll: o["poll"]?.objectValue.flatMap(pollCard)
        )
    }

    // MARK: Channels

    /// Unread counts for one channel, from `/unread`.
    struct Unread {
        var messages = 0
        var mentions = 0
    }

    /// `/unread`'s channels by cid (a channel it leaves out has nothing unread).
    static func unread(_ o: JSONObject) -> [String: Unread] {
        var byCID: [String: Unread] = [:]
        for entry in o.objects("channels") {
            guard let cid = entry["channel_id"]?.stringValue else { continue }
            byCID[cid] = Unread(messages: entry["unread_count"]?.intValue ?? 0, mentions: entry["unread_mention_count"]?.intValue ?? 0)
        }
        return byCID
    }

    /// A channel state (`query_channels`) as `viewer`'s sidebar shows it.
    static func summary(_ state: JSONObject, viewer: String, unread: [String: Unread]) -> ChannelSummary? {
        guard let json = state["channel"]?.objectValue else { return nil }
        let members = state.objects("members")
        let memberUsers = members.compactMap { $0["user"]?.objectValue.flatMap(user) }
        guard var channel = channel(json) else { return nil }
        // A distinct channel is named after its members: Stream gives it an id made from them.
        // Notes to self have no other member, and are named after the one they have.
        var others: [String] = []
        if DistinctChannelID.isDistinct(channel.id) {
            channel.memberIDs = memberUsers.map(\.id)
            let named = memberUsers.filter { $0.id != viewer }
            others = User.conversationNames(named.isEmpty ? memberUsers : named)
        }
        let newest = state.objects("messages").last?["created_at"]
        let read = state.objects("read").first { $0["user"]?.objectValue?["id"]?.stringValue == viewer }
        let counts = unread[channel.cid] ?? Unread()
        let membership = state["membership"]?.objectValue
        return ChannelSummary(
            channel: channel,
            memberCount: json["member_count"]?.intValue ?? members.count,
            unreadCount: counts.messages,
            mentionCount: counts.mentions,
            lastMessageAt: time(json["last_message_at"]) ?? time(newest),
            lastRead: time(read?["last_read"]),
            muted: json["muted"]?.boolValue ?? false,
            otherMemberNames: others,
            pinnedAt: time(membership?["pinned_at"]),
            archivedAt: time(membership?["archived_at"])
        )
    }

    /// A channel state's `read` list: how far each user has read, by user id.
    static func readPositions(_ state: JSONObject) -> [String: Timestamp] {
        var positions: [String: Timestamp] = [:]
        for read in state.objects("read") {
            guard let id = read["user"]?.objectValue?["id"]?.stringValue, let at = time(read["last_read"]) else { continue }
            positions[id] = at
        }
        return positions
    }

    private static func channel(_ o: JSONObject) -> Channel? {
        guard let type = o["type"]?.stringValue, let id = o["id"]?.stringValue else { return nil }
        var c = Channel(
            type: type,
            id: id,
            createdBy: o["created_by"]?.objectValue?["id"]?.stringValue ?? "",
            custom: custom(o, leaving: channelFields)
        )
        c.team = o["team"]?.stringValue
        c.disabled = o["disabled"]?.boolValue
        c.frozen = o["frozen"]?.boolValue
        c.truncatedAt = time(o["truncated_at"])
        c.createdAt = time(o["created_at"])
        return c
    }

    // MARK: Members, users, reactions

    static func member(_ o: JSONObject, cid: String) -> MemberRow? {
        guard let (type, channelID) = split(cid), let user = o["user"]?.objectValue.flatMap(user) else { return nil }
        var m = Member(channelType: type, channelID: channelID, userID: user.id, custom: custom(o, leaving: memberFields))
        m.channelRole = o["channel_role"]?.stringValue
        m.invited = o["invited"]?.boolValue
        m.inviteAcceptedAt = time(o["invite_accepted_at"])
        m.inviteRejectedAt = time(o["invite_rejected_at"])
        m.archivedAt = time(o["archived_at"])
        m.createdAt = time(o["created_at"])
        return MemberRow(member: m, user: user)
    }

    static func user(_ o: JSONObject) -> User? {
        guard let id = o["id"]?.stringValue else { return nil }
        var u = User(id: id, custom: custom(o, leaving: userFields))
        u.role = o["role"]?.stringValue
        u.invisible = o["invisible"]?.boolValue
        u.language = o["language"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        u.teams = nonEmpty(o.strings("teams"))
        u.teamsRole = o["teams_role"]?.objectValue
        u.blockedUserIDs = nonEmpty(o.strings("blocked_user_ids"))
        u.privacySettings = o["privacy_settings"]?.objectValue
        u.pushPreferences = o["push_preferences"]?.objectValue
        u.createdAt = time(o["created_at"])
        u.deactivatedAt = time(o["deactivated_at"])
        u.deletedAt = time(o["deleted_at"])
        return u
    }

    static func reaction(_ o: JSONObject) -> Reaction? {
        guard let messageID = o["message_id"]?.stringValue, let type = o["type"]?.stringValue,
            let userID = o["user_id"]?.stringValue ?? o["user"]?.objectValue?["id"]?.stringValue
        else { return nil }
        var r = Reaction(messageID: messageID, type: type, userID: userID, custom: custom(o, leaving: reactionFields))
        r.createdAt = time(o["created_at"])
        return r
    }

    // MARK: Helpers

    /// Stream's own fields of each item (MessageResponse, ChannelResponse, ChannelMemberResponse,
    /// UserResponse / OwnUserResponse, ReactionResponse): what is not custom.
    private static let messageFields: Set<String> = [
        "id", "text", "html", "type", "user", "cid", "created_at", "updated_at", "attachments", "latest_reactions", "own_reactions",
        "reaction_counts", "reaction_scores", "reaction_groups", "reply_count", "deleted_reply_count", "mentioned_users",
        "mentioned_here", "mentioned_channel", "mentioned_roles", "shadowed", "silent", "pinned", "pinned_at", "pinned_by",
        "pin_expires", "restricted_visibility", "parent_id", "show_in_channel", "quoted_message_id", "quoted_message",
        "thread_participants", "deleted_at", "deleted_for_me", "message_text_updated_at", "command", "args", "command_info",
        "i18n", "member", "channel", "poll_id", "poll", "draft", "reminder", "moderation",
    ]
    private static let channelFields: Set<String> = [
        "id", "type", "cid", "created_at", "updated_at", "frozen", "disabled", "member_count", "message_count", "created_by",
        "team", "truncated_at", "truncated_by", "config", "last_message_at", "deleted_at", "own_capabilities", "hidden",
        "muted", "mute_expires_at", "cooldown", "blocked", "filter_tags", "auto_translation_enabled", "auto_translation_language",
    ]
    private static let memberFields: Set<String> = [
        "user_id", "user", "created_at", "updated_at", "channel_role", "role", "is_moderator", "banned", "shadow_banned", "status",
        "invited", "invite_accepted_at", "invite_rejected_at", "notifications_muted", "archived_at", "pinned_at", "ban_expires",
        "deleted_at",
    ]
    private static let userFields: Set<String> = [
        "id", "role", "created_at", "updated_at", "banned", "online", "shadow_banned", "invisible", "language", "teams", "teams_role",
        "blocked_user_ids", "deactivated_at", "deleted_at", "last_active", "ban_expires", "revoke_tokens_issued_before", "devices",
        "push_notifications", "avg_response_time", "privacy_settings", "push_preferences", "mutes", "channel_mutes", "unread_count",
        "total_unread_count", "unread_channels", "unread_threads", "latest_hidden_channels",
    ]
    private static let reactionFields: Set<String> = ["message_id", "user_id", "user", "type", "created_at", "updated_at"]

    private static func custom(_ o: JSONObject, leaving standard: Set<String>) -> JSONObject {
        JSONObject(o.members.filter { !standard.contains($0.key) })
    }

    /// `type:id` → (type, id).
    static func split(_ cid: String) -> (String, String)? {
        guard let colon = cid.firstIndex(of: ":") else { return nil }
        return (String(cid[..<colon]), String(cid[cid.index(after: colon)...]))
    }

    private static func time(_ value: JSONValue?) -> Timestamp? { value?.stringValue.flatMap(Timestamp.init(rfc3339:)) }

    /// The model leaves list fields nil when empty, as an import without them does.
    private static func nonEmpty<T>(_ list: [T]) -> [T]? { list.isEmpty ? nil : list }
}

extension JSONObject {
    /// The objects in the list at `key` (none when it is missing or not a list).
    func objects(_ key: String) -> [JSONObject] { (self[key]?.arrayValue ?? []).compactMap(\.objectValue) }

    /// The strings in the list at `key`.
    func strings(_ key: String) -> [String] { (self[key]?.arrayValue ?? []).compactMap(\.stringValue) }
}
