import ChatModel

enum MessageRules {
    static let reserved: Set<String> = [
        "tmp_id", "app_pk", "latest_reactions", "own_reactions", "reactions_count", "reply_count", "command", "pk",
        "quoted_message", "pinned_by",
    ]
    static let maxAttachments = 30
    /// `maxTextLength` is the channel type's `max_message_length`, counted in Unicode scalars (Go
    /// runes). Import files may only name built-in types, so imports use Stream's default for them.
    /// `ownFiles` is a live server's upload URL prefix (see `AttachmentRules.check`); nil for imports.
    static func decode(
        _ data: some FieldSource,
        maxTextLength: Int = ChannelTypeConfig.defaultMaxMessageLength,
        ownFiles: String? = nil,
        distinctIDs: DistinctChannelIDs? = nil
    ) -> (ImportItem?, [String]) {
        var f = FieldReader(data, itemName: "message")
        let id = f.id("id", .messageID)
        let channel = ChannelRef.read(&f, distinctIDs: distinctIDs)
        let userID = f.id("user", .user)
        let typeName = f.string("type") ?? ""
        var type = MessageType.regular
        switch typeName {
        case "", "regular": type = .regular
        case "reply": type = .reply
        case "deleted": type = .deleted
        case "system": type = .system
        default: f.fail("'\(typeName)' is not a valid message.type (regular, reply, deleted or system)")
        }
        let text = f.string("text")
        // Counting scalars is only needed when the UTF-8 length could exceed the limit.
        if let text, text.utf8.count > maxTextLength {
            let length = text.unicodeScalars.count
            if length > maxTextLength { f.fail("max message text length exceeded (\(maxTextLength)): \(length) characters") }
        }
        let html = f.string("html")
        let attachments = decodeAttachments(&f, ownFiles: ownFiles)
        let parentID = f.id("parent_id", .messageID, required: false)
        let showInChannel = f.bool("show_in_channel")
        let quotedID = f.id("quoted_message_id", .messageID, required: false)
        let pollID = f.id("poll_id", .pollID, required: false)
        let mentioned = f.ids("mentioned_users_ids", .user)
        let mentionedRoles = f.strings("mentioned_roles")
        let mentionedHere = f.bool("mentioned_here")
        let mentionedChannel = f.bool("mentioned_channel")
        let restricted = f.ids("restricted_visibility", .user)
        let pinnedAt = f.timestamp("pinned_at")
        let pinnedBy = f.id("pinned_by_id", .user, required: false)
        let pinExpires = f.timestamp("pin_expires")
        let createdAt = f.timestamp("created_at")
        let deletedAt = f.timestamp("deleted_at")
        // Not in Stream's import schema, but what Stream answers for an edit and what the Slack and
        // Mattermost converters (and `chatterm export`) write: the store's edit, not custom data.
        let textUpdatedAt = f.timestamp("message_text_updated_at")
        let custom = f.custom(reserved: reserved)

        if typeName == "reply", parentID == nil, !data.has("parent_id") {
            f.fail("a message of type reply requires parent_id")
        }
        if showInChannel == true, parentID == nil { f.fail("show_in_channel requires parent_id") }
        if (type == .deleted) != (deletedAt != nil) {
            f.fail(
                type == .deleted
                    ? "a message of type deleted requires deleted_at" : "deleted_at is only allowed on a message of type deleted"
            )
        }
        if (pinnedAt != nil) != (pinnedBy != nil) { f.fail("pinned_at and pinned_by_id must be provided together") }
        if pinExpires != nil, pinnedAt == nil || pinnedBy == nil { f.fail("pin_expires requires pinned_at and pinned_by_id") }
        if let parentID, parentID == id { f.fail("a message cannot be its own parent") }

        guard let id, let channel, let userID else { return (nil, f.errors) }
        // A regular message with a parent is a thread reply; keep deleted and system types.
        if parentID != nil, type == .regular { type = .reply }
        var message = Message(
            id: id,
            channelType: channel.type,
            channelID: channel.id,
            userID: userID,
            type: type,
            text: text,
            custom: custom
        )
        message.html = html
        message.attachments = attachments
        message.parentID = parentID
        message.showInChannel = showInChannel
        message.quotedMessageID = quotedID
        message.pollID = pollID
        message.mentionedUserIDs = mentioned
        message.mentionedRoles = mentionedRoles
        message.mentionedHere = mentionedHere
        message.mentionedChannel = mentionedChannel
        message.restrictedVisibility = restricted
        message.pinnedAt = pinnedAt
        message.pinnedByID = pinnedBy
        message.pinExpires = pinExpires
        message.createdAt = createdAt
        message.deletedAt = deletedAt
        message.textUpdatedAt = textUpdatedAt
        return (.message(message), f.errors)
    }

    private static func decodeAttachments(_ f: inout FieldReader<some FieldSource>, ownFiles: String?) -> [Attachment] {
        guard let values = f.array("attachments") else { return [] }
        if values.count > maxAttachments {
            f.fail("a message can have at most \(maxAttachments) attachments, this one has \(values.count)")
        }
        var out: [Attachment] = []
        for (i, value) in values.enumerated() {
            guard case .object(let object) = value else {
                f.fail("attachments[\(i)] must be an object")
                continue
            }
            var af = FieldReader(object, itemName: "attachment")
            AttachmentRules.check(&af, ownFiles: ownFiles)
            f.absorb(af.errors, context: "attachments[\(i)]")
            out.append(Attachment(fields: object))
        }
        return out
    }
}
