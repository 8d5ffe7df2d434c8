import ChatModel

/// The base mode: the focused pane (channel or thread) and, with a server, its composer. It
/// takes the intents when no overlay is open, and the navigation that message-select mode
/// lets through.
extension ChatReducer {
    /// The channel's newest messages (End), loading them when the window is elsewhere in its
    /// history. At the newest message the channel is read, as scrolling down to it reads it.
    static func toNewest(_ s: inout ChatState) -> [ChatEffect] {
        guard let w = s.window else { return [] }
        s.window?.bottomIndex = nil
        return w.hasNewer ? [.loadChannel(cid: w.cid)] : markReadAtBottom(&s)
    }

    static func base(_ event: ChatEvent, _ s: inout ChatState) -> [ChatEffect] {
        switch event {
        case .openChannel(let cid):
            return open(cid, &s)
        case .openNextUnread:
            // Archived channels wait until the reader looks for them.
            let order = sidebarOrder(s.channels).filter { $0.archivedAt == nil }
            let start = order.firstIndex { $0.channel.cid == s.openCID } ?? -1
            let rotated = order.indices.map { order[(start + 1 + $0) % order.count] }.filter { $0.channel.cid != s.openCID }
            // Where someone asked for the reader first, then the rest, each in sidebar order from here.
            if let next = rotated.first(where: { $0.mentionCount > 0 }) ?? rotated.first(where: { $0.unreadCount > 0 }) {
                return open(next.channel.cid, &s)
            }
            s.notice = "No unread channels"
        case .openPreviousChannel:
            if let previous = s.previousCID { return open(previous, &s) }
        case .scroll(let count):
            return scroll(count, &s) + markReadAtBottom(&s)
        case .jumpToOldest:
            if let w = s.window, !w.rows.isEmpty {
                s.window?.bottomIndex = 0
                if w.hasOlder { return [.loadOldest(cid: w.cid)] }
            }
        case .jumpToNewest:
            return toNewest(&s)
        case .jumpToFirstUnread:
            return jumpToFirstUnread(&s)
        case .startSelecting:
            // With a server ↑ goes to one's own last message, the one most often edited.
            let pane = s.modes.focus
            let rows = pane == .thread ? s.threadRows[...] : visibleRows(s)
            let own = s.isLive ? rows.last { $0.message.userID == s.userID && $0.message.type != .deleted } : nil
            if let id = (own ?? rows.last)?.id { s.modes.push(.select(pane: pane, messageID: id)) }
        case .openThread:
            // Nothing selected: the newest message's thread.
            if let newest = s.window?.rows.last { return openThread(of: newest, &s) }
        case .toggleThreadFocus:
            s.thread?.hasFocus.toggle()
        case .dismiss:
            // The composer's quote or edit first, then the thread, then the member list.
            switch s.draft {
            case .editing:
                // The edit dropped: the others' "is typing…" ends with it, as with a save.
                endEditing(&s)
                return stopTyping(&s)
            case .quoting:
                s.draft = .new
            case .new:
                if s.thread != nil { s.thread = nil } else { s.showMembers = false }
            }
        case .toggleMembers:
            s.showMembers.toggle()
        case .toggleArchived:
            s.showArchived.toggle()
        case .listJoinable:
            return join("", &s)
        case .toggleOpenGroup:
            if let open = s.openChannel { toggleFold(group(open), &s) }
        case .togglePinnedChannel:
            return toggleOpenChannel(pinned: true, &s)
        case .toggleArchivedChannel:
            return toggleOpenChannel(pinned: false, &s)
        case .toggleHelp:
            s.modes.push(.help(scroll: 0))
        case .toggleSummary:
            return openSummary(&s)
        case .switcherOpen:
            s.modes.push(.switcher(Switcher()))
        case .openMentions:
            return openMentions(&s)
        case .openThreads:
            return openThreads(&s)
        case .openFind:
            openFind(&s)
        case .openCommandLine:
            s.modes.push(.prompt(LinePrompt(.command, text: "/")))
        case .composeInsert(let text):
            s.composer.insert(text)
            return typed(&s)
        case .composeEdit(let edit):
            s.composer.apply(edit)
        case .composeSend:
            return send(&s)
        case .complete:
            return startCompletion(&s)
        case .openEditor:
            return [.editExternally(s.composer.string)]
        default:
            break
        }
        return []
    }

    /// The thread `row` belongs to (its own, or its root's) loads and takes the focus.
    static func openThread(of row: MessageRow, _ s: inout ChatState) -> [ChatEffect] {
        s.thread = nil
        return [.loadThread(messageID: row.message.parentID ?? row.id)]
    }
}
