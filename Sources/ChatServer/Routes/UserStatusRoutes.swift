import ChatModel
import ChatStore
import Hummingbird

/// `deactivate_user`, `reactivate_user`, their batch forms (`deactivate_users`,
/// `POST /users/reactivate`, answering a `task_id`) and `restore_users`: server-side only, as in
/// Stream. A deactivated user keeps their history and shows in user queries but cannot connect;
/// their own connections hear `user.deactivated` / `user.reactivated`.
struct UserStatusRoutes {
    let store: ChatStore
    let hub: EventHub

    func add(to router: Router<ServerContext>) {
        router.post("users/:id/deactivate") { request, context in try await deactivate(request, context) }
        router.post("users/:id/reactivate") { request, context in try await reactivate(request, context) }
        router.post("users/restore") { request, context in try await restore(request, context) }
        router.post("users/deactivate") { request, context in try await deactivateMany(request, context) }
        router.post("users/reactivate") { request, context in try await reactivateMany(request, context) }
    }

    private static func flag(_ body: JSONObject, _ key: String, operation: String) throws -> Bool {
        guard let value = body[key], value != .null else { return false }
        guard let flag = value.boolValue else { throw StreamAPIError.input(operation, "\(key) must be true or false") }
        return flag
    }

    private func deactivate(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "DeactivateUser"
        try ServerSideOnly.userStatus.require(context, operation: operation)
        var request = request
        let body = try await request.jsonObject(operation: operation, handling: ["mark_messages_deleted", "created_by_id"])
        let id = context.parameters.get("id") ?? ""
        let marking = try Self.flag(body, "mark_messages_deleted", operation: operation)
        guard let user = try store.deactivateUser(id: id, markMessagesDeleted: marking, at: .now()) else {
            throw StreamAPIError.notFound(operation, "user \(id) doesn't exist")
        }
        await announce("user.deactivated", user, by: body["created_by_id"]?.stringValue)
        return JSONResponse.ok(["user": UserJSON.json(user)], status: .created, context: context)
    }

    private func reactivate(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "ReactivateUser"
        try ServerSideOnly.userStatus.require(context, operation: operation)
        var request = request
        let body = try await request.jsonObject(operation: operation, handling: ["restore_messages", "name", "created_by_id"])
        let id = context.parameters.get("id") ?? ""
        if let name = body["name"], name != .null, name.stringValue == nil {
            throw StreamAPIError.input(operation, "name must be a string")
        }
        let restoring = try Self.flag(body, "restore_messages", operation: operation)
        switch try store.reactivateUser(id: id, restoreMessages: restoring, name: body["name"]?.stringValue) {
        case .notFound: throw StreamAPIError.notFound(operation, "user \(id) doesn't exist")
        case .notDeactivated: throw StreamAPIError.input(operation, "user \(id) is not deactivated")
        case .reactivated(let user):
            await announce("user.reactivated", user, by: body["created_by_id"]?.stringValue)
            return JSONResponse.ok(["user": UserJSON.json(user)], status: .created, context: context)
        }
    }

    private func announce(_ type: String, _ user: User, by creator: String?) async {
        var event: JSONObject = ["type": .string(type), "created_at": .string(Timestamp.now().rfc3339), "user": UserJSON.json(user)]
        if let creator { event["created_by"] = UserJSON.json((try? store.user(id: creator)).flatMap { $0 } ?? User(id: creator)) }
        await hub.publish(event, toUser: user.id)
    }

    private func restore(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "RestoreUsers"
        try ServerSideOnly.userStatus.require(context, operation: operation)
        var request = request
        let body = try await request.jsonObject(operation: operation, handling: ["user_ids"])
        guard let ids = body["user_ids"]?.arrayValue?.compactMap(\.stringValue), !ids.isEmpty, ids.count <= 100,
            ids.count == body["user_ids"]?.arrayValue?.count
        else { throw StreamAPIError.input(operation, "user_ids must be a list of 1 to 100 user ids") }
        let refused = try store.restoreUsers(ids: ids)
        guard refused.isEmpty else {
            throw StreamAPIError.input(operation, "not soft-deleted users: \(refused.joined(separator: ", "))")
        }
        return JSONResponse.ok([:], status: .created, context: context)
    }

    /// `deactivate_users`: each user as `deactivate_user` does; an unknown id refuses the batch.
    /// `mark_channels_deleted` is refused: the local server has no channel-hiding deactivation.
    private func deactivateMany(_ request: Request, _ context: ServerContext) async throws -> Response {
        try await batch(request, context, operation: "DeactivateUsers", option: "mark_messages_deleted", being: "users") { _ in
            true
        } change: { id, marking in
            guard let user = try store.deactivateUser(id: id, markMessagesDeleted: marking, at: .now()) else { return nil }
            return ("user.deactivated", user)
        }
    }

    /// `POST /users/reactivate`: each user as `reactivate_user` does; every id must be a
    /// deactivated user. `restore_channels` is refused, as `mark_channels_deleted` is.
    private func reactivateMany(_ request: Request, _ context: ServerContext) async throws -> Response {
        try await batch(request, context, operation: "ReactivateUsers", option: "restore_messages", being: "deactivated users") {
            $0.deactivatedAt != nil
        } change: { id, restoring in
            guard case .reactivated(let user) = try store.reactivateUser(id: id, restoreMessages: restoring, name: nil) else { return nil }
            return ("user.reactivated", user)
        }
    }

    /// A batch of `user_ids` (with the one flag `option` and `created_by_id`), all or nothing:
    /// ids that are not users `eligible` accepts refuse it before any user changes. Each user
    /// `change` returns hears its event; the task's result lists them.
    private func batch(
        _ request: Request,
        _ context: ServerContext,
        operation: String,
        option: String,
        being kind: String,
        eligible: (User) -> Bool,
        change: (String, Bool) throws -> (event: String, user: User)?
    ) async throws -> Response {
        try ServerSideOnly.userStatus.require(context, operation: operation)
        var request = request
        let body = try await request.jsonObject(operation: operation, handling: ["user_ids", option, "created_by_id"])
        let ids = try BatchTask.ids(body, "user_ids", operation: operation)
        let flag = try Self.flag(body, option, operation: operation)
        try requireUsers(ids, being: kind, operation: operation, eligible: eligible)
        var users: [JSONValue] = []
        for id in ids {
            guard let (event, user) = try change(id, flag) else { continue }
            await announce(event, user, by: body["created_by_id"]?.stringValue)
            users.append(UserJSON.json(user))
        }
        return try BatchTask.answer(["users": JSONValue.array(users)], failed: false, echo: false, store: store, context: context)
    }

    /// Refuses the batch, naming them, when some ids are not users `eligible` accepts (`kind`).
    private func requireUsers(_ ids: [String], being kind: String, operation: String, eligible: (User) -> Bool) throws {
        let found = Dictionary(try store.users(ids: ids).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let refused = ids.filter { found[$0].map(eligible) != true }
        guard refused.isEmpty else {
            throw StreamAPIError.input(operation, "not \(kind): \(refused.joined(separator: ", "))")
        }
    }
}
