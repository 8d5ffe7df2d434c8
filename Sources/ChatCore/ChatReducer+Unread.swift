import ChatModel

/// Going to where the reader stopped reading: the first message after the read marker the
/// channel was opened with, fetched when the window does not reach back to it.
extension ChatReducer {
    /// Shows the first unread message at the bottom of the pane, what came before it above
    /// (the view cannot know how many lines fit; at the bottom it is surely whole on screen).
    static func jumpToFirstUnread(_ s: inout ChatState) -> [ChatEffect] {
        guard let w = s.window, let marker = w.readMarker else {
            s.notice = "No unread messages here"
            return []
        }
        if w.unreadBeginsBeforeWindow {
            guard !w.loadingOlder else { return [] }
            s.window?.loadingOlder = true
            s.notice = "Loading the first unread message…"
            return [.loadUnread(cid: w.cid, after: marker)]
        }
        guard let id = w.firstUnreadID(viewer: s.userID), let i = w.rows.firstIndex(where: { $0.id == id }) else {
            s.notice = "No unread messages here"
            return []
        }
        s.window?.bottomIndex = i == w.rows.count - 1 && !w.hasNewer ? nil : i
        return markReadAtBottom(&s)
    }
}

extension MessageWindow {
    /// Unread messages may begin before the oldest message held: the window was cut (it holds
    /// the newest page, or dropped its oldest rows) after the read marker.
    public var unreadBeginsBeforeWindow: Bool {
        guard hasOlder, let marker = readMarker, let oldest = rows.first?.message.createdAt else { return false }
        return oldest > marker
    }
}
