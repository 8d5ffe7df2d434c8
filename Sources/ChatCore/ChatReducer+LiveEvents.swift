import ChatModel

/// Live events: messages arriving from the server, and telling it what was read.
extension ChatReducer {
    /// A message from the server joins or replaces what the client holds: the open channel's
    /// window (only when it reaches the newest message, so no gap opens), the open thread, and
    /// the channel list's unread and mention counts. Reading the bottom of the open channel
    /// marks it read.
    static func upsert(_ row: MessageRow, _ s: inout ChatState) -> [ChatEffect] {
        let message = row.message
        guard !shown([row], cid: message.cid, s).isEmpty else { return [] }
        let cid = message.cid
        var effects: [ChatEffect] = []
        var isNew = true
        if var thread = s.thread {
            if thread.root.id == row.id {
                thread.root = row
                isNew = false
            } else if message.parentID == thread.root.id {
                if let i = thread.replies.firstIndex(where: { $0.id == row.id }) {
                    thread.replies[i] = row
                    isNew = false
                } else {
                    thread.replies.append(row)
                }
            }
            s.thread = thread
        }
        let shownInChannel = message.parentID == nil || message.showInChannel == true
        if var w = s.window, w.cid == cid {
            if let i = w.rows.firstIndex(where: { $0.id == row.id }) {
                w.rows[i] = row
                isNew = false
            } else if shownInChannel, !w.hasNewer {
                w.append([row])
            } else if shownInChannel {
                keepArrival(row, &s)
            }
            s.window = w
        } else if s.window == nil, s.openCID == cid, shownInChannel {
            keepArrival(row, &s)
        }
        // Whoever posts has stopped typing, whatever their typing.stop says later.
        if isNew { s.typing[TypingPlace(cid: cid, parentID: message.parentID)]?[row.authorName] = nil }
        // Counted once, however often the same message arrives.
        let firstSeen = isNew && message.type != .deleted && s.counted.insert(row.id)
        if firstSeen, let parent = message.parentID {
            countReply(to: parent, &s)
            effects += countThreadReply(row, parent: parent, &s)
        }
        if firstSeen, let alert = alert(for: row, s) { effects.append(.notify(alert)) }
        guard firstSeen, shownInChannel, let index = s.channels.firstIndex(where: { $0.channel.cid == cid }) else { return effects }
        var summary = s.channels[index]
        if let at = message.createdAt, summary.lastMessageAt.map({ at > $0 }) ?? true { summary.lastMessageAt = at }
        let following =
            s.openCID == cid && s.window != nil && s.window?.bottomIndex == nil && s.window?.hasNewer == false
            && s.window?.gaps.isEmpty == true && readsOnArrival(cid, s)
        if message.userID != s.userID {
            if following {
                effects.append(.live(.markRead(cid: cid)))
                summary.lastRead = message.createdAt ?? summary.lastRead
                // Read as it arrives: no "New messages" line above it (one above messages that
                // were unread when the channel opened stays where it is).
                if s.window?.firstUnreadID(viewer: s.userID) == row.id { s.window?.readMarker = message.createdAt }
            } else if !message.silent {
                // Stream's silent messages count for no one's unread messages (nor mentions: the
                // server's counts leave them out too, and the badges must agree after a reload).
                summary.unreadCount += 1
                if message.mentions(s.userID) { summary.mentionCount += 1 }
            }
        }
        // In place: the sidebar does not move under the reader.
        s.channels[index] = summary
        return effects
    }

    /// A message of the open channel the window cannot take now (it does not reach the newest,
    /// or the channel's page is still loading): kept, the newest page's worth, to join the page
    /// that lacks it (`newer(_:than:)`).
    static func keepArrival(_ row: MessageRow, _ s: inout ChatState) {
        s.arrivedMeanwhile = Array((s.arrivedMeanwhile.filter { $0.id != row.id } + [row]).suffix(MessageWindow.pageSize))
    }

    /// The messages of `arrived` that `page` lacks and that came after its newest, as they
    /// arrived: what a newest page read before they were stored misses.
    static func newer(_ arrived: [MessageRow], than page: [MessageRow]) -> [MessageRow] {
        let ids = Set(page.map(\.id))
        let newest = page.last?.message.createdAt
        return arrived.filter { row in
            guard !ids.contains(row.id) else { return false }
            guard let newest else { return true }
            return row.message.createdAt.map { $0 > newest } ?? false
        }
    }

    /// A new reply raises its root's `⤷ N replies`, in the window and in the open thread.
    static func countReply(to parent: String, _ s: inout ChatState) {
        if let i = s.window?.rows.firstIndex(where: { $0.id == parent }) { s.window?.rows[i].replyCount += 1 }
        if s.thread?.root.id == parent { s.thread?.root.replyCount += 1 }
    }

    /// In the open channel, at its newest message, with unread messages and no history
    /// missing: tell the server.
    static func markReadAtBottom(_ s: inout ChatState) -> [ChatEffect] {
        guard s.isLive, let w = s.window, w.bottomIndex == nil, !w.hasNewer, w.gaps.isEmpty, readsOnArrival(w.cid, s),
            let i = s.channels.firstIndex(where: { $0.channel.cid == w.cid }), s.channels[i].unreadCount > 0
        else { return [] }
        s.channels[i].unreadCount = 0
        s.channels[i].mentionCount = 0
        // Read up to here: opened again, the channel has no "New messages" line above what was read.
        if let newest = w.rows.last?.message.createdAt, s.channels[i].lastRead.map({ $0 < newest }) ?? true {
            s.channels[i].lastRead = newest
        }
        return [.live(.markRead(cid: w.cid))]
    }

    /// Another member read the open channel: their read position moves on (never back), and
    /// with it the receipt on the reader's messages (`ReadReceipts`). A read up to a message
    /// the window does not hold is left to the next load of the channel: the event's time is
    /// when it was read, which may be later than what was read.
    static func memberRead(cid: String, userID: String, at: Timestamp, messageID: String?, _ s: inout ChatState) {
        guard cid == s.openCID, let i = s.members.firstIndex(where: { $0.user.id == userID }) else { return }
        let position: Timestamp
        if let messageID {
            guard let at = s.window?.rows.first(where: { $0.id == messageID })?.message.createdAt else { return }
            position = at
        } else {
            position = at
        }
        if s.members[i].member.lastRead.map({ $0 < position }) ?? true { s.members[i].member.lastRead = position }
    }
}
