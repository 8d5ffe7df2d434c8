import ChatCore
import ChatModel

/// What the live reducer tests share: alice connected in #general, messages to arrive, and a
/// script of events run through the reducer.
protocol LiveReducerScript {}

extension LiveReducerScript {
    var t0: Timestamp { Timestamp(seconds: 2_000_000) }

    func message(
        _ id: String,
        from user: String,
        cid: String = "messaging:general",
        at seconds: Int64,
        mentions: [String]? = nil,
        parent: String? = nil
    ) -> MessageRow {
        let parts = cid.split(separator: ":").map(String.init)
        var m = Message(id: id, channelType: parts[0], channelID: parts[1], userID: user, text: "text of \(id)")
        m.createdAt = Timestamp(seconds: seconds)
        m.mentionedUserIDs = mentions
        m.parentID = parent
        return MessageRow(message: m, authorName: user.capitalized)
    }

    /// alice, connected, in #general (read up to now) with #random beside it.
    func live() -> ChatState {
        var s = ChatState(userID: "alice", userName: "Alice")
        s.connection = .connected
        s.now = t0
        let general = ChannelSummary(
            channel: Channel(type: "messaging", id: "general", createdBy: "alice"),
            lastMessageAt: Timestamp(seconds: 1)
        )
        let random = ChannelSummary(channel: Channel(type: "messaging", id: "random", createdBy: "alice"))
        s = reduce(s, .channelsLoaded([general, random])).0
        let members = ["alice", "bob", "bea", "carol"].map {
            MemberRow(member: Member(channelType: "messaging", channelID: "general", userID: $0), user: User(id: $0))
        }
        return reduce(s, .channelLoaded(cid: "messaging:general", rows: [message("old", from: "bob", at: 10)], members: members)).0
    }

    /// `s` in message-select mode on `id`, in the focused pane, with nothing else open.
    func selecting(_ id: String, _ s: ChatState) -> ChatState {
        var selected = s
        selected.modes = ModeStack(thread: s.thread, overlays: [.select(pane: s.modes.focus, messageID: id)])
        return selected
    }

    func reduce(_ s: ChatState, _ events: ChatEvent...) -> (ChatState, [ChatEffect]) {
        var state = s
        var effects: [ChatEffect] = []
        for event in events {
            let (next, more) = ChatReducer.reduce(state, event)
            state = next
            effects += more
        }
        return (state, effects)
    }
}
