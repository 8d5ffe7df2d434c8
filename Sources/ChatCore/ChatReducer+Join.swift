import ChatModel

/// Joining the team and livestream channels one is not in (`/join`), and leaving one after a
/// yes (`/leave`). Joining makes the reader a member, which only a server can do.
extension ChatReducer {
    /// `/join NAME` opens a channel the reader is in, or joins one they may join; `/join`
    /// alone lists those (their load answers with `.joinableLoaded`).
    static func join(_ arguments: String, _ s: inout ChatState) -> [ChatEffect] {
        let wanted = String(arguments.drop { $0 == "#" })
        if !wanted.isEmpty, let match = s.channels.first(where: { matches($0, wanted) }) { return open(match.channel.cid, &s) }
        s.notice = wanted.isEmpty ? "Looking for channels to join…" : "Looking for \(wanted)…"
        return [.loadJoinable(named: wanted.isEmpty ? nil : wanted)]
    }

    /// A channel called `name`: its id or its title, in any case.
    static func matches(_ channel: ChannelSummary, _ name: String) -> Bool {
        channel.channel.id.lowercased() == name.lowercased() || channel.title.lowercased() == name.lowercased()
    }

    /// The channels one may join arrived: the one named is joined, else the list opens over
    /// whatever the reader has open (dropped when something else opened meanwhile).
    static func joinableLoaded(_ channels: [ChannelSummary], named name: String?, _ s: inout ChatState) -> [ChatEffect] {
        s.notice = nil
        if let name {
            guard let match = channels.first(where: { matches($0, name) }) else {
                s.status = "No channel called \(name) that you are in or may join"
                return []
            }
            return joinChannel(match, &s)
        }
        guard !channels.isEmpty else {
            s.notice = "No channels to join: you are in every team and livestream channel"
            return []
        }
        if s.modes.overlays.isEmpty { s.modes.push(.joinPicker(JoinPicker(channels: channels))) }
        return []
    }

    static func joinPicker(_ event: ChatEvent, _ picker: JoinPicker, _ s: inout ChatState) -> [ChatEffect]? {
        if moveOrClose(event, picker, as: Mode.joinPicker, &s) { return [] }
        guard case .listConfirm = event else { return nil }
        s.modes.pop()
        return joinChannel(picker.channels[picker.selected], &s)
    }

    /// Asks the server to add the reader; the channel opens when it has (offline: why not).
    static func joinChannel(_ channel: ChannelSummary, _ s: inout ChatState) -> [ChatEffect] {
        guard s.isLive else {
            s.status = "Joining #\(channel.title) needs the server: open the store through `chatterm serve` (--server)"
            return []
        }
        s.notice = "Joining #\(channel.title)…"
        return [.live(.join(cid: channel.channel.cid))]
    }

    /// `/leave` asks first: `y` leaves, any other key stays.
    static func askToLeave(_ s: inout ChatState) {
        guard live(&s), let channel = s.openChannel else { return }
        s.modes.push(.confirmLeave(cid: channel.channel.cid))
        s.status = "Leave #\(channel.title)? y leaves, any other key stays"
    }

    static func confirmLeave(_ event: ChatEvent, cid: String, _ s: inout ChatState) -> [ChatEffect]? {
        guard case .confirm(let yes) = event else { return nil }
        s.modes.pop()
        return yes ? [.live(.leave(cid: cid))] : []
    }
}
