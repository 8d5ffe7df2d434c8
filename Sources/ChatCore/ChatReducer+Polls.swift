import ChatModel

/// The poll picker `v` opens over a message's poll: its options in order, one chosen.
public struct PollPicker: Sendable, Equatable {
    public var messageID: String
    public var selected = 0

    public init(messageID: String) { self.messageID = messageID }
}

/// Polls in the client: `/poll` creates one, the picker votes, and poll changes from the
/// server redraw the card of the message that carries it, wherever it is shown.
extension ChatReducer {
    /// `/poll "Question" "Option" "Option"…`: at least two options, each quoted.
    static func createPoll(_ arguments: String, _ s: inout ChatState) -> [ChatEffect] {
        guard live(&s), let cid = s.openCID else { return [] }
        guard let parts = quotedParts(arguments), parts.count >= 3 else {
            s.status = "/poll \"question\" \"option\" \"option\"…: a quoted question and at least two quoted options"
            return []
        }
        return [.live(.createPoll(cid: cid, question: parts[0], options: Array(parts.dropFirst())))]
    }

    /// `"a b" "c"` as `["a b", "c"]`; nil when anything stands outside quotes, a quote is
    /// left open, or a part is empty.
    static func quotedParts(_ text: String) -> [String]? {
        var parts: [String] = []
        var rest = Substring(text)
        while let first = rest.first(where: { !$0.isWhitespace }) {
            guard first == "\"" else { return nil }
            rest = rest.drop { $0.isWhitespace }.dropFirst()
            guard let close = rest.firstIndex(of: "\"") else { return nil }
            let part = SlashCommand.trimmed(rest[..<close])
            guard !part.isEmpty else { return nil }
            parts.append(part)
            rest = rest[rest.index(after: close)...]
        }
        return parts
    }

    static func openPollPicker(on id: String, _ s: inout ChatState) {
        guard let poll = row(id, in: s)?.poll else {
            s.status = "No poll in this message"
            return
        }
        guard !poll.isClosed else {
            s.status = "This poll is closed"
            return
        }
        s.modes.push(.pollPicker(PollPicker(messageID: id)))
    }

    static func pollPicker(_ event: ChatEvent, _ picker: PollPicker, _ s: inout ChatState) -> [ChatEffect]? {
        var picker = picker
        guard let poll = row(picker.messageID, in: s)?.poll else {
            // The poll went while the picker was open: the picker goes too.
            s.modes.pop()
            return []
        }
        switch event {
        case .pickerMove(let delta):
            let count = poll.options.count
            if count > 0 { picker.selected = (picker.selected + delta + count) % count }
        case .pickerConfirm:
            s.modes.pop()
            guard picker.selected < poll.options.count else { return [] }
            let option = poll.options[picker.selected]
            if let vote = poll.ownVotes[option.id] {
                return [.live(.unvote(messageID: picker.messageID, pollID: poll.id, voteID: vote))]
            }
            return [.live(.vote(messageID: picker.messageID, pollID: poll.id, optionID: option.id))]
        case .dismiss:
            s.modes.pop()
            return []
        default:
            return nil
        }
        s.modes.replaceTop(with: .pollPicker(picker))
        return []
    }

    /// The card of the message `id` follows a change, in the channel and in the thread; a
    /// deleted poll leaves the message without one (and closes a picker over it).
    static func updatePoll(on id: String, _ poll: PollCard?, own: PollCard.OwnVotes, _ s: inout ChatState) {
        let change = { (row: inout MessageRow) in
            guard row.id == id else { return }
            row.poll = poll.map { new in (row.poll ?? new).updated(by: new, own: own) }
        }
        if var w = s.window, let i = w.rows.firstIndex(where: { $0.id == id }) {
            change(&w.rows[i])
            s.window = w
        }
        if var thread = s.thread {
            change(&thread.root)
            for i in thread.replies.indices { change(&thread.replies[i]) }
            s.thread = thread
        }
        if poll == nil || poll?.isClosed == true {
            s.modes.popThrough { if case .pollPicker(let picker) = $0 { picker.messageID == id } else { false } }
        }
    }
}
