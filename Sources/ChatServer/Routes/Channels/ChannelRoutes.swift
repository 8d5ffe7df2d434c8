import ChatImport
import ChatModel
import ChatStore
import Hummingbird

/// Creating and reading channels: get-or-create and `channel.query` (`POST
/// /channels/{type}/{id}/query`, or without an id for a distinct channel of its members), and
/// `query_channels` (`POST /channels`). With `watch: true` either subscribes the caller's WebSocket.
struct ChannelRoutes {
    let store: ChatStore
    let hub: EventHub

    func add(to router: Router<ServerContext>) {
        router.post("channels/:type/:id/query") { request, context in
            try await getOrCreate(request, context, id: context.parameters.get("id"))
        }
        router.post("channels/:type/query") { request, context in try await getOrCreate(request, context, id: nil) }
        router.post("channels") { request, context in try await queryChannels(request, context) }
        router.post("channels/:type/:id/stop-watching") { request, context in try await stopWatching(request, context) }
    }

    /// `channel.stopWatching()` (stream-chat-js): the connection the request names stops getting
    /// the channel's events; its user, if a member, gets the channel's notifications instead.
    private func stopWatching(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "StopWatchingChannel"
        var request = request
        let body = try await request.jsonObject(operation: operation, handling: ["connection_id", "client_id"])
        let cid = ChannelID.cid(type: context.parameters.get("type") ?? "", id: context.parameters.get("id") ?? "")
        guard try store.channel(cid: cid) != nil else { throw StreamAPIError.notFound(operation, "Can't find channel with id \(cid)") }
        await hub.stopWatching(body["connection_id"]?.stringValue ?? request.connectionID, cid: cid, as: context.actor)
        return JSONResponse.ok([:], context: context)
    }

    /// Keys of a channel query the local server acts on. `state` is always honoured as true
    /// (the answer carries the state either way, a superset of Stream's bare channel);
    /// `watchers` and `thread_unread_counts` are refused.
    static let getOrCreateKeys: Set<String> = [
        "data", "state", "watch", "presence", "messages", "members", "user_id", "user", "connection_id", "client_id",
        "hide_for_creator",
    ]

    /// Keys of `query_channels` the local server acts on (`state` as in a channel query).
    static let queryKeys: Set<String> = [
        "filter_conditions", "sort", "limit", "offset", "state", "watch", "presence", "member_limit", "message_limit", "user_id",
        "user", "connection_id", "client_id",
    ]

