import ChatModel

/// The client's logic: a pure function from a state and an event to the next state and the
/// work to do. No terminal, no store, no clock of its own, so every behaviour is testable.
public enum ChatReducer {
    public static func reduce(_ state: ChatState, _ event: ChatEvent) -> (ChatState, [ChatEffect]) {
        guard isWanted(event, in: state) else { return (state, []) }
        var s = state
        var effects: [ChatEffect] = []
        // What the status line said is about what was done before: the next action clears it.
        if event.isIntent {
            s.status = nil
            s.notice = nil
        }
        switch event {
        case .channelsLoaded(let loaded):
            let channels = arrivalOrder(loaded)
            s.channels = channels
            // A channel left (or deleted) is not shown on: the first of the list opens instead.
            if let open = s.openCID, !channels.contains(where: { $0.channel.cid == open }) {
                s.openCID = nil
                s.window = nil
                s.thread = nil
                s.selectedMessageID = nil
            }
            if s.openCID == nil, let first = firstToOpen(loaded) {
                s.openCID = first.channel.cid
                effects.append(.loadChannel(cid: first.channel.cid))
            }
            // The list may have been counted before this client's mark-read reached the server
            // (the connect-time list arrives after the open channel was read): the channel being
            // read shows no unread.
            effects += markReadAtBottom(&s)
        case .channelLoaded(let cid, let rows, let members):
            guard cid == s.openCID else { break }
            s.window = MessageWindow(
                cid: cid,
                rows: rows,
                hasOlder: rows.count >= MessageWindow.pageSize,
                readMarker: s.openChannel?.lastRead
            )
            s.members = members
            effects += markReadAtBottom(&s)
        case .olderLoaded(let cid, let rows):
            guard var w = s.window, w.cid == cid else { break }
            w.loadingOlder = false
            w.hasOlder = rows.count >= MessageWindow.pageSize
            w.prepend(rows)
            s.window = w
        case .newerLoaded(let cid, let rows):
            guard var w = s.window, w.cid == cid else { break }
            w.loadingOlder = false
            if let gap = w.fillingGap {
                w.fillingGap = nil
                w.fill(gap: gap, with: rows)
                s.window = w
                effects += markReadAtBottom(&s)
                break
            }
            w.hasNewer = rows.count >= MessageWindow.pageSize
            w.append(rows)
            s.window = w
        case .channelReplaced(let cid, let rows, let hasOlder, let hasNewer):
            guard var w = s.window, w.cid == cid else { break }
            w.rows = rows
            w.hasOlder = hasOlder
            w.hasNewer = hasNewer
            w.loadingOlder = false
            // Anchored at the first message: the view shows the channel's start and what follows.
            w.bottomIndex = rows.isEmpty ? nil : 0
            s.window = w
        case .aroundLoaded(let cid, let rows, let id, let hasOlder, let hasNewer, let members):
            guard cid == s.openCID, let i = rows.firstIndex(where: { $0.id == id }) else { break }
            var w = MessageWindow(cid: cid, rows: rows, hasOlder: hasOlder, readMarker: s.openChannel?.lastRead)
            w.hasNewer = hasNewer
            // The message a few lines above the bottom, with what came before and after it.
            let bottom = min(i + 3, rows.count - 1)
            w.bottomIndex = hasNewer || bottom < rows.count - 1 ? bottom : nil
            s.window = w
            s.members = members
            s.selectedMessageID = id
            effects += markReadAtBottom(&s)
        case .threadLoaded(let root, let replies):
            // A thread reloaded after a reconnect keeps the focus where the reader had it.
            if s.thread?.root.id != root.id { s.focus = .thread }
            s.thread = ThreadPane(root: root, replies: replies)
        case .detailsLoaded(let details):
            s.details = details
        case .failed(let message):
            s.status = message
            s.notice = nil
            s.window?.loadingOlder = false
        case .notice(let message):
            s.notice = message
            s.status = nil
        case .messageUpserted(let row):
            effects += upsert(row, &s)
        case .messageRemoved(let id):
            // A gap after a removed message stays marked, after the one before it.
            if var w = s.window, let i = w.rows.firstIndex(where: { $0.id == id }) {
                if let g = w.gaps.firstIndex(of: id) {
                    if i > 0 { w.gaps[g] = w.rows[i - 1].id } else { w.gaps.remove(at: g) }
                }
                w.rows.remove(at: i)
                s.window = w
            }
            s.thread?.replies.removeAll { $0.id == id }
            if s.selectedMessageID == id { s.selectedMessageID = nil }
        case .connectionChanged(let connection):
            // Back after a drop: what was said meanwhile is on the server. The reader keeps
            // their window and place; a gap opens after its newest message and its first
            // page is fetched at once (more than a page missed leaves a marker: Enter fetches on).
            if connection == .connected, s.connection != .connected, s.wasConnected, var w = s.window {
                if w.openGapAtNewestEnd() != nil {
                    s.window = w
                    effects += fillGap(&s)
                } else if !w.hasNewer {
                    effects.append(.loadChannel(cid: w.cid))
                }
                if let root = s.thread?.root.id { effects.append(.loadThread(messageID: root)) }
            }
            if connection == .connected { s.wasConnected = true }
            s.connection = connection
        case .typingStarted(let cid, let name, let until):
            s.typing[cid, default: [:]][name] = until
        case .typingStopped(let cid, let name):
            s.typing[cid]?[name] = nil
        case .clock(let now):
            s.now = now
            for cid in s.typing.keys { s.typing[cid] = s.typing[cid]?.filter { $0.value > now } }
            // A question waiting for its answer (delete?) stays; anything else goes after a while.
            if let shown = s.statusShownAt, now.seconds - shown.seconds >= statusSeconds, s.pendingDeleteID == nil {
                s.status = nil
                s.notice = nil
            }
            // Five idle seconds end "is typing" for the others.
            if let typed = s.lastKeystrokeAt, s.typingSentAt != nil, now.seconds - typed.seconds >= typingIdleSeconds {
                effects += stopTyping(&s)
            }

        case .openChannel(let cid):
            effects += open(cid, &s)
        case .openNextUnread:
            let order = sidebarOrder(s.channels)
            let start = order.firstIndex { $0.channel.cid == s.openCID } ?? -1
            let rotated = order.indices.map { order[(start + 1 + $0) % order.count] }.filter { $0.channel.cid != s.openCID }
            // Where someone asked for the reader first, then the rest, each in sidebar order from here.
            if let next = rotated.first(where: { $0.mentionCount > 0 }) ?? rotated.first(where: { $0.unreadCount > 0 }) {
                effects += open(next.channel.cid, &s)
            } else {
                s.notice = "No unread channels"
            }
        case .openPreviousChannel:
            if let previous = s.previousCID { effects += open(previous, &s) }
        case .scroll(let count):
            effects += scroll(count, &s)
            effects += markReadAtBottom(&s)
        case .jumpToOldest:
            if let w = s.window, !w.rows.isEmpty {
                s.window?.bottomIndex = 0
                if w.hasOlder { effects.append(.loadOldest(cid: w.cid)) }
            }
        case .jumpToNewest:
            if let w = s.window {
                if w.hasNewer { effects.append(.loadChannel(cid: w.cid)) }
                s.window?.bottomIndex = nil
            }
        case .startSelecting:
            // With a server ↑ goes to one's own last message, the one most often edited.
            let rows = s.threadHasFocus ? s.threadRows[...] : visibleRows(s)
            s.selectedMessageID =
                (s.isLive ? rows.last { $0.message.userID == s.userID && $0.message.type != .deleted } : nil)?.id ?? rows.last?.id
        case .moveSelection(let delta):
            moveSelection(delta, &s, &effects)
        case .openThread:
            if let id = s.selectedMessageID ?? s.window?.rows.last?.id {
                let target = row(id, in: s)?.message.parentID ?? id
                s.thread = nil
                effects.append(.loadThread(messageID: target))
                // With a server the thread opens to be written in: typing goes to its composer.
                if s.isLive { s.selectedMessageID = nil }
            }
        case .toggleThreadFocus:
            if s.thread != nil {
                s.focus = s.focus == .thread ? .messages : .thread
                // Each pane has its own messages to select: the selection stays behind.
                s.selectedMessageID = nil
            }
        case .dismiss:
            // Top first, in the order the view draws them: Esc never reaches a layer below.
            if s.showHelp {
                s.showHelp = false
            } else if s.summary != nil {
                s.summary = nil
            } else if s.details != nil {
                s.details = nil
            } else if s.reactionPicker != nil {
                s.reactionPicker = nil
            } else if s.search != nil {
                s.search = nil
            } else if s.switcher != nil {
                s.switcher = nil
            } else if s.quotingID != nil {
                s.quotingID = nil
            } else if s.editingID != nil {
                s.editingID = nil
                s.composer = Composer()
            } else if s.selectedMessageID != nil {
                s.selectedMessageID = nil
            } else if s.thread != nil {
                s.thread = nil
                s.focus = .messages
            }
        case .toggleMembers:
            s.showMembers.toggle()
        case .toggleHelp:
            s.showHelp.toggle()
            s.helpScroll = 0
        case .helpScroll(let delta, let last):
            s.helpScroll = min(max(0, s.helpScroll + delta), max(0, last))
        case .toggleSummary:
            if s.summary != nil { s.summary = nil } else { effects += openSummary(&s) }
        case .summaryLoaded(let figures):
            s.summary?.lines = SummaryLine.lines(for: figures)
        case .summaryUnavailable(let reason):
            s.summary?.unavailable = reason
        case .summaryScroll(let delta):
            if let summary = s.summary {
                s.summary?.scroll = min(max(0, summary.scroll + delta), max(0, (summary.lines?.count ?? 0) - 1))
            }
        case .showDetails:
            if let id = s.selectedMessageID { effects.append(.loadDetails(messageID: id)) }
        case .openSelectedLink:
            let selected = s.selectedMessageID.flatMap { row($0, in: s) }
            if let url = selected?.message.attachments.lazy.compactMap({
                $0.assetURL ?? $0.imageURL ?? $0.fields["title_link"]?.stringValue
            })
            .first {
                effects.append(.openURL(url))
            } else {
                s.status = "No link in this message"
            }
        case .composeInsert(let text):
            s.composer.insert(text)
            s.mentionCompletion = nil
            effects += typed(&s)
        case .composeEdit(let edit):
            s.composer.apply(edit)
            s.mentionCompletion = nil
        case .composeSend:
            effects += send(&s)
        case .completeMention:
            completeMention(&s)
        case .editSelected:
            if let row = ownSelected(&s, verb: "edit") {
                s.editingID = row.id
                s.composer = Composer(row.message.text ?? "")
                s.selectedMessageID = nil
                s.notice = "Editing: Enter saves, Esc leaves it as it was"
            }
        case .deleteSelected:
            if let row = ownSelected(&s, verb: "delete") {
                s.pendingDeleteID = row.id
                s.status = "Delete this message? y deletes, any other key keeps it"
            }
        case .confirm(let yes):
            if yes, let id = s.pendingDeleteID {
                effects.append(.live(.delete(messageID: id)))
                s.selectedMessageID = nil
            }
            s.pendingDeleteID = nil
        case .reactSelected:
            if live(&s), let id = s.selectedMessageID { s.reactionPicker = ReactionPicker(messageID: id) }
        case .pickerType(let text):
            s.reactionPicker?.query += text
            s.reactionPicker?.selected = 0
        case .pickerBackspace:
            if s.reactionPicker?.query.isEmpty == false { s.reactionPicker?.query.removeLast() }
            s.reactionPicker?.selected = 0
        case .pickerMove(let delta):
            if let picker = s.reactionPicker, !picker.matches.isEmpty {
                s.reactionPicker?.selected = (picker.selected + delta + picker.matches.count) % picker.matches.count
            }
        case .pickerConfirm:
            if let picker = s.reactionPicker, picker.selected < picker.matches.count {
                let type = picker.matches[picker.selected]
                let mine = row(picker.messageID, in: s)?.reactions.contains { $0.type == type && $0.includesMine } ?? false
                effects.append(.live(.react(messageID: picker.messageID, type: type, add: !mine)))
            }
            s.reactionPicker = nil
        case .quoteSelected:
            if live(&s), let id = s.selectedMessageID, let row = row(id, in: s) {
                s.quotingID = id
                s.selectedMessageID = nil
                s.notice = "Quoting \(row.authorName): your next message quotes it (Esc drops it)"
            }
        case .openEditor:
            effects.append(.editExternally(s.composer.string))
        case .composeReplace(let text):
            // Editors end files with a newline the message should not have.
            var trimmed = text
            while trimmed.last?.isNewline == true { trimmed.removeLast() }
            // What comes back from the editor is typed text like any other.
            s.composer = Composer(history: s.composer.history)
            s.composer.insert(trimmed)
        case .searchResults(let query, let rows):
            s.search = SearchResults(query: query, rows: rows)
            s.status = rows.isEmpty ? "Nothing found for \(query)" : nil
            s.notice = nil
            if rows.isEmpty { s.search = nil }
        case .searchMove(let delta):
            if let search = s.search, !search.rows.isEmpty {
                s.search?.selected = (search.selected + delta + search.rows.count) % search.rows.count
            }
        case .searchConfirm:
            if let search = s.search, search.selected < search.rows.count {
                let found = search.rows[search.selected].message
                s.search = nil
                if let parent = found.parentID {
                    effects += open(found.cid, &s)
                    effects.append(.loadThread(messageID: parent))
                } else {
                    // Shown where it is, in the open channel too: its page, not the newest.
                    effects += open(found.cid, &s, at: found.id)
                }
            }
        case .pinSelected:
            if live(&s), let id = s.selectedMessageID, let row = row(id, in: s) {
                effects.append(.live(.pin(messageID: id, pinned: row.message.pinnedAt == nil)))
            }
        case .giphy(let action):
            if let id = s.selectedMessageID, row(id, in: s)?.message.type == .ephemeral {
                effects.append(.live(.giphy(messageID: id, action: action)))
                if action != "shuffle" { s.selectedMessageID = nil }
            }
        case .switcherOpen:
            s.switcher = Switcher()
        case .switcherType(let text):
            s.switcher?.query += text
            s.switcher?.selected = 0
        case .switcherBackspace:
            if s.switcher?.query.isEmpty == false { s.switcher?.query.removeLast() }
            s.switcher?.selected = 0
        case .switcherMove(let delta):
            if let switcher = s.switcher {
                let count = switcherMatches(switcher.query, s.channels).count
                if count > 0 { s.switcher?.selected = (switcher.selected + delta + count) % count }
            }
        case .switcherConfirm:
            if let switcher = s.switcher {
                let matches = switcherMatches(switcher.query, s.channels)
                s.switcher = nil
                if switcher.selected < matches.count { effects += open(matches[switcher.selected].channel.channel.cid, &s) }
            }
        }
        if s.status != state.status || s.notice != state.notice { s.statusShownAt = (s.status ?? s.notice) == nil ? nil : s.now }
        trackAwaited(event, effects, &s)
        return (s, effects)
    }

