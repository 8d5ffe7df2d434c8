import ChatModel

/// The one-line prompt (a find's words, a /command browsing a store) and the find in the open
/// channel: matches among the loaded messages first, then the backend's nearest one beyond
/// them, loaded around it (`loadAround`) as a search result is.
extension ChatReducer {
    static func openFind(_ s: inout ChatState) {
        guard s.window != nil else {
            s.status = "Open a channel to find in it"
            return
        }
        s.modes.push(.prompt(LinePrompt(.find)))
    }

    static func prompt(_ event: ChatEvent, _ prompt: LinePrompt, _ s: inout ChatState) -> [ChatEffect]? {
        var prompt = prompt
        switch event {
        case .promptType(let text):
            // One line: a paste's line breaks are spaces.
            prompt.text += text.map { $0.isNewline ? " " : String($0) }.joined()
        case .promptErase(let how):
            guard !prompt.text.isEmpty, prompt.purpose == .find || prompt.text != "/" else {
                s.modes.pop()
                return []
            }
            // The command line keeps its slash: erasing stops there, and only Backspace takes it.
            prompt.text = how.applied(to: prompt.text)
            if prompt.purpose == .command, prompt.text.isEmpty, how != .character { prompt.text = "/" }
        case .promptConfirm:
            let find = ChannelFind(query: prompt.text)
            // No words yet: the prompt stays for them (closed, they would go to the composer).
            guard prompt.purpose == .command || !find.words.isEmpty else {
                s.status = "Find: type the words to look for"
                return []
            }
            s.modes.pop()
            return prompt.purpose == .find ? startFind(find, &s) : runCommandLine(prompt.text, &s)
        case .dismiss:
            s.modes.pop()
            return []
        default:
            return nil
        }
        s.modes.replaceTop(with: .prompt(prompt))
        return []
    }

    /// Enter after a find's words: the newest match from the bottom of the view up.
    static func startFind(_ find: ChannelFind, _ s: inout ChatState) -> [ChatEffect] {
        s.modes.push(.find(find))
        return moveFind(find, older: true, &s)
    }

    /// A /command typed browsing a store runs as the composer's Enter would run it.
    static func runCommandLine(_ line: String, _ s: inout ChatState) -> [ChatEffect] {
        let kept = s.composer
        s.composer = Composer(line, history: kept.history)
        let effects = send(&s)
        s.composer = Composer(kept.string, history: s.composer.history)
        return effects
    }

    static func find(_ event: ChatEvent, _ find: ChannelFind, _ s: inout ChatState) -> [ChatEffect]? {
        switch event {
        case .findMove(let older):
            return moveFind(find, older: older, &s)
        case .findSelect:
            s.modes.pop()
            if let id = find.matchID, s.window?.rows.contains(where: { $0.id == id }) == true {
                s.modes.push(.select(pane: .messages, messageID: id))
            }
        case .openFind:
            s.modes.pop()
            s.modes.push(.prompt(LinePrompt(.find, text: find.query)))
        case .dismiss:
            s.modes.pop()
        case .scroll, .jumpToNewest, .jumpToOldest:
            return base(event, &s)
        default:
            return nil
        }
        return []
    }

    /// The next match older (up) or newer (down) than the current one, or than the bottom of
    /// the view when there is none yet: among the loaded messages, else asked of the backend.
    static func moveFind(_ find: ChannelFind, older: Bool, _ s: inout ChatState) -> [ChatEffect] {
        guard let window = s.window, !find.looking else { return [] }
        var find = find
        let rows = window.rows
        let bottom = window.bottomIndex ?? rows.count - 1
        let current = find.matchID.flatMap { id in rows.firstIndex { $0.id == id } }
        let candidates = older ? Array((0..<(current ?? bottom + 1)).reversed()) : Array(((current ?? bottom) + 1)..<rows.count)
        if let i = candidates.first(where: { find.matches(rows[$0]) }) {
            find.matchID = rows[i].id
            s.modes.replaceTop(with: .find(find))
            show(i, &s)
            return []
        }
        let edge = older ? rows.first : rows.last
        guard older ? window.hasOlder : window.hasNewer, let edge, let at = edge.message.createdAt else {
            s.status = "No \(older ? "older" : "newer") match for \(find.query)"
            return []
        }
        find.looking = true
        s.modes.replaceTop(with: .find(find))
        s.notice = "Looking for \(find.query)…"
        return [.findMatch(cid: window.cid, text: find.query, beyond: MessageCursor(createdAt: at, id: edge.id), older: older)]
    }

    /// The backend's answer: the page around the match loads, the find stays on top of it.
    static func findMatchFound(cid: String, query: String, messageID: String?, older: Bool, _ s: inout ChatState) -> [ChatEffect] {
        guard case .find(var find) = s.modes.top, find.looking, find.query == query, cid == s.openCID else { return [] }
        find.looking = false
        s.notice = nil
        guard let messageID else {
            s.modes.replaceTop(with: .find(find))
            s.status = "No \(older ? "older" : "newer") match for \(query)"
            return []
        }
        find.matchID = messageID
        s.modes.replaceTop(with: .find(find))
        return [.loadAround(cid: cid, messageID: messageID)]
    }

    /// Scrolls the channel so that message `i` of the window is in view, a little above the bottom.
    static func show(_ i: Int, _ s: inout ChatState) {
        guard let window = s.window else { return }
        let bottom = window.bottomIndex ?? window.rows.count - 1
        guard i > bottom || i < bottom - 5 else { return }
        let wanted = min(i + 2, window.rows.count - 1)
        s.window?.bottomIndex = wanted == window.rows.count - 1 && !window.hasNewer ? nil : wanted
    }
}
