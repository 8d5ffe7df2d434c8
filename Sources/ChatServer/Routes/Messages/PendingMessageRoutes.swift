import ChatModel
import ChatStore
import Hummingbird

/// Pending messages (`send_message(..., pending=True, pending_message_metadata=...)`): stored,
/// seen by their author only, until `commit_message` (`POST /messages/{id}/commit`) makes them
/// ordinary and tells the channel with `message.new`. They cannot be updated, and a delete must
/// be hard, as in Stream. Stream deletes the uncommitted after a hook's `timeout_ms`; with no
/// hooks here, they stay until committed or deleted.
struct PendingMessageRoutes {
    let store: ChatStore
    let hub: EventHub

    func add(to router: Router<ServerContext>) {
        router.post("messages/:id/commit") { _, context in try await commit(context) }
    }

    /// A send's pending metadata: nil for an ordinary send, the (possibly empty) string map
    /// with `pending: true`, which only a server call may ask for.
    static func metadata(of body: JSONObject, _ context: ServerContext, operation: String) throws -> [String: String]? {
        let metadata = body["pending_message_metadata"] ?? .null
        guard let pending = body["pending"], pending != .null, pending != false else {
            if metadata != .null { throw StreamAPIError.input(operation, "pending_message_metadata needs pending: true") }
            return nil
        }
        guard pending == true else { throw StreamAPIError.input(operation, "pending must be a boolean") }
        try ServerSideOnly.pendingMessages.require(context, operation: operation)
        guard metadata != .null else { return [:] }
        guard let fields = metadata.objectValue else {
            throw StreamAPIError.input(operation, "pending_message_metadata must be an object of strings")
        }
        var strings: [String: String] = [:]
        for (key, value) in fields.members.map({ ($0.key, $0.value) }) {
            guard let text = value.stringValue else {
                throw StreamAPIError.input(operation, "pending_message_metadata.\(key) must be a string")
            }
            strings[key] = text
        }
        return strings
    }

    static func json(_ metadata: [String: String]) -> JSONValue {
        .object(JSONObject(metadata.sorted { $0.key < $1.key }.map { JSONObject.Member(key: $0.key, value: .string($0.value)) }))
    }

    /// Refuses to update a pending message, as Stream does.
    static func refuseUpdate(of messageID: String, store: ChatStore, operation: String) throws {
        if try store.pendingMetadata(messageID: messageID) != nil {
            throw StreamAPIError.input(operation, "pending messages cannot be updated")
        }
    }

    /// `commit_message`: server-side only; only the first commit of a pending message succeeds.
    private func commit(_ context: ServerContext) async throws -> Response {
        let operation = "CommitMessage"
        try ServerSideOnly.pendingMessages.require(context, operation: operation)
        let id = context.parameters.get("id") ?? ""
        switch try store.commitPending(messageID: id) {
        case .notFound: throw StreamAPIError.notFound(operation, "Can't find message with id \(id)")
        case .notPending: throw StreamAPIError.input(operation, "message \(id) is not pending")
        case .committed: break
        }
        guard let row = try store.message(id: id, viewer: ""), let channel = try store.channel(cid: row.message.cid) else {
            throw StreamAPIError.notFound(operation, "Can't find message with id \(id)")
        }
        let shadowed = try store.isShadowed(messageID: id)
        let json = try await NewMessages(store: store, hub: hub).announce(
            row.message,
            in: channel,
            sender: row.message.userID,
            authorOnly: shadowed
        )
        return JSONResponse.ok(["message": json], status: .created, context: context)
    }
}
