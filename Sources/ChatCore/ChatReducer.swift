import ChatModel

/// The client's logic: a pure function from a state and an event to the next state and the
/// work to do. No terminal, no store, no clock of its own, so every behaviour is testable.
///
/// Data (loads, live events, the clock) is taken here, whatever the modes. An intent (a key,
/// a command) goes to the reducer of the mode on top of `state.modes` and to no other: each
/// mode has its own (`ChatReducer+Base`, `+Select`, `+Overlays`, completion in `+Composer`),
/// as it has its own key table. A mode's reducer answers nil for an event that is not its
/// own, and the event is dropped, except under completion (which ends, and the composer
/// beneath takes the event). Select mode hands its navigation (channels, scrolling, opening
/// the help, the switcher, the summary) to the base, as its key table shares those keys.
public enum ChatReducer {
    public static func reduce(_ state: ChatState, _ event: ChatEvent) -> (ChatState, [ChatEffect]) {
        guard isWanted(event, in: state) else { return (state, []) }
        var s = state
        let effects: [ChatEffect]
        if event.isIntent {
            // What the status line said is about what was done before: the next action clears it.
            s.status = nil
            s.notice = nil
            effects = route(event, &s)
        } else {
            effects = receive(event, &s)
        }
        if s.status != state.status || s.notice != state.notice { s.statusShownAt = (s.status ?? s.notice) == nil ? nil : s.now }
        trackAwaited(event, effects, &s)
        return (s, effects)
    }

    /// Hands an intent to the top mode's reducer.
    static func route(_ event: ChatEvent, _ s: inout ChatState) -> [ChatEffect] {
        if case .pointer(let action) = event { return pointer(action, &s) }
        switch s.modes.top {
        case nil: return base(event, &s)
        case .select(let pane, let id): return select(event, pane: pane, messageID: id, &s) ?? []
        case .confirmDelete(let id): return confirmDelete(event, messageID: id, &s) ?? []
        case .confirmLeave(let cid): return confirmLeave(event, cid: cid, &s) ?? []
        case .confirmFlag(let target, let reason): return confirmFlag(event, target, reason: reason, &s) ?? []
        case .completion(let candidates):
            if let effects = completion(event, candidates, &s) { return effects }
            s.modes.pop()
            return route(event, &s)
        case .reactionPicker(let picker): return reactionPicker(event, picker, &s) ?? []
        case .pollPicker(let picker): return pollPicker(event, picker, &s) ?? []
        case .switcher(let query): return switcher(event, query, &s) ?? []
        case .search(let results): return search(event, results, &s) ?? []
        case .threads(let list): return threadList(event, list, &s) ?? []
        case .links(let list): return links(event, list, &s) ?? []
        case .joinPicker(let picker): return joinPicker(event, picker, &s) ?? []
        case .prompt(let prompt): return self.prompt(event, prompt, &s) ?? []
        case .find(let find): return self.find(event, find, &s) ?? []
        case .details: return details(event, &s) ?? []
        case .summary(let screen): return summary(event, screen, &s) ?? []
        case .help(let scroll): return help(event, scroll: scroll, &s) ?? []
        }
    }

