import ChatImport
import ChatModel
import ChatStore
import Foundation
import Hummingbird

/// `channel.update`, `update_partial`, `add_members`/`remove_members`, `add_moderators`/
/// `demote_moderators` (all `POST|PATCH /channels/{type}/{id}`), `truncate` and `delete`.
/// Changes are told to the channel's watchers as `channel.updated`, `member.added/updated/removed`,
/// `channel.truncated` and `channel.deleted`.
struct ChannelUpdateRoutes {
    let store: ChatStore
    let hub: EventHub
    /// Keys of a channel's data that are not custom fields.
    static let standard: Set<String> = [
        "id", "type", "cid", "created_by", "created_by_id", "member_ids", "members", "created_at", "updated_at",
    ]

    /// Keys of an update body the local server acts on. `skip_push` has its effect by itself (the
    /// local server pushes nothing); others, such as `hide_history` or an update `message`, are
    /// refused rather than ignored.
    static let handledKeys: Set<String> = [
        "data", "set", "unset", "add_members", "remove_members", "add_moderators", "demote_moderators", "assign_roles", "invites",
        "accept_invite", "reject_invite", "user", "user_id", "skip_push", "add_filter_tags", "remove_filter_tags",
    ]

    func add(to router: Router<ServerContext>) {
        router.post("channels/:type/:id") { request, context in try await update(request, context, partial: false) }
        router.patch("channels/:type/:id") { request, context in try await update(request, context, partial: true) }
        router.post("channels/:type/:id/truncate") { request, context in try await truncate(request, context) }
        router.delete("channels/:type/:id") { request, context in try await delete(request, context) }
    }

    /// The channel named in the path, for a caller allowed to change it (see
    /// `ChannelAccess.requireChange`); `body`, for an update, may be the caller leaving.
    private func changeable(_ context: ServerContext, operation: String, body: JSONObject? = nil) throws -> Channel {
        let type = context.parameters.get("type") ?? ""
        let id = context.parameters.get("id") ?? ""
        guard let channel = try store.channel(cid: ChannelID.cid(type: type, id: id)) else {
            throw StreamAPIError.notFound(operation, "Can't find channel with id \(type):\(id)")
        }
        let access = ChannelAccess(store: store, actor: context.actor)
        let ownMembership = body.map { access.onlyRemovesCaller($0) || access.onlyAnswersInvite($0) } ?? false
        // Joining: a user adding only themselves to a channel of a type with the join grant.
        if let body, access.onlyAddsCaller(body), BuiltInChannelType.joinable.map(\.rawValue).contains(channel.type) { return channel }
        try access.requireChange(channel, operation: operation, leaving: ownMembership)
        return channel
    }

    /// The acting user for an event: the named user, or the token's.
    private func actor(_ body: JSONObject, _ context: ServerContext, fallback: String) -> String {
        ActingUser.claimed(in: body) ?? (ActingUser.viewer(context).isEmpty ? fallback : ActingUser.viewer(context))
    }

    private func update(_ request: Request, _ context: ServerContext, partial: Bool) async throws -> Response {
        let operation = partial ? "UpdateChannelPartial" : "UpdateChannel"
        var request = request
        let body = try await request.jsonObject(operation: operation)
        try body.requireHandled(Self.handledKeys, operation: operation)
        let channel = try changeable(context, operation: operation, body: body)
        let json = try await apply(
            body,
            to: channel,
            actor: actor(body, context, fallback: channel.createdBy),
            partial: partial,
            context: context,
            operation: operation
        )
        let members = try store.members(cid: channel.cid)
        return JSONResponse.ok(
            ["channel": json, "members": .array(try ChannelJSON.members(members, in: channel, store: store))],
            status: .created,
            context: context
        )
    }

