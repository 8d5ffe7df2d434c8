import ChatModel
import ChatStore
import Hummingbird

/// `mark_read`, `mark_all_read`, `unread_counts`, `send_event`, `hide` and `show`; events go to the channel's watchers.
struct ReadStateRoutes {
    let store: ChatStore
    let hub: EventHub

    func add(to router: Router<ServerContext>) {
        router.post("channels/:type/:id/read") { request, context in try await markRead(request, context) }
        router.post("channels/read") { request, context in try await markAllRead(request, context) }
        router.get("unread") { request, context in try unread(request, context) }
        router.post("channels/:type/:id/event") { request, context in try await event(request, context) }
        router.post("channels/:type/:id/hide") { request, context in try await hide(request, context, hidden: true) }
        router.post("channels/:type/:id/show") { request, context in try await hide(request, context, hidden: false) }
    }

    private func channel(_ context: ServerContext, operation: String) throws -> Channel {
        let type = context.parameters.get("type") ?? ""
        let id = context.parameters.get("id") ?? ""
        guard let channel = try store.channel(cid: ChannelID.cid(type: type, id: id)) else {
            throw StreamAPIError.notFound(operation, "Can't find channel with id \(type):\(id)")
        }
        return channel
    }

    private func markRead(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "MarkRead"
        var request = request
        let body = try await request.jsonObject(operation: operation, handling: ["message_id", "thread_id", "user", "user_id"])
        let channel = try channel(context, operation: operation)
        let user = try ActingUser.resolve(context, claimed: ActingUser.claimed(in: body), operation: operation)
        let now = Timestamp.now()
        // With `thread_id`, only that thread's replies are read: the channel's position stays.
        let thread = body["thread_id"]?.stringValue
        if let thread {
            guard try store.isMember(cid: channel.cid, userID: user) else {
                throw StreamAPIError.notAllowed(operation, "user \(user) is not a member of channel \(channel.cid)")
            }
            guard let parent = try store.message(id: thread, viewer: user), parent.message.cid == channel.cid,
                parent.message.parentID == nil
            else { throw StreamAPIError.notFound(operation, "Can't find thread with id \(thread) in channel \(channel.cid)") }
            try store.markThreadRead(parentID: thread, userID: user, at: now)
        } else if let given = body["thread_id"], given != .null {
            throw StreamAPIError.input(operation, "thread_id must be a message id")
        } else {
            // `message_id` is the last message read: the ones after it stay unread.
            var position = now
            if let given = body["message_id"]?.stringValue {
                guard let row = try store.message(id: given, viewer: user), row.message.cid == channel.cid else {
                    throw StreamAPIError.notFound(operation, "Can't find message with id \(given) in channel \(channel.cid)")
                }
                position = row.message.createdAt ?? now
            }
            // Only members keep a read position; a server token acting for anyone else is answered
            // as Stream's server-side auth is (a channel's creator need not be a member), keeping nothing.
            guard try store.markRead(cid: channel.cid, userID: user, at: position) || context.actor == .server else {
                throw StreamAPIError.notAllowed(operation, "user \(user) is not a member of channel \(channel.cid)")
            }
        }
        var event = EventJSON.base("message.read", channel, user: user, store: store, at: now)
        if let thread { event["thread_id"] = .string(thread) }
        if let id = body["message_id"]?.stringValue { event["last_read_message_id"] = .string(id) }
        // read_events "controls whether the chat shows how far you've read" (Stream's docs): with
        // it off, others get no message.read, but the read position is still kept above, since
        // the reader's own unread counts rest on it, and notification.mark_read below carries
        // those counts to the reader's own connections only.
        if try store.channelConfig(for: channel)[.readEvents] { await hub.publish(event, cid: channel.cid) }
        var own = event.merging(try UnreadCounts.fields(for: user, cid: channel.cid, store: store))
        own["type"] = "notification.mark_read"
        await hub.publish(own, toUser: user)
        return JSONResponse.ok(["event": .object(event)], status: .created, context: context)
    }

