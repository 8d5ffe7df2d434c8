import ChatModel

/// Message-select mode and the question it can ask: the actions on the selected message, in
/// the pane it was selected in (a thread reply exactly as a channel message).
extension ChatReducer {
    static func select(_ event: ChatEvent, pane: Focus, messageID id: String, _ s: inout ChatState) -> [ChatEffect]? {
        switch event {
        case .moveSelection(let delta):
            return moveSelection(delta, pane: pane, from: id, &s)
        case .openThread:
            guard let row = row(id, in: s) else { return [] }
            // With a server the thread opens to be written in: typing goes to its composer.
            if s.isLive { s.modes.pop() }
            return openThread(of: row, &s)
        case .toggleThreadFocus:
            // Each pane has its own messages to select: the selection stays behind.
            s.modes.pop()
            return base(event, &s)
        case .dismiss:
            s.modes.pop()
        case .editSelected:
            if let row = ownSelected(id, verb: "edit", &s) {
                s.modes.pop()
                startEditing(row, &s)
            }
        case .deleteSelected:
            if let row = ownSelected(id, verb: "delete", &s) { askToDelete(row.id, &s) }
        case .reactSelected:
            if live(&s) { s.modes.push(.reactionPicker(ReactionPicker(messageID: id))) }
        case .quoteSelected:
            if live(&s), let row = row(id, in: s) {
                s.modes.pop()
                s.draft = .quoting(messageID: id)
                s.notice = "Quoting \(row.authorName): your next message quotes it (Esc drops it)"
            }
        case .voteSelected:
            if live(&s) { openPollPicker(on: id, &s) }
        case .pinSelected:
            if live(&s), let row = row(id, in: s) {
                return [.live(.pin(messageID: id, pinned: row.message.pinnedAt == nil))]
            }
        case .showDetails:
            return [.loadDetails(messageID: id)]
        case .flagSelected:
            askToFlag(.message(id), reason: nil, &s)
        case .markUnreadSelected:
            return markUnread(from: id, pane: pane, &s)
        case .openSelectedLink:
            openLinks(of: id, &s)
        case .yankText:
            return yankText(of: id, &s)
        case .giphy(let action):
            guard row(id, in: s)?.message.isGiphyPreview == true else { return [] }
            if action != "shuffle" { s.modes.pop() }
            return [.live(.giphy(messageID: id, action: action))]
        // The navigation select mode shares with the panes beneath (its key table has the same keys).
        case .openChannel, .openNextUnread, .openPreviousChannel, .scroll, .jumpToOldest, .jumpToNewest, .jumpToFirstUnread, .toggleMembers,
            .toggleHelp,
            .toggleSummary, .switcherOpen, .toggleArchived, .openMentions, .openThreads, .toggleOpenGroup, .openFind:
            return base(event, &s)
        default:
            return nil
        }
        return []
    }

    /// "Delete this message?" over it, selected: `y` answers.
    static func askToDelete(_ id: String, _ s: inout ChatState) {
        s.modes.push(.confirmDelete(messageID: id))
        s.status = "Delete this message? y deletes, any other key keeps it"
    }

    /// The answer to "delete?": yes deletes and ends the selection; anything else keeps both.
    static func confirmDelete(_ event: ChatEvent, messageID id: String, _ s: inout ChatState) -> [ChatEffect]? {
        guard case .confirm(let yes) = event else { return nil }
        s.modes.pop()
        guard yes else { return [] }
        s.modes.popThrough { if case .select(_, id) = $0 { true } else { false } }
        return [.live(.delete(messageID: id))]
    }

    /// The selected message when it is the user's own (else a status saying why not). A refusal
    /// ends message-select mode: the letters typed next go into the composer, seen, and never
    /// run as commands the user did not mean.
    static func ownSelected(_ id: String, verb: String, _ s: inout ChatState) -> MessageRow? {
        guard live(&s), let row = row(id, in: s) else { return nil }
        guard row.message.userID == s.userID, row.message.type != .deleted else {
            s.status = "You can only \(verb) your own messages"
            s.modes.pop()
            return nil
        }
        return row
    }
}
