/// Stream's channel-level settings (`config_overrides`, set by a server-side channel update):
/// the type settings one channel may change for itself, the rest staying its type's.
extension ChannelTypeConfig {
    /// The settings a channel may override, as Stream lists them. Stream's `grants` and
    /// `shared_locations` are left out: the local server's permissions are fixed and it has no
    /// live locations, so there is nothing for them to change.
    public static let overridable: Set<String> = [
        "typing_events", "reactions", "replies", "quotes", "uploads", "url_enrichment", "count_messages",
        "user_message_reminders", "commands", "max_message_length", "blocklist", "blocklist_behavior",
    ]

    /// This config with a channel's `overrides` laid over it. A key a channel may not
    /// override, or a value of the wrong kind, is a problem.
    public func overridden(by overrides: JSONObject, appCommands: Set<String> = []) throws(Problem) -> ChannelTypeConfig {
        if let key = overrides.members.map(\.key).first(where: { !Self.overridable.contains($0) }) {
            throw Problem(
                "config_overrides.\(key) is not a setting a channel may override (those are \(Self.overridable.sorted().joined(separator: ", ")))"
            )
        }
        var config = self
        try config.apply(overrides, appCommands: appCommands)
        return config
    }
}
