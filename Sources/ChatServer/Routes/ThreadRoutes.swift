import ChatModel
import ChatStore
import Hummingbird

/// `query_threads` (`POST /threads`), `GET /threads/{message_id}` and stream-chat-js's
/// `partialUpdateThread` (`PATCH /threads/{message_id}`): the threads a user takes part in (see
/// `ChatStore.threads`), as Stream's ThreadStateResponse, with their own title and custom data. Filters (`channel_cid`,
/// `parent_message_id`, `created_by_user_id`, the times, `channel.…`) and sort go through
/// `RecordFilter` / `RecordSort`; without a sort, threads with unread replies come first, then
/// the latest reply, as Stream orders them.
struct ThreadRoutes {
    let store: ChatStore
    let hub: EventHub

    func add(to router: Router<ServerContext>) {
        router.post("threads") { request, context in try await query(request, context) }
        router.get("threads/:message_id") { request, context in try get(request, context) }
        router.patch("threads/:message_id") { request, context in try await update(request, context) }
    }

    static let queryKeys: Set<String> = [
        "filter", "sort", "limit", "reply_limit", "participant_limit", "member_limit", "next", "prev", "user_id", "user", "watch",
    ]

    private func query(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "QueryThreads"
        var request = request
        let body = try await request.jsonObject(operation: operation)
        try body.requireHandled(Self.queryKeys, operation: operation)
        let user = try ActingUser.resolve(context, claimed: ActingUser.claimed(in: body), operation: operation)
        let filter = try RecordFilter(body["filter"]?.objectValue ?? JSONObject(), operation: operation)
        let limit = min(max(body["limit"]?.intValue ?? 10, 1), 100)
        let offset = try OffsetCursor(query: "threads").offset(body["next"] ?? body["prev"], operation: operation)
        let shape = try Shape(body, operation: operation)
        let unread = Set(try store.unreadThreads(for: user).map(\.parentMessageID))
        let sorted = body["sort"].map { $0.arrayValue?.isEmpty == false } ?? false
        let (page, more): ([JSONObject], Bool)
        if !sorted, body["filter"]?.objectValue?.isEmpty ?? true,
            let quick = try pageInDefaultOrder(of: user, unread: unread, shape: shape, offset: offset, limit: limit)
        {
            (page, more) = quick
        } else {
            let threads = try store.threads(of: user, replyLimit: shape.replies)
            let data = try store.threadData(parentIDs: threads.map(\.parent.message.id))
            var records = try threads.map { try json($0, shape: shape, viewer: user, data: data[$0.parent.message.id]) }
                .filter(filter.matches)
            if sorted, let sort = body["sort"] {
                records = try RecordSort(sort, default: "last_message_at", operation: operation).sorted(
                    records,
                    tiebreak: "parent_message_id"
                )
            } else {
                records = try Self.inDefaultOrder(records, unread: unread)
            }
            (page, more) = (Array(records.dropFirst(offset).prefix(limit)), records.count > offset + limit)
        }
        if body["watch"]?.boolValue == true {
            await hub.watch(request.connectionID, cids: page.compactMap { $0["channel_cid"]?.stringValue }, as: context.actor)
        }
        let answer = OffsetCursor(query: "threads").links(offset: offset, limit: limit, more: more)
            .merging(["threads": .array(page.map(JSONValue.object))])
        return JSONResponse.ok(answer, status: .created, context: context)
    }

    /// Stream's order without a sort: threads with unread replies first, then the newest reply.
    private static func inDefaultOrder(_ records: [JSONObject], unread: Set<String>) throws -> [JSONObject] {
        let newest = try RecordSort(.array([["field": "last_message_at", "direction": -1]]), default: "", operation: "QueryThreads")
            .sorted(records, tiebreak: "parent_message_id")
        let isUnread = { (record: JSONObject) in unread.contains(record["parent_message_id"]?.stringValue ?? "") }
        return newest.filter(isUnread) + newest.filter { !isUnread($0) }
    }

