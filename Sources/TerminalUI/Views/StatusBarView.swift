import ChatCore
import ChatModel

/// The bottom line: who you are, where you are, the mode, and messages for the user.
enum StatusBarView {
    static func draw(_ state: ChatState, in rect: Rect, frame: inout Frame, context: RenderContext) {
        let style = context.style("statusBar")
        frame.fill(x: rect.x, y: rect.y, width: rect.width, height: 1, style: style)
        // The mode on top names itself; at the base (or completing in it) the composer's draft
        // and the focused pane do.
        let table = KeyTable.top(of: state, keys: context.keys)
        let atBase = state.modes.top == nil || table.fallsThrough
        let mode = atBase ? baseName(state) : table.name
        var x = rect.x
        x += frame.put(context.label(mode), x: x, y: rect.y, style: context.style("statusBar.mode"))
        switch state.connection {
        case .offline: break
        case .connected: x += frame.put(context.label(" ● online"), x: x, y: rect.y, style: style)
        case .connecting: x += frame.put(context.label(" ◌ connecting…"), x: x, y: rect.y, style: context.style("statusBar.error"))
        case .reconnecting(let seconds):
            x += frame.put(context.label(" ○ offline, retrying in \(seconds) s"), x: x, y: rect.y, style: context.style("statusBar.error"))
        }
        x += frame.put(context.text(" " + state.userName, singleLine: true), x: x, y: rect.y, style: style)
        // Errors look like errors; notices like news.
        if let (text, styleName) = state.status.map({ ($0, "statusBar.error") }) ?? state.notice.map({ ($0, "statusBar.notice") }) {
            frame.put(
                context.text("  " + text, singleLine: true),
                x: x,
                y: rect.y,
                maxWidth: rect.x + rect.width - x,
                ellipsis: true,
                style: context.style(styleName)
            )
        } else {
            // An archived channel is put away: its unread messages wait without asking.
            let unread = state.channels.filter { $0.unreadCount > 0 && !$0.muted && $0.archivedAt == nil }.count
            // The keys of the mode on top, from its key table.
            let keys =
                table.hints(in: state) + (table.fallsThrough ? KeyTable.base(live: state.isLive, keys: context.keys).hints(in: state) : [])
            // Whole hints only, as many as fit: a key cut from what it does says nothing.
            var hint = "  \(unread) unread channel\(unread == 1 ? "" : "s")"
            for key in keys {
                let longer = hint + " · " + key
                guard DisplayWidth.of(longer) <= rect.x + rect.width - x else { break }
                hint = longer
            }
            frame.put(context.label(hint), x: x, y: rect.y, maxWidth: rect.x + rect.width - x, style: style)
        }
    }

    static func baseName(_ state: ChatState) -> String {
        switch state.draft {
        case .editing: " EDIT "
        case .quoting: " QUOTE "
        case .new: state.modes.focus == .thread ? " THREAD " : KeyTable.base(live: state.isLive).name
        }
    }
}
