import ChatModel
import ChatStore
import Foundation
import Hummingbird

/// Stream's asynchronous batch deletes, `delete_channels` (`POST /channels/delete`) and
/// `delete_users` (`POST /users/delete`), each answering a `task_id`, and `get_task`
/// (`GET /tasks/{id}`): each item's outcome is in the task's `result` (see `BatchTask`).
struct BatchDeleteRoutes {
    let store: ChatStore
    let hub: EventHub

    func add(to router: Router<ServerContext>) {
        router.post("channels/delete") { request, context in try await deleteChannels(request, context) }
        router.post("users/delete") { request, context in try await deleteUsers(request, context) }
        router.get("tasks/:id") { _, context in try task(context) }
    }

    /// The outcome of each item (`{"status": "ok"}` or `{"status": "error", "error": …}`) as a
    /// completed task, or a failed one when no item succeeded.
    private func finish(_ result: JSONObject, _ context: ServerContext) throws -> Response {
        let failed = result.members.allSatisfy { $0.value.objectValue?["status"] != "ok" }
        return try BatchTask.answer(result, failed: failed, echo: true, store: store, context: context)
    }

    private static func failure(_ reason: String) -> JSONValue { ["status": "error", "error": .string(reason)] }

    /// Channels the caller may delete (a server token any), each as `channel.delete` does.
    private func deleteChannels(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "DeleteChannels"
        var request = request
        let body = try await request.jsonObject(operation: operation)
        try body.requireHandled(["cids", "hard_delete"], operation: operation)
        let cids = try BatchTask.ids(body, "cids", operation: operation)
        var result = JSONObject()
        for cid in cids {
            guard let channel = try store.channel(cid: cid) else {
                result.appendUnique(cid, Self.failure("Can't find channel with id \(cid)"))
                continue
            }
            do {
                try ChannelAccess(store: store, actor: context.actor).requireChange(channel, operation: operation)
            } catch let error as StreamAPIError {
                result.appendUnique(cid, Self.failure(error.message))
                continue
            }
            let actor = ActingUser.viewer(context).isEmpty ? channel.createdBy : ActingUser.viewer(context)
            _ = try await ChannelDeletion(store: store, hub: hub).delete(channel, by: actor)
            result.appendUnique(cid, ["status": "ok"])
        }
        return try finish(result, context)
    }

    /// Users deleted as `delete_user` does, with Stream's batch modes: `user` soft | hard,
    /// `messages` soft | hard, `conversations` soft | hard (the user's channels without an id go),
    /// and `new_channel_owner_id` for the channels a hard-deleted user created. Server tokens only.
    private func deleteUsers(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "DeleteUsers"
        try ServerSideOnly.userDeletion.require(context, operation: operation)
        var request = request
        let body = try await request.jsonObject(operation: operation)
        let known: Set<String> = ["user_ids", "user", "messages", "conversations", "new_channel_owner_id"]
        try body.requireHandled(known, operation: operation)
        let userIDs = try BatchTask.ids(body, "user_ids", operation: operation)
        func mode(_ key: String, _ allowed: Set<String>) throws -> String? {
            guard let value = body[key], value != .null else { return nil }
            guard let text = value.stringValue, allowed.contains(text) else {
                throw StreamAPIError.input(
                    operation,
                    "\(key) must be one of \(allowed.sorted().joined(separator: ", ")) (pruning is not supported by the local server)"
                )
            }
            return text
        }
        let user = try mode("user", ["soft", "hard"]) ?? "soft"
        let messages = try mode("messages", ["soft", "hard"])
        let conversations = try mode("conversations", ["soft", "hard"])
        if user == "hard", messages != "hard" || conversations != "hard" {
            throw StreamAPIError.input(operation, "a hard user delete needs messages and conversations set to hard as well")
        }
        let newOwner = body["new_channel_owner_id"]?.stringValue
        if let newOwner, try store.user(id: newOwner) == nil || userIDs.contains(newOwner) {
            throw StreamAPIError.input(operation, "new_channel_owner_id must name an existing user who is not deleted")
        }
        let authored: ChatStore.AuthoredMessages = messages == "hard" ? .hardDelete : messages == "soft" ? .softDelete : .keep
        var result = JSONObject()
        for id in userIDs {
            guard try store.user(id: id) != nil else {
                result.appendUnique(id, Self.failure("user \(id) doesn't exist"))
                continue
            }
            if conversations != nil {
                for cid in try store.conversations(of: id) {
                    guard let channel = try store.channel(cid: cid) else { continue }
                    _ = try await ChannelDeletion(store: store, hub: hub).delete(channel, by: id)
                }
            }
            if user == "hard" {
                // Stream gives a hard-deleted user's channels to the new owner, else to a made-up id.
                try store.transferChannels(from: id, to: newOwner ?? "delete-user-" + String(UUID().uuidString.lowercased().prefix(15)))
            }
            guard let deleted = try store.deleteUser(id: id, hard: user == "hard", messages: authored, at: .now()) else { continue }
            let event: JSONObject = [
                "type": "user.deleted", "user": UserJSON.json(deleted), "hard_delete": .bool(user == "hard"),
                "mark_messages_deleted": .bool(messages != nil), "delete_conversation_channels": .bool(conversations != nil),
                "delete_user": .string(user), "delete_messages": .string(messages ?? ""),
                "delete_conversation": .string(conversations ?? ""), "created_at": .string(Timestamp.now().rfc3339),
            ]
            await hub.publish(event, toUser: id)
            result.appendUnique(id, ["status": "ok"])
        }
        return try finish(result, context)
    }

    private func task(_ context: ServerContext) throws -> Response {
        let operation = "GetTask"
        let id = context.parameters.get("id") ?? ""
        guard let task = try store.task(id: id) else { throw StreamAPIError.notFound(operation, "Can't find task with id \(id)") }
        return JSONResponse.ok(
            [
                "task_id": .string(task.id), "status": .string(task.status), "created_at": .string(task.createdAt.rfc3339),
                "updated_at": .string(task.updatedAt.rfc3339), "result": .object(task.result),
            ],
            context: context
        )
    }
}
