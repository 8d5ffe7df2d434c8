import ChatModel
import ChatStore
import Hummingbird

/// `update_channels_batch` (`PUT /channels/batch`, the Python SDK's `ChannelBatchUpdater`): one
/// operation on every channel a filter selects, each channel changed as its own route changes
/// it, events included. Answers a `task_id` whose result holds each channel's outcome (see
/// `BatchTask`). Server tokens only.
struct ChannelBatchRoutes {
    let store: ChatStore
    let hub: EventHub

    func add(to router: Router<ServerContext>) {
        router.put("channels/batch") { request, context in try await update(request, context) }
    }

    enum Operation: String, CaseIterable {
        case addMembers, removeMembers, inviteMembers, assignRoles, addModerators, demoteModerators
        case hide, show, archive, unarchive, updateData

        /// The key of a channel update body that does the same to one channel, `members` its value.
        var updateKey: String? {
            switch self {
            case .addMembers: "add_members"
            case .removeMembers: "remove_members"
            case .inviteMembers: "invites"
            case .assignRoles: "assign_roles"
            case .addModerators: "add_moderators"
            case .demoteModerators: "demote_moderators"
            case .hide, .show, .archive, .unarchive, .updateData: nil
            }
        }
    }

    /// Channel data `updateData` may set; `config_overrides` and the auto-translation settings
    /// are refused rather than ignored (the local server translates nothing).
    static let dataKeys: Set<String> = ["frozen", "disabled", "custom", "team"]

    private func update(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operationName = "ChannelBatchUpdate"
        try ServerSideOnly.channelBatch.require(context, operation: operationName)
        var request = request
        let body = try await request.jsonObject(operation: operationName, handling: ["operation", "filter", "members", "data"])
        guard let operation = body["operation"]?.stringValue.flatMap(Operation.init(rawValue:)) else {
            throw StreamAPIError.input(
                operationName,
                "operation must be one of \(Operation.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
        let channels = try selected(body["filter"], operation: operationName)
        let members = body["members"]?.arrayValue ?? []
        let users = members.compactMap { $0.objectValue?["user_id"]?.stringValue ?? $0.stringValue }
        if operation == .updateData {
            guard body["data"]?.objectValue != nil else { throw StreamAPIError.input(operationName, "updateData needs data") }
        } else {
            guard !users.isEmpty, users.count == members.count else {
                throw StreamAPIError.input(operationName, "\(operation.rawValue) needs members: [{\"user_id\": …}, …]")
            }
        }
        let change = try updateBody(operation, members: members, data: body["data"]?.objectValue, operation: operationName)
        var result = JSONObject()
        for channel in channels {
            do {
                try await apply(operation, change, users: users, to: channel, context, operationName)
                result.appendUnique(channel.cid, ["status": "ok"])
            } catch let error as StreamAPIError {
                result.appendUnique(channel.cid, ["status": "error", "error": .string(error.message)])
            }
        }
        let failed = !result.isEmpty && result.members.allSatisfy { $0.value.objectValue?["status"] != "ok" }
        return try BatchTask.answer(result, failed: failed, echo: false, store: store, context: context)
    }

    /// The channels of `filter`: `cids` and / or `types`, each a value, a list, `$eq` or `$in`.
    private func selected(_ filter: JSONValue?, operation: String) throws -> [Channel] {
        guard let filter = filter?.objectValue else { throw StreamAPIError.input(operation, "filter is required") }
        var cids: [String]?
        var types: [String]?
        for condition in filter.members where condition.value != .null {
            let values =
                try condition.value.arrayValue.map { $0.compactMap(\.stringValue) }
                ?? QueryFilter.values(condition.value, field: condition.key, operation: operation)
            switch condition.key {
            case "cids": cids = values
            case "types": types = values
            default:
                throw StreamAPIError.input(operation, "filter.\(condition.key) is not supported by the local server (cids and types are)")
            }
        }
        guard cids != nil || types != nil else { throw StreamAPIError.input(operation, "filter needs cids or types") }
        return try store.queryChannels(
            cids: cids,
            types: types,
            memberOf: nil,
            frozen: nil,
            order: .created,
            ascending: true,
            limit: .max,
            offset: 0
        )
    }

    /// The channel update body an operation is, where it is one (`updateData` a partial `set`).
    private func updateBody(_ op: Operation, members: [JSONValue], data: JSONObject?, operation: String) throws -> JSONObject? {
        if let key = op.updateKey { return [key: .array(members)] }
        guard op == .updateData, let data else { return nil }
        var set = JSONObject()
        for field in data.members where field.value != .null {
            guard Self.dataKeys.contains(field.key) else {
                throw StreamAPIError.input(operation, "data.\(field.key) is not supported by the local server")
            }
            if field.key == "custom" {
                guard let custom = field.value.objectValue else { throw StreamAPIError.input(operation, "data.custom must be an object") }
                for item in custom.members { set[item.key] = item.value }
            } else {
                set[field.key] = field.value
            }
        }
        return ["set": .object(set)]
    }

    private func apply(
        _ op: Operation,
        _ change: JSONObject?,
        users: [String],
        to channel: Channel,
        _ context: ServerContext,
        _ operation: String
    ) async throws {
        if let change {
            _ = try await ChannelUpdateRoutes(store: store, hub: hub).apply(
                change,
                to: channel,
                actor: channel.createdBy,
                partial: op == .updateData,
                context: context,
                operation: operation
            )
            return
        }
        // Members' own settings: all of them are members, or nothing changes in this channel.
        for user in users where try store.member(cid: channel.cid, userID: user) == nil {
            throw StreamAPIError.input(operation, "user \(user) is not a member of channel \(channel.cid)")
        }
        for user in users {
            switch op {
            case .hide, .show:
                try await ReadStateRoutes(store: store, hub: hub).setHidden(op == .hide, channel, for: user, operation: operation)
            default:
                _ = try store.setArchived(op == .archive, cid: channel.cid, userID: user)
                _ = try await MemberRoutes(store: store, hub: hub).publishUpdated(user, in: channel)
            }
        }
    }
}
