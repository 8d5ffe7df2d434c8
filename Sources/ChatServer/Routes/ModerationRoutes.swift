import ChatModel
import ChatStore
import Foundation
import Hummingbird

/// `ban_user`/`unban_user` (app-wide, or in a channel by `type`+`id` or `channel_cid`, and
/// from the banner's future channels), `query_banned_users`, `mute_user(s)`/`unmute_user(s)`. Bans and mutes are server-side
/// moderation; a user token may only mute and unmute for itself.
struct ModerationRoutes {
    let store: ChatStore
    let hub: EventHub

    func add(to router: Router<ServerContext>) {
        router.post("moderation/ban") { request, context in try await ban(request, context) }
        router.delete("moderation/ban") { request, context in try await unban(request, context) }
        router.get("query_banned_users") { request, context in try queryBans(request, context) }
        router.post("moderation/mute") { request, context in try await mute(request, context, muting: true) }
        router.post("moderation/unmute") { request, context in try await mute(request, context, muting: false) }
        router.post("moderation/mute/channel") { request, context in try await muteChannel(request, context, muting: true) }
        router.post("moderation/unmute/channel") { request, context in try await muteChannel(request, context, muting: false) }
    }

    /// The channel a ban names: `channel_cid`, or the legacy `type` + `id`; nil for app-wide.
    private func channelCID(_ value: (String) -> String?, operation: String) throws -> String? {
        let cid = value("channel_cid") ?? value("type").flatMap { type in value("id").map { ChannelID.cid(type: type, id: $0) } }
        if let cid, try store.channel(cid: cid) == nil { throw StreamAPIError.notFound(operation, "Can't find channel with id \(cid)") }
        return cid
    }

    private func ban(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "BanUser"
        try ServerSideOnly.bans.require(context, operation: operation)
        var request = request
        // `ip_ban` and `delete_messages` are refused: the server keeps no addresses, and deleting
        // the banned user's messages is `delete_user`'s `mark_messages_deleted`.
        let body = try await request.jsonObject(
            operation: operation,
            handling: [
                "target_user_id", "user_id", "user", "channel_cid", "type", "id", "timeout", "reason", "shadow", "ban_from_future_channels",
            ]
        )
        guard let target = body["target_user_id"]?.stringValue, try store.user(id: target) != nil else {
            throw StreamAPIError.input(operation, "target_user_id must name an existing user")
        }
        let cid = try channelCID({ body[$0]?.stringValue }, operation: operation)
        let now = Timestamp.now()
        let expires = body["timeout"]?.intValue.map { Timestamp(seconds: now.seconds + Int64($0) * 60, nanoseconds: now.nanoseconds) }
        let moderator = ActingUser.claimed(in: body)
        let reason = body["reason"]?.stringValue
        if body["ban_from_future_channels"]?.boolValue == true {
            try FutureChannelBanRoutes.requireFutureBan(cid: cid, by: moderator, expires: expires, operation: operation)
        }
        try store.save(
            ban: Ban(
                targetID: target,
                cid: cid,
                createdBy: moderator,
                reason: reason,
                shadow: body["shadow"]?.boolValue ?? false,
                expires: expires,
                createdAt: now
            )
        )
        if body["ban_from_future_channels"]?.boolValue == true, let moderator {
            var future = FutureChannelBan(targetID: target, createdBy: moderator)
            future.reason = reason
            future.shadow = body["shadow"]?.boolValue ?? false
            future.createdAt = now
            try store.save(futureChannelBan: future)
        }
        await announce("user.banned", target: target, cid: cid, by: moderator, reason: reason, expires: expires)
        return JSONResponse.ok([:], status: .created, context: context)
    }

