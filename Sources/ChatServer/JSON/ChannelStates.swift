import ChatModel
import ChatStore

/// A channel as `channel.query` and `query_channels` return it.
struct ChannelStates {
    let store: ChatStore

    /// Stream's ChannelState: the channel (with `muted` for a user token), its members (a page of
    /// them with `body.members`' `limit` and `offset`, by name), a page of messages
    /// (`body.messages`, see `MessagePage`), oldest first, the newest pinned messages, read state,
    /// and a user's own pending messages.
    func state(_ channel: Channel, body: JSONObject, viewer: StreamToken.Actor?, operation: String) throws -> JSONObject {
        let members = try store.members(cid: channel.cid)
        // The members' users are read already, and most authors are members.
        let memberUsers = Dictionary(members.map { ($0.user.id, $0.user) }) { a, _ in a }
        // The members, their read states and the messages show the same users: each one's JSON
        // is built once (three times over, it was about 1 % of a channel query).
        let memberJSON = memberUsers.mapValues(UserJSON.json)
        let bans = try ChannelJSON.bans(in: channel, store: store)
        let member = { (row: MemberRow) in ChannelJSON.member(row, user: memberJSON[row.user.id], ban: bans[row.user.id]) }
        let viewerID: String = { if case .user(let id)? = viewer { return id } else { return "" } }()
        let presenter = MessagePresenter(store: store)
        let rows = try MessagePage.rows(
            body["messages"]?.objectValue ?? [:],
            in: .channel(channel.cid),
            viewer: viewerID,
            store: store,
            operation: operation,
            known: memberUsers
        )
        // The creator is usually a member, whose user is read already.
        let creator = try members.first { $0.user.id == channel.createdBy }?.user ?? store.user(id: channel.createdBy)
        let config = try store.channelConfig(for: channel)
        let muted = viewerID.isEmpty ? nil : try store.channelMutes(of: viewerID).contains { $0.cid == channel.cid }
        var out: JSONObject = [
            "channel": ChannelJSON.channel(
                channel,
                creator: creator,
                memberCount: members.count,
                lastMessageAt: try store.lastMessageAt(cid: channel.cid),
                config: try ChannelJSON.config(config, store: store),
                muted: muted
            ),
            "members": .array(try Self.memberPage(members, body["members"], operation: operation).map(member)),
            "messages": .array(try presenter.messages(rows, viewer: viewerID, known: memberUsers, shown: memberJSON)),
            "pinned_messages": .array(
                try presenter.messages(
                    store.pinnedMessages(cid: channel.cid, viewer: viewerID, page: .init(limit: Self.pinnedInState), known: memberUsers),
                    viewer: viewerID,
                    known: memberUsers,
                    shown: memberJSON
                )
            ),
            "read": .array(try read(channel, members: members, users: memberJSON, viewer: viewerID, shared: config[.readEvents])),
            // The routes count the watchers, which the event hub knows.
            "watcher_count": 0, "watchers": [],
        ]
        if let me = members.first(where: { $0.user.id == viewerID }) { out["membership"] = member(me) }
        if !viewerID.isEmpty {
            // The viewer's own pending messages (Stream's PendingMessageResponse), its 100 newest.
            out["pending_messages"] = .array(
                try store.pendingMessages(cid: channel.cid, userID: viewerID, limit: 100).map { pending in
                    [
                        "message": try presenter.message(pending.row, viewer: viewerID),
                        "pending_message_metadata": PendingMessageRoutes.json(pending.metadata),
                    ]
                }
            )
        }
        return out
    }

    /// The newest pins a channel's state shows (the rest through `GetPinnedMessages`).
    static let pinnedInState = 10

    /// Stream's read states: each member's `last_read` and `unread_messages`. With read events off
    /// the channel does not show how far others have read, so a user sees only their own.
    /// `users`: the members' users' JSON, by id.
    private func read(
        _ channel: Channel,
        members: [MemberRow],
        users: [String: JSONValue],
        viewer: String,
        shared: Bool
    ) throws
        -> [JSONValue]
    {
        try store.readStates(cid: channel.cid).filter { shared || $0.userID == viewer }.map { state in
            let row = members.first { $0.user.id == state.userID }
            var o: JSONObject = [
                "user": users[state.userID] ?? UserJSON.json(row?.user ?? User(id: state.userID)),
                "last_read": .string(state.lastRead.rfc3339),
                "unread_messages": .int(state.unreadMessages),
            ]
            if let at = row?.member.lastDeliveredAt, let id = row?.member.lastDeliveredMessageID {
                o["last_delivered_at"] = .string(at.rfc3339)
                o["last_delivered_message_id"] = .string(id)
            }
            return .object(o)
        }
    }

    /// `members: {limit, offset}` (limit ≤ 300, offset ≤ 10000, as Stream's PaginationParams);
    /// without it, every member.
    private static func memberPage(_ members: [MemberRow], _ paging: JSONValue?, operation: String) throws -> ArraySlice<MemberRow> {
        guard let paging, paging != .null else { return members[...] }
        guard let o = paging.objectValue, o.members.allSatisfy({ ["limit", "offset"].contains($0.key) && $0.value.intValue != nil })
        else { throw StreamAPIError.input(operation, "members takes {limit, offset} as numbers") }
        let limit = o["limit"]?.intValue ?? 100
        let offset = o["offset"]?.intValue ?? 0
        guard (0...300).contains(limit), (0...10_000).contains(offset) else {
            throw StreamAPIError.input(operation, "members.limit must be 0 to 300 and members.offset 0 to 10000")
        }
        return members.dropFirst(offset).prefix(limit)
    }
}
