import ChatModel
import ChatStore

/// A message as Stream's API shows it, custom fields flat, without what depends on the viewer
/// or needs more reads (reactions, the quoted message): `MessagePresenter` adds those.
enum MessageJSON {
    static func json(_ row: MessageRow, author: User?) -> JSONObject {
        let m = row.message
        var o = m.custom
        o["id"] = .string(m.id)
        o["text"] = .string(m.text ?? "")
        o["html"] = .string(m.html ?? "")
        o["type"] = .string(m.type.rawValue)
        o["user"] = UserJSON.json(author ?? User(id: m.userID))
        o["cid"] = .string(m.cid)
        let created = (m.createdAt ?? .now()).rfc3339
        o["created_at"] = .string(created)
        o["updated_at"] = .string((m.textUpdatedAt ?? m.createdAt ?? .now()).rfc3339)
        o["attachments"] = .array(m.attachments.map { .object($0.fields) })
        o["latest_reactions"] = []
        o["own_reactions"] = []
        var counts = JSONObject()
        for r in row.reactions { counts.appendUnique(r.type, .int(r.count)) }
        o["reaction_counts"] = .object(counts)
        o["reaction_scores"] = .object(counts)
        o["reply_count"] = .int(row.replyCount)
        o["deleted_reply_count"] = 0
        o["mentioned_users"] = .array((m.mentionedUserIDs ?? []).map { UserJSON.json(User(id: $0)) })
        o["mentioned_here"] = .bool(m.mentionedHere ?? false)
        o["mentioned_channel"] = .bool(m.mentionedChannel ?? false)
        if let roles = m.mentionedRoles { o["mentioned_roles"] = .array(roles.map(JSONValue.string)) }
        o["shadowed"] = false
        o["silent"] = false
        // A pin past its expiry no longer counts, as in Stream.
        o["pinned"] = .bool(m.pinnedAt != nil && (m.pinExpires.map { $0 > .now() } ?? true))
        o["restricted_visibility"] = .array((m.restrictedVisibility ?? []).map(JSONValue.string))
        if let parent = m.parentID { o["parent_id"] = .string(parent) }
        if let show = m.showInChannel { o["show_in_channel"] = .bool(show) }
        if let quoted = m.quotedMessageID { o["quoted_message_id"] = .string(quoted) }
        if let deleted = m.deletedAt { o["deleted_at"] = .string(deleted.rfc3339) }
        o["pinned_at"] = m.pinnedAt.map { .string($0.rfc3339) } ?? .null
        o["pinned_by"] = m.pinnedByID.map { UserJSON.json(User(id: $0)) } ?? .null
        o["pin_expires"] = m.pinExpires.map { .string($0.rfc3339) } ?? .null
        // Stream shows these on every message; `MessagePresenter` fills them for one carrying a poll.
        o["poll_id"] = ""
        o["poll"] = .null
        if let edited = m.textUpdatedAt { o["message_text_updated_at"] = .string(edited.rfc3339) }
        return o
    }
}
