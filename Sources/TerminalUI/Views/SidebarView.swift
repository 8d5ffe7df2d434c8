import ChatCore
import ChatModel

/// Channels grouped (Channels / Direct messages / Livestreams): unread bold, mentions `(N)`,
/// muted dim, frozen marked, the open one highlighted.
enum SidebarView {
    static func draw(_ state: ChatState, in rect: Rect, frame: inout Frame, context: RenderContext) {
        frame.fill(x: rect.x, y: rect.y, width: rect.width, height: rect.height, style: context.style("sidebar"))
        var y = rect.y
        let ordered = ChatReducer.sidebarOrder(state.channels)
        for group in ChatReducer.SidebarGroup.allCases {
            let members = ordered.filter { ChatReducer.group($0) == group }
            guard !members.isEmpty, y < rect.y + rect.height else { continue }
            if y > rect.y { y += 1 }
            frame.put(
                context.label(group.title.uppercased()),
                x: rect.x + 1,
                y: y,
                maxWidth: rect.width - 1,
                style: context.style("sidebar.header")
            )
            y += 1
            for channel in members where y < rect.y + rect.height {
                drawEntry(
                    channel,
                    current: channel.channel.cid == state.openCID,
                    x: rect.x,
                    y: y,
                    width: rect.width,
                    frame: &frame,
                    context: context
                )
                y += 1
            }
        }
    }

    private static func drawEntry(
        _ c: ChannelSummary,
        current: Bool,
        x: Int,
        y: Int,
        width: Int,
        frame: inout Frame,
        context: RenderContext
    ) {
        var styleName = c.muted ? "sidebar.channel.muted" : c.unreadCount > 0 ? "sidebar.channel.unread" : "sidebar.channel"
        if current { styleName = "sidebar.channel.current" }
        let style = context.style(styleName)
        if current { frame.fill(x: x, y: y, width: width, height: 1, style: style) }
        let prefix = sigil(c)
        let mention = mentionBadge(c)
        let frozen = c.channel.frozen == true ? " ❄" : ""
        let suffixWidth = DisplayWidth.of(mention + frozen)
        var column = x + 1
        column += frame.put(context.label(prefix), x: column, y: y, style: style)
        column += frame.put(
            context.text(c.title, singleLine: true),
            x: column,
            y: y,
            maxWidth: max(1, width - 2 - suffixWidth - 1),
            ellipsis: true,
            style: style
        )
        // The open channel's row is highlighted whole: its badges take the row's style.
        let frozenStyle = current ? style : context.style("sidebar.channel.frozen")
        let mentionStyle = current ? style : context.style("sidebar.channel.mention")
        if !frozen.isEmpty { column += frame.put(context.label(frozen), x: column, y: y, style: frozenStyle) }
        if !mention.isEmpty {
            frame.put(
                context.label(mention),
                x: column,
                y: y,
                maxWidth: x + width - column,
                style: mentionStyle
            )
        }
    }

    /// `@` before a direct conversation, `#` before any other channel (the switcher shows the same).
    static func sigil(_ c: ChannelSummary) -> String { ChatReducer.group(c) == .direct ? "@" : "#" }

    /// ` (N)` after a channel that mentions you, capped at 99+ (the switcher shows the same).
    static func mentionBadge(_ c: ChannelSummary) -> String {
        c.mentionCount > 0 ? " (\(c.mentionCount > 99 ? "99+" : String(c.mentionCount)))" : ""
    }
}
