import ChatModel
import ChatStore
import Hummingbird

/// `block_user`, `unblock_user` and `get_blocked_users`. A user token blocks for itself; the
/// list shows on the user as `blocked_user_ids`. Stream sends no events for blocks.
struct BlockRoutes {
    let store: ChatStore

    func add(to router: Router<ServerContext>) {
        router.post("users/block") { request, context in try await change(request, context, blocking: true) }
        router.post("users/unblock") { request, context in try await change(request, context, blocking: false) }
        router.get("users/block") { request, context in try list(request, context) }
    }

    private func change(_ request: Request, _ context: ServerContext, blocking: Bool) async throws -> Response {
        let operation = blocking ? "BlockUsers" : "UnblockUsers"
        var request = request
        let body = try await request.jsonObject(operation: operation, handling: ["blocked_user_id", "user_id", "user"])
        let user = try ActingUser.resolve(context, claimed: ActingUser.claimed(in: body), operation: operation)
        guard let blocked = body["blocked_user_id"]?.stringValue, !blocked.isEmpty else {
            throw StreamAPIError.input(operation, "blocked_user_id is a required field")
        }
        guard blocked != user else { throw StreamAPIError.input(operation, "a user cannot block themselves") }
        for id in [user, blocked] {
            guard try store.user(id: id) != nil else { throw StreamAPIError.notFound(operation, "user \(id) doesn't exist") }
        }
        guard blocking else {
            _ = try store.unblock(userID: user, blocked: blocked)
            return JSONResponse.ok([:], status: .created, context: context)
        }
        let block = try store.block(userID: user, blocked: blocked, at: .now())
        return JSONResponse.ok(
            [
                "blocked_by_user_id": .string(user), "blocked_user_id": .string(blocked),
                "created_at": block.createdAt.map { .string($0.rfc3339) } ?? .null,
            ],
            status: .created,
            context: context
        )
    }

    private func list(_ request: Request, _ context: ServerContext) throws -> Response {
        let operation = "GetBlockedUsers"
        let claimed = request.uri.queryParameters.get("user_id").map { String($0) }
        let user = try ActingUser.resolve(context, claimed: claimed, operation: operation)
        guard let blocker = try store.user(id: user) else { throw StreamAPIError.notFound(operation, "user \(user) doesn't exist") }
        let blocks: [JSONValue] = try store.blocks(of: user).map { block in
            [
                "user_id": .string(user), "user": UserJSON.json(blocker), "blocked_user_id": .string(block.blockedUserID),
                "blocked_user": UserJSON.json(try store.user(id: block.blockedUserID) ?? User(id: block.blockedUserID)),
                // An imported block has no time: Stream's import format does not carry one.
                "created_at": block.createdAt.map { .string($0.rfc3339) } ?? .null,
            ]
        }
        return JSONResponse.ok(["blocks": .array(blocks)], context: context)
    }
}
