import ChatModel
import ChatStore

/// A channel as `channel.query` and `query_channels` return it.
struct ChannelStates {
    let store: ChatStore

    /// Stream's ChannelState: the channel, its members, its newest messages (oldest first), read state.
    func state(_ channel: Channel, body: JSONObject, viewer: StreamToken.Actor?) throws -> JSONObject {
        let members = try store.members(cid: channel.cid)
        let limit = min(max(body["messages"]?.objectValue?["limit"]?.intValue ?? 25, 0), 300)
        let viewerID: String = { if case .user(let id)? = viewer { return id } else { return "" } }()
        let presenter = MessagePresenter(store: store)
        let rows = try store.messages(cid: channel.cid, viewer: viewerID, before: nil, limit: limit)
        let creator = try store.user(id: channel.createdBy)
        var out: JSONObject = [
            "channel": ChannelJSON.channel(channel, creator: creator, memberCount: members.count, config: try store.channelConfig(forType: channel.type)),
            "members": .array(members.map(ChannelJSON.member)),
            "messages": .array(try rows.map { try presenter.message($0) }),
            "pinned_messages": [], "read": [], "watcher_count": 0, "watchers": [],
        ]
        if let me = members.first(where: { $0.user.id == viewerID }) { out["membership"] = ChannelJSON.member(me) }
        return out
    }
}
