import ChatModel
import ChatStore
import HTTPTypes
import Hummingbird

/// Polls (Stream's Poll API): create (`POST /polls`), get, full update (`PUT /polls`), partial
/// update (`PATCH /polls/{id}`, which also closes one), delete, and options. Any user creates a
/// poll, which is theirs; only its creator (or an app admin or moderator, or a server call)
/// changes it, except that anyone may suggest an option when the poll allows it. Votes are in
/// `PollVoteRoutes`; a message takes a poll when it is sent with `poll_id` (see `MessageSendRoutes`).
struct PollRoutes {
    let store: ChatStore
    let hub: EventHub

    func add(to router: Router<ServerContext>) {
        router.post("polls") { request, context in try await create(request, context) }
        router.put("polls") { request, context in try await update(request, context) }
        router.get("polls/:poll_id") { request, context in try get(request, context) }
        router.patch("polls/:poll_id") { request, context in try await partialUpdate(request, context) }
        router.delete("polls/:poll_id") { request, context in try await delete(request, context) }
        router.post("polls/:poll_id/options") { request, context in try await createOption(request, context) }
        router.put("polls/:poll_id/options") { request, context in try await updateOption(request, context) }
        router.get("polls/:poll_id/options/:option_id") { _, context in try getOption(context) }
        router.delete("polls/:poll_id/options/:option_id") { request, context in try await deleteOption(request, context) }
    }

    private var events: PollEvents { PollEvents(store: store, hub: hub) }

    private func create(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "CreatePoll"
        var request = request
        let body = try await request.jsonObject(operation: operation)
        let user = try ActingUser.resolve(context, claimed: ActingUser.claimed(in: body), operation: operation)
        guard try store.user(id: user) != nil else { throw StreamAPIError.input(operation, "user \(user) doesn't exist") }
        var poll = try PollRequest.poll(body, update: false, operation: operation)
        poll.createdByID = user
        poll.createdAt = .now()
        poll.updatedAt = poll.createdAt
        guard try store.create(poll: poll) else { throw StreamAPIError.input(operation, "poll with id \(poll.id) already exists") }
        return try answer(poll.id, viewer: user, status: .created, context)
    }

    private func get(_ request: Request, _ context: ServerContext) throws -> Response {
        let viewer = try PollAccess.viewer(request, context, operation: "GetPoll")
        _ = try PollAccess(store: store).poll(context, operation: "GetPoll")
        return try answer(context.parameters.get("poll_id") ?? "", viewer: viewer, status: .ok, context)
    }

    private func update(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "UpdatePoll"
        var request = request
        let body = try await request.jsonObject(operation: operation)
        var poll = try PollRequest.poll(body, update: true, operation: operation)
        return try await replace(&poll, body: body, context, operation: operation)
    }

    private func partialUpdate(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "UpdatePollPartial"
        var request = request
        let body = try await request.jsonObject(operation: operation)
        let old = try PollAccess(store: store).poll(context, operation: operation)
        let change = try PartialUpdate(body, operation: operation)
        if change.set["id"] != nil || change.unset.contains("id") { throw StreamAPIError.input(operation, "id cannot be changed") }
        var poll = try PollRequest.poll(change.applied(to: PollRequest.body(old)), update: true, operation: operation)
        return try await replace(&poll, body: body, context, operation: operation)
    }

    /// A full or partial update: by the poll's owner; its creator and creation time stay.
    private func replace(_ poll: inout Poll, body: JSONObject, _ context: ServerContext, operation: String) async throws -> Response {
        let user = try ActingUser.resolve(context, claimed: ActingUser.claimed(in: body), operation: operation)
        guard let old = try store.poll(id: poll.id) else { throw StreamAPIError.notFound(operation, "poll \(poll.id) doesn't exist") }
        try PollAccess(store: store).requireOwner(old, context, operation: operation)
        poll.createdByID = old.createdByID
        poll.createdAt = old.createdAt
        poll.updatedAt = .now()
        guard try store.replace(poll: poll) else { throw StreamAPIError.notFound(operation, "poll \(poll.id) doesn't exist") }
        try await events.changed(from: old, to: poll, by: user)
        return try answer(poll.id, viewer: user, status: operation == "UpdatePoll" ? .created : .ok, context)
    }

