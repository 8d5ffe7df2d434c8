import ChatCore

/// The name of what a binding does, as a config file's `[keys]` rebinds it and `chatterm keys`
/// lists it. Made from the command, so a table line needs nothing more; the same name in
/// several modes is the same act there (`up` moves whatever the mode moves). Nil: a command
/// that cannot be rebound (`KeyTableTests` holds every table's bindings to having one).
extension KeyBinding {
    public var name: String? { command.name }
}

extension AppCommand {
    var name: String? {
        switch self {
        case .quit: "quit"
        case .redraw: "redraw"
        case .chat(let event): event.commandName
        }
    }
}

extension ChatEvent {
    fileprivate var commandName: String? {
        switch self {
        case .openNextUnread: "next-unread"
        case .openPreviousChannel: "previous-channel"
        case .scroll(let messages): messages > 1 ? "page-up" : messages == 1 ? "scroll-up" : messages == -1 ? "scroll-down" : "page-down"
        case .helpScroll(let lines, _), .summaryScroll(let lines): Self.scrollName(lines)
        case .jumpToOldest: "oldest"
        case .jumpToNewest: "newest"
        case .jumpToFirstUnread: "first-unread"
        case .startSelecting: "select"
        case .listMove(let by) where abs(by) > 1: by < 0 ? "page-up" : "page-down"
        case .moveSelection(let by), .switcherMove(let by), .pickerMove(let by), .searchMove(let by), .listMove(let by):
            by < 0 ? "up" : "down"
        case .openThread: "thread"
        case .toggleThreadFocus: "focus"
        case .dismiss: "close"
        case .toggleMembers: "members"
        case .toggleHelp: "help"
        case .toggleSummary: "summary"
        case .showDetails: "details"
        case .openSelectedLink: "open-link"
        case .switcherOpen: "switcher"
        case .switcherErase(let how), .pickerErase(let how), .promptErase(let how):
            switch how {
            case .character: "delete-back"
            case .word: "delete-word"
            case .all: "delete-to-start"
            }
        case .switcherConfirm, .pickerConfirm, .searchConfirm, .listConfirm, .promptConfirm: "choose"
        case .yankLink: "yank-link"
        case .yankText: "yank-text"
        case .openFind: "find"
        case .openCommandLine: "command-line"
        case .findMove(let older): older ? "find-older" : "find-newer"
        case .findSelect: "select"
        case .composeInsert("\n"): "new-line"
        case .composeEdit(let edit): edit.commandName
        case .composeSend: "send"
        case .complete: "complete"
        case .editSelected: "edit"
        case .deleteSelected: "delete"
        case .confirm(let yes): yes ? "yes" : "no"
        case .reactSelected: "react"
        case .pinSelected: "pin"
        case .quoteSelected: "quote"
        case .openEditor: "editor"
        case .giphy(let action): "giphy-" + action
        case .markUnreadSelected: "mark-unread"
        case .flagSelected: "flag"
        case .voteSelected: "vote"
        case .toggleArchived: "show-archived"
        case .toggleOpenGroup: "fold-group"
        case .toggleArchivedChannel: "archive"
        case .togglePinnedChannel: "pin-channel"
        case .openMentions: "mentions"
        case .openThreads: "threads"
        case .listJoinable: "join"
        default: nil
        }
    }

    /// A scroll by lines: one, a page, or to an end (the tables' ±1 000 000).
    private static func scrollName(_ lines: Int) -> String {
        switch lines {
        case ...(-1_000_000): "top"
        case 1_000_000...: "bottom"
        case -1: "up"
        case 1: "down"
        default: lines < 0 ? "page-up" : "page-down"
        }
    }
}

extension Composer.Edit {
    fileprivate var commandName: String {
        switch self {
        case .backspace: "delete-back"
        case .deleteForward: "delete-forward"
        case .left: "left"
        case .right: "right"
        case .home: "line-start"
        case .end: "line-end"
        case .wordLeft: "word-left"
        case .wordRight: "word-right"
        case .deleteWordBack: "delete-word"
        case .killToStart: "delete-to-start"
        case .killToEnd: "delete-to-end"
        case .historyBack: "history-back"
        case .historyForward: "history-forward"
        }
    }
}
