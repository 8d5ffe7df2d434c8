/// A chat user. `name`, `image` and anything else not standard live in `custom`, flat on the wire.
public struct User: Sendable, Hashable {
    public var id: String
    public var role: String?
    public var invisible: Bool?
    public var language: String?
    public var teams: [String]?
    public var teamsRole: JSONObject?
    public var blockedUserIDs: [String]?
    public var channelMutes: [String]?
    public var userMutes: [String]?
    public var pushPreferences: JSONObject?
    public var privacySettings: JSONObject?
    public var createdAt: Timestamp?
    /// When the user was last written (upsert, partial update, deactivation); nil: never since creation.
    public var updatedAt: Timestamp?
    public var deactivatedAt: Timestamp?
    public var deletedAt: Timestamp?
    public var custom: JSONObject

    public init(id: String, custom: JSONObject = JSONObject()) {
        self.id = id
        self.custom = custom
    }

    /// The display name: the custom `name` when there is one, else the id.
    public var displayName: String { custom["name"]?.stringValue ?? id }

    /// How a conversation named after its people (a direct one) names them: one-to-one with
    /// a deactivated user, it says so, since nobody reads what is sent there; in a group the
    /// others still read, and the names stay short enough to tell conversations apart.
    public static func conversationNames(_ users: [User]) -> [String] {
        users.map { users.count == 1 && $0.deactivatedAt != nil ? $0.displayName + " (deactivated)" : $0.displayName }
    }
}