    /// Makes the changes of an update body to `channel` (its data, replaced or, when `partial`,
    /// `set` / `unset`; its members), tells the watchers and the members concerned, and returns
    /// the channel's JSON after. The caller has checked that `actor` may.
    func apply(
        _ body: JSONObject,
        to channel: Channel,
        actor: String,
        partial: Bool,
        context: ServerContext,
        operation: String
    ) async throws -> JSONValue {
        var channel = channel
        var data: JSONObject?
        if partial {
            data = try PartialUpdate(body, operation: operation).applied(to: current(channel))
        } else if var replacement = body["data"]?.objectValue {
            // config_overrides are settings, not custom data: a replacement that does not name them keeps them.
            if replacement["config_overrides"] == nil { replacement["config_overrides"] = channel.custom["config_overrides"] }
            data = replacement
        }
        if body["add_filter_tags"] != nil || body["remove_filter_tags"] != nil {
            var tagged = data ?? current(channel)
            tagged["filter_tags"] = try Self.filterTags(tagged["filter_tags"], body, operation: operation)
            data = tagged
        }
        // Dropping them (`unset`) is a change too.
        if let data, (data["config_overrides"] ?? .null) != (channel.custom["config_overrides"] ?? .null) {
            try Self.checkOverrides(
                data["config_overrides"] ?? .null,
                type: channel.type,
                store: store,
                context: context,
                operation: operation
            )
        }
        if var data {
            for key in Self.standard { data[key] = nil }
            data["type"] = .string(channel.type)
            data["created_by"] = .string(channel.createdBy)
            if let memberIDs = channel.memberIDs {
                data["member_ids"] = .array(memberIDs.map(JSONValue.string))
            } else {
                data["id"] = .string(channel.id)
            }
            // The channel exists, so its type does, whether built-in or created.
            let (parsed, errors) = ItemRules.channel(data, customTypes: [channel.type])
            if let first = errors.first { throw StreamAPIError.rule(operation, first) }
            guard var updated = parsed else { throw StreamAPIError.input(operation, "the channel is not valid") }
            updated.createdAt = channel.createdAt
            try store.update(channel: updated)
            channel = try store.channel(cid: channel.cid) ?? updated
        }
        let changes =
            try changeMembers(body, cid: channel.cid, operation: operation) + answerInvite(body, cid: channel.cid, context, operation)
        let json = try ChannelJSON.full(channel, store: store)
        if data != nil {
            var event = EventJSON.base("channel.updated", channel, user: actor, store: store)
            event["channel"] = json
            await hub.publish(event, cid: channel.cid)
        }
        try await publish(changes, in: channel, channelJSON: json, actor: actor)
        return json
    }

    /// `member.*` to the channel's watchers, and to each added or removed user
    /// `notification.added_to_channel` / `notification.removed_from_channel`.
    private func publish(_ changes: [MemberChange], in channel: Channel, channelJSON: JSONValue, actor: String) async throws {
        let rows = try store.members(cid: channel.cid)
        let bans = try ChannelJSON.bans(in: channel, store: store)
        for change in changes {
            // A removed member is no longer in the store: describe it by its user.
            let user = try store.user(id: change.userID).map(UserJSON.json) ?? ["id": .string(change.userID)]
            let member =
                rows.first { $0.user.id == change.userID }.map { ChannelJSON.member($0, ban: bans[change.userID]) }
                ?? ["user_id": .string(change.userID), "user": user]
            var event = EventJSON.base(change.kind.event, channel, user: actor, store: store)
            event["member"] = member
            event["channel"] = channelJSON
            await hub.publish(event, cid: channel.cid)
            guard let notification = change.kind.notification else { continue }
            event["type"] = .string(notification)
            await hub.publish(event, toUser: change.userID)
        }
    }

    /// `truncate`: removes the channel's messages (up to `truncated_at`, default now) and tells watchers.
    private func truncate(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "TruncateChannel"
        var request = request
        let body = try await request.jsonObject(operation: operation)
        try body.requireHandled(Self.truncateKeys, operation: operation)
        let channel = try changeable(context, operation: operation)
        let message = try truncateMessage(body, channel: channel, context, operation: operation)
        var time = Timestamp.now()
        if let value = body["truncated_at"], value != .null {
            guard let text = value.stringValue, let at = Timestamp(rfc3339: text) else {
                throw StreamAPIError.input(operation, "truncated_at must be an RFC 3339 time")
            }
            time = at
        }
        _ = try store.truncate(cid: channel.cid, at: time)
        let truncated = try store.channel(cid: channel.cid) ?? channel
        let json = try ChannelJSON.full(truncated, store: store)
        var event = EventJSON.base("channel.truncated", truncated, user: actor(body, context, fallback: channel.createdBy), store: store)
        event["channel"] = json
        await hub.publish(event, cid: channel.cid)
        var answer: JSONObject = ["channel": json]
        if case let (pending, sender)? = message {
            var message = pending
            // After the truncation, so the message stays in the channel it empties.
            message.createdAt = .now()
            answer["message"] = try await NewMessages(store: store, hub: hub).post(
                message,
                in: truncated,
                sender: sender,
                operation: operation
            )
        }
        return JSONResponse.ok(answer, status: .created, context: context)
    }

    /// Keys of a truncate body: `hard_delete` has its effect by itself (truncated messages are
    /// removed, not kept as deleted), `skip_push` too (nothing is pushed here).
    static let truncateKeys: Set<String> = ["truncated_at", "message", "user", "user_id", "hard_delete", "skip_push"]

