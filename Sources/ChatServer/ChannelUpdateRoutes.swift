import ChatImport
import ChatModel
import ChatStore
import Hummingbird

/// `channel.update`, `update_partial`, `add_members`/`remove_members`, `add_moderators`/
/// `demote_moderators` (all `POST|PATCH /channels/{type}/{id}`) and `query_channels` (`POST /channels`).
struct ChannelUpdateRoutes {
    let store: ChatStore
    let hub: EventHub
    /// Keys of a channel's data that are not custom fields.
    static let standard: Set<String> = ["id", "type", "cid", "created_by", "created_by_id", "member_ids", "members", "created_at", "updated_at"]

    func add(to router: Router<ServerContext>) {
        router.post("channels/:type/:id") { request, context in try await update(request, context, partial: false) }
        router.patch("channels/:type/:id") { request, context in try await update(request, context, partial: true) }
        router.post("channels") { request, context in try await query(request, context) }
    }

    private func update(_ request: Request, _ context: ServerContext, partial: Bool) async throws -> Response {
        let operation = partial ? "UpdateChannelPartial" : "UpdateChannel"
        var request = request
        let body = try await request.jsonObject(operation: operation)
        let type = context.parameters.get("type") ?? "", id = context.parameters.get("id") ?? ""
        guard var channel = try store.channel(cid: ChannelID.cid(type: type, id: id)) else {
            throw StreamAPIError.notFound(operation, "Can't find channel with id \(type):\(id)")
        }
        if case .user(let me)? = context.actor {
            let role = try store.channelRole(cid: channel.cid, userID: me)
            guard role == "channel_moderator" || me == channel.createdBy else {
                throw StreamAPIError.notAllowed(operation, "user \(me) is not a moderator of channel \(channel.cid)")
            }
        }
        var data: JSONObject?
        if partial {
            var merged = current(channel)
            for member in body["set"]?.objectValue?.members ?? [] { merged[member.key] = member.value }
            for key in body["unset"]?.arrayValue?.compactMap(\.stringValue) ?? [] { merged[key] = nil }
            data = merged
        } else if let replacement = body["data"]?.objectValue {
            data = replacement
        }
        if var data {
            for key in Self.standard { data[key] = nil }
            data["type"] = .string(channel.type)
            data["created_by"] = .string(channel.createdBy)
            if let memberIDs = channel.memberIDs { data["member_ids"] = .array(memberIDs.map(JSONValue.string)) } else { data["id"] = .string(channel.id) }
            // The channel exists, so its type does, whether built-in or created.
            let (parsed, errors) = ItemRules.channel(data, customTypes: [channel.type])
            if let first = errors.first { throw StreamAPIError.rule(operation, first) }
            guard var updated = parsed else { throw StreamAPIError.input(operation, "the channel is not valid") }
            updated.createdAt = channel.createdAt
            try store.update(channel: updated)
            channel = try store.channel(cid: channel.cid) ?? updated
        }
        try changeMembers(body, cid: channel.cid, operation: operation)
        let members = try store.members(cid: channel.cid)
        return JSONResponse.ok([
            "channel": ChannelJSON.channel(channel, creator: try store.user(id: channel.createdBy), memberCount: members.count,
                                           config: try store.channelConfig(forType: channel.type)),
            "members": .array(members.map(ChannelJSON.member)),
        ], status: .created, context: context)
    }

    /// The channel's custom data plus the flags a partial update may change.
    private func current(_ channel: Channel) -> JSONObject {
        var o = channel.custom
        if let frozen = channel.frozen { o["frozen"] = .bool(frozen) }
        if let disabled = channel.disabled { o["disabled"] = .bool(disabled) }
        if let team = channel.team { o["team"] = .string(team) }
        return o
    }

    private func changeMembers(_ body: JSONObject, cid: String, operation: String) throws {
        func entries(_ key: String) throws -> [(userID: String, role: String?)] {
            try (body[key]?.arrayValue ?? []).map { item in
                if let id = item.stringValue { return (id, nil) }
                if let o = item.objectValue, let id = o["user_id"]?.stringValue { return (id, o["channel_role"]?.stringValue) }
                throw StreamAPIError.input(operation, "\(key) must list user ids or {\"user_id\": …} objects")
            }
        }
        let added = try entries("add_members"), moderators = try entries("add_moderators"), demoted = try entries("demote_moderators")
        for entry in added + moderators + demoted where try store.user(id: entry.userID) == nil {
            throw StreamAPIError.input(operation, "user \(entry.userID) doesn't exist")
        }
        for entry in added where entry.role.map({ !["channel_member", "channel_moderator"].contains($0) }) ?? false {
            throw StreamAPIError.input(operation, "'\(entry.role!)' is not a valid channel_role")
        }
        try store.addMembers(cid: cid, added)
        try store.addMembers(cid: cid, moderators.map { ($0.userID, "channel_moderator") })
        try store.addMembers(cid: cid, demoted.map { ($0.userID, "channel_member") })
        try store.removeMembers(cid: cid, userIDs: try entries("remove_members").map(\.userID))
    }

    private func query(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "QueryChannels"
        var request = request
        let body = try await request.jsonObject(operation: operation)
        let filter = body["filter_conditions"]?.objectValue ?? JSONObject()
        var cids: [String]?, types: [String]?, members: [String]?, frozen: Bool?
        for condition in filter.members {
            switch condition.key {
            case "cid": cids = try QueryFilter.values(condition.value, field: "cid", operation: operation)
            case "type": types = try QueryFilter.values(condition.value, field: "type", operation: operation)
            case "members": members = try QueryFilter.values(condition.value, field: "members", operation: operation)
            case "frozen":
                guard let flag = condition.value.boolValue ?? condition.value.objectValue?["$eq"]?.boolValue else { throw StreamAPIError.input(operation, "frozen takes true or false") }
                frozen = flag
            default:
                throw StreamAPIError.input(operation, "filtering channels by \(condition.key) is not supported by the local server (cid, type, members and frozen are)")
            }
        }
        // A user token sees only the channels it belongs to.
        if case .user(let me)? = context.actor { members = (members ?? [me]).filter { $0 == me } }
        let sortField = body["sort"]?.arrayValue?.first?.objectValue?["field"]?.stringValue ?? "last_message_at"
        let limit = min(max(body["limit"]?.intValue ?? 10, 0), 30)
        let offset = max(body["offset"]?.intValue ?? 0, 0)
        let channels = try store.queryChannels(cids: cids, types: types, memberOf: members, frozen: frozen,
                                               byLastMessage: sortField != "created_at", limit: limit, offset: offset)
        let messageLimit: JSONObject = ["messages": ["limit": body["message_limit"] ?? 25]]
        let states = ChannelStates(store: store)
        return JSONResponse.ok(["channels": .array(try channels.map { .object(try states.state($0, body: messageLimit, viewer: context.actor)) })], context: context)
    }
}
