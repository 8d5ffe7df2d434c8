import ChatModel

/// Blocked users (with a server): `/block @user`, `/unblock @user`, `/blocked`. A direct
/// conversation with nobody but blocked users leaves the sidebar, and in the other direct
/// conversations their messages are not shown. The server's list is the truth: it arrives
/// at connect and after each change as `.blockedUsers`.
extension ChatReducer {
    static func runBlock(_ action: SlashCommand.Action, _ arguments: String, _ s: inout ChatState) -> [ChatEffect] {
        guard live(&s) else { return [] }
        guard action != .blocked else { return [.live(.blockedUsers)] }
        let words = arguments.split(separator: " ", omittingEmptySubsequences: true)
        guard words.count == 1, words[0].hasPrefix("@"), words[0].count > 1 else {
            s.status = "/\(action == .block ? "block" : "unblock") @user: whom?"
            return []
        }
        let id = String(words[0].dropFirst())
        guard id != s.userID else {
            s.status = "You cannot block yourself"
            return []
        }
        return [.live(.block(userID: id, blocking: action == .block))]
    }

    /// The server's list of the users the reader blocks: messages already shown from them in a
    /// direct conversation go (the channel list that follows drops their conversations).
    static func blockedUsersChanged(_ ids: [String], _ s: inout ChatState) {
        s.blocked = Set(ids)
        if let w = s.window {
            let rows = shown(w.rows, cid: w.cid, s)
            s.window?.rows = rows
        }
        s.channels = withoutBlocked(s.channels, s)
    }

    /// The list without direct conversations whose other members are all blocked.
    static func withoutBlocked(_ channels: [ChannelSummary], _ s: ChatState) -> [ChannelSummary] {
        guard !s.blocked.isEmpty else { return channels }
        return channels.filter { c in
            let others = (c.channel.memberIDs ?? []).filter { $0 != s.userID }
            return others.isEmpty || !others.allSatisfy(s.blocked.contains)
        }
    }

    /// `rows` of channel `cid` as shown: in a direct conversation, blocked users' messages left out.
    static func shown(_ rows: [MessageRow], cid: String, _ s: ChatState) -> [MessageRow] {
        guard !s.blocked.isEmpty, s.channels.first(where: { $0.channel.cid == cid })?.isDirect == true else { return rows }
        return rows.filter { !s.blocked.contains($0.message.userID) }
    }
}
