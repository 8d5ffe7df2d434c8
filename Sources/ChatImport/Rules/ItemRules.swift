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
}
