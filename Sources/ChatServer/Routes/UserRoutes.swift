import ChatImport
import ChatModel
import ChatStore
import Hummingbird

/// `POST /users` (upsert), `PATCH /users` (partial update), `GET /users` (query) and
/// `DELETE /users/{id}`, as `upsert_users`, `update_users_partial`, `query_users` and `delete_user` call them.
struct UserRoutes {
    let store: ChatStore
    let hub: EventHub
    static let maxUsersPerUpsert = 100

    func add(to router: Router<ServerContext>) {
        router.post("users") { request, context in try await upsert(request, context) }
        router.get("users") { request, context in try await query(request, context) }
        router.patch("users") { request, context in try await updatePartial(request, context) }
        router.delete("users/:id") { request, context in try await delete(request, context) }
    }

    private func upsert(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "UpdateUsers"
        var request = request
        let body = try await request.jsonObject(operation: operation)
        guard case .object(let byID)? = body["users"] else {
            throw StreamAPIError.input(operation, "users is a required field (an object keyed by user id)")
        }
        guard byID.count <= Self.maxUsersPerUpsert else {
            throw StreamAPIError.input(operation, "at most \(Self.maxUsersPerUpsert) users per request")
        }
        var users: [User] = []
        for member in byID.members {
            guard case .object(var data) = member.value else {
                throw StreamAPIError.input(operation, "users.\(member.key) must be an object")
            }
            if data["id"] == nil { data["id"] = .string(member.key) }
            let (user, errors) = ItemRules.user(data)
            if let first = errors.first { throw StreamAPIError.rule(operation, first) }
            guard let user else { throw StreamAPIError.input(operation, "users.\(member.key) is not a valid user") }
            guard user.id == member.key else { throw StreamAPIError.input(operation, "users.\(member.key) has id \(user.id)") }
            users.append(user)
        }
        try UserAccess.requireOwn(users, context, operation: operation, changing: UserAccess.upsertIsPrivileged)
        return try answer(try store.upsert(users: users), context)
    }

    /// The users as stored, keyed by id.
    private func answer(_ users: [User], _ context: ServerContext) throws -> Response {
        let bans = try UserJSON.appBans(store: store)
        var out = JSONObject()
        for user in users { out.appendUnique(user.id, UserJSON.json(user, ban: bans[user.id])) }
        return JSONResponse.ok(["users": .object(out)], status: .created, context: context)
    }

    /// `{"users": [{"id", "set", "unset"}]}`: each user's editable fields with the changes
    /// applied, checked by the same rules as an upsert; all or nothing.
    private func updatePartial(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "UpdateUsersPartial"
        var request = request
        let body = try await request.jsonObject(operation: operation)
        guard let updates = body["users"]?.arrayValue, !updates.isEmpty else {
            throw StreamAPIError.input(operation, "users is a required list of {id, set, unset}")
        }
        guard updates.count <= Self.maxUsersPerUpsert else {
            throw StreamAPIError.input(operation, "at most \(Self.maxUsersPerUpsert) users per request")
        }
        var users: [User] = []
        var privileged: Set<String> = []
        for update in updates {
            guard let update = update.objectValue, let id = update["id"]?.stringValue else {
                throw StreamAPIError.input(operation, "each update needs an id")
            }
            let change = try PartialUpdate(update, operation: operation)
            if change.set["revoke_tokens_issued_before"] != nil {
                throw StreamAPIError.input(operation, "revoking tokens is not supported by the local server")
            }
            guard let existing = try store.user(id: id) else { throw StreamAPIError.notFound(operation, "user \(id) doesn't exist") }
            var data = change.applied(to: Self.editable(existing))
            data["id"] = .string(id)
            let (parsed, errors) = ItemRules.user(data)
            if let first = errors.first { throw StreamAPIError.rule(operation, first) }
            guard let user = parsed else { throw StreamAPIError.input(operation, "user \(id) is not valid") }
            if UserAccess.partialIsPrivileged(change) { privileged.insert(id) }
            users.append(user)
        }
        try UserAccess.requireOwn(users, context, operation: operation, changing: { privileged.contains($0.id) })
        return try answer(try store.replaceEditable(of: users), context)
    }

