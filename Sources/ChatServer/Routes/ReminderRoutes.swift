import ChatModel
import ChatStore
import Hummingbird

/// Message reminders: `create_reminder` / `update_reminder` / `delete_reminder`
/// (`POST` / `PATCH` / `DELETE /messages/{id}/reminders`) and `query_reminders`
/// (`POST /reminders/query`). One reminder per user and message, at most `limit` a user, in
/// channels whose type has `user_message_reminders` on; no `remind_at` makes it a bookmark
/// ("save for later"). The user's connections hear `reminder.created` / `.updated` / `.deleted`.
/// The local server sends no `notification.reminder_due` (it runs no timers and no push).
struct ReminderRoutes {
    let store: ChatStore
    let hub: EventHub
    static let limit = 250

    func add(to router: Router<ServerContext>) {
        router.post("messages/:id/reminders") { request, context in try await create(request, context) }
        router.patch("messages/:id/reminders") { request, context in try await update(request, context) }
        router.delete("messages/:id/reminders") { request, context in try await delete(request, context) }
        router.post("reminders/query") { request, context in try await query(request, context) }
    }

    /// The message in the path as `user` sees it, in a channel with reminders on that the caller
    /// may read (a server token passes, as Stream's server-side auth does).
    private func message(_ context: ServerContext, user: String, operation: String) throws -> (Message, Channel) {
        let id = context.parameters.get("id") ?? ""
        guard let row = try store.message(id: id, viewer: user) else {
            throw StreamAPIError.notFound(operation, "Can't find message with id \(id)")
        }
        guard let channel = try store.channel(cid: row.message.cid) else {
            throw StreamAPIError.notFound(operation, "Can't find channel with id \(row.message.cid)")
        }
        try ChannelAccess(store: store, actor: context.actor).require(.read, channel, operation: operation)
        try store.channelConfig(for: channel).require(.userMessageReminders, operation: operation)
        return (row.message, channel)
    }

    /// `remind_at`: an RFC 3339 time, or null / absent for a bookmark.
    private func remindAt(_ body: JSONObject, operation: String) throws -> Timestamp? {
        guard let value = body["remind_at"], value != .null else { return nil }
        guard let at = value.stringValue.flatMap(Timestamp.init(rfc3339:)) else {
            throw StreamAPIError.input(operation, "remind_at must be an RFC 3339 time")
        }
        return at
    }

    /// A create's or update's request: who, about which message, and when.
    private func asked(_ request: Request, _ context: ServerContext, operation: String) async throws -> Asked {
        var request = request
        let body = try await request.jsonObject(operation: operation, handling: ["user_id", "user", "remind_at"])
        let user = try ActingUser.resolve(context, claimed: ActingUser.claimed(in: body), operation: operation)
        let (message, channel) = try message(context, user: user, operation: operation)
        return Asked(user: user, message: message, channel: channel, remindAt: try remindAt(body, operation: operation))
    }

    private struct Asked {
        let user: String
        let message: Message
        let channel: Channel
        let remindAt: Timestamp?
    }

    private func create(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "CreateReminder"
        let asked = try await asked(request, context, operation: operation)
        let now = Timestamp.now()
        let wanted = StoredReminder(
            userID: asked.user,
            messageID: asked.message.id,
            cid: asked.channel.cid,
            remindAt: asked.remindAt,
            createdAt: now,
            updatedAt: now
        )
        switch try store.add(reminder: wanted, limit: Self.limit) {
        case .failure(.exists):
            throw StreamAPIError.input(operation, "user \(asked.user) has a reminder for message \(asked.message.id) already")
        case .failure(.tooMany):
            throw StreamAPIError.input(operation, "user \(asked.user) has \(Self.limit) reminders, the most a user may have")
        case .success(let reminder):
            let json = try json(reminder)
            await tell("reminder.created", reminder, json: json, channel: asked.channel)
            return JSONResponse.ok(["reminder": json], status: .created, context: context)
        }
    }

    private func update(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "UpdateReminder"
        let asked = try await asked(request, context, operation: operation)
        guard let reminder = try store.updateReminder(userID: asked.user, messageID: asked.message.id, remindAt: asked.remindAt, at: .now())
        else { throw StreamAPIError.notFound(operation, "user \(asked.user) has no reminder for message \(asked.message.id)") }
        let json = try json(reminder)
        await tell("reminder.updated", reminder, json: json, channel: asked.channel)
        return JSONResponse.ok(["reminder": json], context: context)
    }

    private func delete(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "DeleteReminder"
        let claimed = request.uri.queryParameters.get("user_id").map { String($0) }
        let user = try ActingUser.resolve(context, claimed: claimed, operation: operation)
        let (message, channel) = try message(context, user: user, operation: operation)
        guard let reminder = try store.deleteReminder(userID: user, messageID: message.id) else {
            throw StreamAPIError.notFound(operation, "user \(user) has no reminder for message \(message.id)")
        }
        await tell("reminder.deleted", reminder, json: try json(reminder), channel: channel)
        return JSONResponse.ok([:], context: context)
    }

    /// The user's reminders that `filter` selects (`message_id`, `channel_cid`, `remind_at`,
    /// `created_at`… through `RecordFilter`), soonest first unless sorted, a page at a time
    /// with `next` / `prev`.
    private func query(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "QueryReminders"
        var request = request
        let body = try await request.jsonObject(operation: operation)
        let limit = body["limit"]?.intValue ?? 25
        guard (1...100).contains(limit) else { throw StreamAPIError.input(operation, "limit must be 1 to 100") }
        let query = try RecordQuery(
            body,
            name: "reminders",
            sort: body["sort"],
            defaultField: "remind_at",
            limit: limit,
            operation: operation
        )
        let user = try ActingUser.resolve(context, claimed: ActingUser.claimed(in: body), operation: operation)
        let records = try store.reminders(userID: user).compactMap { try json($0).objectValue }
        return JSONResponse.ok(query.answer(records, key: "reminders", tiebreak: "message_id"), context: context)
    }

    private func tell(_ type: String, _ reminder: StoredReminder, json: JSONValue, channel: Channel) async {
        var event = EventJSON.base(type, channel, user: reminder.userID, store: store)
        event["message_id"] = .string(reminder.messageID)
        event["reminder"] = json
        await hub.publish(event, toUser: reminder.userID)
    }

    /// Stream's ReminderResponseData, with the message as its user reads it.
    private func json(_ reminder: StoredReminder) throws -> JSONValue {
        var o: JSONObject = [
            "channel_cid": .string(reminder.cid), "message_id": .string(reminder.messageID), "user_id": .string(reminder.userID),
            "remind_at": reminder.remindAt.map { .string($0.rfc3339) } ?? .null,
            "created_at": .string(reminder.createdAt.rfc3339), "updated_at": .string(reminder.updatedAt.rfc3339),
        ]
        if let user = try store.user(id: reminder.userID) { o["user"] = UserJSON.json(user) }
        if let message = try MessagePresenter(store: store).message(id: reminder.messageID, viewer: reminder.userID) {
            o["message"] = message
        }
        if let channel = try store.channel(cid: reminder.cid) { o["channel"] = try ChannelJSON.full(channel, store: store) }
        return .object(o)
    }
}
