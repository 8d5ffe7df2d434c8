/// A user's membership of a channel, with its read position: messages after `lastRead` are
/// unread; no `lastRead` means everything is read.
public struct Member: Sendable, Hashable {
    public var channelType: String
    public var channelID: String
    public var userID: String
    public var channelRole: String?
    public var invited: Bool?
    public var inviteAcceptedAt: Timestamp?
    public var inviteRejectedAt: Timestamp?
    public var hideChannel: Bool?
    public var hideMessagesBefore: Timestamp?
    public var lastRead: Timestamp?
    public var archivedAt: Timestamp?
    /// When the member pinned the channel (member partial update; not an import field).
    public var pinnedAt: Timestamp?
    /// The newest message reported delivered to the member's devices (`channels/delivered`).
    public var lastDeliveredAt: Timestamp?
    public var lastDeliveredMessageID: String?
    public var createdAt: Timestamp?
    public var custom: JSONObject

    public init(channelType: String, channelID: String, userID: String, custom: JSONObject = JSONObject()) {
        self.channelType = channelType
        self.channelID = channelID
        self.userID = userID
        self.custom = custom
    }

    public var cid: String { ChannelID.cid(type: channelType, id: channelID) }
}
