import ChatModel

/// The client's logic: a pure function from a state and an event to the next state and the
/// work to do. No terminal, no store, no clock of its own, so every behaviour is testable.
public enum ChatReducer {
    public static func reduce(_ state: ChatState, _ event: ChatEvent) -> (ChatState, [ChatEffect]) {
        var s = state
        var effects: [ChatEffect] = []
        switch event {
        case .channelsLoaded(let channels):
            s.channels = channels
            if s.openCID == nil, let first = sidebarOrder(channels).first {
                s.openCID = first.channel.cid
                effects.append(.loadChannel(cid: first.channel.cid))
            }
        case .channelLoaded(let cid, let rows, let members):
            guard cid == s.openCID else { break }
            s.window = MessageWindow(cid: cid, rows: rows, hasOlder: rows.count >= MessageWindow.pageSize, readMarker: s.openChannel?.lastRead)
            s.members = members
            effects += markReadAtBottom(&s)
        case .olderLoaded(let cid, let rows):
            guard var w = s.window, w.cid == cid else { break }
            w.loadingOlder = false
            w.hasOlder = rows.count >= MessageWindow.pageSize
            w.rows = rows + w.rows
            w.bottomIndex = w.bottomIndex.map { $0 + rows.count }
            // Keep the window bounded: drop from the newest end, which can be fetched again.
            if w.rows.count > MessageWindow.capacity {
                w.rows.removeLast(w.rows.count - MessageWindow.capacity)
                w.hasNewer = true
                w.bottomIndex = min(w.bottomIndex ?? w.rows.count - 1, w.rows.count - 1)
            }
            s.window = w
        case .newerLoaded(let cid, let rows):
            guard var w = s.window, w.cid == cid else { break }
            w.loadingOlder = false
            w.hasNewer = rows.count >= MessageWindow.pageSize
            w.rows += rows
            if w.rows.count > MessageWindow.capacity {
                let drop = w.rows.count - MessageWindow.capacity
                w.rows.removeFirst(drop)
                w.hasOlder = true
                w.bottomIndex = w.bottomIndex.map { max(0, $0 - drop) }
            }
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
        case .threadLoaded(let root, let replies):
            s.thread = ThreadPane(root: root, replies: replies)
            s.focus = .thread
        case .detailsLoaded(let details):
            s.details = details
        case .failed(let message):
            s.status = message
            s.window?.loadingOlder = false
        case .notice(let message):
            s.status = message
        case .messageUpserted(let row):
            effects += upsert(row, &s)
        case .messageRemoved(let id):
            s.window?.rows.removeAll { $0.id == id }
            s.thread?.replies.removeAll { $0.id == id }
            if s.selectedMessageID == id { s.selectedMessageID = nil }
        case .connectionChanged(let connection):
            // Back after a drop: what was said meanwhile is on the server; reload the open
            // channel's newest page (the window is replaced, so nothing shows twice).
            if connection == .connected, s.connection != .connected, s.wasConnected, let cid = s.openCID, s.window != nil {
                effects.append(.loadChannel(cid: cid))
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
            // Five idle seconds end "is typing" for the others.
            if let typed = s.lastKeystrokeAt, s.typingSentAt != nil, now.seconds - typed.seconds >= typingIdleSeconds {
                effects += stopTyping(&s)
            }

        case .openChannel(let cid):
            effects += open(cid, &s)
        case .openNextUnread:
            let order = sidebarOrder(s.channels)
            let start = order.firstIndex { $0.channel.cid == s.openCID } ?? -1
            let rotated = order.indices.map { order[(start + 1 + $0) % order.count] }
            if let next = rotated.first(where: { $0.unreadCount > 0 && $0.channel.cid != s.openCID }) {
                effects += open(next.channel.cid, &s)
            } else {
                s.status = "No unread channels"
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
            s.selectedMessageID = visibleRows(s).last?.id
        case .moveSelection(let delta):
            moveSelection(delta, &s, &effects)
        case .openThread:
            if let id = s.selectedMessageID ?? s.window?.rows.last?.id {
                let target = s.window?.rows.first { $0.id == id }?.message.parentID ?? id
                s.thread = nil
                effects.append(.loadThread(messageID: target))
                // With a server the thread opens to be written in: typing goes to its composer.
                if s.isLive { s.selectedMessageID = nil }
            }
        case .toggleThreadFocus:
            if s.thread != nil { s.focus = s.focus == .thread ? .messages : .thread }
        case .dismiss:
            if s.reactionPicker != nil { s.reactionPicker = nil }
            else if s.quotingID != nil { s.quotingID = nil; s.status = nil }
            else if s.editingID != nil { s.editingID = nil; s.composer = Composer(); s.status = nil }
            else if s.details != nil { s.details = nil }
            else if s.showHelp { s.showHelp = false }
            else if s.switcher != nil { s.switcher = nil }
            else if s.selectedMessageID != nil { s.selectedMessageID = nil }
            else if s.thread != nil { s.thread = nil; s.focus = .messages }
            else { s.status = nil }
        case .toggleMembers:
            s.showMembers.toggle()
        case .toggleHelp:
            s.showHelp.toggle()
        case .showDetails:
            if let id = s.selectedMessageID { effects.append(.loadDetails(messageID: id)) }
        case .openSelectedLink:
            let row = s.window?.rows.first { $0.id == s.selectedMessageID }
            if let url = row?.message.attachments.lazy.compactMap({ $0.assetURL ?? $0.imageURL ?? $0.fields["title_link"]?.stringValue }).first {
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
                s.status = "Editing: Enter saves, Esc leaves it as it was"
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
            s.status = nil
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
                s.status = "Quoting \(row.authorName): your next message quotes it (Esc drops it)"
            }
        case .openEditor:
            effects.append(.editExternally(s.composer.string))
        case .composeReplace(let text):
            // Editors end files with a newline the message should not have.
            var trimmed = text
            while trimmed.last?.isNewline == true { trimmed.removeLast() }
            s.composer = Composer(trimmed, history: s.composer.history)
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
        return (s, effects)
    }

    // MARK: Shared by the reducer and the view

    /// Sidebar order: direct messages after channels, livestreams last; unread first within a group.
    public static func sidebarOrder(_ channels: [ChannelSummary]) -> [ChannelSummary] {
        channels.enumerated().sorted { a, b in
            let ka = (group(a.element).rawValue, a.element.unreadCount > 0 ? 0 : 1, a.offset)
            let kb = (group(b.element).rawValue, b.element.unreadCount > 0 ? 0 : 1, b.offset)
            return ka < kb
        }.map(\.element)
    }

    public enum SidebarGroup: Int, CaseIterable, Sendable {
        case channels, direct, livestreams
        public var title: String {
            switch self {
            case .channels: "Channels"
            case .direct: "Direct messages"
            case .livestreams: "Livestreams"
            }
        }
    }

    public static func group(_ c: ChannelSummary) -> SidebarGroup {
        if c.isDirect { return .direct }
        return c.channel.type == BuiltInChannelType.livestream.rawValue ? .livestreams : .channels
    }

    /// Channels matching the switcher's query, best first, with the matched offsets of their titles.
    public static func switcherMatches(_ query: String, _ channels: [ChannelSummary]) -> [(channel: ChannelSummary, offsets: [Int])] {
        channels.compactMap { c in FuzzyMatch.match(query, in: c.title).map { (c, $0.offsets, $0.score) } }
            .sorted { $0.2 > $1.2 }
            .map { ($0.0, $0.1) }
    }

    /// The messages from the top of the window to the bottom of the view.
    public static func visibleRows(_ s: ChatState) -> ArraySlice<MessageRow> {
        guard let w = s.window, !w.rows.isEmpty else { return [] }
        return w.rows[...min(w.bottomIndex ?? w.rows.count - 1, w.rows.count - 1)]
    }

    // MARK: Helpers

    /// A message from the server joins or replaces what the client holds: the open channel's
    /// window (only when it reaches the newest message, so no gap opens), the open thread, and
    /// the channel list's unread and mention counts. Reading the bottom of the open channel
    /// marks it read.
    private static func upsert(_ row: MessageRow, _ s: inout ChatState) -> [ChatEffect] {
        let message = row.message, cid = message.cid
        var effects: [ChatEffect] = []
        var isNew = true
        if var thread = s.thread {
            if thread.root.id == row.id {
                thread.root = row
                isNew = false
            } else if message.parentID == thread.root.id {
                if let i = thread.replies.firstIndex(where: { $0.id == row.id }) { thread.replies[i] = row; isNew = false } else { thread.replies.append(row) }
            }
            s.thread = thread
        }
        let shownInChannel = message.parentID == nil || message.showInChannel == true
        if var w = s.window, w.cid == cid {
            if let i = w.rows.firstIndex(where: { $0.id == row.id }) {
                w.rows[i] = row
                isNew = false
            } else if shownInChannel, !w.hasNewer {
                w.rows.append(row)
                if w.rows.count > MessageWindow.capacity {
                    let drop = w.rows.count - MessageWindow.capacity
                    w.rows.removeFirst(drop)
                    w.hasOlder = true
                    w.bottomIndex = w.bottomIndex.map { max(0, $0 - drop) }
                }
            }
            s.window = w
        }
        // Whoever posts has stopped typing, whatever their typing.stop says later.
        if isNew { s.typing[cid]?[row.authorName] = nil }
        guard isNew, shownInChannel, message.type != .deleted, let index = s.channels.firstIndex(where: { $0.channel.cid == cid }),
              s.counted.insert(row.id) else { return effects }
        var summary = s.channels[index]
        if let at = message.createdAt, summary.lastMessageAt.map({ at > $0 }) ?? true { summary.lastMessageAt = at }
        let following = s.openCID == cid && s.window != nil && s.window?.bottomIndex == nil && s.window?.hasNewer == false
        if message.userID != s.userID {
            if following {
                effects.append(.live(.markRead(cid: cid)))
                summary.lastRead = message.createdAt ?? summary.lastRead
            } else {
                summary.unreadCount += 1
                if message.mentionedUserIDs?.contains(s.userID) == true { summary.mentionCount += 1 }
            }
        }
        // Newest activity first, as the store orders the list.
        s.channels.remove(at: index)
        s.channels.insert(summary, at: 0)
        return effects
    }

    private static func open(_ cid: String, _ s: inout ChatState) -> [ChatEffect] {
        guard cid != s.openCID || s.window == nil else { return [] }
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
        return effects + [.loadChannel(cid: cid)]
    }

    // MARK: Composer

    /// JS clients send `typing.start` at most every 2 s while typing and `typing.stop` after 5 s idle.
    static let typingRepeatSeconds: Int64 = 2
    static let typingIdleSeconds: Int64 = 5

    private static func typed(_ s: inout ChatState) -> [ChatEffect] {
        // A /command is not a message being written: nobody needs to see it typed.
        guard s.isLive, let cid = s.openCID, !s.composer.isEmpty, s.composer.text.first != "/", let now = s.now else { return [] }
        s.lastKeystrokeAt = now
        if let sent = s.typingSentAt, now.seconds - sent.seconds < typingRepeatSeconds { return [] }
        s.typingSentAt = now
        return [.live(.typing(cid: cid, parentID: threadParent(s), started: true))]
    }

    private static func stopTyping(_ s: inout ChatState) -> [ChatEffect] {
        guard s.typingSentAt != nil, let cid = s.openCID else { return [] }
        s.typingSentAt = nil
        return [.live(.typing(cid: cid, parentID: threadParent(s), started: false))]
    }

    /// Replies go to the open thread when it has the focus.
    private static func threadParent(_ s: ChatState) -> String? {
        s.focus == .thread ? s.thread?.root.id : nil
    }

    private static func send(_ s: inout ChatState) -> [ChatEffect] {
        let line = SlashCommand.trimmed(s.composer.string)
        guard !line.isEmpty else { return [] }
        if let (name, arguments) = SlashCommand.parse(line) {
            guard let command = SlashCommand.all.first(where: { $0.name == name }) else {
                s.status = "Unknown command /\(name): nothing was sent (/help lists the commands)"
                return []
            }
            if case .client(let action) = command.kind {
                s.composer.sent()
                return run(action, arguments, &s)
            }
        }
        guard s.isLive, let cid = s.openCID else {
            s.status = "This is a local store: open it through `chatterm serve` (--server) to send"
            return []
        }
        if let id = s.editingID {
            s.editingID = nil
            s.composer = Composer()
            s.status = nil
            return [.live(.update(messageID: id, text: line))]
        }
        let mentioned = s.members.map(\.user.id).filter { id in mentions(id, in: line) }
        let quoted = s.quotingID
        s.composer.sent()
        s.mentionCompletion = nil
        s.quotingID = nil
        if quoted != nil { s.status = nil }
        return stopTyping(&s) + [.live(.send(cid: cid, text: line, parentID: threadParent(s), mentions: mentioned, quotedID: quoted))]
    }

    /// `@id` as a word of its own in `text`.
    static func mentions(_ id: String, in text: String) -> Bool {
        var rest = Substring(text)
        while let range = rest.firstRange(of: "@" + id) {
            let before = rest[..<range.lowerBound].last, after = rest[range.upperBound...].first
            let boundary: (Character?) -> Bool = { c in c.map { !($0.isLetter || $0.isNumber || "_-@".contains($0)) } ?? true }
            if boundary(before), boundary(after) { return true }
            rest = rest[range.upperBound...]
        }
        return false
    }

    private static func run(_ action: SlashCommand.Action, _ arguments: String, _ s: inout ChatState) -> [ChatEffect] {
        switch action {
        case .help: s.showHelp = true
        case .quit: s.quitRequested = true
        case .members: s.showMembers.toggle()
        case .msg:
            let words = arguments.split(separator: " ", omittingEmptySubsequences: true)
            let users = words.prefix { $0.hasPrefix("@") }.map { String($0.dropFirst()) }
            guard !users.isEmpty, s.isLive else {
                s.status = s.isLive ? "/msg @user [text]: whom to write to?" : "This is a local store: /msg needs a server"
                return []
            }
            let text = words.dropFirst(users.count).joined(separator: " ")
            return [.live(.direct(userIDs: users, text: text.isEmpty ? nil : text))]
        case .reply, .thread, .react, .edit, .delete, .pin, .topic:
            return runOnMessage(action, arguments, &s)
        case .join:
            let wanted = String(arguments.drop { $0 == "#" }).lowercased()
            if let match = s.channels.first(where: { $0.channel.id.lowercased() == wanted || $0.title.lowercased() == wanted }) {
                return open(match.channel.cid, &s)
            }
            s.status = wanted.isEmpty ? "/join #channel: which channel?" : "No channel called \(arguments)"
        }
        return []
    }

    /// The commands that act on a message: the selected one, else the newest in the channel
    /// (the user's own newest for /edit and /delete), as the select-mode keys do.
    private static func runOnMessage(_ action: SlashCommand.Action, _ arguments: String, _ s: inout ChatState) -> [ChatEffect] {
        guard live(&s), let cid = s.openCID else { return [] }
        let rows = s.window?.rows.filter { $0.message.type != .deleted && $0.message.type != .ephemeral } ?? []
        let own = action == .edit || action == .delete
        guard let target = rows.first(where: { $0.id == s.selectedMessageID }) ?? (own ? rows.last { $0.message.userID == s.userID } : rows.last) else {
            if action == .topic {
                return arguments.isEmpty ? [] : [.live(.topic(cid: cid, text: arguments))]
            }
            s.status = own ? "You have no message here to \(action == .edit ? "edit" : "delete")" : "No message here"
            return []
        }
        switch action {
        case .reply:
            guard !arguments.isEmpty else { s.status = "/reply TEXT: what to say?"; return [] }
            return [.live(.send(cid: cid, text: arguments, parentID: target.message.parentID ?? target.id, mentions: s.members.map(\.user.id).filter { mentions($0, in: arguments) }))]
        case .thread:
            s.thread = nil
            return [.loadThread(messageID: target.message.parentID ?? target.id)]
        case .react:
            let type = String(arguments.filter { $0 != ":" })
            guard !type.isEmpty else { s.status = "/react :emoji:, e.g. /react :fire:"; return [] }
            let mine = target.reactions.contains { $0.type == type && $0.includesMine }
            return [.live(.react(messageID: target.id, type: type, add: !mine))]
        case .edit:
            if !arguments.isEmpty { return [.live(.update(messageID: target.id, text: arguments))] }
            s.editingID = target.id
            s.composer = Composer(target.message.text ?? "")
            s.status = "Editing: Enter saves, Esc leaves it as it was"
            return []
        case .delete:
            s.selectedMessageID = target.id
            s.pendingDeleteID = target.id
            s.status = "Delete this message? y deletes, any other key keeps it"
            return []
        case .pin:
            return [.live(.pin(messageID: target.id, pinned: target.message.pinnedAt == nil))]
        case .topic:
            guard !arguments.isEmpty else { s.status = "/topic TEXT: what topic?"; return [] }
            return [.live(.topic(cid: cid, text: arguments))]
        case .help, .quit, .join, .members, .msg:
            return []
        }
    }

    /// Tab after `@pa` puts `@pat ` (the first member whose id or name starts so); Tab again
    /// puts the next one.
    private static func completeMention(_ s: inout ChatState) {
        if var completion = s.mentionCompletion, completion.candidates.count > 1 {
            completion.index = (completion.index + 1) % completion.candidates.count
            s.composer.replaceMention(from: completion.start, with: completion.candidates[completion.index])
            s.mentionCompletion = completion
            return
        }
        guard let (start, query) = s.composer.mentionQuery else { return }
        let q = query.lowercased()
        let candidates = s.members.map(\.user).filter { $0.id != s.userID }
            .filter { $0.id.lowercased().hasPrefix(q) || $0.displayName.lowercased().hasPrefix(q) }
            .map(\.id).sorted()
        guard let first = candidates.first else {
            s.status = "No member matches @\(query)"
            return
        }
        s.composer.replaceMention(from: start, with: first)
        s.mentionCompletion = MentionCompletion(start: start, query: query, candidates: candidates, index: 0)
    }

    /// The selected message when it is the user's own (else a status saying why not).
    private static func ownSelected(_ s: inout ChatState, verb: String) -> MessageRow? {
        guard live(&s), let id = s.selectedMessageID, let row = row(id, in: s) else { return nil }
        guard row.message.userID == s.userID, row.message.type != .deleted else {
            s.status = "You can only \(verb) your own messages"
            return nil
        }
        return row
    }

    /// Whether the client talks to a server; says why not when it does not.
    private static func live(_ s: inout ChatState) -> Bool {
        if !s.isLive { s.status = "This is a local store: open it through a server (--server) to change messages" }
        return s.isLive
    }

    private static func row(_ id: String, in s: ChatState) -> MessageRow? {
        s.window?.rows.first { $0.id == id } ?? s.thread.flatMap { t in t.root.id == id ? t.root : t.replies.first { $0.id == id } }
    }

    /// In the open channel, at its newest message, with unread messages: tell the server.
    private static func markReadAtBottom(_ s: inout ChatState) -> [ChatEffect] {
        guard s.isLive, let w = s.window, w.bottomIndex == nil, !w.hasNewer,
              let i = s.channels.firstIndex(where: { $0.channel.cid == w.cid }), s.channels[i].unreadCount > 0 else { return [] }
        s.channels[i].unreadCount = 0
        s.channels[i].mentionCount = 0
        return [.live(.markRead(cid: w.cid))]
    }

    private static func scroll(_ count: Int, _ s: inout ChatState) -> [ChatEffect] {
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

    private static func moveSelection(_ delta: Int, _ s: inout ChatState, _ effects: inout [ChatEffect]) {
        guard let rows = s.window?.rows, !rows.isEmpty else { return }
        let current = rows.firstIndex { $0.id == s.selectedMessageID } ?? rows.count - 1
        let next = max(0, min(rows.count - 1, current + delta))
        s.selectedMessageID = rows[next].id
        // Keep the selection on screen: the view ends at the selected message when moving up.
        if let bottom = s.window?.bottomIndex ?? Optional(rows.count - 1), next > bottom || next < bottom - 5 {
            s.window?.bottomIndex = next == rows.count - 1 ? nil : max(next, 0)
        }
        if next == 0 { effects += scroll(1, &s) }
    }
}
