import ChatModel
import ChatStore
import Hummingbird

/// `POST /sync` (`client.sync` in stream-chat-js, the mobile SDKs' catch-up on reconnect): the
/// events a user missed in some channels since `last_sync_at`, oldest first.
///
/// The store keeps rows, not an event history, so most events are told again from what the rows
/// know: `message.new` for each message sent, `message.updated` for each whose text was edited
/// or that was pinned, `message.deleted` for each soft-deleted, `reaction.new`, `member.added`,
/// `message.read` for each member's read position and `channel.truncated`, each with the message
/// as it is now. What leaves no row behind is kept as it was told when it happened (`keep`, the
/// store's `kept_events`, 30 days): `reaction.deleted`, `member.removed`, `member.updated`,
/// `channel.updated`, `thread.updated`, `message.undeleted`, a hard `message.deleted`, the poll
/// events, and a `message.updated` the rows cannot tell (an unpin, a change of custom data or
/// attachments alone).
struct SyncRoutes {
    let store: ChatStore
    let hub: EventHub

    /// Stream refuses a sync whose events would be more than about this many (its SDKs' issue
    /// threads quote "~1000" with this error), and one reaching back more than 30 days.
    static let eventLimit = 1000
    static let reach: Int64 = 30 * 24 * 3600

    /// The events `keep` keeps: those the rows cannot tell again.
    static let keptTypes: Set<String> = [
        "reaction.deleted", "member.removed", "member.updated", "channel.updated", "thread.updated", "message.undeleted",
        "poll.updated", "poll.closed", "poll.deleted", "poll.vote_casted", "poll.vote_changed", "poll.vote_removed",
    ]

    /// Keeps a channel event a sync could not tell from the rows (`keptTypes`, a message deleted
    /// for good, and any event whose publisher says it `leavesNoRow`), as it was told and for
    /// whom, forgetting the channel's events older than a sync may reach.
    static func keep(_ event: JSONObject, cid: String, audience: Set<String>?, leavesNoRow: Bool, store: ChatStore) throws {
        guard let type = event["type"]?.stringValue,
            leavesNoRow || keptTypes.contains(type) || (type == "message.deleted" && event["hard_delete"]?.boolValue == true)
        else { return }
        let now = Timestamp.now()
        try store.keep(
            event: JSONWriter().string(.object(event)),
            cid: cid,
            at: event["created_at"]?.stringValue.flatMap(Timestamp.init(rfc3339:)) ?? now,
            audience: audience.map { $0.sorted() },
            forgetting: Timestamp(seconds: now.seconds - reach)
        )
    }

    func add(to router: Router<ServerContext>) {
        router.post("sync") { request, context in try await sync(request, context) }
    }

    private func sync(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "Sync"
        var request = request
        let body = try await request.jsonObject(
            operation: operation,
            handling: ["channel_cids", "last_sync_at", "with_inaccessible_cids", "watch", "connection_id", "user_id", "user", "client_id"]
        )
        let user = try ActingUser.resolve(context, claimed: ActingUser.claimed(in: body), operation: operation)
        guard let cids = body["channel_cids"]?.arrayValue?.compactMap(\.stringValue), !cids.isEmpty else {
            throw StreamAPIError.input(operation, "channel_cids must list at least one channel cid")
        }
        guard let since = body["last_sync_at"]?.stringValue.flatMap(Timestamp.init(rfc3339:)) else {
            throw StreamAPIError.input(operation, "last_sync_at is a required field and must be an RFC 3339 time")
        }
        let now = Timestamp.now()
        guard since.seconds >= now.seconds - Self.reach else {
            throw StreamAPIError.input(operation, "Too old last_sync_at time, please have last_sync_at argument no later than 30 days ago")
        }
        // Read as the user, whatever the token: a server call syncs for the user it names.
        let access = ChannelAccess(store: store, actor: .user(user))
        var events: [(at: Timestamp, event: JSONObject)] = []
        var readable: [String] = []
        var inaccessible: [String] = []
        for cid in Array(Set(cids)).sorted() {
            guard let channel = try store.channel(cid: cid), (try? access.require(.read, channel, operation: operation)) != nil else {
                inaccessible.append(cid)
                events.append((now, removed(cid, at: now)))
                continue
            }
            readable.append(cid)
            events += try changes(in: channel, for: user, since: since)
            guard events.count <= Self.eventLimit else {
                throw StreamAPIError.input(operation, "Too many events to sync, please use a more recent last_sync_at parameter")
            }
        }
        if body["watch"]?.boolValue == true {
            // stream-chat-swift's generated SyncRequest names the connection `client_id` beside `connection_id`.
            let connection = body["connection_id"]?.stringValue ?? body["client_id"]?.stringValue ?? request.connectionID
            await hub.watch(connection, cids: readable, as: context.actor)
        }
        // A stable sort: events of one time keep the order they were told in (a message before its reactions).
        var answer: JSONObject = [
            "events": .array(
                events.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map { .object($0.element.event) }
            )
        ]
        if body["with_inaccessible_cids"]?.boolValue == true { answer["inaccessible_cids"] = .array(inaccessible.map(JSONValue.string)) }
        return JSONResponse.ok(answer, context: context)
    }

