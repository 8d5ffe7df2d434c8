import ChatModel

/// The reducer's composer: typing indicators, sending, /commands and their actions on
/// messages, mention completion.
extension ChatReducer {
    /// JS clients send `typing.start` at most every 2 s while typing and `typing.stop` after 5 s idle.
    static let typingRepeatSeconds: Int64 = 2
    static let typingIdleSeconds: Int64 = 5

    static func typed(_ s: inout ChatState) -> [ChatEffect] {
        // A /command is not a message being written: nobody needs to see it typed.
        guard s.isLive, let cid = s.openCID, !s.composer.isEmpty, s.composer.text.first != "/", let now = s.now else { return [] }
        s.lastKeystrokeAt = now
        let place = TypingPlace(cid: cid, parentID: threadParent(s))
        // Typing on in the other pane (Tab between the thread and the channel): the others
        // see the indicator move, not one in each.
        let moved = s.typingSentIn.map { $0 != place } ?? false
        let stopped = moved ? stopTyping(&s) : []
        if let sent = s.typingSentAt, now.seconds - sent.seconds < typingRepeatSeconds { return [] }
        s.typingSentAt = now
        s.typingSentIn = place
        return stopped + [.live(.typing(cid: cid, parentID: place.parentID, started: true))]
    }

    static func stopTyping(_ s: inout ChatState) -> [ChatEffect] {
        guard s.typingSentAt != nil, let place = s.typingSentIn else { return [] }
        s.typingSentAt = nil
        s.typingSentIn = nil
        return [.live(.typing(cid: place.cid, parentID: place.parentID, started: false))]
    }

    /// Replies go to the open thread when it has the focus.
    static func threadParent(_ s: ChatState) -> String? {
        s.modes.focus == .thread ? s.thread?.root.id : nil
    }

    static func send(_ s: inout ChatState) -> [ChatEffect] {
        let line = SlashCommand.trimmed(s.composer.string)
        // Enter on an empty line fetches missed history, when a gap is marked.
        guard !line.isEmpty else { return fillGap(&s) }
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
        // `//text` says `/text` (as IRC and wee-slack have it): the first slash only escapes.
        let text = outgoing(line.hasPrefix("//") ? String(line.dropFirst()) : line)
        if case .editing(let id) = s.draft {
            // Saved as a send is: the others' "is typing…" ends with it, not 5 s later.
            endEditing(&s)
            return stopTyping(&s) + [.live(.update(messageID: id, text: text))]
        }
        let mentioned = s.members.map(\.user.id).filter { id in mentions(id, in: text) }
        var quoted: String?
        if case .quoting(let id) = s.draft { quoted = id }
        s.composer.sent()
        s.draft = .new
        let parentID = threadParent(s)
        let sent = stopTyping(&s) + [.live(.send(cid: cid, text: text, parentID: parentID, mentions: mentioned, quotedID: quoted))]
        // Written to the channel while reading back in it: to the newest, where it shows.
        let scrolledBack = s.window.map { $0.bottomIndex != nil || $0.hasNewer } ?? false
        return parentID == nil && scrolledBack ? sent + toNewest(&s) : sent
    }

    /// A message the server did not take comes back to its channel's composer (the open one's,
    /// or the draft waiting for its channel), unless something new is being written there: the
    /// history has it too. Sent `/text` was written `//text`, and is again.
    static func sendFailed(cid: String, text: String, _ s: inout ChatState) {
        let line = text.hasPrefix("/") ? "/" + text : text
        if cid == s.openCID {
            guard s.composer.isEmpty, s.draft == .new else { return }
            s.composer = Composer(line, history: s.composer.history)
        } else if s.drafts[cid]?.isEmpty ?? true {
            s.drafts[cid] = Composer(line, history: s.drafts[cid]?.history ?? [])
        }
    }

    /// The composer shows `row`'s text to edit; what was being written waits for the edit's end.
    static func startEditing(_ row: MessageRow, _ s: inout ChatState) {
        if case .editing = s.draft {} else { s.draftBeforeEdit = s.composer.string }
        s.draft = .editing(messageID: row.id)
        s.composer = Composer(row.message.text ?? "", history: s.composer.history)
        s.notice = "Editing: Enter saves, Esc leaves it as it was"
    }

