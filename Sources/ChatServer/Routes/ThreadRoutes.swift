import ChatModel
import ChatStore
import Hummingbird

/// `query_threads` (`POST /threads`) and `GET /threads/{message_id}`: the threads a user takes
/// part in (see `ChatStore.threads`), as Stream's ThreadStateResponse. Filters (`channel_cid`,
/// `parent_message_id`, `created_by_user_id`, the times, `channel.…`) and sort go through
/// `RecordFilter` / `RecordSort`; without a sort, threads with unread replies come first, then
/// the latest reply, as Stream orders them.
struct ThreadRoutes {
    let store: ChatStore
    let hub: EventHub

    func add(to router: Router<ServerContext>) {
        router.post("threads") { request, context in try await query(request, context) }
        router.get("threads/:message_id") { request, context in try get(request, context) }
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
        var records = try store.threads(of: user, replyLimit: shape.replies).map { try json($0, shape: shape, viewer: user) }
            .filter(filter.matches)
        if let sort = body["sort"], sort.arrayValue?.isEmpty == false {
            records = try RecordSort(sort, default: "last_message_at", operation: operation).sorted(records, tiebreak: "parent_message_id")
        } else {
            records = try RecordSort(.array([["field": "last_message_at", "direction": -1]]), default: "", operation: operation)
                .sorted(records, tiebreak: "parent_message_id")
            records =
                records.filter { unread.contains($0["parent_message_id"]?.stringValue ?? "") }
                + records.filter { !unread.contains($0["parent_message_id"]?.stringValue ?? "") }
        }
        let page = Array(records.dropFirst(offset).prefix(limit))
        if body["watch"]?.boolValue == true {
            await hub.watch(request.connectionID, cids: page.compactMap { $0["channel_cid"]?.stringValue }, as: context.actor)
        }
        let answer = OffsetCursor(query: "threads").links(offset: offset, limit: limit, more: records.count > offset + limit)
            .merging(["threads": .array(page.map(JSONValue.object))])
        return JSONResponse.ok(answer, status: .created, context: context)
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
        return JSONResponse.ok(["thread": .object(try json(thread, shape: shape, viewer: user))], context: context)
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

    private func json(_ thread: ThreadSummary, shape: Shape, viewer: String) throws -> JSONObject {
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
            "title": .string(parent.custom["title"]?.stringValue ?? ""), "custom": [:],
            "latest_replies": .array(try presenter.messages(thread.latestReplies, viewer: viewer)),
            "created_at": .string(created), "updated_at": thread.lastReplyAt.map { .string($0.rfc3339) } ?? .string(created),
            "last_message_at": last,
        ]
    }
}
