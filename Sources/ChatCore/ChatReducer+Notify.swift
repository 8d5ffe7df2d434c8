import ChatModel

/// Notifications and the mentions view: what of the live traffic is news for the reader, the
/// per-channel level `/notify` sets, and the list of messages that call on the reader.
extension ChatReducer {
    /// The alert a message arriving live raises, if any (`NotificationPolicy`). Only the
    /// reader's own channels notify; the open one does not while the terminal has the focus.
    static func alert(for row: MessageRow, _ s: ChatState) -> NewMessageAlert? {
        let cid = row.message.cid
        guard let channel = s.channels.first(where: { $0.channel.cid == cid }) else { return nil }
        return s.notifications.alert(
            for: row,
            in: channel,
            reader: s.userID,
            reading: s.openCID == cid && s.terminalFocused,
            now: s.now
        )
    }

    /// `/notify LEVEL` sets the open channel's level, at once and in the config file; without
    /// a level it says the one in effect.
    static func setNotificationLevel(_ arguments: String, _ s: inout ChatState) -> [ChatEffect] {
        guard let channel = s.openChannel else {
            s.status = "/notify: no channel is open"
            return []
        }
        guard !arguments.isEmpty else {
            s.notice = s.notifications.said(of: channel) + (channel.muted ? " (muted)" : "")
            return []
        }
        guard let level = NotificationLevel(rawValue: arguments.lowercased()) else {
            s.status = "/notify \(arguments): not a level (\(NotificationLevel.names))"
            return []
        }
        s.notifications.levels[channel.channel.cid] = level
        return [.saveNotificationLevel(cid: channel.channel.cid, level)]
    }

    /// The mentions view loads over the panes (a selection beneath it closes: Enter opens
    /// another place).
    static func openMentions(_ s: inout ChatState) -> [ChatEffect] {
        s.modes.popAll()
        s.notice = "Looking for mentions of you…"
        return [.loadMentions]
    }

    /// Shown as a list like search results (Enter opens one in place); dropped if the reader
    /// opened something else meanwhile.
    static func mentionsLoaded(_ rows: [MessageRow], _ s: inout ChatState) {
        guard s.modes.overlays.isEmpty else { return }
        s.notice = rows.isEmpty ? "No message mentions you" : nil
        if !rows.isEmpty { s.modes.push(.search(SearchResults(query: "", rows: rows, kind: .mentions))) }
    }
}