    /// Data arriving: it lands where it belongs, or is dropped when the reader moved on.
    static func receive(_ event: ChatEvent, _ s: inout ChatState) -> [ChatEffect] {
        var effects: [ChatEffect] = []
        switch event {
        case .channelsLoaded(let loaded):
            // Loaded again (a reconnect, a /join), the list keeps the places the reader knows.
            let channels = withoutBlocked(s.channels.isEmpty ? arrivalOrder(loaded) : keepingPlaces(loaded, of: s.channels), s)
            s.channels = channels
            // A channel left (or deleted) is not shown on: the first of the list opens instead.
            if let open = s.openCID, !channels.contains(where: { $0.channel.cid == open }) {
                s.openCID = nil
                s.window = nil
                s.thread = nil
                s.modes.popAll()
            }
            if s.openCID == nil, let first = firstToOpen(loaded) {
                s.openCID = first.channel.cid
                // A draft kept from the last session (`ComposerArchive`) comes back with its channel.
                if s.composer == Composer(), let kept = s.drafts.removeValue(forKey: first.channel.cid) { s.composer = kept }
                effects.append(.loadChannel(cid: first.channel.cid))
            }
            // The list may have been counted before this client's mark-read reached the server
            // (the connect-time list arrives after the open channel was read): the channel being
            // read shows no unread.
            effects += markReadAtBottom(&s)
        case .channelLoaded(let cid, let page, let members):
            guard cid == s.openCID else { break }
            s.window = MessageWindow(
                cid: cid,
                rows: shown(page + newer(s.arrivedMeanwhile, than: page), cid: cid, s),
                hasOlder: page.count >= MessageWindow.pageSize,
                readMarker: s.openChannel?.lastRead
            )
            s.arrivedMeanwhile = []
            s.members = members
            effects += markReadAtBottom(&s)
        case .olderLoaded(let cid, let page):
            guard var w = s.window, w.cid == cid else { break }
            w.loadingOlder = false
            w.hasOlder = page.count >= MessageWindow.pageSize
            w.prepend(shown(page, cid: cid, s))
            s.window = w
        case .newerLoaded(let cid, let page):
            guard var w = s.window, w.cid == cid else { break }
            w.loadingOlder = false
            if let gap = w.fillingGap {
                w.fillingGap = nil
                w.fill(gap: gap, with: shown(page, cid: cid, s))
                s.window = w
                effects += markReadAtBottom(&s)
                break
            }
            w.hasNewer = page.count >= MessageWindow.pageSize
            w.append(shown(page, cid: cid, s))
            s.window = w
        case .channelReplaced(let cid, let rows, let hasOlder, let hasNewer):
            guard var w = s.window, w.cid == cid else { break }
            w.replaceRows(shown(rows, cid: cid, s), hasOlder: hasOlder, hasNewer: hasNewer)
            // Anchored at the first message: the view shows the channel's start and what follows.
            w.bottomIndex = rows.isEmpty ? nil : 0
            s.window = w
        case .unreadLoaded(let cid, let rows, let hasOlder, let hasNewer):
            guard var w = s.window, w.cid == cid else { break }
            w.replaceRows(shown(rows, cid: cid, s), hasOlder: hasOlder, hasNewer: hasNewer)
            s.window = w
            effects += jumpToFirstUnread(&s)
        case .joinableLoaded(let name, let channels):
            effects += joinableLoaded(channels, named: name, &s)
        case .aroundLoaded(let cid, let rows, let id, let hasOlder, let hasNewer, let members):
            guard cid == s.openCID, let i = rows.firstIndex(where: { $0.id == id }) else { break }
            var w = MessageWindow(cid: cid, rows: rows, hasOlder: hasOlder, readMarker: s.openChannel?.lastRead)
            w.hasNewer = hasNewer
            // The message a few lines above the bottom, with what came before and after it.
            let bottom = min(i + 3, rows.count - 1)
            w.bottomIndex = hasNewer || bottom < rows.count - 1 ? bottom : nil
            s.window = w
            s.members = members
            // Shown selected in the channel: the overlays close and the focus leaves a thread.
            // A find's match shows as the find's, which goes on.
            let find: ChannelFind? = if case .find(let f) = s.modes.top, f.matchID == id { f } else { nil }
            s.modes.popAll()
            s.thread?.hasFocus = false
            s.modes.push(find.map(Mode.find) ?? .select(pane: .messages, messageID: id))
            effects += markReadAtBottom(&s)
        case .threadLoaded(let root, let replies):
            // A thread reloaded after a reconnect keeps the focus where the reader had it; one
            // newly opened takes it.
            let focused = s.thread.map { $0.root.id != root.id || $0.hasFocus } ?? true
            s.thread = ThreadPane(root: root, replies: replies, hasFocus: focused)
            // Selected only over the bare panes: an overlay opened meanwhile keeps the keys.
            if let found = s.awaited.threadReplyID, s.modes.top == nil, replies.contains(where: { $0.id == found }) {
                s.modes.push(.select(pane: .thread, messageID: found))
            }
            effects += markThreadReadAtBottom(&s)
        case .membersLoaded(let cid, let members):
            if cid == s.openCID { s.members = members }
        case .detailsLoaded(let details):
            // Shown over the selection it was asked for; dropped if the reader moved on.
            if case .select(_, details.row.id) = s.modes.top { s.modes.push(.details(details)) }
        case .failed(let message):
            s.status = message
            s.notice = nil
            s.window?.loadingOlder = false
        case .sendFailed(let cid, let text, let reason):
            sendFailed(cid: cid, text: text, &s)
            s.status = reason
            s.notice = nil
        case .notice(let message):
            s.notice = message
            s.status = nil
        case .membershipChanged(let cid, let change, let channels):
            membershipChanged(cid, change, withoutBlocked(channels, s), &s)
        case .blockedUsers(let ids):
            blockedUsersChanged(ids, &s)
        case .channelMarksChanged(let cid, let pinnedAt, let archivedAt):
            channelMarksChanged(cid, pinnedAt: pinnedAt, archivedAt: archivedAt, &s)
        case .markedUnread(let cid, let count, let lastRead):
            markedUnread(cid, count: count, lastRead: lastRead, &s)
        case .markedRead(let cid, let at):
            markedRead(cid, at: at, &s)
        case .memberRead(let cid, let userID, let at, let messageID):
            memberRead(cid: cid, userID: userID, at: at, messageID: messageID, &s)
        case .flagged(let target):
            flagged(target, &s)
        case .messageUpserted(let row):
            effects += upsert(row, &s)
        case .pollUpdated(let messageID, let poll, let own):
            updatePoll(on: messageID, poll, own: own, &s)
        case .messageRemoved(let id):
            // A gap after a removed message stays marked, after the one before it.
            if var w = s.window, let i = w.rows.firstIndex(where: { $0.id == id }) {
                if let g = w.gaps.firstIndex(of: id) {
                    if i > 0 { w.gaps[g] = w.rows[i - 1].id } else { w.gaps.remove(at: g) }
                }
                w.rows.remove(at: i)
                s.window = w
            }
            // A thread whose root is gone closes, and with it its focus and selection.
            if s.thread?.root.id == id { s.thread = nil }
            s.thread?.replies.removeAll { $0.id == id }
            // Whatever was open over the gone message closes with its selection.
            s.modes.popThrough { if case .select(_, id) = $0 { true } else { false } }
        case .connectionChanged(let connection):
            // Back after a drop: what was said meanwhile is on the server. The reader keeps
            // their window and place; a gap opens after its newest message and its first
            // page is fetched at once (more than a page missed leaves a marker: Enter fetches on).
            // The members are read again with it: how far each has read moved meanwhile.
            if connection == .connected, s.connection != .connected, s.wasConnected, var w = s.window {
                if w.openGapAtNewestEnd() != nil {
                    s.window = w
                    effects += fillGap(&s) + [.loadMembers(cid: w.cid)]
                } else if !w.hasNewer {
                    effects.append(.loadChannel(cid: w.cid))
                } else {
                    effects.append(.loadMembers(cid: w.cid))
                }
                if let root = s.thread?.root.id { effects.append(.loadThread(messageID: root)) }
            }
            if connection == .connected { s.wasConnected = true }
            s.connection = connection
        case .typingStarted(let cid, let parentID, let name, let until):
            s.typing[TypingPlace(cid: cid, parentID: parentID), default: [:]][name] = until
        case .typingStopped(let cid, let parentID, let name):
            s.typing[TypingPlace(cid: cid, parentID: parentID)]?[name] = nil
        case .presenceChanged(let online):
            s.presence.merge(online) { _, new in new }
        case .clock(let now):
            s.now = now
            for place in s.typing.keys { s.typing[place] = s.typing[place]?.filter { $0.value > now } }
            // A question waiting for its answer (delete?) stays; anything else goes after a while.
            if let shown = s.statusShownAt, now.seconds - shown.seconds >= statusSeconds, !s.isAsking {
                s.status = nil
                s.notice = nil
            }
            // Five idle seconds end "is typing" for the others.
            if let typed = s.lastKeystrokeAt, s.typingSentAt != nil, now.seconds - typed.seconds >= typingIdleSeconds {
                effects += stopTyping(&s)
            }

        case .focusChanged(let focused):
            s.terminalFocused = focused
        case .mentionsLoaded(let rows):
            mentionsLoaded(rows, &s)
        case .threadsLoaded(let page, let after):
            threadsLoaded(page, after: after, &s)
        case .unreadThreadsLoaded(let unread):
            effects += unreadThreadsLoaded(unread, &s)
        case .markedThreadRead(let parentID):
            s.threadUnread.counts[parentID] = nil
        case .pinnedLoaded(let cid, let rows):
            pinnedLoaded(cid: cid, rows, &s)
        case .usersFound(let prefix, let users):
            usersFound(prefix: prefix, users, &s)
        case .summaryLoaded(let figures):
            s.modes.updateSummary { $0.lines = SummaryLine.lines(for: figures) }
        case .summaryUnavailable(let reason):
            s.modes.updateSummary { $0.unavailable = reason }
        case .findMatchFound(let cid, let query, let id, let older):
            effects += findMatchFound(cid: cid, query: query, messageID: id, older: older, &s)
        case .searchResults(let query, let rows):
            // Shown over the panes the search was typed in; dropped if the reader opened
            // something else meanwhile.
            if rows.isEmpty {
                s.status = "Nothing found for \(query)"
                s.notice = nil
            } else if s.modes.overlays.isEmpty {
                s.modes.push(.search(SearchResults(query: query, rows: rows)))
                s.notice = nil
            }
        case .composeReplace(let text):
            // Editors end files with a newline the message should not have.
            var trimmed = text
            while trimmed.last?.isNewline == true { trimmed.removeLast() }
            // What comes back from the editor is typed text like any other.
            s.composer = Composer(history: s.composer.history)
            s.composer.insert(trimmed)
        default:
            break
        }
        return effects
    }

