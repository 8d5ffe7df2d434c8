import ChatModel
import ChatStore
import Hummingbird

/// `query_members` (`GET /members`) and the member partial update (`update_member_partial`,
/// `pin`/`unpin`, `archive`/`unarchive`: `PATCH /channels/{type}/{id}/member/{user_id}`, or
/// `…/member?user_id=` as Stream's spec has it).
struct MemberRoutes {
    let store: ChatStore
    let hub: EventHub

    func add(to router: Router<ServerContext>) {
        router.get("members") { request, context in try query(request, context) }
        router.patch("channels/:type/:id/member/:user_id") { request, context in
            try await updatePartial(request, context, userID: context.parameters.get("user_id"))
        }
        router.patch("channels/:type/:id/member") { request, context in
            try await updatePartial(request, context, userID: request.uri.queryParameters.get("user_id").map { String($0) })
        }
    }

    static let queryKeys = Set(["type", "id", "members", "filter_conditions", "sort", "limit", "offset", "user_id"])
        .union(MemberCursors.keys)

    /// A channel's members that `filter_conditions` selects (see `RecordFilter`), on the member's
    /// fields, custom ones and these: `id` and `name` (the user's), `cid`, `joined` and `invite`
    /// (`pending`, `accepted` or `rejected`), and through `user.` any field of the user; within
    /// the `MemberCursors` bounds, then sorted and paged by `limit` and `offset`.
    private func query(_ request: Request, _ context: ServerContext) throws -> Response {
        let operation = "QueryMembers"
        let payload = try request.jsonQuery("payload", operation: operation)
        try payload.requireHandled(Self.queryKeys, operation: operation)
        guard let type = payload["type"]?.stringValue, !type.isEmpty else { throw StreamAPIError.input(operation, "type is required") }
        let id: String
        if let given = payload["id"]?.stringValue, !given.isEmpty {
            id = given
        } else {
            let ids = (payload["members"]?.arrayValue ?? []).compactMap { $0.stringValue ?? $0.objectValue?["user_id"]?.stringValue }
            guard !ids.isEmpty else { throw StreamAPIError.input(operation, "id or members is required") }
            id = DistinctChannelID.make(memberIDs: ids)
        }
        guard let channel = try store.channel(cid: ChannelID.cid(type: type, id: id)) else {
            throw StreamAPIError.notFound(operation, "Can't find channel with id \(type):\(id)")
        }
        try ChannelAccess(store: store, actor: context.actor).require(.read, channel, operation: operation)
        guard let conditions = payload["filter_conditions"]?.objectValue else {
            throw StreamAPIError.input(operation, "filter_conditions is required ({} for every member)")
        }
        let filter = try RecordFilter(conditions, operation: operation)
        let cursors = try MemberCursors(payload, operation: operation)
        let sort = try RecordSort(payload["sort"], default: "created_at", operation: operation)
        let limit = min(max(payload["limit"]?.intValue ?? 100, 0), 300)
        let offset = max(payload["offset"]?.intValue ?? 0, 0)
        guard offset <= 10_000 else { throw StreamAPIError.input(operation, "offset must be at most 10000") }
        var shown: [String: JSONValue] = [:]
        let bans = try ChannelJSON.bans(in: channel, store: store)
        let members = try store.members(cid: channel.cid).filter { cursors.admits(userID: $0.user.id, createdAt: $0.member.createdAt) }
        let records: [JSONObject] = members.compactMap { row in
            let json = ChannelJSON.member(row, ban: bans[row.user.id])
            shown[row.user.id] = json
            guard var record = json.objectValue else { return nil }
            record["id"] = .string(row.user.id)
            record["name"] = row.user.custom["name"] ?? .null
            record["cid"] = .string(channel.cid)
            let invite: JSONValue =
                row.member.invited != true
                ? .null : row.member.inviteAcceptedAt != nil ? "accepted" : row.member.inviteRejectedAt != nil ? "rejected" : "pending"
            record["invite"] = invite
            record["joined"] = .bool(invite == .null || invite == "accepted")
            return filter.matches(record) ? record : nil
        }
        let page = sort.sorted(records, tiebreak: "id").dropFirst(offset).prefix(limit)
        return JSONResponse.ok(["members": .array(page.compactMap { $0["id"]?.stringValue.flatMap { shown[$0] } })], context: context)
    }