    /// The channel (made first if it does not exist) and its state.
    private func getOrCreate(_ request: Request, _ context: ServerContext, id: String?) async throws -> Response {
        let operation = "GetOrCreateChannel"
        var request = request
        let body = try await request.jsonObject(operation: operation)
        try body.requireHandled(Self.getOrCreateKeys, operation: operation)
        let type = context.parameters.get("type") ?? ""
        var data = body["data"]?.objectValue ?? JSONObject()
        let memberIDs = try Self.memberIDs(data["members"], operation: operation)
        data["members"] = nil
        // `invites` (Stream's ChannelInput) name who joins as an invitee, not custom data.
        let invitees = try Self.memberIDs(data["invites"], key: "invites", operation: operation)
        data["invites"] = nil
        let creator = try creatorID(data, context: context, operation: operation)
        data["created_by"] = nil
        data["created_by_id"] = nil
        data["type"] = .string(type)
        if let id {
            data["id"] = .string(id)
        } else {
            guard !memberIDs.isEmpty else { throw StreamAPIError.input(operation, "data.members is required for a channel without an id") }
            data["member_ids"] = .array(memberIDs.map(JSONValue.string))
        }
        let cid = ChannelID.cid(type: type, id: id ?? DistinctChannelID.make(memberIDs: memberIDs))
        let watch = body["watch"]?.boolValue == true
        let states = ChannelStates(store: store)
        // An existing channel is found, checked and read in one transaction; a watch comes
        // between the check and the read (so no event falls between them), which splits it in two.
        let found = try store.readTogether { () throws -> (channel: Channel, state: JSONObject?)? in
            guard let channel = try store.channel(cid: cid) else { return nil }
            try ChannelAccess(store: store, actor: context.actor).require(.read, channel, operation: operation)
            return (channel, watch ? nil : try states.state(channel, body: body, viewer: context.actor, operation: operation))
        }
        let channel: Channel
        if let found {
            channel = found.channel
        } else {
            // Existing channels of a type that no longer exists stay usable; new ones need the type.
            guard try store.channelType(name: type) != nil else {
                throw StreamAPIError.input(operation, "channel type \(type) does not exist")
            }
            guard let creator else {
                throw StreamAPIError.input(
                    operation,
                    "either data.created_by or data.created_by_id must be provided when using server side auth."
                )
            }
            data["created_by"] = .string(creator)
            try ChannelAccess(store: store, actor: context.actor).requireCreate(type: type, operation: operation)
            if let overrides = data["config_overrides"] {
                try ChannelUpdateRoutes.checkOverrides(overrides, type: type, store: store, context: context, operation: operation)
            }
            let (parsed, errors) = ItemRules.channel(data, customTypes: [type])
            if let first = errors.first { throw StreamAPIError.rule(operation, first) }
            guard let parsed else { throw StreamAPIError.input(operation, "the channel is not valid") }
            for user in Set(memberIDs + invitees + [creator]) where try store.user(id: user) == nil {
                throw StreamAPIError.input(operation, "user \(user) doesn't exist")
            }
            let made = try store.getOrCreate(channel: parsed, memberIDs: memberIDs.filter { !invitees.contains($0) })
            channel = made.0
            if made.created {
                _ = try store.invite(cid: channel.cid, userIDs: invitees)
                // `hide_for_creator`: hidden for its creator (when a member) as `hide` would, until a new message.
                if body["hide_for_creator"]?.boolValue == true { _ = try store.setHidden(cid: channel.cid, userID: creator, hidden: true) }
            }
        }
        if watch { await hub.watch(request.connectionID, cids: [channel.cid], as: context.actor) }
        var state =
            try found?.state
            ?? store.readTogether { try states.state(channel, body: body, viewer: context.actor, operation: operation) }
        state["watcher_count"] = .int(await hub.watcherCount(cid: channel.cid))
        try await watchPresence(body, request, context, of: [channel.cid])
        return JSONResponse.ok(state, status: .created, context: context)
    }

