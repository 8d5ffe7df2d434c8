import ChatModel

/// What a system message's line says. Stream's UIs show a system message's text; one without
/// text (a migrated notice whose export kept only its kind) would be a bare "— —", so the
/// line says what the notice was, from the kind the conversion kept (`slack_subtype`,
/// `mm_post_type`), else that it is a system message, and by whom.
enum SystemLineText {
    static func of(_ row: MessageRow) -> String {
        if let text = row.message.text, !text.isEmpty { return text }
        let kind = ["slack_subtype", "mm_post_type"].lazy.compactMap { row.message.custom[$0]?.stringValue }.first
        guard let kind, let what = notices[kind] else { return "system message from " + row.authorName }
        return row.authorName + " " + what
    }

    /// Slack's notice subtypes (`SlackMessagePlan.notices`) and Mattermost's system post types.
    private static let notices: [String: String] = [
        "channel_join": "joined the channel", "group_join": "joined the channel", "system_join_channel": "joined the channel",
        "channel_leave": "left the channel", "group_leave": "left the channel", "system_leave_channel": "left the channel",
        "system_add_to_channel": "added someone to the channel", "system_remove_from_channel": "removed someone from the channel",
        "channel_topic": "changed the topic", "group_topic": "changed the topic", "system_header_change": "changed the header",
        "channel_purpose": "changed the purpose", "group_purpose": "changed the purpose", "system_purpose_change": "changed the purpose",
        "channel_name": "renamed the channel", "group_name": "renamed the channel", "system_displayname_change": "renamed the channel",
        "channel_archive": "archived the channel", "group_archive": "archived the channel",
        "system_channel_deleted": "archived the channel",
        "channel_unarchive": "unarchived the channel", "group_unarchive": "unarchived the channel",
        "system_channel_restored": "unarchived the channel", "channel_convert_to_private": "made the channel private",
        "channel_convert_to_public": "made the channel public", "system_join_team": "joined the team", "system_leave_team": "left the team",
    ]
}
