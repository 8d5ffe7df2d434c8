import ChatModel
import ChatStore
import Hummingbird

/// `mark_unread` (`POST /channels/{type}/{id}/unread`), `unread_counts_batch`
/// (`POST /unread_batch`) and `mark_delivered` (`POST /channels/delivered`).
struct UnreadRoutes {
    let store: ChatStore
    let hub: EventHub

    func add(to router: Router<ServerContext>) {
        router.post("channels/:type/:id/unread") { request, context in try await markUnread(request, context) }
        router.post("unread_batch") { request, context in try await unreadBatch(request, context) }
        router.post("channels/delivered") { request, context in try await delivered(request, context) }
    }

    /// Moves the member's read position to just before a message (`message_id`, or the first one
    /// after `message_timestamp`), so it and every later message count unread again; the user's
    /// connections hear `notification.mark_unread` with the new counts. Marking a whole thread
    /// unread (`thread_id`) is refused: a thread keeps only a read position of its own
    /// (`mark_read` with `thread_id`), not Stream's unread thread state.
    private func markUnread(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "MarkUnread"
        var request = request
        let body = try await request.jsonObject(operation: operation)
        if let thread = body["thread_id"], thread != .null {
            throw StreamAPIError.input(
                operation,
                "thread_id is not supported by the local server in \(operation) (mark a thread read, or unread from a message)"
            )
        }
        let type = context.parameters.get("type") ?? ""
        let id = context.parameters.get("id") ?? ""
        guard let channel = try store.channel(cid: ChannelID.cid(type: type, id: id)) else {
            throw StreamAPIError.notFound(operation, "Can't find channel with id \(type):\(id)")
        }
        let user = try ActingUser.resolve(context, claimed: ActingUser.claimed(in: body), operation: operation)
        try ChannelAccess(store: store, actor: .user(user)).require(.read, channel, operation: operation)
        let from: Timestamp
        var messageID: String?
        if let given = body["message_id"]?.stringValue {
            guard let row = try store.message(id: given, viewer: user), row.message.cid == channel.cid else {
                throw StreamAPIError.notFound(operation, "Can't find message with id \(given) in channel \(channel.cid)")
            }
            from = row.message.createdAt ?? .now()
            messageID = given
        } else if let text = body["message_timestamp"]?.stringValue {
            guard let at = Timestamp(rfc3339: text) else {
                throw StreamAPIError.input(operation, "message_timestamp must be an RFC 3339 time")
            }
            from = at
        } else {
            throw StreamAPIError.input(operation, "message_id or message_timestamp is required")
        }
        // One nanosecond earlier: the message itself is unread again.
        let lastRead =
            from.nanoseconds > 0
            ? Timestamp(seconds: from.seconds, nanoseconds: from.nanoseconds - 1)
            : Timestamp(seconds: from.seconds - 1, nanoseconds: 999_999_999)
        guard try store.markRead(cid: channel.cid, userID: user, at: lastRead) else {
            throw StreamAPIError.notAllowed(operation, "user \(user) is not a member of channel \(channel.cid)")
        }
        var event = EventJSON.base("notification.mark_unread", channel, user: user, store: store)
        event["last_read_at"] = .string(lastRead.rfc3339)
        if let messageID { event["first_unread_message_id"] = .string(messageID) }
        let counts = try UnreadCounts.fields(for: user, cid: channel.cid, store: store)
        event["unread_messages"] = counts["unread_count"] ?? 0
        await hub.publish(event.merging(counts), toUser: user)
        return JSONResponse.ok([:], status: .created, context: context)
    }

    /// `unread_counts` for each of up to 100 users, keyed by id; unknown users are left out, as
    /// in Stream. Server tokens only.
    private func unreadBatch(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "UnreadCountsBatch"
        try ServerSideOnly.unreadBatch.require(context, operation: operation)
        var request = request
        let body = try await request.jsonObject(operation: operation)
        guard let ids = body["user_ids"]?.arrayValue, !ids.isEmpty, ids.allSatisfy({ $0.stringValue != nil }) else {
            throw StreamAPIError.input(operation, "user_ids is a required list of user ids")
        }
        guard ids.count <= 100 else { throw StreamAPIError.input(operation, "at most 100 user_ids per request") }
        var counts = JSONObject()
        for id in ids.compactMap(\.stringValue) where try store.user(id: id) != nil {
            counts.appendUnique(id, .object(try UnreadJSON.counts(for: id, store: store)))
        }
        return JSONResponse.ok(["counts_by_user": .object(counts)], status: .created, context: context)
    }

    /// Records the newest message delivered to the user's devices in each channel named
    /// (`latest_delivered_messages: [{cid, id}]`) and tells the channel's watchers
    /// `message.delivered`; the channel's `read` states show it. A user whose
    /// `privacy_settings.delivery_receipts.enabled` is false is recorded by nobody, as in Stream.
    private func delivered(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "MarkDelivered"
        var request = request
        let body = try await request.jsonObject(operation: operation)
        let claimed = request.uri.queryParameters.get("user_id").map { String($0) } ?? ActingUser.claimed(in: body)
        let user = try ActingUser.resolve(context, claimed: claimed, operation: operation)
        guard let latest = body["latest_delivered_messages"]?.arrayValue, !latest.isEmpty else {
            throw StreamAPIError.input(operation, "latest_delivered_messages is a required list of {cid, id}")
        }
        let entries: [(cid: String, id: String)] = try latest.map { item in
            guard let cid = item.objectValue?["cid"]?.stringValue, let id = item.objectValue?["id"]?.stringValue else {
                throw StreamAPIError.input(operation, "each of latest_delivered_messages needs a cid and an id")
            }
            return (cid, id)
        }
        let privacy = try store.user(id: user)?.privacySettings
        guard privacy?["delivery_receipts"]?.objectValue?["enabled"]?.boolValue != false else {
            return JSONResponse.ok([:], status: .created, context: context)
        }
        // Every channel is checked before any is recorded: all or nothing.
        let channels: [Channel] = try entries.map { entry in
            guard let channel = try store.channel(cid: entry.cid) else {
                throw StreamAPIError.notFound(operation, "Can't find channel with id \(entry.cid)")
            }
            // A server token may act for a user outside the channel, as in Stream; only a
            // member's delivery is recorded (`markDelivered` keeps nothing for anyone else).
            guard try context.actor == .server || store.isMember(cid: channel.cid, userID: user) else {
                throw StreamAPIError.notAllowed(operation, "user \(user) is not a member of channel \(channel.cid)")
            }
            return channel
        }
        let now = Timestamp.now()
        for (entry, channel) in zip(entries, channels) {
            _ = try store.markDelivered(cid: channel.cid, userID: user, messageID: entry.id, at: now)
            var event = EventJSON.base("message.delivered", channel, user: user, store: store, at: now)
            event["last_delivered_at"] = .string(now.rfc3339)
            event["last_delivered_message_id"] = .string(entry.id)
            event["channel"] = try ChannelJSON.full(channel, store: store)
            if let team = channel.team { event["team"] = .string(team) }
            await hub.publish(event, cid: channel.cid)
        }
        return JSONResponse.ok([:], status: .created, context: context)
    }
}
