/// One user's reaction of one type to a message; (message, type, user) is its key.
public struct Reaction: Sendable, Hashable {
    public var messageID: String
    public var type: String
    public var userID: String
    public var createdAt: Timestamp?
    public var custom: JSONObject

    public init(messageID: String, type: String, userID: String, custom: JSONObject = JSONObject()) {
        self.messageID = messageID
        self.type = type
        self.userID = userID
        self.custom = custom
    }
}
