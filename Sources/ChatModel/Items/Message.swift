public enum MessageType: String, Sendable, CaseIterable {
    case regular, reply, deleted, system, ephemeral, error
}

/// An attachment keeps every field it came with; the accessors name the ones clients show.
public struct Attachment: Sendable, Hashable {
    public var fields: JSONObject
    public init(fields: JSONObject) { self.fields = fields }

    public var type: String? { fields["type"]?.stringValue }
    public var title: String? { fields["title"]?.stringValue }
    public var assetURL: String? { fields["asset_url"]?.stringValue }
    public var imageURL: String? { fields["image_url"]?.stringValue }
    public var thumbURL: String? { fields["thumb_url"]?.stringValue }
}

public struct Message: Sendable, Hashable {
    public var id: String
    public var channelType: String
    public var channelID: String
    public var userID: String
    public var type: MessageType
    public var text: String?
    public var html: String?
    public var attachments: [Attachment]
    public var parentID: String?
    public var showInChannel: Bool?
    public var quotedMessageID: String?
    /// The poll the message carries; the `poll` item may come later in the file.
    public var pollID: String?
    public var mentionedUserIDs: [String]?
    public var mentionedRoles: [String]?
    public var mentionedHere: Bool?
    public var mentionedChannel: Bool?
    public var restrictedVisibility: [String]?
    public var pinnedAt: Timestamp?
    public var pinnedByID: String?
    public var pinExpires: Timestamp?
    public var createdAt: Timestamp?
    public var deletedAt: Timestamp?
    /// When the text was last edited; nil for a message never edited.
    public var textUpdatedAt: Timestamp?
    /// Sent with `silent: true`: it counts for no one's unread messages, as in Stream. Not an
    /// import item's field (Stream's import format has none), so only the API sets it.
    public var silent: Bool = false
    public var custom: JSONObject

    public init(
        id: String,
        channelType: String,
        channelID: String,
        userID: String,
        type: MessageType = .regular,
        text: String? = nil,
        custom: JSONObject = JSONObject()
    ) {
        self.id = id
        self.channelType = channelType
        self.channelID = channelID
        self.userID = userID
        self.type = type
        self.text = text
        self.attachments = []
        self.custom = custom
    }

    public var cid: String { ChannelID.cid(type: channelType, id: channelID) }
}

extension Message {
    /// A /giphy preview only its sender sees, answered with send, shuffle or cancel. A
    /// command's other answers are ephemeral too ("rosa has been banned"), with nothing to send.
    public var isGiphyPreview: Bool { type == .ephemeral && attachments.contains { $0.type == "giphy" } }

    /// What the message carries besides text, for a line that shows a message without its
    /// cards (a quote, a notification): `[a poll]`, `[an attachment]`, `[N attachments]`, or "".
    public var carried: String {
        if pollID != nil { return "[a poll]" }
        let count = attachments.count
        return count == 1 ? "[an attachment]" : count > 1 ? "[\(count) attachments]" : ""
    }
}
