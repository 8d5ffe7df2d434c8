import ChatModel

/// The import rules for single items, for callers that get items one at a time (the server's
/// user upserts) and must accept exactly what an import file would.
public enum ItemRules {
    /// The user in `data`, or nil, with Stream's error texts for everything wrong with it.
    public static func user(_ data: JSONObject) -> (User?, [String]) {
        let (item, errors) = UserRules.decode(data)
        guard case .user(let user)? = item else { return (nil, errors) }
        return (user, errors)
    }

    /// The channel in `data` (with `type`, and `id` or `member_ids`), or nil, with the errors.
    /// Its type must be built-in or one of `customTypes` (the types the caller's app has created).
    public static func channel(_ data: JSONObject, customTypes: Set<String> = []) -> (Channel?, [String]) {
        let (item, errors) = ChannelRules.decode(data, customTypes: customTypes)
        guard case .channel(let channel)? = item else { return (nil, errors) }
        return (channel, errors)
    }

    /// What is wrong with `name` as a channel type name (Stream's rule for `type`: letters,
    /// digits, _ and -, at most 64), or nil.
    public static func channelTypeNameProblem(_ name: String) -> String? {
        if name.isEmpty { return "name is required" }
        return IDRule.channelType.problem(with: name, field: "channel type name")
    }

    /// What is wrong with `id` as a user id (Stream's rule: letters, digits, @, _ and -, at most
    /// 255 bytes), or nil.
    public static func userIDProblem(_ id: String) -> String? {
        if id.isEmpty { return "a user id is required" }
        return IDRule.user.problem(with: id, field: "user id")
    }

    /// The reaction in `data` (with `message_id`, `type`, `user_id`, `created_at`), or nil, with the errors.
    public static func reaction(_ data: JSONObject) -> (Reaction?, [String]) {
        let (item, errors) = ReactionRules.decode(data)
        guard case .reaction(let reaction)? = item else { return (nil, errors) }
        return (reaction, errors)
    }

    /// The message in `data` (with `channel_type`, `channel_id` and `user`), or nil, with the
    /// errors. `maxTextLength` is its channel type's `max_message_length`; attachment URLs that
    /// start with `ownFiles` (the live server's upload URLs) pass besides https:// ones.
    public static func message(_ data: JSONObject, maxTextLength: Int, ownFiles: String? = nil) -> (Message?, [String]) {
        let (item, errors) = MessageRules.decode(data, maxTextLength: maxTextLength, ownFiles: ownFiles)
        guard case .message(var message)? = item else { return (nil, errors) }
        // A server records its edits itself (`ChatStore.update(message:by:)`); a client cannot date one.
        message.textUpdatedAt = nil
        return (message, errors)
    }
}