    /// How long the status line shows an error or a notice nobody acted on.
    static let statusSeconds: Int64 = 5

    // MARK: Helpers

    /// The summary opens at its top, over whatever is open, empty until its figures load.
    static func openSummary(_ s: inout ChatState) -> [ChatEffect] {
        s.modes.push(.summary(SummaryScreen()))
        return [.loadSummary]
    }

    /// Opens `cid` at its newest messages, or at `messageID` with its neighbours. Every mode
    /// closes: they were about the channel left.
    static func open(_ cid: String, _ s: inout ChatState, at messageID: String? = nil) -> [ChatEffect] {
        guard cid != s.openCID || s.window == nil || messageID != nil else { return [] }
        var effects: [ChatEffect] = []
        if s.openCID != cid {
            s.previousCID = s.openCID
            s.keptUnread = nil
            effects += stopTyping(&s)
            // An edit or a quote is of a message in the channel left: it ends there, and an
            // edit's text (the old message's) is not kept as a draft, what was written before it is.
            if case .editing = s.draft { endEditing(&s) }
            s.draft = .new
            // The half-written message waits for this channel; the other channel's comes back.
            if let previous = s.openCID { s.drafts[previous] = s.composer }
            s.composer = s.drafts.removeValue(forKey: cid) ?? Composer()
        }
        s.openCID = cid
        s.sidebarTop = nil
        s.window = nil
        s.arrivedMeanwhile = []
        s.thread = nil
        s.modes.popAll()
        s.members = []
        return effects + [messageID.map { .loadAround(cid: cid, messageID: $0) } ?? .loadChannel(cid: cid)]
    }
}

extension ChatState {
    /// "Delete this message?", "leave this channel?" and "flag it?" wait for their answer: the
    /// status line keeps the question.
    var isAsking: Bool {
        switch modes.top {
        case .confirmDelete, .confirmLeave, .confirmFlag: true
        default: false
        }
    }
}
