import ChatModel
import ChatStore

/// A new message stored and told: by a send, a /giphy sent from its preview, and the message a
/// truncate leaves; and a pending message told when committed.
struct NewMessages {
    let store: ChatStore
    let hub: EventHub

    /// Stores a new message (committed before anyone is told, with the poll it carries) and tells the channel; a
    /// `shadowed` or pending (with `pendingMetadata`) one only its author.
    func post(
        _ message: Message,
        in channel: Channel,
        sender: String,
        shadowed: Bool = false,
        pendingMetadata: [String: String]? = nil,
        pollID: String? = nil,
        operation: String
    ) async throws
        -> JSONValue
    {
        guard try await store.insert(message: message, shadowed: shadowed, pendingMetadata: pendingMetadata) else {
            throw StreamAPIError.input(operation, "a message with ID \(message.id) already exists")
        }
        if let pollID { try store.attach(pollID: pollID, toMessage: message.id) }
        return try await announce(message, in: channel, sender: sender, authorOnly: shadowed || pendingMetadata != nil)
    }

    /// Tells the channel of a stored message with `message.new` (only its author when
    /// `authorOnly`), and the members connected but not watching with their own unread counts;
    /// the message as the author sees it.
    func announce(_ message: Message, in channel: Channel, sender: String, authorOnly: Bool) async throws -> JSONValue {
        let (event, memberIDs, audience) = try store.readTogether {
            let json = try MessagePresenter(store: store).message(id: message.id, viewer: sender) ?? .null
            var event = EventJSON.base("message.new", channel, user: sender, store: store)
            event["message"] = json
            event["message_id"] = .string(message.id)
            let memberIDs = try store.memberIDs(cid: channel.cid)
            // A block narrows only a 1-on-1 channel's audience: only then are the members' users read.
            let members = memberIDs.count == 2 ? try store.members(cid: channel.cid) : []
            let audience = authorOnly ? [sender] : BlockedAudience.narrowed(message.audience, actor: sender, members: members)
            return (event, memberIDs, audience)
        }
        // The two events reach different connections (the watchers; members watching nowhere),
        // so neither waits for the other: on PostgreSQL they enter the log in one statement.
        async let published: Void = hub.publish(event, cid: channel.cid, audience: audience)
        // Thread replies not shown in the channel reach the thread's watchers only.
        if message.parentID == nil || message.showInChannel == true {
            let members = memberIDs.filter { $0 != sender && audience?.contains($0) ?? true }
            var notification = event
            notification["type"] = "notification.message_new"
            await hub.notify(notification, cid: channel.cid, members: members, personal: true)
        }
        await published
        return event["message"] ?? .null
    }
}
