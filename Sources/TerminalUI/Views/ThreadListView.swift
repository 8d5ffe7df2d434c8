import ChatCore
import ChatModel

/// The threads list (`/threads`, Alt-T) over the panes: two lines a thread, its channel, the
/// parent's author and first line, then its replies and who wrote the latest when; the unread
/// replies stand out at the right of the first line (as mentions do in the sidebar). Scrolled
/// to keep the chosen thread in view; the title says when more threads are still to load.
enum ThreadListView {
    static let linesPerThread = 2

    static func draw(_ list: ThreadList, state: ChatState, frame: inout Frame, context: RenderContext) {
        let box = OverlayViews.centered(
            width: min(100, frame.width - 2),
            height: min(list.rows.count * linesPerThread + 2, frame.height - 2),
            in: frame
        )
        let style = context.style("switcher")
        let more = list.next == nil ? "" : list.loadingMore ? ", loading more…" : ", more below"
        OverlayViews.drawBox(box, title: "Your threads (↑↓, Enter opens, Esc\(more))", style: style, frame: &frame, context: context)
        let visible = max(1, (box.height - 2) / linesPerThread)
        let first = max(0, list.selected - visible + 1)
        for (i, row) in list.rows.enumerated().dropFirst(first).prefix(visible) {
            let y = box.y + 1 + (i - first) * linesPerThread
            let selected = i == list.selected
            let rowStyle = OverlayViews.drawRow(y: y, selected: selected, in: box, frame: &frame, context: context)
            if selected { _ = OverlayViews.drawRow(y: y + 1, selected: true, in: box, frame: &frame, context: context) }
            drawThread(
                row,
                selected: selected,
                unread: state.threadUnread.unread(row.parentID),
                state: state,
                at: y,
                in: box,
                style: rowStyle,
                frame: &frame,
                context: context
            )
        }
    }

    private static func drawThread(
        _ row: ThreadListRow,
        selected: Bool,
        unread: Int,
        state: ChatState,
        at y: Int,
        in box: Rect,
        style: Style,
        frame: inout Frame,
        context: RenderContext
    ) {
        let parent = row.parent.message
        let x = box.x + 2
        let room = box.width - 4
        let badge = unread > 0 ? " \(unread > 99 ? "99+" : String(unread)) new" : ""
        let badgeWidth = DisplayWidth.of(badge)
        // The chosen row is highlighted whole: its badge takes the row's style, bold.
        var badgeStyle = selected ? style : context.style("sidebar.channel.mention")
        badgeStyle.attributes.insert(.bold)
        var lineStyle = style
        if unread > 0 { lineStyle.attributes.insert(.bold) }
        let channel = state.channels.first { $0.channel.cid == parent.cid }.map { $0.sigil + $0.title } ?? parent.cid
        let preview = parent.text.flatMap { $0.isEmpty ? nil : $0 } ?? parent.carried
        let firstLine = preview.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        let used = frame.put(
            context.text("\(channel)  \(row.parent.authorName): ", singleLine: true),
            x: x,
            y: y,
            maxWidth: room - badgeWidth,
            style: lineStyle
        )
        frame.put(
            context.messageText(firstLine, singleLine: true),
            x: x + used,
            y: y,
            maxWidth: max(0, room - badgeWidth - used - 1),
            ellipsis: true,
            style: lineStyle
        )
        if !badge.isEmpty { frame.put(context.label(badge), x: x + room - badgeWidth, y: y, style: badgeStyle) }
        let replies = row.replyCount == 1 ? "1 reply" : "\(row.replyCount) replies"
        let last =
            row.lastReplyAuthor.map { author in
                ", latest by \(author)" + (row.lastReplyAt.map { " " + context.datedTime($0) } ?? "")
            } ?? ""
        frame.put(context.text("  ⤷ \(replies)\(last)", singleLine: true), x: x, y: y + 1, maxWidth: room, ellipsis: true, style: style)
    }
}
