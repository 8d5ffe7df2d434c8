import ChatCore
import ChatModel

/// The "Migration summary" screen: a tall box over the chat with the store's figures, bars
/// drawn with block characters, scrolled by line. Names in it come from the data and go
/// through the sanitizer like every other text from the store.
enum SummaryView {
    static func draw(_ summary: SummaryScreen, frame: inout Frame, context: RenderContext) {
        let box = OverlayViews.centered(width: min(84, frame.width - 2), height: frame.height - 2, in: frame)
        let style = context.style("help")
        OverlayViews.drawBox(
            box,
            title: "Migration summary (↑↓ PgUp PgDn scroll, Esc closes)",
            style: style,
            frame: &frame,
            context: context
        )
        frame.hits.add(box, .summary)
        let (x, width, visible) = (box.x + 2, box.width - 4, box.height - 2)
        guard visible > 0 else { return }
        guard let lines = summary.lines else {
            frame.put(context.label(summary.unavailable ?? "Counting…"), x: x, y: box.y + 1, maxWidth: width, style: style)
            return
        }
        let first = min(summary.scroll, max(0, lines.count - visible))
        for (i, line) in lines.dropFirst(first).prefix(visible).enumerated() {
            let y = box.y + 1 + i
            let label = SanitizedText(alreadySanitized: line.column(context.text(line.label, singleLine: true).value))
            if case .heading = line.kind {
                frame.put(label, x: x, y: y, maxWidth: width, style: context.style("help.key"))
                continue
            }
            var used = frame.put(label, x: x, y: y, maxWidth: width, style: style)
            used += frame.put(context.text(line.value, singleLine: true), x: x + used, y: y, maxWidth: width - used, style: style)
            if case .bar(let value, let top) = line.kind {
                let room = width - used
                let length = top > 0 && value > 0 ? max(1, value * room / top) : 0
                frame.put(
                    context.label(String(repeating: "█", count: max(0, min(room, length)))),
                    x: x + used,
                    y: y,
                    maxWidth: room,
                    style: context.style("help.key")
                )
            }
        }
        if lines.count > visible {
            let position = " \(first + 1)–\(min(lines.count, first + visible)) of \(lines.count) "
            frame.put(context.label(position), x: box.x + box.width - 2 - position.count, y: box.y + box.height - 1, style: style)
        }
    }
}
