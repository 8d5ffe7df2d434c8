import ChatModel
import ChatStore

/// A user as Stream's API shows it (`UserResponse`): required fields always present, custom fields flat.
enum UserJSON {
    static func json(_ user: User) -> JSONValue { json(user, ban: nil) }

    /// `ban`: the user's app-wide ban in force, if any (`banned`, or `shadow_banned` for a
    /// shadow ban, and `ban_expires`).
    static func json(_ user: User, ban: Ban?) -> JSONValue {
        var o = user.custom
        o.reserveCapacity(o.count + 15)
        o["id"] = .string(user.id)
        o["role"] = .string(user.role ?? AppRole.user)
        let created = user.createdAt?.rfc3339 ?? Timestamp.now().rfc3339
        o["created_at"] = .string(created)
        o["updated_at"] = .string(user.updatedAt?.rfc3339 ?? created)
        o["banned"] = .bool(ban.map { !$0.shadow } ?? false)
        o["online"] = false
        o["shadow_banned"] = .bool(ban?.shadow ?? false)
        if let expires = ban?.expires { o["ban_expires"] = .string(expires.rfc3339) }
        o["invisible"] = .bool(user.invisible ?? false)
        o["language"] = .string(user.language ?? "")
        o["teams"] = .array((user.teams ?? []).map(JSONValue.string))
        o["blocked_user_ids"] = .array((user.blockedUserIDs ?? []).map(JSONValue.string))
        if let teamsRole = user.teamsRole { o["teams_role"] = .object(teamsRole) }
        if let at = user.deactivatedAt { o["deactivated_at"] = .string(at.rfc3339) }
        if let at = user.deletedAt { o["deleted_at"] = .string(at.rfc3339) }
        return .object(o)
    }

    /// The app-wide bans in force, by user id.
    static func appBans(store: ChatStore) throws -> [String: Ban] {
        Dictionary(try store.bans(cid: nil, now: .now()).filter { $0.cid == nil }.map { ($0.targetID, $0) }) { a, _ in a }
    }
}