    /// The fields of a stored user a partial update may change, as the import item names them.
    private static func editable(_ user: User) -> JSONObject {
        var o = user.custom
        if let role = user.role { o["role"] = .string(role) }
        if let invisible = user.invisible { o["invisible"] = .bool(invisible) }
        if let language = user.language { o["language"] = .string(language) }
        if let teams = user.teams { o["teams"] = .array(teams.map(JSONValue.string)) }
        if let teamsRole = user.teamsRole { o["teams_role"] = .object(teamsRole) }
        if let push = user.pushPreferences { o["push_preferences"] = .object(push) }
        if let privacy = user.privacySettings { o["privacy_settings"] = .object(privacy) }
        return o
    }

    /// `delete_user`: soft by default; `hard_delete=true` removes the user; `mark_messages_deleted=true`
    /// deletes their messages too (hard with a hard delete). Server tokens only.
    private func delete(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "DeleteUser"
        try ServerSideOnly.userDeletion.require(context, operation: operation)
        let id = context.parameters.get("id") ?? ""
        let query = request.uri.queryParameters
        func flag(_ name: String) throws -> Bool {
            guard let value = query.get(name) else { return false }
            switch value.lowercased() {
            case "true", "1": return true
            case "false", "0": return false
            default: throw StreamAPIError.input(operation, "\(name) must be true or false")
            }
        }
        let hard = try flag("hard_delete")
        guard try !flag("delete_conversation_channels") else {
            throw StreamAPIError.input(operation, "delete_conversation_channels is not supported by the local server")
        }
        let messages: ChatStore.AuthoredMessages = try flag("mark_messages_deleted") ? (hard ? .hardDelete : .softDelete) : .keep
        guard let user = try store.deleteUser(id: id, hard: hard, messages: messages, at: .now()) else {
            throw StreamAPIError.notFound(operation, "user \(id) doesn't exist")
        }
        return JSONResponse.ok(["user": UserJSON.json(user)], context: context)
    }

    /// Payload keys of `query_users` the local server acts on; `client_id` only names the caller.
    static let queryKeys: Set<String> = [
        "filter_conditions", "sort", "limit", "offset", "include_deactivated_users", "presence", "user_id", "client_id",
        "connection_id",
    ]

    /// `query_users`: any built-in or custom field through `RecordFilter` (`online` as the event
    /// hub knows it), sorted by any field, a page at a time; deactivated users only when asked
    /// for, as in Stream. With `presence: true` the caller's connection (`connection_id`, in the
    /// payload or the query) gets `user.presence.changed` for the users answered.
    private func query(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "QueryUsers"
        let payload = try request.jsonQuery("payload", operation: operation)
        try payload.requireHandled(Self.queryKeys, operation: operation)
        let conditions = payload["filter_conditions"]?.objectValue ?? JSONObject()
        let filter = try RecordFilter(conditions, operation: operation)
        let sort = try RecordSort(payload["sort"], default: "created_at", operation: operation)
        let limit = min(max(payload["limit"]?.intValue ?? 100, 0), 100)
        let offset = max(payload["offset"]?.intValue ?? 0, 0)
        guard offset <= 1000 else { throw StreamAPIError.input(operation, "offset must be at most 1000") }
        let deactivated = payload["include_deactivated_users"]?.boolValue ?? false
        let candidates = try store.users(ids: RecordFilter.equalityValues(conditions, field: "id"))
            .filter { deactivated || $0.deactivatedAt == nil }
        let online = await hub.online(candidates.map(\.id))
        let bans = try UserJSON.appBans(store: store)
        let users = candidates.compactMap { user in
            UserJSON.json(user, ban: bans[user.id]).objectValue?.merging(["online": .bool(online.contains(user.id))])
        }
        .filter(filter.matches)
        let page = Array(sort.sorted(users, tiebreak: "id").dropFirst(offset).prefix(limit))
        if payload["presence"]?.boolValue == true {
            let connection = payload["connection_id"]?.stringValue ?? request.connectionID
            await hub.watchPresence(connection, users: page.compactMap { $0["id"]?.stringValue }, as: context.actor)
        }
        return JSONResponse.ok(["users": .array(page.map(JSONValue.object))], context: context)
    }
}
