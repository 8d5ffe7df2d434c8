import ChatModel

/// Rows back into model values (the reverse of `StoreImportSink`).
enum StoredItems {
    static func strings(_ text: String?) -> [String]? {
        StoredValue.decodeJSON(text)?.arrayValue?.compactMap(\.stringValue)
    }

    private static func object(_ text: String?) -> JSONObject? { StoredValue.decodeJSON(text)?.objectValue }

    static func user(_ row: SQLRow) -> User {
        var user = User(id: row["id"], custom: object(row["custom"]) ?? JSONObject())
        user.role = row["role"]
        user.invisible = row["invisible"]
        user.language = row["language"]
        user.teams = strings(row["teams"])
        user.teamsRole = object(row["teams_role"])
        user.blockedUserIDs = strings(row["blocked_user_ids"])
        user.channelMutes = strings(row["channel_mutes"])
        user.userMutes = strings(row["user_mutes"])
        user.pushPreferences = object(row["push_preferences"])
        user.privacySettings = object(row["privacy_settings"])
        user.createdAt = StoredValue.decodeTime(row["created_at"])
        user.updatedAt = StoredValue.decodeTime(row["updated_at"])
        user.deactivatedAt = StoredValue.decodeTime(row["deactivated_at"])
        user.deletedAt = StoredValue.decodeTime(row["deleted_at"])
        return user
    }

    /// Nil for a push provider this chatterm does not know (no import or route writes one).
    static func device(_ row: SQLRow) -> Device? {
        guard let provider = PushProvider(rawValue: row["push_provider"]) else { return nil }
        var device = Device(id: row["id"], userID: row["user_id"], pushProvider: provider)
        device.pushProviderName = row["push_provider_name"]
        device.createdAt = StoredValue.decodeTime(row["created_at"])
        return device
    }

    static func futureChannelBan(_ row: SQLRow) -> FutureChannelBan {
        var ban = FutureChannelBan(targetID: row["target_id"], createdBy: row["created_by"])
        ban.reason = row["reason"]
        ban.shadow = row["shadow"]
        ban.createdAt = StoredValue.decodeTime(row["created_at"])
        return ban
    }

    static func channel(_ row: SQLRow) -> Channel {
        var channel = Channel(type: row["type"], id: row["id"], createdBy: row["created_by"], custom: object(row["custom"]) ?? JSONObject())
        channel.memberIDs = strings(row["member_ids"])
        channel.team = row["team"]
        channel.disabled = row["disabled"]
        channel.frozen = row["frozen"]
        channel.bannedUsers = strings(row["banned_users"])
        channel.truncatedAt = StoredValue.decodeTime(row["truncated_at"])
        channel.createdAt = StoredValue.decodeTime(row["created_at"])
        channel.updatedAt = StoredValue.decodeTime(row["updated_at"])
        return channel
    }

    static func member(_ row: SQLRow) -> Member {
        let cid: String = row["cid"]
        let (type, id) = ChannelID.split(cid)
        var member = Member(channelType: type, channelID: id, userID: row["user_id"], custom: object(row["custom"]) ?? JSONObject())
        member.channelRole = row["channel_role"]
        member.invited = row["invited"]
        member.inviteAcceptedAt = StoredValue.decodeTime(row["invite_accepted_at"])
        member.inviteRejectedAt = StoredValue.decodeTime(row["invite_rejected_at"])
        member.hideChannel = row["hide_channel"]
        member.hideMessagesBefore = StoredValue.decodeTime(row["hide_messages_before"])
        member.lastRead = StoredValue.decodeTime(row["last_read"])
        member.archivedAt = StoredValue.decodeTime(row["archived_at"])
        member.pinnedAt = StoredValue.decodeTime(row["pinned_at"])
        member.lastDeliveredAt = StoredValue.decodeTime(row["last_delivered_at"])
        member.lastDeliveredMessageID = row["last_delivered_message_id"]
        member.createdAt = StoredValue.decodeTime(row["created_at"])
        return member
    }

    static func message(_ row: SQLRow) -> Message {
        let (type, id) = ChannelID.split(row["cid"])
        var message = Message(
            id: row["id"],
            channelType: type,
            channelID: id,
            userID: row["user_id"],
            type: MessageType(rawValue: row["type"]) ?? .regular,
            text: row["text"],
            custom: object(row["custom"]) ?? JSONObject()
        )
        message.html = row["html"]
        message.attachments = (StoredValue.decodeJSON(row["attachments"])?.arrayValue ?? []).compactMap {
            $0.objectValue.map(Attachment.init(fields:))
        }
        message.parentID = row["parent_id"]
        message.showInChannel = row["show_in_channel"]
        message.quotedMessageID = row["quoted_message_id"]
        // The column is "" for a message without a poll (the API's `poll_id: ""`).
        let pollID: String? = row["poll_id"]
        message.pollID = pollID?.isEmpty == false ? pollID : nil
        message.mentionedUserIDs = strings(row["mentioned_user_ids"])
        message.mentionedRoles = strings(row["mentioned_roles"])
        message.mentionedHere = row["mentioned_here"]
        message.mentionedChannel = row["mentioned_channel"]
        message.restrictedVisibility = strings(row["restricted_visibility"])
        message.pinnedAt = StoredValue.decodeTime(row["pinned_at"])
        message.pinnedByID = row["pinned_by_id"]
        message.pinExpires = StoredValue.decodeTime(row["pin_expires"])
        message.createdAt = StoredValue.decodeTime(row["created_at"])
        message.deletedAt = StoredValue.decodeTime(row["deleted_at"])
        message.textUpdatedAt = StoredValue.decodeTime(row["text_updated_at"])
        message.silent = row["silent"]
        return message
    }

    static func reaction(_ row: SQLRow) -> Reaction {
        var reaction = Reaction(
            messageID: row["message_id"],
            type: row["type"],
            userID: row["user_id"],
            custom: object(row["custom"]) ?? JSONObject()
        )
        reaction.createdAt = StoredValue.decodeTime(row["created_at"])
        return reaction
    }
}
