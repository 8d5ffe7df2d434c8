import ChatImport
import ChatModel
import ChatStore
import Hummingbird

/// `POST /users` (upsert) and `GET /users` (query), as `upsert_users` and `query_users` call them.
struct UserRoutes {
    let store: ChatStore
    static let maxUsersPerUpsert = 100

    func add(to router: Router<ServerContext>) {
        router.post("users") { request, context in try await upsert(request, context) }
        router.get("users") { request, context in try query(request, context) }
    }

    private func upsert(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "UpdateUsers"
        var request = request
        let body = try await request.jsonObject(operation: operation)
        guard case .object(let byID)? = body["users"] else { throw StreamAPIError.input(operation, "users is a required field (an object keyed by user id)") }
        guard byID.count <= Self.maxUsersPerUpsert else { throw StreamAPIError.input(operation, "at most \(Self.maxUsersPerUpsert) users per request") }
        var users: [User] = []
        for member in byID.members {
            guard case .object(var data) = member.value else { throw StreamAPIError.input(operation, "users.\(member.key) must be an object") }
            if data["id"] == nil { data["id"] = .string(member.key) }
            let (user, errors) = ItemRules.user(data)
            if let first = errors.first { throw StreamAPIError.rule(operation, first) }
            guard let user else { throw StreamAPIError.input(operation, "users.\(member.key) is not a valid user") }
            guard user.id == member.key else { throw StreamAPIError.input(operation, "users.\(member.key) has id \(user.id)") }
            users.append(user)
        }
        // A user token may only update its own user, and not its role or teams (server-side only).
        if case .user(let me)? = context.actor {
            guard users.allSatisfy({ $0.id == me }) else { throw StreamAPIError.notAllowed(operation, "user \(me) may only update itself") }
            guard users.allSatisfy({ $0.role == nil && $0.teams == nil }) else { throw StreamAPIError.notAllowed(operation, "role and teams can only be changed server-side") }
        }
        let stored = try store.upsert(users: users)
        var out = JSONObject()
        for user in stored { out.appendUnique(user.id, UserJSON.json(user)) }
        return JSONResponse.ok(["users": .object(out)], status: .created, context: context)
    }

    private func query(_ request: Request, _ context: ServerContext) throws -> Response {
        let operation = "QueryUsers"
        let payload = try request.jsonQuery("payload", operation: operation)
        let filter = payload["filter_conditions"]?.objectValue ?? JSONObject()
        var ids: [String]?
        var role: String?
        for condition in filter.members {
            let values = try QueryFilter.values(condition.value, field: condition.key, operation: operation)
            switch condition.key {
            case "id": ids = values
            case "role":
                guard values.count == 1 else { throw StreamAPIError.input(operation, "role takes one value") }
                role = values[0]
            default: throw StreamAPIError.input(operation, "filtering users by \(condition.key) is not supported by the local server (id and role are)")
            }
        }
        let sort = payload["sort"]?.arrayValue?.first?.objectValue
        let limit = min(max(payload["limit"]?.intValue ?? 100, 0), 100)
        let offset = max(payload["offset"]?.intValue ?? 0, 0)
        guard offset <= 1000 else { throw StreamAPIError.input(operation, "offset must be at most 1000") }
        let users = try store.users(ids: ids, role: role, sortField: sort?["field"]?.stringValue ?? "created_at",
                                    descending: (sort?["direction"]?.intValue ?? 1) < 0, limit: limit, offset: offset)
        return JSONResponse.ok(["users": .array(users.map(UserJSON.json))], context: context)
    }
}
