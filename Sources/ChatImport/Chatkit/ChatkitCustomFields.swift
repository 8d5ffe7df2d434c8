import ChatModel

/// Chatkit `custom_data` as Stream custom fields: spread flat (as Stream's own migration code
/// did), with keys Stream reserves or already uses renamed to `chatkit_<key>`, and the whole
/// kept within Stream's 5 KiB per object.
enum ChatkitCustomFields {
    /// User fields Stream defines, reserves or the converter writes itself.
    static let userTaken: Set<String> = UserRules.reserved.union([
        "id", "role", "teams", "teams_role", "language", "blocked_user_ids", "invisible", "deactivated_at", "deleted_at",
        "created_at", "updated_at", "channel_mutes", "user_mutes", "push_preferences", "privacy_settings", "banned",
        "name", "image", "chatkit_id", "chatkit_updated_at", "chatkit_placeholder",
    ])
    /// Channel fields Stream defines, reserves or the converter writes itself.
    static let channelTaken: Set<String> = ChannelRules.reserved.union([
        "id", "type", "member_ids", "created_by", "created_by_id", "team", "disabled", "frozen", "banned_users", "truncated_at",
        "created_at", "updated_at", "deleted_at", "member_count", "name", "image", "chatkit_id", "chatkit_updated_at",
        "push_notification_title_override", "chatkit_placeholder",
    ])

    /// Adds `data`'s members to `custom`, renaming a taken key (and reporting it through
    /// `renamed(old, new)`). Returns the keys as written, for `fit`.
    static func spread(_ data: JSONObject, into custom: inout JSONObject, taken: Set<String>, renamed: (String, String) -> Void) -> [String]
    {
        var written: [String] = []
        for member in data.members {
            var key = member.key
            while taken.contains(key) || custom[key] != nil { key = "chatkit_" + key }
            if key != member.key { renamed(member.key, key) }
            custom.appendUnique(key, member.value)
            written.append(key)
        }
        return written
    }

    /// Drops `droppable` keys from `custom`, largest first, until it fits in 5 KiB; reports each
    /// through `dropped(key, bytesBefore)`.
    static func fit(_ custom: inout JSONObject, droppable: [String], dropped: (String, Int) -> Void) {
        var size = JSONWriter.encodedSize(.object(custom))
        guard size > FieldReader<JSONObject>.maxCustomBytes else { return }
        let bySize = droppable.compactMap { key in custom[key].map { (key, JSONWriter.encodedSize($0)) } }.sorted { $0.1 > $1.1 }
        for (key, _) in bySize where size > FieldReader<JSONObject>.maxCustomBytes {
            dropped(key, size)
            custom[key] = nil
            size = JSONWriter.encodedSize(.object(custom))
        }
    }
}