    /// `set` / `unset` on one member's own settings: `pinned` and `archived` (stored as the time,
    /// shown as `pinned_at` / `archived_at`), `channel_role` (a moderator's change) and custom
    /// fields. A user token changes only its own membership. Watchers hear `member.updated`.
    private func updatePartial(_ request: Request, _ context: ServerContext, userID: String?) async throws -> Response {
        let operation = "UpdateMemberPartial"
        var request = request
        let body = try await request.jsonObject(operation: operation, handling: ["set", "unset", "user", "user_id"])
        guard let userID, !userID.isEmpty else { throw StreamAPIError.input(operation, "user_id is required") }
        let type = context.parameters.get("type") ?? ""
        let id = context.parameters.get("id") ?? ""
        guard let channel = try store.channel(cid: ChannelID.cid(type: type, id: id)) else {
            throw StreamAPIError.notFound(operation, "Can't find channel with id \(type):\(id)")
        }
        let actor = try ActingUser.resolve(context, claimed: userID, operation: operation)
        guard var row = try store.member(cid: channel.cid, userID: actor) else {
            throw StreamAPIError.notFound(operation, "user \(actor) is not a member of channel \(channel.cid)")
        }
        let change = try PartialUpdate(body, operation: operation)
        let fixed: Set<String> = [
            "user_id", "user", "created_at", "updated_at", "invited", "invite_accepted_at", "invite_rejected_at",
            "banned", "shadow_banned", "is_moderator", "role", "status", "pinned_at", "archived_at", "notifications_muted",
        ]
        for key in change.set.keys + change.unset where fixed.contains(String(key.split(separator: ".").first ?? "")) {
            throw StreamAPIError.input(operation, "\(key) cannot be changed by a member partial update")
        }
        var fields = change.applied(to: row.member.custom.merging(Self.flags(row.member)))
        let now = Timestamp.now()
        for (key, keyPath) in [("pinned", \Member.pinnedAt), ("archived", \Member.archivedAt)] {
            let value = fields[key] ?? .null
            fields[key] = nil
            guard value == .null || value.boolValue != nil else { throw StreamAPIError.input(operation, "\(key) must be true or false") }
            let on = value.boolValue ?? false
            // Setting it again keeps the original time, as a second pin changes nothing.
            row.member[keyPath: keyPath] = on ? row.member[keyPath: keyPath] ?? now : nil
        }
        if let role = fields["channel_role"], role != .null {
            fields["channel_role"] = nil
            guard let name = role.stringValue, ChannelRole.all.contains(name) else {
                throw StreamAPIError.input(operation, "channel_role must be one of \(ChannelRole.all.sorted().joined(separator: ", "))")
            }
            if name != row.member.channelRole {
                try ChannelAccess(store: store, actor: context.actor).requireChange(channel, operation: operation)
                try store.addMembers(cid: channel.cid, [(actor, name)])
            }
        }
        fields["channel_role"] = nil
        row.member.custom = fields
        _ = try store.updateMemberSettings(row.member)
        return JSONResponse.ok(["channel_member": try await publishUpdated(actor, in: channel)], context: context)
    }

    /// Tells the channel's watchers of the member `userID` as stored now; its JSON.
    func publishUpdated(_ userID: String, in channel: Channel) async throws -> JSONValue {
        let json =
            try store.member(cid: channel.cid, userID: userID).map { row in
                ChannelJSON.member(row, ban: try ChannelJSON.bans(in: channel, store: store)[userID])
            } ?? .null
        var event = EventJSON.base("member.updated", channel, user: userID, store: store)
        event["member"] = json
        await hub.publish(event, cid: channel.cid)
        return json
    }

    /// The member's settings as a partial update names them.
    private static func flags(_ member: Member) -> JSONObject {
        var o = JSONObject()
        if member.pinnedAt != nil { o["pinned"] = true }
        if member.archivedAt != nil { o["archived"] = true }
        if let role = member.channelRole { o["channel_role"] = .string(role) }
        return o
    }
}
