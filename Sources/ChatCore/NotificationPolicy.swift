import ChatModel

/// How much of one channel's traffic notifies (`/notify`, the config's
/// `[notifications.channels]`): every new message, only those that call on the reader (and
/// every message of a direct conversation), or nothing (`none`, named `silent` here: an
/// optional's `.none` would read the same).
public enum NotificationLevel: String, CaseIterable, Sendable {
    case all, mentions
    case silent = "none"

    /// The names, for messages: `all, mentions, none`.
    public static let names = allCases.map(\.rawValue).joined(separator: ", ")
}

/// A new message worth telling the reader about while they look elsewhere: who, where, what.
/// The text is the data's as it came; the terminal side sanitizes it (`OSCSanitizer`).
public struct NewMessageAlert: Sendable, Equatable {
    public var title: String
    public var body: String

    public init(title: String, body: String) {
        self.title = title
        self.body = body
    }
}

/// Who is notified of what. A new message from someone else notifies when its channel's level
/// lets it: `all`; or `mentions` (the default), when it calls on the reader (`Message.mentions`:
/// named, `@here`, `@channel`) or is in a direct conversation (a `messaging` channel of two).
/// A channel the reader muted (Stream's channel mute) counts as `none`. Never for the channel
/// being read while the terminal has the focus: the reader sees it arrive.
public struct NotificationPolicy: Sendable, Equatable {
    /// Per channel (cid); a channel not named here is at `mentions`.
    public var levels: [String: NotificationLevel]

    /// A message older than this when it first arrives is not news: an edit or a reaction on
    /// an old message also arrives as the message, the first time this client sees it.
    public static let freshSeconds: Int64 = 120

    public init(levels: [String: NotificationLevel] = [:]) { self.levels = levels }

    /// The level in effect for `channel`: a muted channel's is `none`.
    public func level(of channel: ChannelSummary) -> NotificationLevel {
        channel.muted ? .silent : levels[channel.channel.cid] ?? .mentions
    }

    /// The alert for `row`, new in `channel`, for `reader`; nil when it does not notify.
    /// `reading`: the channel is the open one and the terminal has the focus. `now`: the
    /// client's clock (nil before its first tick: the message counts as fresh).
    public func alert(
        for row: MessageRow,
        in channel: ChannelSummary,
        reader: String,
        reading: Bool,
        now: Timestamp?
    ) -> NewMessageAlert? {
        let message = row.message
        guard message.userID != reader, message.type == .regular || message.type == .reply, !reading else { return nil }
        if let now, let at = message.createdAt, now.seconds - at.seconds > Self.freshSeconds { return nil }
        let direct = Self.isDirect(channel)
        switch level(of: channel) {
        case .silent: return nil
        case .mentions: guard direct || message.mentions(reader) else { return nil }
        case .all: break
        }
        let title = direct ? "\(row.authorName) (direct message)" : "\(row.authorName) in #\(channel.title)"
        return NewMessageAlert(title: title, body: Self.preview(of: row))
    }

    /// `@Bob notifies: mentions (…)`: what `/notify` says of a channel's level.
    public func said(of channel: ChannelSummary) -> String {
        let level = level(of: channel)
        let what = level == .mentions && Self.isDirect(channel) ? "mentions (every message: a direct conversation)" : level.rawValue
        return channel.sigil + channel.title + " notifies: " + what
    }

    /// A conversation of two: a `messaging` channel with two members.
    public static func isDirect(_ channel: ChannelSummary) -> Bool {
        channel.channel.type == "messaging" && channel.memberCount == 2
    }

    /// What the message says, or what it carries when it has no text.
    static func preview(of row: MessageRow) -> String {
        if let text = row.message.text, !text.isEmpty { return text }
        if let poll = row.poll { return "poll: \(poll.name)" }
        return row.message.carried
    }
}
