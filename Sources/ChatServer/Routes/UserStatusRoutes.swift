import ChatModel
import ChatStore
import Hummingbird

/// `deactivate_user`, `reactivate_user` and `restore_users`: server-side only, as in Stream.
/// A deactivated user keeps their history and shows in user queries but cannot connect;
/// their own connections hear `user.deactivated` / `user.reactivated`.
struct UserStatusRoutes {
    let store: ChatStore
    let hub: EventHub

    func add(to router: Router<ServerContext>) {
        router.post("users/:id/deactivate") { request, context in try await deactivate(request, context) }
        router.post("users/:id/reactivate") { request, context in try await reactivate(request, context) }
        router.post("users/restore") { request, context in try await restore(request, context) }
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
}
