import ChatModel
import ChatStore

/// A message as Stream's API shows it, custom fields flat, without what depends on the viewer
/// or needs more reads (reactions, the quoted message): `MessagePresenter` adds those.
enum MessageJSON {
    /// The message's own keys come first, appended without the duplicate check (a lookup
    /// scans the keys, and some forty a message, fifty messages a page, made that a square
    /// cost), then each custom field none of them took.
    /// `user` gives a user's `UserJSON` by id (the author, the mentioned users, the pinner);
    /// `latestReactions`, `ownReactions` and `shadowed` are `MessagePresenter`'s, written in
    /// their places (setting each afterwards scanned the keys).
    static func json(
        _ row: MessageRow,
        user: (String) -> JSONValue,
        latestReactions: [JSONValue] = [],
        ownReactions: [JSONValue] = [],
        shadowed: Bool = false
    ) -> JSONObject {
        let m = row.message
        var o = JSONObject()
        o.reserveCapacity(Self.ownKeys + m.custom.count)
        o.appendUnique("id", .string(m.id))
        o.appendUnique("text", .string(m.text ?? ""))
        o.appendUnique("html", .string(m.html ?? ""))
        o.appendUnique("type", .string(m.type.rawValue))
        o.appendUnique("user", user(m.userID))
        o.appendUnique("cid", .string(m.cid))
        let created = (m.createdAt ?? .now()).rfc3339
        o.appendUnique("created_at", .string(created))
        o.appendUnique("updated_at", .string(m.textUpdatedAt?.rfc3339 ?? created))
        o.appendUnique("attachments", .array(m.attachments.map { .object($0.fields) }))
        o.appendUnique("latest_reactions", .array(latestReactions))
        o.appendUnique("own_reactions", .array(ownReactions))
        var counts = JSONObject()
        var scores = JSONObject()
        var groups = JSONObject()
        for r in row.reactions {
            counts.appendUnique(r.type, .int(r.count))
            scores.appendUnique(r.type, .int(r.scores))
            groups.appendUnique(
                r.type,
                [
                    "count": .int(r.count), "sum_scores": .int(r.scores),
                    "first_reaction_at": r.firstAt.map { .string($0.rfc3339) } ?? .null,
                    "last_reaction_at": r.lastAt.map { .string($0.rfc3339) } ?? .null,
                ]
            )
        }
        o.appendUnique("reaction_counts", .object(counts))
        o.appendUnique("reaction_scores", .object(scores))
        o.appendUnique("reaction_groups", .object(groups))
        o.appendUnique("reply_count", .int(row.replyCount))
        o.appendUnique("deleted_reply_count", .int(row.deletedReplyCount))
        o.appendUnique("mentioned_users", .array((m.mentionedUserIDs ?? []).map(user)))
        o.appendUnique("mentioned_here", .bool(m.mentionedHere ?? false))
        o.appendUnique("mentioned_channel", .bool(m.mentionedChannel ?? false))
        if let roles = m.mentionedRoles { o.appendUnique("mentioned_roles", .array(roles.map(JSONValue.string))) }
        o.appendUnique("shadowed", .bool(shadowed))
        o.appendUnique("silent", .bool(m.silent))
        // A pin past its expiry no longer counts, as in Stream.
        o.appendUnique("pinned", .bool(m.pinnedAt != nil && (m.pinExpires.map { $0 > .now() } ?? true)))
        o.appendUnique("restricted_visibility", .array((m.restrictedVisibility ?? []).map(JSONValue.string)))
        if let parent = m.parentID { o.appendUnique("parent_id", .string(parent)) }
        if let show = m.showInChannel { o.appendUnique("show_in_channel", .bool(show)) }
        if let quoted = m.quotedMessageID { o.appendUnique("quoted_message_id", .string(quoted)) }
        if let deleted = m.deletedAt { o.appendUnique("deleted_at", .string(deleted.rfc3339)) }
        o.appendUnique("pinned_at", m.pinnedAt.map { .string($0.rfc3339) } ?? .null)
        o.appendUnique("pinned_by", m.pinnedByID.map(user) ?? .null)
        o.appendUnique("pin_expires", m.pinExpires.map { .string($0.rfc3339) } ?? .null)
        // Stream shows these on every message; `MessagePresenter` fills them for one carrying a poll.
        o.appendUnique("poll_id", "")
        o.appendUnique("poll", .null)
        if let edited = m.textUpdatedAt { o.appendUnique("message_text_updated_at", .string(edited.rfc3339)) }
        for member in m.custom.members where o[member.key] == nil { o.appendUnique(member.key, member.value) }
        return o
    }

    /// The most keys `json` writes before the custom fields.
    private static let ownKeys = 35
}
