import ChatModel

/// What becomes of one Slack message, decided the same way on every pass: its time, its
/// author and its Stream type, or the reason it is left out.
struct SlackMessagePlan {
    enum Kind { case regular, system, deleted }

    enum Outcome {
        case convert(SlackMessagePlan)
        case skip(String)
    }

    var ts: String
    var time: Timestamp
    /// A user id, or a `bot_id` for an integration's post.
    var author: String
    /// The bot's name when the author is a `bot_id` (no user record).
    var bot: String?
    var kind: Kind
    var subtype: String?

    /// Subtypes that are someone's words.
    static let content: Set<String> = [
        "thread_broadcast", "reply_broadcast", "file_share", "me_message", "bot_message", "slackbot_response", "file_comment",
    ]
    /// Notices about the channel: kept as system messages.
    static let notices: Set<String> = [
        "channel_join", "channel_leave", "group_join", "group_leave", "channel_topic", "channel_purpose", "channel_name",
        "channel_archive", "channel_unarchive", "group_topic", "group_purpose", "group_name", "group_archive", "group_unarchive",
        "channel_convert_to_private", "channel_convert_to_public",
    ]

    /// The mrkdwn a message shows (an old file comment keeps it in `comment`).
    static func text(of m: JSONObject) -> String {
        m["text"]?.stringValue ?? m["comment"]?.objectValue?["comment"]?.stringValue ?? ""
    }

    static func make(_ m: JSONObject) -> Outcome {
        guard let ts = m["ts"]?.stringValue, let time = SlackTime.ts(ts) else { return .skip("no readable ts") }
        let subtype = m["subtype"]?.stringValue
        let kind: Kind
        switch subtype {
        case nil: kind = .regular
        case "tombstone": kind = .deleted
        case let s? where content.contains(s): kind = .regular
        case let s? where notices.contains(s): kind = .system
        case "pinned_item", "unpinned_item": return .skip("pin notice (pins come from pinned_to)")
        case let s?: return .skip("subtype \(s) has no Stream equivalent")
        }
        if kind != .deleted, m["hidden"]?.boolValue == true { return .skip("hidden by Slack") }
        if let user = m["user"]?.stringValue ?? m["comment"]?.objectValue?["user"]?.stringValue, !user.isEmpty {
            return .convert(SlackMessagePlan(ts: ts, time: time, author: user, bot: nil, kind: kind, subtype: subtype))
        }
        if let bot = m["bot_id"]?.stringValue, !bot.isEmpty {
            let name = [m["bot_profile"]?.objectValue?["name"], m["username"]].lazy.compactMap { $0?.stringValue }.first { !$0.isEmpty }
            return .convert(SlackMessagePlan(ts: ts, time: time, author: bot, bot: name ?? bot, kind: kind, subtype: subtype))
        }
        return .skip("no author (neither user nor bot_id)")
    }
}

extension SlackText {
    /// The user ids `<@U…>` tokens name, without converting the text.
    static func mentionedIDs(_ mrkdwn: String) -> [String] {
        guard mrkdwn.contains("<@") else { return [] }
        return SlackText(mrkdwn, userName: { _ in nil }, channelName: { _ in nil }).mentionedUsers
    }
}