    /// A channel ban is told to the channel's watchers; an app-wide one to the banned user.
    private func announce(_ type: String, target: String, cid: String?, by moderator: String?, reason: String?, expires: Timestamp?) async {
        let channel = cid.flatMap { (try? store.channel(cid: $0)) ?? nil }
        let event = EventJSON.ban(type, target: target, channel: channel, by: moderator, reason: reason, expires: expires, store: store)
        if let channel { await hub.publish(event, cid: channel.cid) } else { await hub.publish(event, toUser: target) }
    }

    private func unban(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "UnbanUser"
        try ServerSideOnly.bans.require(context, operation: operation)
        let query = request.uri.queryParameters
        guard let target = query.get("target_user_id").map({ String($0) }) else {
            throw StreamAPIError.input(operation, "target_user_id is required")
        }
        let cid = try channelCID({ query.get($0).map { String($0) } }, operation: operation)
        // Lifting a future channel ban leaves the channel bans it put in force, as at Stream.
        if query.get("remove_future_channels_ban") == "true" {
            guard let creator = query.get("created_by").map({ String($0) }), !creator.isEmpty else {
                throw StreamAPIError.input(operation, "remove_future_channels_ban needs created_by, the user whose channels the ban covers")
            }
            _ = try store.removeFutureChannelBan(createdBy: creator, targetID: target)
            return JSONResponse.ok([:], context: context)
        }
        if try store.removeBan(targetID: target, cid: cid) {
            await announce("user.unbanned", target: target, cid: cid, by: nil, reason: nil, expires: nil)
        }
        return JSONResponse.ok([:], context: context)
    }

    private func queryBans(_ request: Request, _ context: ServerContext) throws -> Response {
        let operation = "QueryBannedUsers"
        try ServerSideOnly.bans.require(context, operation: operation)
        let payload = try request.jsonQuery("payload", operation: operation)
        let query = try BanQuery(payload, operation: operation)
        let bans = query.page(try store.bans(cid: query.channelCID, now: .now()))
        let json: [JSONValue] = try bans.map { ban in
            var o: JSONObject = [
                "user": UserJSON.json(try store.user(id: ban.targetID) ?? User(id: ban.targetID)),
                "created_at": .string(ban.createdAt.rfc3339), "shadow": .bool(ban.shadow),
            ]
            if let by = ban.createdBy { o["banned_by"] = UserJSON.json(try store.user(id: by) ?? User(id: by)) }
            if let reason = ban.reason { o["reason"] = .string(reason) }
            if let expires = ban.expires { o["expires"] = .string(expires.rfc3339) }
            if let cid = ban.cid { o["channel"] = ["cid": .string(cid)] }
            return .object(o)
        }
        return JSONResponse.ok(["bans": .array(json)], context: context)
    }

    private func mute(_ request: Request, _ context: ServerContext, muting: Bool) async throws -> Response {
        let operation = muting ? "MuteUser" : "UnmuteUser"
        var request = request
        let body = try await request.jsonObject(operation: operation, handling: ["target_id", "target_ids", "user_id", "user", "timeout"])
        let user = try ActingUser.resolve(context, claimed: body["user_id"]?.stringValue, operation: operation)
        let single = body["target_id"]?.stringValue
        let targets = single.map { [$0] } ?? body["target_ids"]?.arrayValue?.compactMap(\.stringValue) ?? []
        guard !targets.isEmpty else { throw StreamAPIError.input(operation, "target_id or target_ids is required") }
        let now = Timestamp.now()
        let expires = body["timeout"]?.intValue.map { Timestamp(seconds: now.seconds + Int64($0) * 60, nanoseconds: now.nanoseconds) }
        var mutes: [JSONValue] = []
        var missing: [JSONValue] = []
        for target in targets {
            guard let targetUser = try store.user(id: target) else {
                missing.append(.string(target))
                continue
            }
            if muting {
                try store.mute(userID: user, targetID: target, expires: expires, at: now)
                var m: JSONObject = [
                    "user": UserJSON.json(try store.user(id: user) ?? User(id: user)), "target": UserJSON.json(targetUser),
                    "created_at": .string(now.rfc3339), "updated_at": .string(now.rfc3339),
                ]
                if let expires { m["expires"] = .string(expires.rfc3339) }
                mutes.append(.object(m))
            } else {
                try store.unmute(userID: user, targetID: target)
            }
        }
        if single != nil, !missing.isEmpty { throw StreamAPIError.input(operation, "user \(single!) doesn't exist") }
        var out: JSONObject = [:]
        if muting {
            if single != nil { out["mute"] = mutes.first ?? .null } else { out["mutes"] = .array(mutes) }
            out["non_existing_users"] = .array(missing)
            out["own_user"] = .object(try OwnUserJSON.json(user, store: store))
        }
        return JSONResponse.ok(out, status: muting ? .created : .ok, context: context)
    }