    /// The events of one channel after `since`, as `user` sees it.
    private func changes(in channel: Channel, for user: String, since: Timestamp) throws -> [(at: Timestamp, event: JSONObject)] {
        let presenter = MessagePresenter(store: store)
        let limit = Self.eventLimit + 1
        var events: [(at: Timestamp, event: JSONObject)] = []
        // Each actor's JSON is read once: a sync of a busy channel tells many events of few users.
        var actors: [String: JSONValue] = [:]
        func tell(_ type: String, at time: Timestamp, by actor: String, _ fields: JSONObject) {
            let user = actors[actor] ?? EventJSON.actor(actor, store: store)
            actors[actor] = user
            events.append((time, EventJSON.base(type, channel, userJSON: user, at: time).merging(fields)))
        }
        let messages = try store.messagesChanged(cid: channel.cid, viewer: user, since: since, limit: limit)
        var shown: [String: JSONValue] = [:]
        for (row, json) in zip(messages, try presenter.messages(messages, viewer: user)) {
            let message = row.message
            shown[message.id] = json
            let fields: JSONObject = ["message": json, "message_id": .string(message.id)]
            if let sent = message.createdAt, sent > since { tell("message.new", at: sent, by: message.userID, fields) }
            // An edit and a pin after the message was seen are told once, at the later of them.
            let changedAt = [message.textUpdatedAt, message.pinnedAt].compactMap { $0 }.filter { $0 > since }.max()
            if let changedAt, (message.createdAt ?? since) <= since {
                let actor = changedAt == message.pinnedAt ? message.pinnedByID ?? message.userID : message.userID
                tell("message.updated", at: changedAt, by: actor, fields)
            }
            if let deleted = message.deletedAt, deleted > since {
                tell("message.deleted", at: deleted, by: message.userID, fields.merging(["hard_delete": false]))
            }
        }
        for reaction in try store.reactionsAdded(cid: channel.cid, viewer: user, since: since, limit: limit) {
            if shown[reaction.messageID] == nil { shown[reaction.messageID] = try presenter.message(id: reaction.messageID, viewer: user) }
            tell(
                "reaction.new",
                at: reaction.createdAt ?? since,
                by: reaction.userID,
                ["message": shown[reaction.messageID] ?? .null, "reaction": try presenter.reaction(reaction)]
            )
        }
        for member in try store.members(cid: channel.cid) {
            if let added = member.member.createdAt, added > since {
                tell("member.added", at: added, by: member.user.id, ["member": ChannelJSON.member(member)])
            }
            // A member starts with their join as read position: that is no read to tell.
            if let read = member.member.lastRead, read > since, read != member.member.createdAt {
                tell("message.read", at: read, by: member.user.id, [:])
            }
        }
        if let truncated = channel.truncatedAt, truncated > since {
            tell("channel.truncated", at: truncated, by: channel.createdBy, ["channel": try ChannelJSON.full(channel, store: store)])
        }
        for kept in try store.keptEvents(cid: channel.cid, since: since, limit: limit) where kept.audience?.contains(user) ?? true {
            if let event = (try? JSONParser.parse(kept.body))?.objectValue { events.append((kept.at, event)) }
        }
        return events
    }

    /// What Stream tells of a channel the user may not read (or that is gone).
    private func removed(_ cid: String, at time: Timestamp) -> JSONObject {
        let (type, id) = ChannelID.split(cid)
        return [
            "type": "notification.removed_from_channel", "cid": .string(cid), "channel_id": .string(id),
            "channel_type": .string(type), "created_at": .string(time.rfc3339),
        ]
    }
}
