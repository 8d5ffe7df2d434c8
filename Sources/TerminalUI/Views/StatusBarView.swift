import ChatCore
import ChatModel

/// The bottom line: who you are, where you are, the mode, and messages for the user.
enum StatusBarView {
    static func draw(_ state: ChatState, in rect: Rect, frame: inout Frame, context: RenderContext) {
        let style = context.style("statusBar")
        frame.fill(x: rect.x, y: rect.y, width: rect.width, height: 1, style: style)
        let mode =
            state.switcher != nil
            ? " SWITCH "
            : state.selectedMessageID != nil
                ? " SELECT "
                : state.editingID != nil
                    ? " EDIT "
                    : state.quotingID != nil ? " QUOTE " : state.focus == .thread ? " THREAD " : state.isLive ? " CHAT " : " BROWSE "
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
                style: context.style(styleName)
            )
        } else {
            let unread = state.channels.filter { $0.unreadCount > 0 && !$0.muted }.count
            let keys = state.isLive ? "Enter send · ↑ select · Ctrl-K switch · F1 help" : "Ctrl-K switch · Alt-A next unread · ? help"
            let hint = "  \(unread) unread channel\(unread == 1 ? "" : "s") · " + keys
            frame.put(context.label(hint), x: x, y: rect.y, maxWidth: rect.x + rect.width - x, style: style)
        }
    }
}