    /// `channel.mute` / `channel.unmute`: the channel joins or leaves the user's `channel_mutes`
    /// (its messages still count as unread; the client shows the channel muted). The user's other
    /// connections hear `notification.channel_mutes_updated`.
    private func muteChannel(_ request: Request, _ context: ServerContext, muting: Bool) async throws -> Response {
        let operation = muting ? "MuteChannel" : "UnmuteChannel"
        var request = request
        let body = try await request.jsonObject(
            operation: operation,
            handling: ["channel_cid", "channel_cids", "user_id", "user", "expiration"]
        )
        let user = try ActingUser.resolve(
            context,
            claimed: body["user_id"]?.stringValue ?? ActingUser.claimed(in: body),
            operation: operation
        )
        let cids = (body["channel_cid"]?.stringValue).map { [$0] } ?? body["channel_cids"]?.arrayValue?.compactMap(\.stringValue) ?? []
        guard !cids.isEmpty else { throw StreamAPIError.input(operation, "channel_cid or channel_cids is required") }
        // `expiration` is in milliseconds, as Stream's; the mute is over then.
        let now = Timestamp.now()
        var expires: Timestamp?
        if muting, let expiration = body["expiration"], expiration != .null {
            guard let ms = expiration.intValue, ms > 0 else {
                throw StreamAPIError.input(operation, "expiration must be a number of milliseconds")
            }
            let end = Int64(now.nanoseconds) + Int64(ms % 1000) * 1_000_000
            expires = Timestamp(seconds: now.seconds + Int64(ms / 1000) + end / 1_000_000_000, nanoseconds: Int32(end % 1_000_000_000))
        }
        var channels: [Channel] = []
        for cid in cids {
            guard let channel = try store.channel(cid: cid) else {
                throw StreamAPIError.notFound(operation, "Can't find channel with id \(cid)")
            }
            try ChannelAccess(store: store, actor: context.actor).require(.read, channel, operation: operation)
            channels.append(channel)
        }
        for channel in channels {
            guard try store.setChannelMuted(userID: user, cid: channel.cid, muted: muting, expires: expires) else {
                throw StreamAPIError.input(operation, "user \(user) doesn't exist")
            }
        }
        let me = try OwnUserJSON.json(user, store: store)
        await hub.publish(
            ["type": "notification.channel_mutes_updated", "created_at": .string(now.rfc3339), "me": .object(me)],
            toUser: user
        )
        guard muting else { return JSONResponse.ok([:], context: context) }
        let mutes: [JSONValue] = try channels.map { channel in
            [
                "channel": try ChannelJSON.full(channel, store: store),
                "user": .object(me), "created_at": .string(now.rfc3339), "updated_at": .string(now.rfc3339),
                "expires": expires.map { .string($0.rfc3339) } ?? .null,
            ]
        }
        var out: JSONObject = ["own_user": .object(me)]
        if cids.count == 1 { out["channel_mute"] = mutes[0] } else { out["channel_mutes"] = .array(mutes) }
        return JSONResponse.ok(out, status: .created, context: context)
    }
}
