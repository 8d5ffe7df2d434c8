/// A channel, addressed by `cid` = `type:id`. A distinct channel (made from its member list)
/// keeps `memberIDs`, and its `id` is the one Stream derives from them.
public struct Channel: Sendable, Hashable {
    public var type: String
    public var id: String
    public var memberIDs: [String]?
    public var createdBy: String
    public var team: String?
    public var disabled: Bool?
    public var frozen: Bool?
    public var bannedUsers: [String]?
    public var truncatedAt: Timestamp?
    public var createdAt: Timestamp?
    /// When the channel itself (its data, not its messages or members) was last changed through
    /// the API; nil for one never changed since it was made or imported.
    public var updatedAt: Timestamp?
    public var custom: JSONObject

    public init(type: String, id: String, createdBy: String, custom: JSONObject = JSONObject()) {
        self.type = type
        self.id = id
        self.createdBy = createdBy
        self.custom = custom
    }

    public var cid: String { ChannelID.cid(type: type, id: id) }
}

public enum ChannelID {
    public static func cid(type: String, id: String) -> String { type + ":" + id }

    /// `type:id` apart; channel types never contain `:`, so the first colon splits. Found among
    /// the UTF-8 bytes in place: a search by `Character` breaks graphemes, for every message a page reads.
    public static func split(_ cid: String) -> (type: String, id: String) {
        var cid = cid
        guard let offset = cid.withUTF8({ $0.firstIndex(of: UInt8(ascii: ":")) }) else { return (cid, "") }
        let colon = cid.utf8.index(cid.startIndex, offsetBy: offset)
        return (String(cid[..<colon]), String(cid[cid.utf8.index(after: colon)...]))
    }
}

/// The channel types every Stream app has.
public enum BuiltInChannelType: String, Sendable, CaseIterable {
    case messaging, team, livestream, gaming, commerce

    /// The types whose channels a user may join on their own (Stream's join grant): the
    /// client's `/join` lists them, and the local server lets a user add only themselves there.
    public static let joinable: [BuiltInChannelType] = [.team, .livestream]
}
