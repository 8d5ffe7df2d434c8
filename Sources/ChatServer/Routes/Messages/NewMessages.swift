import ChatModel
import ChatStore

/// A new message stored and told: by a send, a /giphy sent from its preview, and the message a
/// truncate leaves.
struct NewMessages {
    let store: ChatStore
    let hub: EventHub

    /// Stores a new message (committed before anyone is told, with the poll it carries) and tells the channel; a
    /// `shadowed` one only its author.
    func post(
        _ message: Message,
        in channel: Channel,
        sender: String,
        shadowed: Bool = false,
        pollID: String? = nil,
        operation: String
    ) async throws
        -> JSONValue
    {
        guard try await store.insert(message: message, shadowed: shadowed) else {
            throw StreamAPIError.input(operation, "a message with ID \(message.id) already exists")
        }
        if let pollID { try store.attach(pollID: pollID, toMessage: message.id) }
        let (event, memberIDs, audience) = try store.readTogether {
            let json = try MessagePresenter(store: store).message(id: message.id, viewer: sender) ?? .null
            var event = EventJSON.base("message.new", channel, user: sender, store: store)
            event["message"] = json
            event["message_id"] = .string(message.id)
            let memberIDs = try store.memberIDs(cid: channel.cid)
            // A block narrows only a 1-on-1 channel's audience: only then are the members' users read.
            let members = memberIDs.count == 2 ? try store.members(cid: channel.cid) : []
            let audience = shadowed ? [sender] : BlockedAudience.narrowed(message.audience, actor: sender, members: members)
            return (event, memberIDs, audience)
        }
        await hub.publish(event, cid: channel.cid, audience: audience)
        // Members connected but not watching hear of it with their own unread counts. Thread
        // replies not shown in the channel reach the thread's watchers only.
        if message.parentID == nil || message.showInChannel == true {
            let members = memberIDs.filter { $0 != sender && audience?.contains($0) ?? true }
            var notification = event
            notification["type"] = "notification.message_new"
            await hub.notify(notification, cid: channel.cid, members: members, personal: true)
        }
        return event["message"] ?? .null
    }
}