    /// The edit saved or dropped: the composer shows again what was being written before it.
    static func endEditing(_ s: inout ChatState) {
        s.draft = .new
        s.composer = Composer(s.draftBeforeEdit, history: s.composer.history)
        s.draftBeforeEdit = ""
    }

    /// A message's text as it is sent: its `:name:` shortcodes become their emoji, as gomuks and
    /// matterhorn send them, so that every client shows the emoji, not only one that knows the names.
    static func outgoing(_ text: String) -> String { Shortcodes.emojified(text) }

    /// `@id` as a word of its own in `text` (also `@here` and `@channel`, which a sent message
    /// carries as `mentioned_here` / `mentioned_channel`, as Stream's composers set them).
    public static func mentions(_ id: String, in text: String) -> Bool {
        var rest = Substring(text)
        while let range = rest.firstRange(of: "@" + id) {
            let before = rest[..<range.lowerBound].last
            let after = rest[range.upperBound...].first
            let boundary: (Character?) -> Bool = { c in c.map { !($0.isLetter || $0.isNumber || "_-@".contains($0)) } ?? true }
            if boundary(before), boundary(after) { return true }
            rest = rest[range.upperBound...]
        }
        return false
    }

    static func run(_ action: SlashCommand.Action, _ arguments: String, _ s: inout ChatState) -> [ChatEffect] {
        switch action {
        case .help:
            s.modes.push(.help(scroll: 0))
        case .report: return openSummary(&s)
        case .quit: s.quitRequested = true
        case .members: s.showMembers.toggle()
        case .msg:
            let words = arguments.split(separator: " ", omittingEmptySubsequences: true)
            let users = words.prefix { $0.hasPrefix("@") }.map { String($0.dropFirst()) }
            guard !users.isEmpty, s.isLive else {
                s.status = s.isLive ? "/msg @user [text]: whom to write to?" : "This is a local store: /msg needs a server"
                return []
            }
            let text = outgoing(words.dropFirst(users.count).joined(separator: " "))
            return [.live(.direct(userIDs: users, text: text.isEmpty ? nil : text))]
        case .reply, .thread, .react, .edit, .delete, .pin, .topic:
            return runOnMessage(action, arguments, &s)
        case .leave:
            askToLeave(&s)
        case .pinChannel, .unpinChannel:
            return changeOpenChannel(.pinned(action == .pinChannel), &s)
        case .archive, .unarchive:
            return changeOpenChannel(.archived(action == .archive), &s)
        case .archived:
            s.showArchived.toggle()
        case .block, .unblock, .blocked:
            return runBlock(action, arguments, &s)
        case .flag:
            return runFlag(arguments, &s)
        case .upload:
            return upload(arguments, &s)
        case .poll:
            return createPoll(arguments, &s)
        case .reconnect:
            guard live(&s) else { return [] }
            return [.reconnect]
        case .theme:
            guard !arguments.isEmpty else {
                s.status = "/theme NAME: dark, light, mono, dark256 or a theme file"
                return []
            }
            return [.setTheme(arguments)]
        case .timestamps:
            guard !arguments.isEmpty else {
                s.status = "/timestamps FORMAT: 24h, 12h, 24h-date or 12h-date"
                return []
            }
            return [.setTimestamps(arguments)]
        case .notify:
            return setNotificationLevel(arguments, &s)
        case .mentions:
            return openMentions(&s)
        case .threads:
            return openThreads(&s)
        case .pinned:
            return openPinned(&s)
        case .search:
            guard !arguments.isEmpty else {
                s.status = "/search TEXT: what to look for?"
                return []
            }
            s.notice = "Searching for \(arguments)…"
            return [.search(text: arguments)]
        case .join:
            return join(arguments, &s)
        }
        return []
    }

