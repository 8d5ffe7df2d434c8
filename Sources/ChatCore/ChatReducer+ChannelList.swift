import ChatModel

/// The channel list as the sidebar, the switcher and Alt-A see it: shared by the reducer and
/// the view.
extension ChatReducer {
    /// Sidebar order: the reader's pinned channels first, then channels, direct messages,
    /// livestreams, and archived ones last; within a group the
    /// list's order, which arriving messages do not change (a sidebar that moves under the
    /// reader loses their place, and Alt-A's).
    public static func sidebarOrder(_ channels: [ChannelSummary]) -> [ChannelSummary] {
        channels.enumerated().sorted { a, b in
            (group(a.element).rawValue, a.offset) < (group(b.element).rawValue, b.offset)
        }.map(\.element)
    }

    /// The list as it first loads: channels with unread messages first, each part in the
    /// server's order. Later lists keep this order (`keepingPlaces`).
    static func arrivalOrder(_ channels: [ChannelSummary]) -> [ChannelSummary] {
        channels.filter { $0.unreadCount > 0 } + channels.filter { $0.unreadCount == 0 }
    }

    /// A list loaded again, or brought back by a change of the reader's (a pin, an archive, a
    /// mark): the channels `shown` keep their places, so only a changed one moves, to its group;
    /// one not shown before comes first, as a first load would put it.
    static func keepingPlaces(_ channels: [ChannelSummary], of shown: [ChannelSummary]) -> [ChannelSummary] {
        let places = Dictionary(shown.enumerated().map { ($1.channel.cid, $0) }, uniquingKeysWith: min)
        let kept = channels.compactMap { c in places[c.channel.cid].map { (place: $0, channel: c) } }
        return arrivalOrder(channels.filter { places[$0.channel.cid] == nil }) + kept.sorted { $0.place < $1.place }.map(\.channel)
    }

    /// The channel a client opens when the list `channels` first loads.
    public static func firstToOpen(_ channels: [ChannelSummary]) -> ChannelSummary? {
        sidebarOrder(arrivalOrder(channels)).first
    }

    public enum SidebarGroup: Int, CaseIterable, Sendable {
        case pinned, channels, direct, livestreams, archived
        public var title: String {
            switch self {
            case .pinned: "Pinned"
            case .archived: "Archived"
            case .channels: "Channels"
            case .direct: "Direct messages"
            case .livestreams: "Livestreams"
            }
        }
    }

    /// A channel's group: archived before pinned, since archiving puts a channel away whatever
    /// else it is.
    public static func group(_ c: ChannelSummary) -> SidebarGroup {
        if c.archivedAt != nil { return .archived }
        if c.pinnedAt != nil { return .pinned }
        if c.isDirect { return .direct }
        return c.channel.type == BuiltInChannelType.livestream.rawValue ? .livestreams : .channels
    }

    /// Channels matching the switcher's query, best first, with the matched offsets of their titles.
    public static func switcherMatches(_ query: String, _ channels: [ChannelSummary]) -> [(channel: ChannelSummary, offsets: [Int])] {
        channels.compactMap { c in FuzzyMatch.match(query, in: c.title).map { (c, $0.offsets, $0.score) } }
            .sorted { $0.2 > $1.2 }
            .map { ($0.0, $0.1) }
    }
}
