import ChatModel

/// The channel list as the sidebar, the switcher and Alt-A see it: shared by the reducer and
/// the view.
extension ChatReducer {
    /// Sidebar order: direct messages after channels, livestreams last; within a group the
    /// list's order, which arriving messages do not change (a sidebar that moves under the
    /// reader loses their place, and Alt-A's).
    public static func sidebarOrder(_ channels: [ChannelSummary]) -> [ChannelSummary] {
        channels.enumerated().sorted { a, b in
            (group(a.element).rawValue, a.offset) < (group(b.element).rawValue, b.offset)
        }.map(\.element)
    }

    /// The list as it loads: channels with unread messages first, each part in the server's
    /// order. It keeps this order until the next load.
    static func arrivalOrder(_ channels: [ChannelSummary]) -> [ChannelSummary] {
        channels.filter { $0.unreadCount > 0 } + channels.filter { $0.unreadCount == 0 }
    }

    /// The channel a client opens when the list `channels` first loads.
    public static func firstToOpen(_ channels: [ChannelSummary]) -> ChannelSummary? {
        sidebarOrder(arrivalOrder(channels)).first
    }

    public enum SidebarGroup: Int, CaseIterable, Sendable {
        case channels, direct, livestreams
        public var title: String {
            switch self {
            case .channels: "Channels"
            case .direct: "Direct messages"
            case .livestreams: "Livestreams"
            }
        }
    }

    public static func group(_ c: ChannelSummary) -> SidebarGroup {
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