    /// The commands that act on a message: the newest in the focused pane, channel or thread
    /// (the user's own newest for /edit and /delete). They are typed in the composer, which
    /// takes keys only when no message is selected.
    static func runOnMessage(_ action: SlashCommand.Action, _ arguments: String, _ s: inout ChatState) -> [ChatEffect] {
        guard live(&s), let cid = s.openCID else { return [] }
        let shown = s.modes.focus == .thread ? s.threadRows : s.window?.rows ?? []
        let rows = shown.filter { $0.message.type != .deleted && $0.message.type != .ephemeral }
        let own = action == .edit || action == .delete
        guard let target = own ? rows.last(where: { $0.message.userID == s.userID }) : rows.last else {
            if action == .topic {
                return arguments.isEmpty ? [] : [.live(.topic(cid: cid, text: arguments))]
            }
            s.status = own ? "You have no message here to \(action == .edit ? "edit" : "delete")" : "No message here"
            return []
        }
        switch action {
        case .reply:
            guard !arguments.isEmpty else {
                s.status = "/reply TEXT: what to say?"
                return []
            }
            let text = outgoing(arguments)
            return [
                .live(
                    .send(
                        cid: cid,
                        text: text,
                        parentID: target.message.parentID ?? target.id,
                        mentions: s.members.map(\.user.id).filter { mentions($0, in: text) }
                    )
                )
            ]
        case .thread:
            return openThread(of: target, &s)
        case .react:
            let type = String(arguments.filter { $0 != ":" })
            guard !type.isEmpty else {
                s.status = "/react :emoji:, e.g. /react :fire:"
                return []
            }
            let mine = target.reactions.contains { $0.type == type && $0.includesMine }
            return [.live(.react(messageID: target.id, type: type, add: !mine))]
        case .edit:
            if !arguments.isEmpty { return [.live(.update(messageID: target.id, text: outgoing(arguments)))] }
            startEditing(target, &s)
            return []
        case .delete:
            // Selected, so the reader sees which message the question is about.
            s.modes.push(.select(pane: s.modes.focus, messageID: target.id))
            askToDelete(target.id, &s)
            return []
        case .pin:
            return [.live(.pin(messageID: target.id, pinned: target.message.pinnedAt == nil))]
        case .topic:
            guard !arguments.isEmpty else {
                s.status = "/topic TEXT: what topic?"
                return []
            }
            return [.live(.topic(cid: cid, text: arguments))]
        case .help, .quit, .join, .members, .msg, .leave, .reconnect, .search, .theme, .timestamps, .report, .pinChannel, .unpinChannel,
            .archive,
            .unarchive, .archived, .block, .unblock, .blocked, .upload, .poll, .notify, .mentions, .threads, .pinned, .flag:
            return []
        }
    }

    /// Tab after `@pa` puts `@pat ` (the first member whose id or name starts so; `#` a
    /// channel, `/` a command, `:` an emoji, or a reaction type after `/react`) and opens completion mode over the composer.
    /// After a command that takes anyone (`/msg @`, `/block @`…) the candidates are every
    /// user, which the backend looks up (`usersFound` completes).
    static func startCompletion(_ s: inout ChatState) -> [ChatEffect] {
        guard let (sigil, start, query) = s.composer.completionQuery else { return [] }
        if sigil == "@", let command = s.composer.string.split(separator: " ").first, anyoneCommands.contains(String(command)),
            !s.composer.string.hasPrefix("@")
        {
            s.userLookup = query
            s.notice = "Looking up @\(query)…"
            return [.lookUpUsers(prefix: query)]
        }
        offer(completions(of: query, after: sigil, in: s), sigil: sigil, start: start, query: query, &s)
        return []
    }

    /// The commands whose `@user` may be anyone, not only a member of the open channel.
    static let anyoneCommands: Set<String> = ["/msg", "/block", "/unblock", "/mute", "/unmute"]

    /// Puts the first of `candidates` and opens completion mode over the rest, or says none matched.
    private static func offer(
        _ found: (candidates: [String], what: String),
        sigil: Character,
        start: Int,
        query: String,
        _ s: inout ChatState
    ) {
        guard let first = found.candidates.first else {
            s.status = "No \(found.what) matches \(sigil)\(query)"
            return
        }
        s.composer.replaceWord(from: start, with: first)
        s.modes.push(.completion(Completion(start: start, query: query, candidates: found.candidates, index: 0)))
    }

