import ChatModel

/// A user as Stream's API shows it (`UserResponse`): required fields always present, custom fields flat.
enum UserJSON {
    static func json(_ user: User) -> JSONValue {
        var o = user.custom
        o.reserveCapacity(o.count + 15)
        o["id"] = .string(user.id)
        o["role"] = .string(user.role ?? AppRole.user)
        let created = user.createdAt?.rfc3339 ?? Timestamp.now().rfc3339
        o["created_at"] = .string(created)
        o["updated_at"] = .string(created)
        o["banned"] = false
        o["online"] = false
        o["shadow_banned"] = false
        o["invisible"] = .bool(user.invisible ?? false)
        o["language"] = .string(user.language ?? "")
        o["teams"] = .array((user.teams ?? []).map(JSONValue.string))
        o["blocked_user_ids"] = .array((user.blockedUserIDs ?? []).map(JSONValue.string))
        if let teamsRole = user.teamsRole { o["teams_role"] = .object(teamsRole) }
        if let at = user.deactivatedAt { o["deactivated_at"] = .string(at.rfc3339) }
        if let at = user.deletedAt { o["deleted_at"] = .string(at.rfc3339) }
        return .object(o)
    }
}
