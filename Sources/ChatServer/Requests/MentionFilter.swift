import ChatModel

/// `search`'s `message_filter_conditions` `{"mentioned_users.id": {"$contains": ID}}`: the
/// messages that name a user (what a client's mentions view asks Stream for).
enum MentionFilter {
    /// The user the conditions ask about, or nil when they ask no such thing.
    static func user(in conditions: JSONObject?, operation: String) throws -> String? {
        guard let condition = conditions?["mentioned_users.id"] else { return nil }
        guard let id = condition.objectValue?["$contains"]?.stringValue, condition.objectValue?.count == 1, !id.isEmpty else {
            throw StreamAPIError.input(operation, "mentioned_users.id takes {\"$contains\": user id} on the local server")
        }
        return id
    }
}
