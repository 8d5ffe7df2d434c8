import ChatModel

/// The reader's own settings of their channels: pinned and archived channels, and "mark
/// unread from here". They need no server: offline the store is written, live the server.
extension ChatReducer {
    /// Pins, archives or marks unread the open channel; the answer brings the channel list.
    static func changeOpenChannel(_ change: MembershipChange, _ s: inout ChatState) -> [ChatEffect] {
        guard let channel = s.openChannel else {
            s.status = "No channel is open"
            return []
        }
        if case .unreadFrom = change { s.keptUnread = channel.channel.cid }
        return [.changeMembership(cid: channel.channel.cid, change)]
    }

    /// The open channel's pin or archive turned the other way (the browsing keys `P` and `A`).
    static func toggleOpenChannel(pinned: Bool, _ s: inout ChatState) -> [ChatEffect] {
        guard let channel = s.openChannel else {
            s.status = "No channel is open"
            return []
        }
        return changeOpenChannel(pinned ? .pinned(channel.pinnedAt == nil) : .archived(channel.archivedAt == nil), &s)
    }

    /// `u` on a selected channel message: it and everything after it are unread again, and the
    /// selection ends. A thread reply has no place in the channel's read position.
    static func markUnread(from id: String, pane: Focus, _ s: inout ChatState) -> [ChatEffect] {
        guard pane == .messages else {
            s.status = "Mark unread works on channel messages, not thread replies"
            return []
        }
        s.modes.pop()
        return changeOpenChannel(.unreadFrom(messageID: id), &s)
    }

    /// The change is made: the list as it now is replaces the sidebar's, each channel in its
    /// place, and the status says so.
    static func membershipChanged(_ cid: String, _ change: MembershipChange, _ channels: [ChannelSummary], _ s: inout ChatState) {
        let title = channels.first { $0.channel.cid == cid }?.title ?? cid
        s.channels = keepingPlaces(channels, of: s.channels)
        s.status = nil
        switch change {
        case .pinned(let on): s.notice = on ? "Pinned \(title)" : "Unpinned \(title)"
        case .archived(let on): s.notice = on ? "Archived \(title)" : "Brought \(title) back from the archive"
        case .unreadFrom:
            let count = channels.first { $0.channel.cid == cid }?.unreadCount ?? 0
            s.notice = "\(title): \(count) unread message\(count == 1 ? "" : "s") (read again by opening it again)"
        }
    }

    /// Pinned or archived from another of the reader's connections: the sidebar regroups it.
    static func channelMarksChanged(_ cid: String, pinnedAt: Timestamp?, archivedAt: Timestamp?, _ s: inout ChatState) {
        guard let i = s.channels.firstIndex(where: { $0.channel.cid == cid }) else { return }
        s.channels[i].pinnedAt = pinnedAt
        s.channels[i].archivedAt = archivedAt
    }

    /// Marked unread from another of the reader's connections: the badge shows the server's
    /// count, and the channel open here is not read again while it stays open (as `u` here).
    static func markedUnread(_ cid: String, count: Int, lastRead: Timestamp?, _ s: inout ChatState) {
        guard let i = s.channels.firstIndex(where: { $0.channel.cid == cid }) else { return }
        s.channels[i].unreadCount = count
        s.channels[i].lastRead = lastRead
        if s.openCID == cid { s.keptUnread = cid }
    }

    /// Read on another of the reader's connections (or this one): its badge goes, as the server's
    /// counts did, unless a message came after the read, whose count the event does not hold.
    static func markedRead(_ cid: String?, at: Timestamp, _ s: inout ChatState) {
        for i in s.channels.indices where cid == nil || s.channels[i].channel.cid == cid {
            guard s.channels[i].lastMessageAt.map({ $0 <= at }) ?? true else { continue }
            s.channels[i].unreadCount = 0
            s.channels[i].mentionCount = 0
            if s.channels[i].lastRead.map({ $0 < at }) ?? true { s.channels[i].lastRead = at }
        }
    }

    /// The channel is being read: messages shown at its bottom count as read, unless the reader
    /// marked it unread and has not left it since.
    static func readsOnArrival(_ cid: String, _ s: ChatState) -> Bool { s.keptUnread != cid }
}