    /// The system message a truncate with `message` leaves in the emptied channel, from the
    /// message's user or the acting one, checked by the import rules before anything is removed.
    private func truncateMessage(
        _ body: JSONObject,
        channel: Channel,
        _ context: ServerContext,
        operation: String
    ) throws -> (Message, sender: String)? {
        guard var data = body["message"]?.objectValue else {
            if let value = body["message"], value != .null { throw StreamAPIError.input(operation, "message must be an object") }
            return nil
        }
        let sender = try ActingUser.resolve(
            context,
            claimed: ActingUser.claimed(in: data) ?? ActingUser.claimed(in: body),
            fallback: channel.createdBy,
            operation: operation
        )
        guard try store.user(id: sender) != nil else { throw StreamAPIError.input(operation, "user \(sender) doesn't exist") }
        for key in ["user", "user_id", "parent_id", "mentioned_users"] { data[key] = nil }
        data["id"] = data["id"] ?? .string(UUID().uuidString.lowercased())
        ItemChannelReference.set(channel, in: &data)
        data["user"] = .string(sender)
        data["type"] = "system"
        data["created_at"] = .string(Timestamp.now().rfc3339)
        let (parsed, errors) = ItemRules.message(data, maxTextLength: try store.channelConfig(for: channel).maxMessageLength)
        if let first = errors.first { throw StreamAPIError.rule(operation, first) }
        guard let message = parsed else { throw StreamAPIError.input(operation, "the message is not valid") }
        return (message, sender)
    }

    /// `delete`: the channel and everything in it go (see `ChannelDeletion`).
    private func delete(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "DeleteChannel"
        let channel = try changeable(context, operation: operation)
        let actor = ActingUser.viewer(context).isEmpty ? channel.createdBy : ActingUser.viewer(context)
        let json = try await ChannelDeletion(store: store, hub: hub).delete(channel, by: actor)
        return JSONResponse.ok(["channel": json], context: context)
    }

    /// The channel's custom data plus the flags a partial update may change.
    /// A change to `config_overrides` (Stream's channel-level settings): server-side only, as
    /// in Stream, and only settings a channel may override, with values of the right kind and
    /// a block list that exists.
    static func checkOverrides(_ value: JSONValue, type: String, store: ChatStore, context: ServerContext, operation: String) throws {
        guard context.actor == .server else {
            throw StreamAPIError.notAllowed(operation, "config_overrides can only be changed server-side")
        }
        guard value != .null else { return }
        guard let overrides = value.objectValue else { throw StreamAPIError.input(operation, "config_overrides must be an object") }
        let base = try store.channelConfig(forType: type)
        let appCommands = Set(try store.customCommands().map(\.name))
        let config: ChannelTypeConfig
        do {
            config = try base.overridden(by: overrides, appCommands: appCommands)
        } catch {
            throw StreamAPIError.input(operation, error.reason)
        }
        if overrides["blocklist"] != nil, let name = config.blocklist, try !store.blocklists().contains(where: { $0.name == name }) {
            throw StreamAPIError.input(operation, "blocklist \(name) doesn't exist")
        }
    }

    /// The channel's `filter_tags` (Stream's tags for `query_channels` filters) after the body's
    /// `add_filter_tags` and `remove_filter_tags`: each tag once, in the order first added.
    static func filterTags(_ current: JSONValue?, _ body: JSONObject, operation: String) throws -> JSONValue {
        func tags(_ key: String) throws -> [String] {
            guard let value = body[key], value != .null else { return [] }
            guard let list = value.arrayValue, list.allSatisfy({ $0.stringValue != nil }) else {
                throw StreamAPIError.input(operation, "\(key) must be a list of tags")
            }
            return list.compactMap(\.stringValue)
        }
        let removed = Set(try tags("remove_filter_tags"))
        var kept: [String] = []
        for tag in (current?.arrayValue ?? []).compactMap(\.stringValue) + (try tags("add_filter_tags"))
        where !kept.contains(tag) && !removed.contains(tag) {
            kept.append(tag)
        }
        return .array(kept.map(JSONValue.string))
    }

    private func current(_ channel: Channel) -> JSONObject {
        var o = channel.custom
        if let frozen = channel.frozen { o["frozen"] = .bool(frozen) }
        if let disabled = channel.disabled { o["disabled"] = .bool(disabled) }
        if let team = channel.team { o["team"] = .string(team) }
        return o
    }

    /// A change to one member, told as `kind` to watchers and, but for role changes, to the user.
    struct MemberChange {
        enum Kind {
            case added, updated, removed, invited, inviteAccepted, inviteRejected
            var event: String {
                switch self {
                case .added, .invited: "member.added"
                case .updated, .inviteAccepted, .inviteRejected: "member.updated"
                case .removed: "member.removed"
                }
            }
            var notification: String? {
                switch self {
                case .added: "notification.added_to_channel"
                case .removed: "notification.removed_from_channel"
                case .invited: "notification.invited"
                case .inviteAccepted: "notification.invite_accepted"
                case .inviteRejected: "notification.invite_rejected"
                case .updated: nil
                }
            }
        }
        let kind: Kind
        let userID: String
    }

