import ChatModel

/// Flags (with a server): `f` on a selected message, `/flag [reason]` on the newest message of
/// the focused pane, `/flag @user [reason]` on a user. Each asks first, as a flag goes to the
/// moderators and cannot be taken back from here; the server's answer marks the message.
extension ChatReducer {
    /// `/flag [@user] [reason]`.
    static func runFlag(_ arguments: String, _ s: inout ChatState) -> [ChatEffect] {
        guard flaggingIsLive(&s) else { return [] }
        if arguments.hasPrefix("@") {
            let user = String(arguments.dropFirst().prefix { !$0.isWhitespace })
            guard !user.isEmpty, user != s.userID else {
                s.status = user.isEmpty ? "/flag @user [reason]: whom?" : "You cannot flag yourself"
                return []
            }
            askToFlag(.user(user), reason: reason(arguments.dropFirst(user.count + 1)), &s)
            return []
        }
        let shown = s.modes.focus == .thread ? s.threadRows : s.window?.rows ?? []
        let others = shown.filter { $0.message.userID != s.userID && ![.deleted, .ephemeral, .system].contains($0.message.type) }
        guard let target = others.last else {
            s.status = "No message of someone else here to flag"
            return []
        }
        // Selected, so the reader sees which message the question is about.
        s.modes.push(.select(pane: s.modes.focus, messageID: target.id))
        if !askToFlag(.message(target.id), reason: reason(Substring(arguments)), &s) { s.modes.pop() }
        return []
    }

    /// "Flag …?" over the target: `y` answers. One's own message is not flagged, nor one
    /// flagged already; false when not asked.
    @discardableResult
    static func askToFlag(_ target: FlagTarget, reason: String?, _ s: inout ChatState) -> Bool {
        guard flaggingIsLive(&s) else { return false }
        switch target {
        case .message(let id):
            guard let row = row(id, in: s), row.message.userID != s.userID else {
                s.status = "You cannot flag your own message"
                return false
            }
            guard !s.flagged.contains(id) else {
                s.status = "You flagged this message already"
                return false
            }
            s.modes.push(.confirmFlag(target, reason: reason))
            s.status = "Flag \(row.authorName)'s message for the moderators? y flags, any other key does not"
        case .user(let id):
            s.modes.push(.confirmFlag(target, reason: reason))
            s.status = "Flag @\(id) for the moderators? y flags, any other key does not"
        }
        return true
    }

    /// The answer to "flag?": yes asks the server and ends the selection; anything else keeps it.
    static func confirmFlag(_ event: ChatEvent, _ target: FlagTarget, reason: String?, _ s: inout ChatState) -> [ChatEffect]? {
        guard case .confirm(let yes) = event else { return nil }
        s.modes.pop()
        guard yes else { return [] }
        if case .message(let id) = target {
            s.modes.popThrough { if case .select(_, id) = $0 { true } else { false } }
        }
        return [.live(.flag(target, reason: reason))]
    }

    /// The server took the flag.
    static func flagged(_ target: FlagTarget, _ s: inout ChatState) {
        switch target {
        case .message(let id):
            s.flagged.insert(id)
            s.notice = "Flagged the message for the moderators"
        case .user(let id):
            s.notice = "Flagged @\(id) for the moderators"
        }
    }

    /// A flag goes to the server's moderators: a local store has none.
    private static func flaggingIsLive(_ s: inout ChatState) -> Bool {
        if !s.isLive {
            s.status = "Flagging needs the server: its moderators review flags (open the store through `chatterm serve` with --server)"
        }
        return s.isLive
    }

    private static func reason(_ text: Substring) -> String? {
        let reason = SlashCommand.trimmed(text)
        return reason.isEmpty ? nil : reason
    }
}