    /// How long the status line shows an error or a notice nobody acted on.
    static let statusSeconds: Int64 = 5

    // MARK: Helpers

    /// The summary opens at its top, empty until its figures load.
    static func openSummary(_ s: inout ChatState) -> [ChatEffect] {
        s.summary = SummaryScreen()
        return [.loadSummary]
    }

    /// Opens `cid` at its newest messages, or at `messageID` with its neighbours.
    static func open(_ cid: String, _ s: inout ChatState, at messageID: String? = nil) -> [ChatEffect] {
        guard cid != s.openCID || s.window == nil || messageID != nil else { return [] }
        var effects: [ChatEffect] = []
        if s.openCID != cid {
            s.previousCID = s.openCID
            effects += stopTyping(&s)
            // The half-written message waits for this channel; the other channel's comes back.
            if let previous = s.openCID { s.drafts[previous] = s.composer }
            s.composer = s.drafts.removeValue(forKey: cid) ?? Composer()
            s.mentionCompletion = nil
        }
        s.openCID = cid
        s.window = nil
        s.thread = nil
        s.selectedMessageID = nil
        s.focus = .messages
        s.members = []
        return effects + [messageID.map { .loadAround(cid: cid, messageID: $0) } ?? .loadChannel(cid: cid)]
    }
}
