import ChatModel

/// The reader's threads: the list (`/threads`, Alt-T) shown over the panes as the mentions view
/// is, paged as it scrolls, Enter opening a thread beside its channel; and the count of threads
/// with unread replies, raised by a reply in one of them and lowered by reading it.
extension ChatReducer {
    /// The list loads over the panes (a selection beneath it closes: Enter opens another place).
    static func openThreads(_ s: inout ChatState) -> [ChatEffect] {
        s.modes.popAll()
        s.notice = "Looking for your threads…"
        return [.loadThreads(next: nil)]
    }

    /// A page arrives: the first opens the list (dropped if the reader opened something else
    /// meanwhile), a later one joins the list that asked for it. Either way its rows are the
    /// backend's word on those threads' unread replies.
    static func threadsLoaded(_ page: ThreadPage, after: String?, _ s: inout ChatState) {
        for row in page.rows {
            s.threadUnread.takingPart.insert(row.parentID)
            s.threadUnread.counts[row.parentID] = row.unreadCount > 0 ? row.unreadCount : nil
        }
        guard let after else {
            guard s.modes.overlays.isEmpty else { return }
            s.notice = page.rows.isEmpty ? "You take part in no thread yet" : nil
            if !page.rows.isEmpty { s.modes.push(.threads(ThreadList(rows: page.rows, next: page.next))) }
            return
        }
        guard case .threads(var list) = s.modes.top, list.loadingMore, list.next == after else { return }
        let known = Set(list.rows.map(\.parentID))
        list.rows += page.rows.filter { !known.contains($0.parentID) }
        list.next = page.next
        list.loadingMore = false
        s.modes.replaceTop(with: .threads(list))
    }

    static func threadList(_ event: ChatEvent, _ list: ThreadList, _ s: inout ChatState) -> [ChatEffect]? {
        switch event {
        case .listMove(let delta):
            var list = list
            guard !list.rows.isEmpty else { return [] }
            list.selected = min(max(0, list.selected + delta), list.rows.count - 1)
            var effects: [ChatEffect] = []
            // The next page is asked for a few rows before the end, so scrolling rarely waits.
            if list.selected >= list.rows.count - 3, let next = list.next, !list.loadingMore {
                list.loadingMore = true
                effects.append(.loadThreads(next: next))
            }
            s.modes.replaceTop(with: .threads(list))
            return effects
        case .listConfirm:
            s.modes.pop()
            guard list.selected < list.rows.count else { return [] }
            let parent = list.rows[list.selected].parent.message
            return showThread(parent.id, in: parent.cid, &s)
        case .dismiss:
            s.modes.pop()
            return []
        default:
            return nil
        }
    }

    /// Opens the thread of `parentID` beside its channel `cid` (switching channel when it is
    /// another), the reply `replyID` selected when the thread arrives.
    static func showThread(_ parentID: String, in cid: String, selecting replyID: String? = nil, _ s: inout ChatState) -> [ChatEffect] {
        let effects = open(cid, &s) + [.loadThread(messageID: parentID)]
        s.awaited.threadReplyID = replyID
        return effects
    }

    /// A new reply: the reader's own makes the thread theirs; another's is unread in a thread
    /// of theirs, unless it arrives in the open thread at its newest reply (read as it arrives,
    /// and the server told). A reply in a thread not known to be theirs asks the backend once:
    /// the reader may have started it long ago; the answer says so, or that it is not theirs.
    static func countThreadReply(_ row: MessageRow, parent: String, _ s: inout ChatState) -> [ChatEffect] {
        let message = row.message
        if message.userID == s.userID {
            s.threadUnread.joined(parent)
            return []
        }
        guard !message.silent else { return [] }
        if let thread = s.thread, thread.root.id == parent, thread.scroll == 0 {
            s.threadUnread.counts[parent] = nil
            return s.isLive ? [.live(.markThreadRead(cid: message.cid, parentID: parent))] : []
        }
        if self.row(parent, in: s)?.message.userID == s.userID { s.threadUnread.joined(parent) }
        guard s.threadUnread.takingPart.contains(parent) else {
            guard !s.threadUnread.notTheirs.contains(parent) else { return [] }
            s.threadUnread.asked.insert(parent)
            return [.loadUnreadThreads]
        }
        s.threadUnread.counts[parent, default: 0] += 1
        return []
    }

    /// The open thread, at its newest reply, had unread replies: they are read now, and with a
    /// server it is told (`mark_read` with the thread's id).
    static func markThreadReadAtBottom(_ s: inout ChatState) -> [ChatEffect] {
        guard let thread = s.thread, thread.scroll == 0, s.threadUnread.unread(thread.root.id) > 0 else { return [] }
        s.threadUnread.counts[thread.root.id] = nil
        return s.isLive ? [.live(.markThreadRead(cid: thread.root.message.cid, parentID: thread.root.id))] : []
    }

    /// The backend's counts: the open thread being read stays read (the count may have been
    /// made before this client's mark reached the server).
    static func unreadThreadsLoaded(_ unread: [UnreadThread], _ s: inout ChatState) -> [ChatEffect] {
        s.threadUnread.replace(with: unread)
        return markThreadReadAtBottom(&s)
    }
}
