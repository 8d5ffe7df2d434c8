import ChatCore
import ChatModel

/// The sidebar's lines before they are cut to the screen: each group's heading and its
/// channels, a blank line between groups. A folded group is its heading with a count and a
/// `▸`, its channels the open one included (as the archive always was).
enum SidebarRows {
    enum Row {
        case blank
        case header(String, ChatReducer.SidebarGroup)
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
                rows.append(.header("\(title) (\(members.count)) ▸", group))
                continue
            }
            rows.append(.header(title, group))
            rows += members.map(Row.channel)
        }
        return rows
    }
}