    private func delete(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "DeletePoll"
        let user = try PollAccess.viewer(request, context, operation: operation)
        let poll = try PollAccess(store: store).poll(context, operation: operation)
        try PollAccess(store: store).requireOwner(poll, context, operation: operation)
        let carriers = try store.messages(carryingPoll: poll.id)
        guard try store.deletePoll(id: poll.id) != nil else { throw StreamAPIError.notFound(operation, "poll \(poll.id) doesn't exist") }
        try await events.tell("poll.deleted", poll: poll, by: user, messages: carriers)
        return JSONResponse.ok([:], context: context)
    }

    private func createOption(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "CreatePollOption"
        var request = request
        let body = try await request.jsonObject(operation: operation)
        let user = try ActingUser.resolve(context, claimed: ActingUser.claimed(in: body), operation: operation)
        let poll = try PollAccess(store: store).poll(context, operation: operation)
        if !poll.allowUserSuggestedOptions { try PollAccess(store: store).requireOwner(poll, context, operation: operation) }
        let option = try PollRequest.option(.object(body), needsID: false, operation: operation)
        guard try store.add(option: option, toPoll: poll.id, at: .now()) else {
            throw StreamAPIError.input(operation, "option \(option.id) already exists in poll \(poll.id)")
        }
        try await events.tell("poll.updated", poll: try store.poll(id: poll.id) ?? poll, by: user)
        return JSONResponse.ok(["poll_option": .object(PollJSON(store: store).option(option))], status: .created, context: context)
    }

    private func updateOption(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "UpdatePollOption"
        var request = request
        let body = try await request.jsonObject(operation: operation)
        let user = try ActingUser.resolve(context, claimed: ActingUser.claimed(in: body), operation: operation)
        let poll = try PollAccess(store: store).poll(context, operation: operation)
        try PollAccess(store: store).requireOwner(poll, context, operation: operation)
        let option = try PollRequest.option(.object(body), needsID: true, operation: operation)
        guard try store.update(option: option, ofPoll: poll.id, at: .now()) else {
            throw StreamAPIError.notFound(operation, "option \(option.id) doesn't exist in poll \(poll.id)")
        }
        try await events.tell("poll.updated", poll: try store.poll(id: poll.id) ?? poll, by: user)
        return JSONResponse.ok(["poll_option": .object(PollJSON(store: store).option(option))], status: .created, context: context)
    }

    private func getOption(_ context: ServerContext) throws -> Response {
        let poll = try PollAccess(store: store).poll(context, operation: "GetPollOption")
        let id = context.parameters.get("option_id") ?? ""
        guard let option = poll.options.first(where: { $0.id == id }) else {
            throw StreamAPIError.notFound("GetPollOption", "option \(id) doesn't exist in poll \(poll.id)")
        }
        return JSONResponse.ok(["poll_option": .object(PollJSON(store: store).option(option))], context: context)
    }

    private func deleteOption(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "DeletePollOption"
        let user = try PollAccess.viewer(request, context, operation: operation)
        let poll = try PollAccess(store: store).poll(context, operation: operation)
        try PollAccess(store: store).requireOwner(poll, context, operation: operation)
        let id = context.parameters.get("option_id") ?? ""
        guard try store.deleteOption(id: id, ofPoll: poll.id, at: .now()) else {
            throw StreamAPIError.notFound(operation, "option \(id) doesn't exist in poll \(poll.id)")
        }
        try await events.tell("poll.updated", poll: try store.poll(id: poll.id) ?? poll, by: user)
        return JSONResponse.ok([:], context: context)
    }

    private func answer(_ id: String, viewer: String, status: HTTPResponse.Status, _ context: ServerContext) throws -> Response {
        guard let poll = try PollJSON(store: store).poll(id: id, viewer: viewer) else {
            throw StreamAPIError.notFound("GetPoll", "poll \(id) doesn't exist")
        }
        return JSONResponse.ok(["poll": .object(poll)], status: status, context: context)
    }
}
