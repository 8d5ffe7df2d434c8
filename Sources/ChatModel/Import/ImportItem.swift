/// The item types of Stream's import format, in the order a file must list them.
public enum ItemType: Int, Sendable, CaseIterable, Comparable {
    case user, device, futureChannelBan, channel, member, message, reaction, poll, pollVote

    /// The `type` written in the file. `channel_member` (the JSON schemas' name) reads as `member`.
    public var name: String {
        switch self {
        case .user: "user"
        case .device: "device"
        case .futureChannelBan: "future_channel_ban"
        case .channel: "channel"
        case .member: "member"
        case .message: "message"
        case .reaction: "reaction"
        case .poll: "poll"
        case .pollVote: "poll_vote"
        }
    }

    /// The key in Stream's `stats.total`.
    public var statsKey: String {
        switch self {
        case .futureChannelBan: "future_channel_bans"
        default: name + "s"
        }
    }

    public init?(name: String) {
        switch name {
        case "member", "channel_member": self = .member
        default:
            // `allCases` is an array made at each use; this runs for every line of a file.
            guard let t = ItemType.byName[name] else { return nil }
            self = t
        }
    }

    private static let byName = Dictionary(uniqueKeysWithValues: allCases.map { ($0.name, $0) })

    public static func < (a: ItemType, b: ItemType) -> Bool { a.rawValue < b.rawValue }
}

/// One validated item of an import file, ready for a sink.
public enum ImportItem: Sendable, Hashable {
    case user(User)
    case device(Device)
    case futureChannelBan(FutureChannelBan)
    case channel(Channel)
    case member(Member)
    case message(Message)
    case reaction(Reaction)
    case poll(Poll)
    case pollVote(PollVote)

    public var type: ItemType {
        switch self {
        case .user: .user
        case .device: .device
        case .futureChannelBan: .futureChannelBan
        case .channel: .channel
        case .member: .member
        case .message: .message
        case .reaction: .reaction
        case .poll: .poll
        case .pollVote: .pollVote
        }
    }
}
