import ChatCore
import ChatModel

/// `⤷ Threads (N)` at the top (N: the reader's threads with unread replies; a click opens the
/// list), then channels grouped (Pinned / Channels / Direct messages / Livestreams / Archived), each group
/// foldable to its heading (`SidebarRows`; archived starts folded): unread bold, mentions
/// `(N)`, muted dim, frozen marked, presence dots for direct partners, the open one highlighted.
enum SidebarView {
    typealias Row = SidebarRows.Row

    static func draw(_ state: ChatState, in whole: Rect, frame: inout Frame, context: RenderContext) {
        frame.fill(x: whole.x, y: whole.y, width: whole.width, height: whole.height, style: context.style("sidebar"))
        // The threads' line stays at the top, however the groups below it are scrolled: news
        // in a thread shows wherever the open channel is.
        drawThreads(unread: state.threadUnread.threads, x: whole.x, y: whole.y, width: whole.width, frame: &frame, context: context)
        let rect = Rect(x: whole.x, y: whole.y + 2, width: whole.width, height: max(0, whole.height - 2))
        let rows = SidebarRows.rows(state)
        let (shown, hiddenAbove, hiddenBelow) = window(rows, height: rect.height, openCID: state.openCID, top: state.sidebarTop)
        frame.hits.add(whole, .sidebar(top: shown.lowerBound, lastTop: max(0, rows.count - rect.height)))
        frame.hits.add(Rect(x: whole.x, y: whole.y, width: whole.width, height: 1), .threads)
        for (i, row) in rows[shown].enumerated() {
            let y = rect.y + i
            let line = Rect(x: rect.x, y: y, width: rect.width, height: 1)
            if i == 0, hiddenAbove > 0 {
                drawMore("↑ \(hiddenAbove) more", x: rect.x, y: y, width: rect.width, frame: &frame, context: context)
            } else if i == rect.height - 1, hiddenBelow > 0 {
                drawMore("↓ \(hiddenBelow) more", x: rect.x, y: y, width: rect.width, frame: &frame, context: context)
            } else if case .header(let title, let group, let folded) = row {
                drawHeader(title, folded: folded, x: rect.x, y: y, width: rect.width, frame: &frame, context: context)
                frame.hits.add(line, .group(group))
            } else if case .channel(let channel) = row {
                let current = channel.channel.cid == state.openCID
                let online = ChatReducer.partner(of: channel, viewer: state.userID).flatMap { state.presence[$0] }
                drawEntry(channel, current: current, online: online, x: rect.x, y: y, width: rect.width, frame: &frame, context: context)
                frame.hits.add(line, .channel(cid: channel.channel.cid))
            }
        }
    }

    /// The rows that fit and how many channels are cut above and below (their rows say so, in
    /// place of the first and last rows shown). When the list is taller than the pane it starts
    /// at `top` (where the wheel left it), else so that the open channel sits mid-pane.
    private static func window(_ rows: [Row], height: Int, openCID: String?, top: Int?) -> (Range<Int>, Int, Int) {
        guard rows.count > height, height > 2 else { return (0..<min(rows.count, max(0, height)), 0, 0) }
        let current = rows.firstIndex { if case .channel(let c) = $0 { c.channel.cid == openCID } else { false } } ?? 0
        let start = max(0, min(rows.count - height, top ?? (current - (height - 1) / 2)))
        let shown = start..<(start + height)
        let channelsIn = { (range: Range<Int>) in rows[range].filter { if case .channel = $0 { true } else { false } }.count }
        let above = start > 0 ? channelsIn(0..<(start + 1)) : 0
        let below = shown.upperBound < rows.count ? channelsIn((shown.upperBound - 1)..<rows.count) : 0
        return (shown, above, below)
    }

    /// A group's heading; folded, then ` (N) ▸` (its channels), or, when some are unread,
    /// ` ▸ N unread` as unread channels are drawn and ` @N` as mentions are. The heading is cut
    /// first, as a channel's name is before its badges.
    private static func drawHeader(
        _ title: String,
        folded: SidebarRows.Folded?,
        x: Int,
        y: Int,
        width: Int,
        frame: inout Frame,
        context: RenderContext
    ) {
        let header = context.style("sidebar.header")
        guard let folded else {
            frame.put(context.label(title), x: x + 1, y: y, maxWidth: width - 1, style: header)
            return
        }
        let marker = folded.unread > 0 ? " ▸" : " (\(folded.channels)) ▸"
        let unread = folded.unread > 0 ? " \(folded.unread) unread" : ""
        let mentions = folded.mentions > 0 ? " @\(folded.mentions > 99 ? "99+" : String(folded.mentions))" : ""
        let suffixWidth = DisplayWidth.of(marker + unread + mentions)
        var column = x + 1
        column += frame.put(context.label(title), x: column, y: y, maxWidth: max(1, width - 1 - suffixWidth), ellipsis: true, style: header)
        column += frame.put(context.label(marker), x: column, y: y, maxWidth: max(0, x + width - column), style: header)
        if !unread.isEmpty {
            column += frame.put(
                context.label(unread),
                x: column,
                y: y,
                maxWidth: max(0, x + width - column),
                style: context.style("sidebar.channel.unread")
            )
        }
        if !mentions.isEmpty {
            frame.put(
                context.label(mentions),
                x: column,
                y: y,
                maxWidth: max(0, x + width - column),
                style: context.style("sidebar.channel.mention")
            )
        }
    }

    /// The threads' line: bold with ` (N)` in the mention style while N threads have unread replies.
    private static func drawThreads(unread: Int, x: Int, y: Int, width: Int, frame: inout Frame, context: RenderContext) {
        let badge = unread > 0 ? " (\(unread > 99 ? "99+" : String(unread)))" : ""
        let style = context.style(unread > 0 ? "sidebar.channel.unread" : "sidebar.channel")
        let used = frame.put(context.label("⤷ Threads"), x: x + 1, y: y, maxWidth: max(1, width - 1 - DisplayWidth.of(badge)), style: style)
        frame.put(
            context.label(badge),
            x: x + 1 + used,
            y: y,
            maxWidth: max(0, width - 1 - used),
            style: context.style("sidebar.channel.mention")
        )
    }

    private static func drawMore(_ text: String, x: Int, y: Int, width: Int, frame: inout Frame, context: RenderContext) {
        frame.put(context.label(text), x: x + 1, y: y, maxWidth: width - 1, style: context.style("sidebar.header"))
    }

    /// `online`: the direct partner's presence (nil: none known, as browsing a store).
    private static func drawEntry(
        _ c: ChannelSummary,
        current: Bool,
        online: Bool?,
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
        let prefix = c.sigil
        let mention = mentionBadge(c)
        let frozen = c.channel.frozen == true ? " ❄" : ""
        // A filled dot while the partner is online, a hollow one while not.
        let presence = online.map { $0 ? " ●" : " ○" } ?? ""
        let suffixWidth = DisplayWidth.of(mention + frozen + presence)
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
        if let online {
            let dotStyle = current ? style : context.style(online ? "sidebar.presence.online" : "sidebar.presence.offline")
            column += frame.put(context.label(presence), x: column, y: y, style: dotStyle)
        }
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

    /// ` (N)` after a channel that mentions you, capped at 99+ (the switcher shows the same).
    static func mentionBadge(_ c: ChannelSummary) -> String {
        c.mentionCount > 0 ? " (\(c.mentionCount > 99 ? "99+" : String(c.mentionCount)))" : ""
    }
}
