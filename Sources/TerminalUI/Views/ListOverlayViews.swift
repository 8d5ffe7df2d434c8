import ChatCore
import ChatModel

/// The list boxes over the screen: a message's links (`o`) and the channels one may join
/// (`/join`), the chosen row highlighted, scrolled to keep it in view.
enum ListOverlayViews {
    static func drawLinks(_ list: LinkList, frame: inout Frame, context: RenderContext) {
        let rows = list.links.map { link in (link.url, link.source) }
        draw(rows, selected: list.selected, title: "Links (Enter opens, y copies, Y copies the text, Esc)", frame: &frame, context: context)
    }

    static func drawJoin(_ picker: JoinPicker, frame: inout Frame, context: RenderContext) {
        let rows = picker.channels.map { c in
            (
                (c.channel.type == BuiltInChannelType.livestream.rawValue ? "▶ " : "#") + c.title,
                NumberText.grouped(c.memberCount) + (c.memberCount == 1 ? " member" : " members")
            )
        }
        draw(rows, selected: picker.selected, title: "Join a channel (Enter joins, Esc)", frame: &frame, context: context)
    }

    /// One row per entry: its text, and a note right-aligned (a link's source, a member count).
    private static func draw(
        _ rows: [(text: String, note: String)],
        selected: Int,
        title: String,
        frame: inout Frame,
        context: RenderContext
    ) {
        let box = OverlayViews.centered(width: min(90, frame.width - 2), height: min(rows.count + 2, 16, frame.height - 2), in: frame)
        let style = context.style("switcher")
        OverlayViews.drawBox(box, title: title, style: style, frame: &frame, context: context)
        let visible = max(0, box.height - 2)
        let first = max(0, selected - visible + 1)
        for (i, row) in rows.enumerated().dropFirst(first).prefix(visible) {
            let y = box.y + 1 + i - first
            let rowStyle = OverlayViews.drawRow(y: y, selected: i == selected, in: box, frame: &frame, context: context)
            let note = context.text(row.note, singleLine: true)
            let noteWidth = min(DisplayWidth.of(note.value), max(0, box.width / 3))
            frame.put(
                context.text(row.text, singleLine: true),
                x: box.x + 2,
                y: y,
                maxWidth: box.width - 6 - noteWidth,
                ellipsis: true,
                style: rowStyle
            )
            frame.put(note, x: box.x + box.width - 2 - noteWidth, y: y, maxWidth: noteWidth, ellipsis: true, style: rowStyle)
        }
    }
}