    /// `accept_invite` / `reject_invite` by the acting user, who must have an invite to the channel.
    private func answerInvite(_ body: JSONObject, cid: String, _ context: ServerContext, _ operation: String) throws -> [MemberChange] {
        let accept = body["accept_invite"]?.boolValue == true
        guard accept || body["reject_invite"]?.boolValue == true else { return [] }
        let user = try ActingUser.resolve(context, claimed: ActingUser.claimed(in: body), operation: operation)
        guard try store.answerInvite(cid: cid, userID: user, accept: accept, at: .now()) else {
            throw StreamAPIError.input(operation, "user \(user) has no invite to channel \(cid)")
        }
        return [MemberChange(kind: accept ? .inviteAccepted : .inviteRejected, userID: user)]
    }

    /// The custom data of `add_members` objects: their `custom` object and any field beside
    /// `user_id` and `channel_role` (custom fields stay custom fields, as in Stream).
    private func memberCustom(_ value: JSONValue?, operation: String) throws -> [String: JSONObject] {
        var custom: [String: JSONObject] = [:]
        for item in value?.arrayValue ?? [] {
            guard let o = item.objectValue, let id = o["user_id"]?.stringValue else { continue }
            if let given = o["custom"], given.objectValue == nil, given != .null {
                throw StreamAPIError.input(operation, "add_members custom must be an object")
            }
            var fields = o["custom"]?.objectValue ?? JSONObject()
            for member in o.members where !["user_id", "channel_role", "user", "custom"].contains(member.key) {
                fields[member.key] = member.value
            }
            if !fields.isEmpty { custom[id] = fields }
        }
        return custom
    }

    private func changeMembers(_ body: JSONObject, cid: String, operation: String) throws -> [MemberChange] {
        func entries(_ key: String) throws -> [(userID: String, role: String?)] {
            try (body[key]?.arrayValue ?? []).map { item in
                if let id = item.stringValue { return (id, nil) }
                if let o = item.objectValue, let id = o["user_id"]?.stringValue { return (id, o["channel_role"]?.stringValue) }
                throw StreamAPIError.input(operation, "\(key) must list user ids or {\"user_id\": …} objects")
            }
        }
        let added = try entries("add_members")
        let invited = try entries("invites").map(\.userID)
        for id in invited where try store.user(id: id) == nil { throw StreamAPIError.input(operation, "user \(id) doesn't exist") }
        let moderators = try entries("add_moderators")
        let demoted = try entries("demote_moderators")
        for entry in added + moderators + demoted where try store.user(id: entry.userID) == nil {
            throw StreamAPIError.input(operation, "user \(entry.userID) doesn't exist")
        }
        for entry in added where entry.role.map({ !ChannelRole.all.contains($0) }) ?? false {
            throw StreamAPIError.input(operation, "'\(entry.role!)' is not a valid channel_role")
        }
        let before = Set(try store.members(cid: cid).map(\.user.id))
        // `assign_roles` changes members only, all or nothing.
        let assigned = try entries("assign_roles")
        for entry in assigned {
            guard let role = entry.role, ChannelRole.all.contains(role) else {
                throw StreamAPIError.input(operation, "assign_roles needs a valid channel_role for \(entry.userID)")
            }
            guard before.contains(entry.userID) else {
                throw StreamAPIError.input(operation, "user \(entry.userID) is not a member of the channel, so no role can be assigned")
            }
        }
        let removed = try entries("remove_members").map(\.userID).filter(before.contains)
        try store.addMembers(cid: cid, added, custom: try memberCustom(body["add_members"], operation: operation))
        try store.addMembers(cid: cid, moderators.map { ($0.userID, ChannelRole.moderator) })
        try store.addMembers(cid: cid, demoted.map { ($0.userID, ChannelRole.member) } + assigned)
        try store.removeMembers(cid: cid, userIDs: removed)
        let newlyInvited = try store.invite(cid: cid, userIDs: invited)
        var changes: [MemberChange] = []
        for id in (added + moderators).map(\.userID) where !changes.contains(where: { $0.userID == id }) {
            changes.append(MemberChange(kind: before.contains(id) ? .updated : .added, userID: id))
        }
        for id in (demoted + assigned).map(\.userID) where before.contains(id) && !changes.contains(where: { $0.userID == id }) {
            changes.append(MemberChange(kind: .updated, userID: id))
        }
        return changes + removed.map { MemberChange(kind: .removed, userID: $0) }
            + newlyInvited.map { MemberChange(kind: .invited, userID: $0) }
    }
}
