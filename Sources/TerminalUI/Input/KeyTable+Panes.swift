import ChatCore

/// The panes' tables: reading a local store, writing with a server, and message-select mode,
/// with the navigation all three share.
extension KeyTable {
    /// Browsing a store: letters are commands, there is nothing to write.
    public static let reading = KeyTable(
        " BROWSE ",
        "reading",
        [
            KeyBinding([.up, .character("k")], "↑ k", "select messages (then move up)", .startSelecting, hint: "↑ select"),
            KeyBinding([.down, .character("j")], "↓ j", "scroll forward a message", .scroll(messages: -1)),
            KeyBinding([.enter, .character("t"), .character("r")], "Enter t r", "open the newest message's thread", .openThread),
            KeyBinding([.escape], "Esc", "close the thread", .dismiss),
            KeyBinding([.character("P")], "P", "pin or unpin this channel (saved in the store)", .togglePinnedChannel),
            KeyBinding([.character("A")], "A", "archive or unarchive this channel (saved in the store)", .toggleArchivedChannel),
            KeyBinding([.character("J")], "J", "channels you may join (joining needs a server)", .listJoinable),
            openCommandLine,
            KeyBinding([.character("q")], "q", "quit", .quit),
        ] + navigation(letters: true)
    )

    /// With a server: typing goes into the composer, readline's keys edit it, and the keys
    /// that are not text move around.
    public static let writing = KeyTable(
        " CHAT ",
        "writing",
        [
            KeyBinding([.enter], "Enter", "send; on an empty line, load missed messages", .composeSend, hint: "Enter send"),
            KeyBinding([.alt("\n")], "Alt-Enter", "new line (a paste never sends)", .composeInsert("\n")),
            KeyBinding(
                [.tab],
                "Tab",
                "complete @member #channel :emoji or a first /command",
                .complete,
                when: { $0.composer.completionQuery != nil }
            ),
            KeyBinding(
                [.up],
                "↑",
                "empty line: select messages (your last first)",
                .startSelecting,
                hint: "↑ select",
                when: { $0.composer.isEmpty }
            ),
            KeyBinding([.up], "↑", "previous sent message", .composeEdit(.historyBack), when: { !$0.composer.isEmpty }),
            KeyBinding([.down], "↓", "empty line: scroll forward a message", .scroll(messages: -1), when: { $0.composer.isEmpty }),
            KeyBinding([.down], "↓", "next sent message", .composeEdit(.historyForward), when: { !$0.composer.isEmpty }),
            KeyBinding([.escape], "Esc", "drop quote or edit; close thread, then members", .dismiss),
            KeyBinding([.backspace], "Backspace", "delete back", .composeEdit(.backspace)),
            KeyBinding([.control("d")], "Ctrl-D", "delete forward", .composeEdit(.deleteForward)),
            KeyBinding([.left, .control("b")], "← Ctrl-B", "cursor left", .composeEdit(.left)),
            KeyBinding([.right, .control("f")], "→ Ctrl-F", "cursor right", .composeEdit(.right)),
            KeyBinding([.control("a")], "Ctrl-A", "start of line", .composeEdit(.home)),
            KeyBinding([.control("e")], "Ctrl-E", "end of line", .composeEdit(.end)),
            KeyBinding([.alt("b")], "Alt-B", "word left", .composeEdit(.wordLeft)),
            KeyBinding([.alt("f")], "Alt-F", "word right", .composeEdit(.wordRight)),
            KeyBinding([.control("w")], "Ctrl-W", "delete the word before the cursor", .composeEdit(.deleteWordBack)),
            KeyBinding([.control("u")], "Ctrl-U", "delete to the start", .composeEdit(.killToStart)),
            KeyBinding(
                [.control("k")],
                "Ctrl-K",
                "text after the cursor: delete it",
                .composeEdit(.killToEnd),
                when: { $0.composer.cursor < $0.composer.text.count }
            ),
            KeyBinding([.control("p")], "Ctrl-P", "previous sent message", .composeEdit(.historyBack)),
            KeyBinding([.control("n")], "Ctrl-N", "next sent message", .composeEdit(.historyForward)),
            KeyBinding([.control("x")], "Ctrl-X", "write the message in $EDITOR", .openEditor),
        ] + navigation(letters: false),
        typing: KeyTyping(label: "text", help: "goes into the message (a paste too)") { .composeInsert($0) }
    )

    /// Message-select mode: the actions on the selected message, in its pane.
    public static func selecting(live: Bool) -> KeyTable { live ? selectingLive : selectingStore }

    // Built once: the table is looked up on every key and every frame.
    private static let selectingLive = makeSelecting(live: true)
    private static let selectingStore = makeSelecting(live: false)

