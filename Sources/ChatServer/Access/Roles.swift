/// The app roles Stream's default grants name (a user's `role`; none is `user`).
enum AppRole {
    static let user = "user"
    static let admin = "admin"
    /// App roles that moderate every channel.
    static let moderating: Set<String> = ["admin", "moderator"]
    /// App roles that may read a livestream but not write in it.
    static let readOnly: Set<String> = ["guest", "anonymous"]
}

/// The roles a member has in one channel (a member's `channel_role`; none is `channel_member`).
enum ChannelRole {
    static let member = "channel_member"
    static let moderator = "channel_moderator"
    static let all: Set<String> = [member, moderator]
}