    /// `query_channels`: the channels a filter selects, each with its state.
    private func queryChannels(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "QueryChannels"
        var request = request
        let body = try await request.jsonObject(operation: operation)
        try body.requireHandled(Self.queryKeys, operation: operation)
        var query = try ChannelQuery(
            filter: body["filter_conditions"]?.objectValue ?? JSONObject(),
            sort: body["sort"],
            operation: operation
        )
        // Hidden channels stay out of a user's results unless asked for, as in Stream.
        let viewer = ActingUser.viewer(context).isEmpty ? body["user_id"]?.stringValue : ActingUser.viewer(context)
        let hiddenFilter = viewer.map { (userID: $0, hidden: query.hidden ?? false) }
        // `muted` is the viewer's channel mutes: true keeps only those, false leaves them out.
        var excluded: [String] = []
        if let muted = query.muted {
            guard let viewer else { throw StreamAPIError.input(operation, "filtering by muted needs a user (a user token or user_id)") }
            let mutes = try store.channelMutes(of: viewer).map(\.cid)
            if muted { query.cids = (query.cids ?? mutes).filter(mutes.contains) } else { excluded = mutes }
        }
        // The viewer's 1-on-1 channels with someone they block stay out, as in Stream, until unblocked.
        if let viewer { excluded += try store.blockedDirectChannels(of: viewer) }
        // `pinned` / `archived` are the viewer's own marks (member partial update), as `muted` is.
        for (mark, flag) in query.marks {
            guard let viewer else {
                throw StreamAPIError.input(
                    operation,
                    "filtering by \(mark == .pinned ? "pinned" : "archived") needs a user (a user token or user_id)"
                )
            }
            let marked = try store.channels(of: viewer, marked: mark)
            if flag { query.cids = (query.cids ?? marked).filter(marked.contains) } else { excluded += marked }
        }
        // `joined` is the viewer's membership: true, their channels; false, the channels of the
        // joinable types they are not in (the others they may not see, let alone join).
        var notMemberOf: String?
        if let joined = query.joined {
            guard let viewer else { throw StreamAPIError.input(operation, "filtering by joined needs a user (a user token or user_id)") }
            if joined {
                query.members = (query.members ?? [viewer]).filter { $0 == viewer }
            } else {
                notMemberOf = viewer
                let joinable = BuiltInChannelType.joinable.map(\.rawValue)
                query.types = (query.types ?? joinable).filter(joinable.contains)
            }
        }
        let limit = min(max(body["limit"]?.intValue ?? 10, 0), 30)
        let offset = max(body["offset"]?.intValue ?? 0, 0)
        // The store pages what it alone can answer; otherwise every channel it narrows to is evaluated.
        let storeOrder = query.storeOrder
        let candidates = try store.queryChannels(
            cids: query.cids,
            excludedCIDs: excluded,
            ids: query.ids,
            types: query.types,
            memberOf: notMemberOf == nil ? ChannelAccess(store: store, actor: context.actor).memberScope(query.members) : nil,
            notMemberOf: notMemberOf,
            frozen: query.frozen,
            hidden: hiddenFilter,
            order: storeOrder?.order ?? .created,
            ascending: storeOrder?.ascending ?? true,
            limit: storeOrder == nil ? .max : limit,
            offset: storeOrder == nil ? 0 : offset
        )
        let channels =
            storeOrder != nil ? candidates : try query.page(of: candidates, viewer: viewer, store: store, limit: limit, offset: offset)
        // As in Stream, `watch: true` subscribes the caller's connection to every channel returned.
        if body["watch"]?.boolValue == true { await hub.watch(request.connectionID, cids: channels.map(\.cid), as: context.actor) }
        var paging: JSONObject = ["messages": ["limit": body["message_limit"] ?? 25]]
        if let members = body["member_limit"], members != .null { paging["members"] = ["limit": members] }
        let states = ChannelStates(store: store)
        // A server call's `user_id` is whom the states are for (membership, mute, own reactions).
        let reader = viewer.map(StreamToken.Actor.user) ?? context.actor
        var answer = try store.readTogether {
            try channels.map { try states.state($0, body: paging, viewer: reader, operation: operation) }
        }
        for (i, channel) in channels.enumerated() { answer[i]["watcher_count"] = .int(await hub.watcherCount(cid: channel.cid)) }
        try await watchPresence(body, request, context, of: channels.map(\.cid))
        return JSONResponse.ok(["channels": .array(answer.map(JSONValue.object))], context: context)
    }

    // MARK: Helpers

    /// `presence: true`: the caller's connection gets `user.presence.changed` for the members of
    /// the channels answered, as Stream sends it to a channel query's connection.
    private func watchPresence(_ body: JSONObject, _ request: Request, _ context: ServerContext, of cids: [String]) async throws {
        guard body["presence"]?.boolValue == true else { return }
        let users = try cids.flatMap { try store.members(cid: $0).map(\.user.id) }
        await hub.watchPresence(body["connection_id"]?.stringValue ?? request.connectionID, users: users, as: context.actor)
    }

    /// The creator: the user token's user, else `created_by` / `created_by_id` from the data.
    private func creatorID(_ data: JSONObject, context: ServerContext, operation: String) throws -> String? {
        if case .user(let me)? = context.actor { return me }
        return data["created_by"]?.objectValue?["id"]?.stringValue ?? data["created_by"]?.stringValue ?? data["created_by_id"]?.stringValue
    }

    /// `["u1", "u2"]` or `[{"user_id": "u1"}, …]`.
    private static func memberIDs(_ value: JSONValue?, key: String = "members", operation: String) throws -> [String] {
        guard let list = value?.arrayValue else { return [] }
        return try list.map { item in
            if let id = item.stringValue ?? item.objectValue?["user_id"]?.stringValue { return id }
            throw StreamAPIError.input(operation, "\(key) must be user ids or {\"user_id\": …} objects")
        }
    }
}