    /// With a server `q` quotes; browsing a store it quits, as in the other modes.
    private static func makeSelecting(live: Bool) -> KeyTable {
        KeyTable(
            " SELECT ",
            "selecting (after ↑)",
            [
                KeyBinding([.up, .character("k")], "↑ k", "move the selection up", .moveSelection(-1), hint: "↑↓ move"),
                KeyBinding([.down, .character("j")], "↓ j", "move the selection down", .moveSelection(1)),
                KeyBinding([.enter], "Enter", "/giphy preview: send it", .giphy("send"), when: selectedIsPreview),
                KeyBinding([.character("s")], "s", "/giphy preview: another picture", .giphy("shuffle"), when: selectedIsPreview),
                KeyBinding([.character("x")], "x", "/giphy preview: cancel it", .giphy("cancel"), when: selectedIsPreview),
                KeyBinding(
                    [.enter, .character("t"), .character("r")],
                    "Enter t r",
                    "open the selected message's thread (r: to reply)",
                    .openThread,
                    hint: "Enter thread"
                ),
                KeyBinding([.character("e")], "e", "edit your selected message (server)", .editSelected, hint: "e edit"),
                KeyBinding([.character("d")], "d", "delete your selected message, after a yes (server)", .deleteSelected, hint: "d delete"),
                KeyBinding([.character("a")], "a", "react to the selected message: pick, Enter (server)", .reactSelected, hint: "a react"),
                KeyBinding([.character("p")], "p", "pin or unpin the selected message (server)", .pinSelected),
                KeyBinding([.character("V")], "V", "vote in the selected message's poll (server)", .voteSelected),
                KeyBinding([.character("v")], "v", "details of the selected message", .showDetails),
                KeyBinding([.character("f")], "f", "flag the selected message for the moderators, after a yes (server)", .flagSelected),
                KeyBinding([.character("u")], "u", "mark unread from the selected message on", .markUnreadSelected, hint: "u unread"),
                KeyBinding([.character("o")], "o", "the selected message's links: open or copy", .openSelectedLink),
                KeyBinding([.character("Y")], "Y", "copy the selected message's text to the clipboard", .yankText),
                live
                    ? KeyBinding([.character("q")], "q", "quote the selected message in your next one", .quoteSelected, hint: "q quote")
                    : KeyBinding([.character("q")], "q", "quit", .quit),
                KeyBinding([.escape], "Esc", "stop selecting", .dismiss, hint: "Esc back"),
            ] + navigation(letters: true)
        )
    }

    /// A /giphy preview is selected: Enter, s and x answer it.
    private static let selectedIsPreview: @Sendable (ChatState) -> Bool = { state in
        guard let id = state.modes.selection?.messageID else { return false }
        return state.window?.rows.first { $0.id == id }?.message.isGiphyPreview == true
    }

    /// The keys that move around, in every pane and in message-select mode. While writing the
    /// letters are text, so only their function-key twins work.
    static func navigation(letters: Bool) -> [KeyBinding] {
        let (members, help, summary): ([Key], [Key], [Key]) =
            letters
            ? ([.character("m"), .function(2)], [.character("?"), .function(1)], [.character("R"), .function(3)])
            : ([.function(2)], [.function(1)], [.function(3)])
        let archived: [Key] = letters ? [.character("z"), .alt("z")] : [.alt("z")]
        let mentions: [Key] = letters ? [.character("M"), .alt("m")] : [.alt("m")]
        let threads: [Key] = letters ? [.character("T"), .alt("t")] : [.alt("t")]
        let fold: [Key] = letters ? [.character("g"), .alt("g")] : [.alt("g")]
        return [
            KeyBinding([.control("k")], "Ctrl-K", "switch channel (type to filter, Enter to open)", .switcherOpen, hint: "Ctrl-K switch"),
            openFind,
            KeyBinding([.alt("a")], "Alt-A", "next channel with mentions, then unread", .openNextUnread),
            KeyBinding([.alt("s")], "Alt-S", "back to the previous channel", .openPreviousChannel),
            KeyBinding([.pageUp], "PgUp", "scroll back (loads older messages)", .scroll(messages: 10)),
            KeyBinding([.pageDown], "PgDn", "scroll forward", .scroll(messages: -10)),
            KeyBinding([.home], "Home", "oldest message", .jumpToOldest),
            KeyBinding([.end], "End", "newest message", .jumpToNewest),
            KeyBinding([.alt("u")], "Alt-U", "first unread message (\"New messages ↑\")", .jumpToFirstUnread),
            KeyBinding([.tab, .alt("o")], "Tab Alt-O", "move focus between channel and thread", .toggleThreadFocus),
            KeyBinding(members, label(members), "show or hide the member list", .toggleMembers),
            KeyBinding(archived, label(archived), "show or fold the archived channels (/archived)", .toggleArchived),
            KeyBinding(mentions, label(mentions), "messages that mention you (/mentions; Enter opens one)", .openMentions),
            KeyBinding(threads, label(threads), "your threads, unread first (/threads)", .openThreads),
            KeyBinding(fold, label(fold), "fold or unfold the open channel's sidebar group", .toggleOpenGroup),
            KeyBinding(help, label(help), "this help", .toggleHelp, hint: label(help) + " help"),
            KeyBinding(summary, label(summary), "migration summary: what the store holds (/report)", .toggleSummary),
            redraw,
            quit,
        ]
    }

    static let redraw = KeyBinding([.control("l")], "Ctrl-L", "redraw the screen", .redraw)
    static let quit = KeyBinding([.control("c")], "Ctrl-C", "quit", .quit)

    /// How the help writes keys: `? F1`.
    static func label(_ keys: [Key]) -> String {
        keys.map { key in
            switch key {
            case .character(let c): String(c)
            case .function(let n): "F\(n)"
            case .alt(let c): "Alt-\(c.uppercased())"
            default: "\(key)"
            }
        }.joined(separator: " ")
    }
}
