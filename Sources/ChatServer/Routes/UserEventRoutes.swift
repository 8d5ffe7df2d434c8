import ChatModel
import ChatStore
import Hummingbird

/// `send_user_custom_event` (`POST /users/{id}/event`): a custom event to every connection of
/// one user. Server tokens only; the type is the sender's own (no dot: Stream's own types have
/// one), and the user must exist.
struct UserEventRoutes {
    let store: ChatStore
    let hub: EventHub

    func add(to router: Router<ServerContext>) {
        router.post("users/:id/event") { request, context in try await send(request, context) }
    }

    private func send(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "SendUserCustomEvent"
        try ServerSideOnly.userEvents.require(context, operation: operation)
        var request = request
        let body = try await request.jsonObject(operation: operation)
        let id = context.parameters.get("id") ?? ""
        guard var event = body["event"]?.objectValue, let type = event["type"]?.stringValue, !type.isEmpty else {
            throw StreamAPIError.input(operation, "event.type is required")
        }
        guard !type.contains(".") else {
            throw StreamAPIError.input(operation, "event type \(type) is reserved: a custom event's type has no dot")
        }
        guard let user = try store.user(id: id) else { throw StreamAPIError.notFound(operation, "user \(id) doesn't exist") }
        event["user"] = UserJSON.json(user)
        event["created_at"] = .string(Timestamp.now().rfc3339)
        await hub.publish(event, toUser: id)
        return JSONResponse.ok([:], status: .created, context: context)
    }
}