    /// Without a filter or a sort (the SDKs' thread list), the threads are put in order from
    /// their newest replies' times alone (`threadIDsInListOrder`, the order `inDefaultOrder`
    /// gives the whole query) and only the page's are read whole: a user in 250 threads waited
    /// some 0.35 s a page while every one was. Nil when a thread of the page could not be read
    /// (gone or hidden from the viewer since it was ordered): the whole query then answers.
    private func pageInDefaultOrder(
        of user: String,
        unread: Set<String>,
        shape: Shape,
        offset: Int,
        limit: Int
    ) throws -> ([JSONObject], more: Bool)? {
        let ordered = try store.threadIDsInListOrder(of: user, unread: unread)
        let ids = Array(ordered.dropFirst(offset).prefix(limit))
        let threads = try store.threads(of: user, parentIDs: ids, replyLimit: shape.replies)
        guard threads.count == ids.count else { return nil }
        let data = try store.threadData(parentIDs: ids)
        let byID = Dictionary(threads.map { ($0.parent.message.id, $0) }) { a, _ in a }
        let page = try ids.compactMap { id in try byID[id].map { try json($0, shape: shape, viewer: user, data: data[id]) } }
        return (page, ordered.count > offset + limit)
    }

    private func get(_ request: Request, _ context: ServerContext) throws -> Response {
        let operation = "GetThread"
        let id = context.parameters.get("message_id") ?? ""
        let query = request.uri.queryParameters
        let user = try ActingUser.resolve(context, claimed: query.get("user_id").map { String($0) }, operation: operation)
        var parameters = JSONObject()
        for key in ["reply_limit", "participant_limit", "member_limit"] {
            if let n = query.get(key).flatMap({ Int($0) }) { parameters[key] = .int(n) }
        }
        let shape = try Shape(parameters, operation: operation)
        guard let thread = try store.threads(of: user, parentIDs: [id], replyLimit: shape.replies).first else {
            throw StreamAPIError.notFound(operation, "Can't find thread with id \(id)")
        }
        try ChannelAccess(store: store, actor: context.actor).require(.read, channelOf: thread.parent.message, operation: operation)
        let data = try store.threadData(parentIDs: [id])[id]
        return JSONResponse.ok(["thread": .object(try json(thread, shape: shape, viewer: user, data: data))], context: context)
    }

    /// What a thread's `set` and `unset` may not name: its own fields, which come from its
    /// messages (stream-chat-js refuses the same list before sending).
    static let reservedFields: Set<String> = [
        "id", "type", "user", "channel", "custom", "participants", "reply_count", "created_at", "updated_at", "last_message_at",
    ]

    /// Sets or unsets a thread's `title` and custom fields (each other key of `set` is one);
    /// the channel's watchers get `thread.updated`.
    private func update(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "UpdateThreadPartial"
        var request = request
        let body = try await request.jsonObject(operation: operation, handling: ["set", "unset", "user_id", "user"])
        let id = context.parameters.get("message_id") ?? ""
        guard let parent = try store.message(id: id, viewer: ActingUser.viewer(context))?.message else {
            throw StreamAPIError.notFound(operation, "Can't find thread with id \(id)")
        }
        let user = try ActingUser.resolve(context, claimed: ActingUser.claimed(in: body), fallback: parent.userID, operation: operation)
        guard let thread = try store.threads(of: user, parentIDs: [id], replyLimit: 3).first else {
            throw StreamAPIError.notFound(operation, "Can't find thread with id \(id)")
        }
        try ChannelAccess(store: store, actor: context.actor).require(.read, channelOf: parent, operation: operation)
        if let given = body["set"], given != .null, given.objectValue == nil {
            throw StreamAPIError.input(operation, "set must be an object")
        }
        let set = body["set"]?.objectValue ?? JSONObject()
        guard let unset = (body["unset"] ?? .array([])).arrayValue?.compactMap(\.stringValue),
            unset.count == body["unset"]?.arrayValue?.count ?? 0
        else { throw StreamAPIError.input(operation, "unset must list field names") }
        guard !set.isEmpty || !unset.isEmpty else { throw StreamAPIError.input(operation, "set or unset is required") }
        if let reserved = (set.keys + unset).first(where: Self.reservedFields.contains) {
            throw StreamAPIError.input(operation, "\(reserved) is a reserved field and cannot be updated")
        }
        if let title = set["title"], title.stringValue == nil { throw StreamAPIError.input(operation, "title must be a string") }
        var custom = set
        custom["title"] = nil
        let data = try store.updateThreadData(
            parentID: id,
            title: set["title"]?.stringValue,
            set: custom,
            unset: unset,
            at: .now()
        )
        let json = try json(thread, shape: try Shape(JSONObject(), operation: operation), viewer: user, data: data)
        if let channel = try store.channel(cid: parent.cid) {
            var event = EventJSON.base("thread.updated", channel, user: user, store: store)
            event["thread"] = .object(json)
            await hub.publish(event, cid: channel.cid)
        }
        return JSONResponse.ok(["thread": .object(json)], context: context)
    }

