import ChatCore
import ChatModel

/// The sidebar's lines before they are cut to the screen: each group's heading and its
/// channels, a blank line between groups. A folded group is its heading and a `▸`, its
/// channels the open one included (as the archive always was), with what it hides: how many
/// of its channels are unread (muted ones left out, as they are not bold either) and its
/// mentions; the archive's are left out, as from every unread count.
enum SidebarRows {
    /// What a folded group holds.
    struct Folded {
        var channels: Int
        var unread: Int
        var mentions: Int
    }

    enum Row {
        case blank
        case header(String, ChatReducer.SidebarGroup, folded: Folded?)
        case channel(ChannelSummary)
    }

    static func rows(_ state: ChatState) -> [Row] {
        let ordered = ChatReducer.sidebarOrder(state.channels)
        var rows: [Row] = []
        for group in ChatReducer.SidebarGroup.allCases {
            let members = ordered.filter { ChatReducer.group($0) == group }
            guard !members.isEmpty else { continue }
            if !rows.isEmpty { rows.append(.blank) }
            let title = group.title.uppercased()
            guard !state.foldedGroups.contains(group) else {
                let counted = group == .archived ? [] : members
                let unread = counted.filter { $0.unreadCount > 0 && !$0.muted }.count
                let mentions = counted.reduce(0) { $0 + $1.mentionCount }
                rows.append(.header(title, group, folded: Folded(channels: members.count, unread: unread, mentions: mentions)))
                continue
            }
            rows.append(.header(title, group, folded: nil))
            rows += members.map(Row.channel)
        }
        return rows
    }
}