    /// `mark_all_read`: every channel of the user; `message.read` to each channel's watchers and
    /// one `notification.mark_read` (all counts zero) to the user.
    private func markAllRead(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "MarkAllRead"
        var request = request
        let body = try await request.jsonObject(operation: operation)
        let user = try ActingUser.resolve(context, claimed: ActingUser.claimed(in: body), operation: operation)
        guard try store.user(id: user) != nil else { throw StreamAPIError.input(operation, "user \(user) doesn't exist") }
        let now = Timestamp.now()
        for cid in try store.markAllRead(userID: user, at: now) {
            guard let channel = try store.channel(cid: cid) else { continue }
            await hub.publish(EventJSON.base("message.read", channel, user: user, store: store, at: now), cid: cid)
        }
        let total = try store.channels(for: user).reduce(0) { $0 + $1.unreadCount }
        let userJSON = try store.user(id: user).map(UserJSON.json) ?? ["id": .string(user)]
        await hub.publish(
            [
                "type": "notification.mark_read", "created_at": .string(now.rfc3339), "user": userJSON,
                "unread_count": 0, "total_unread_count": .int(total), "unread_channels": 0,
            ],
            toUser: user
        )
        return JSONResponse.ok([:], status: .created, context: context)
    }

    /// `hide` / `show`: the channel leaves or rejoins one member's channel list.
    private func hide(_ request: Request, _ context: ServerContext, hidden: Bool) async throws -> Response {
        let operation = hidden ? "HideChannel" : "ShowChannel"
        var request = request
        // `clear_history` on hide is refused: the local server keeps one history for all members.
        let body = try await request.jsonObject(operation: operation, handling: ["user", "user_id"])
        let channel = try channel(context, operation: operation)
        let user = try ActingUser.resolve(context, claimed: ActingUser.claimed(in: body), operation: operation)
        try await setHidden(hidden, channel, for: user, operation: operation)
        return JSONResponse.ok([:], status: .created, context: context)
    }

    /// Hides or shows `channel` for its member `user`, who hears `channel.hidden` / `.visible`.
    func setHidden(_ hidden: Bool, _ channel: Channel, for user: String, operation: String) async throws {
        guard try store.setHidden(cid: channel.cid, userID: user, hidden: hidden) else {
            throw StreamAPIError.notAllowed(operation, "user \(user) is not a member of channel \(channel.cid)")
        }
        await hub.publish(EventJSON.base(hidden ? "channel.hidden" : "channel.visible", channel, user: user, store: store), toUser: user)
    }

    /// `unread_counts` for one user (see `UnreadJSON`).
    private func unread(_ request: Request, _ context: ServerContext) throws -> Response {
        let user = try ActingUser.resolve(
            context,
            claimed: request.uri.queryParameters.get("user_id").map { String($0) },
            operation: "UnreadCounts"
        )
        return JSONResponse.ok(try UnreadJSON.counts(for: user, store: store), context: context)
    }

    /// typing.start / typing.stop, and custom events (a type without a dot).
    private func event(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "SendEvent"
        var request = request
        let body = try await request.jsonObject(operation: operation, handling: ["event"])
        let channel = try channel(context, operation: operation)
        guard var event = body["event"]?.objectValue, let type = event["type"]?.stringValue, !type.isEmpty else {
            throw StreamAPIError.input(operation, "event.type is required")
        }
        guard ["typing.start", "typing.stop"].contains(type) || !type.contains(".") else {
            throw StreamAPIError(status: 400, code: 18, message: "\(operation) failed with error: \"event type \(type) is not supported\"")
        }
        let user = try ActingUser.resolve(context, claimed: ActingUser.claimed(in: event), operation: operation)
        // A server token names its user; an event from nobody reached every watcher.
        if context.actor == .server, try store.user(id: user) == nil {
            throw StreamAPIError.input(operation, "user \(user) doesn't exist")
        }
        try ChannelAccess(store: store, actor: context.actor).require(.write, channel, operation: operation)
        // Past the check above, a type with a dot is typing.start or typing.stop.
        let feature: ChannelTypeConfig.Feature = type.contains(".") ? .typingEvents : .customEvents
        try store.channelConfig(for: channel).require(feature, operation: operation)
        event["user"] = nil
        event["user_id"] = nil
        let out = event.merging(EventJSON.base(type, channel, user: user, store: store))
        await hub.publish(
            out,
            cid: channel.cid,
            audience: BlockedAudience.narrowed(nil, actor: user, members: try store.members(cid: channel.cid))
        )
        return JSONResponse.ok(["event": .object(out)], status: .created, context: context)
    }
}