    /// `lookUpUsers`' answer, offered as `@id` candidates (not the reader) if the word being
    /// completed is still the one looked up; dropped otherwise, as the reader typed on.
    static func usersFound(prefix: String, _ users: [User], _ s: inout ChatState) {
        guard s.userLookup == prefix else { return }
        s.userLookup = nil
        s.notice = nil
        guard s.modes.top == nil, let (sigil, start, query) = s.composer.completionQuery, sigil == "@", query == prefix else { return }
        // A server matches any word of a name (`$autocomplete`): those whose id or whole name
        // starts so come first, as the reader most likely means them.
        let q = NameFolding.folded(prefix)
        let others = users.filter { $0.id != s.userID }
        let starts = { (user: User) in [user.id, user.displayName].contains { NameFolding.folded($0).hasPrefix(q) } }
        let ids = (others.filter(starts) + others.filter { !starts($0) }).map { "@" + $0.id }
        offer((ids, "user"), sigil: sigil, start: start, query: query, &s)
    }

    /// The whole words `sigil` + `query` may become, and what they are.
    static func completions(of query: String, after sigil: Character, in s: ChatState) -> ([String], String) {
        let q = NameFolding.folded(query)
        let starts = { (names: [String]) in names.contains { NameFolding.folded($0).hasPrefix(q) } }
        switch sigil {
        case "@":
            let users = s.members.map(\.user).filter { $0.id != s.userID && starts([$0.id, $0.displayName]) }
            return (users.map { "@" + $0.id }.sorted(), "member")
        case "#":
            let channels = sidebarOrder(s.channels).filter { !$0.isDirect && starts([$0.channel.id, $0.title]) }
            return (channels.map { "#" + $0.channel.id }, "channel")
        case "/":
            return (SlashCommand.all.filter { starts([$0.name]) }.map { "/" + $0.name }, "command")
        default:
            // `/react` takes a reaction type by name; in text, `:name` becomes the emoji itself.
            guard s.composer.string.hasPrefix("/react ") else { return (EmojiNames.matching(q), "emoji") }
            return (ReactionPicker.types.filter { starts(ReactionPicker.names(of: $0)) }.map { ":" + $0 + ":" }, "reaction")
        }
    }

    /// Completion mode: Tab again puts the next candidate; Esc ends it; any other intent ends
    /// it (nil) and goes to the composer beneath.
    static func completion(_ event: ChatEvent, _ completion: Completion, _ s: inout ChatState) -> [ChatEffect]? {
        // Esc ends the completion alone: passed on, it closed the thread being replied in.
        if case .dismiss = event {
            s.modes.pop()
            return []
        }
        guard case .complete = event else { return nil }
        var completion = completion
        completion.index = (completion.index + 1) % completion.candidates.count
        s.composer.replaceWord(from: completion.start, with: completion.candidates[completion.index])
        s.modes.replaceTop(with: .completion(completion))
        return []
    }

    /// `/upload PATH [text]` in the focused pane (a reply in the open thread). The file is the
    /// server's to keep, so offline there is nowhere to put it.
    static func upload(_ arguments: String, _ s: inout ChatState) -> [ChatEffect] {
        guard s.isLive, let cid = s.openCID else {
            s.status = "Uploads need a server: the file is kept by it (open the store through `chatterm serve` with --server)"
            return []
        }
        let quoted = arguments.hasPrefix("\"")
        let body = quoted ? arguments.dropFirst() : Substring(arguments)
        let path = body.prefix { quoted ? $0 != "\"" : !$0.isWhitespace }
        guard !path.isEmpty, !quoted || body.dropFirst(path.count).first == "\"" else {
            s.status = "/upload PATH [text]: which file? (\"quote\" a path with spaces)"
            return []
        }
        let text = outgoing(SlashCommand.trimmed(body.dropFirst(path.count + (quoted ? 1 : 0))))
        s.notice = "Uploading \(path)…"
        return [.live(.upload(cid: cid, path: String(path), text: text.isEmpty ? nil : text, parentID: threadParent(s)))]
    }

    /// Whether the client talks to a server; says why not when it does not.
    static func live(_ s: inout ChatState) -> Bool {
        if !s.isLive { s.status = "This is a local store: open it through a server (--server) to change messages" }
        return s.isLive
    }

    static func row(_ id: String, in s: ChatState) -> MessageRow? {
        s.window?.rows.first { $0.id == id } ?? s.thread.flatMap { t in t.root.id == id ? t.root : t.replies.first { $0.id == id } }
    }
}
