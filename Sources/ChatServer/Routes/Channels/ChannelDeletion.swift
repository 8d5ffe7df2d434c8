import ChatModel
import ChatStore

/// Deleting a channel, for `channel.delete` and the batch `delete_channels`: the channel and
/// everything in it go (hard and soft alike: the local server keeps no trash); watchers get
/// `channel.deleted`, members who are not watching `notification.channel_deleted`.
struct ChannelDeletion {
    let store: ChatStore
    let hub: EventHub

    /// The channel as it was, with its `deleted_at`.
    func delete(_ channel: Channel, by actor: String) async throws -> JSONValue {
        var json = try ChannelJSON.full(channel, store: store)
        let memberIDs = try store.members(cid: channel.cid).map(\.user.id)
        try store.deleteChannel(cid: channel.cid)
        let now = Timestamp.now()
        if case .object(var o) = json {
            o["deleted_at"] = .string(now.rfc3339)
            json = .object(o)
        }
        var event = EventJSON.base("channel.deleted", channel, user: actor, store: store, at: now)
        event["channel"] = json
        await hub.publish(event, cid: channel.cid)
        event["type"] = "notification.channel_deleted"
        await hub.notify(event, cid: channel.cid, members: memberIDs)
        return json
    }
}