    /// How much of each thread to show: `reply_limit` (≤ 10, default 3) newest replies,
    /// `participant_limit` (≤ 100, default 100) participants and, when `member_limit` (≤ 100) is
    /// given, that many of the channel's members (by name, as channel states list them) on its `channel`.
    private struct Shape {
        let replies: Int
        let participants: Int
        let members: Int?

        init(_ body: JSONObject, operation: String) throws {
            replies = min(max(body["reply_limit"]?.intValue ?? 3, 0), 10)
            participants = min(max(body["participant_limit"]?.intValue ?? 100, 0), 100)
            members = body["member_limit"]?.intValue.map { min(max($0, 0), 100) }
        }
    }

    private func json(_ thread: ThreadSummary, shape: Shape, viewer: String, data: ThreadData?) throws -> JSONObject {
        let presenter = MessagePresenter(store: store)
        let parent = thread.parent.message
        let channel = try store.channel(cid: parent.cid)
        let created = (parent.createdAt ?? .now()).rfc3339
        let last = thread.lastReplyAt.map { JSONValue.string($0.rfc3339) } ?? .null
        var channelJSON = try channel.map { try ChannelJSON.full($0, store: store) } ?? .null
        if let limit = shape.members, let channel, case .object(var o) = channelJSON {
            o["members"] = .array(try ChannelJSON.members(store.members(cid: parent.cid).prefix(limit), in: channel, store: store))
            channelJSON = .object(o)
        }
        let participants: [JSONValue] = try thread.participants.prefix(shape.participants).map { p in
            [
                "channel_cid": .string(parent.cid), "user_id": .string(p.userID),
                "user": UserJSON.json(try store.user(id: p.userID) ?? User(id: p.userID)), "created_at": .string(p.since.rfc3339),
            ]
        }
        return [
            "channel_cid": .string(parent.cid), "channel": channelJSON,
            "parent_message_id": .string(parent.id), "parent_message": try presenter.message(thread.parent, viewer: viewer),
            "created_by_user_id": .string(parent.userID),
            "created_by": UserJSON.json(try store.user(id: parent.userID) ?? User(id: parent.userID)),
            "reply_count": .int(thread.replyCount), "participant_count": .int(thread.participants.count),
            "active_participant_count": .int(thread.participants.count), "thread_participants": .array(participants),
            "title": .string(data?.title ?? parent.custom["title"]?.stringValue ?? ""), "custom": .object(data?.custom ?? [:]),
            "latest_replies": .array(try presenter.messages(thread.latestReplies, viewer: viewer)),
            "created_at": .string(created),
            "updated_at": .string(([thread.lastReplyAt, data?.updatedAt].compactMap { $0 }.max()?.rfc3339) ?? created),
            "last_message_at": last,
        ]
    }
}
