import ChatModel

/// Moving through the open channel's window: scrolling and paging, the selection, and filling
/// a gap left by a reconnect.
extension ChatReducer {
    /// Fetches the page after the gap in view (one fetch at a time).
    static func fillGap(_ s: inout ChatState) -> [ChatEffect] {
        guard var w = s.window, !w.loadingOlder, let gap = w.gapInView,
            let after = w.rows.first(where: { $0.id == gap })?.message, let at = after.createdAt
        else { return [] }
        w.loadingOlder = true
        w.fillingGap = gap
        s.window = w
        return [.loadNewer(cid: w.cid, after: MessageCursor(createdAt: at, id: gap))]
    }

    static func scroll(_ count: Int, _ s: inout ChatState) -> [ChatEffect] {
        guard var w = s.window, !w.rows.isEmpty else { return [] }
        let last = w.rows.count - 1
        let target = (w.bottomIndex ?? last) - count
        var effects: [ChatEffect] = []
        if target <= 0 {
            w.bottomIndex = 0
            if w.hasOlder, !w.loadingOlder, let first = w.rows.first?.message, let at = first.createdAt {
                w.loadingOlder = true
                effects.append(.loadOlder(cid: w.cid, before: MessageCursor(createdAt: at, id: first.id)))
            }
        } else if target >= last {
            w.bottomIndex = w.hasNewer ? last : nil
            if w.hasNewer, !w.loadingOlder, let newest = w.rows.last?.message, let at = newest.createdAt {
                w.loadingOlder = true
                effects.append(.loadNewer(cid: w.cid, after: MessageCursor(createdAt: at, id: newest.id)))
            }
        } else {
            w.bottomIndex = target
        }
        s.window = w
        return effects
    }

    /// Moves the selection in `pane` by `delta` messages from `id`.
    static func moveSelection(_ delta: Int, pane: Focus, from id: String, _ s: inout ChatState) -> [ChatEffect] {
        // The thread pane holds all its replies: no paging, the view follows the selection.
        let rows = pane == .thread ? s.threadRows : s.window?.rows ?? []
        guard !rows.isEmpty else { return [] }
        let current = rows.firstIndex { $0.id == id } ?? rows.count - 1
        let next = max(0, min(rows.count - 1, current + delta))
        s.modes.replaceTop(with: .select(pane: pane, messageID: rows[next].id))
        guard pane == .messages else { return [] }
        // Keep the selection on screen: the view ends at the selected message when moving up.
        if let bottom = s.window?.bottomIndex ?? Optional(rows.count - 1), next > bottom || next < bottom - 5 {
            s.window?.bottomIndex = next == rows.count - 1 ? nil : max(next, 0)
        }
        return next == 0 ? scroll(1, &s) : []
    }

    /// The messages from the top of the window to the bottom of the view.
    public static func visibleRows(_ s: ChatState) -> ArraySlice<MessageRow> {
        guard let w = s.window, !w.rows.isEmpty else { return [] }
        return w.rows[...min(w.bottomIndex ?? w.rows.count - 1, w.rows.count - 1)]
    }
}
