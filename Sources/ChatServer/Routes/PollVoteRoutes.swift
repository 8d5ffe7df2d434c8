import ChatModel
import ChatStore
import Foundation
import HTTPTypes
import Hummingbird

/// Voting on a poll a message carries (`POST /messages/{id}/polls/{poll_id}/vote`, with an
/// option or an answer), removing a vote, and the two queries (`POST /polls/query`,
/// `POST /polls/{poll_id}/votes`). A vote needs the write grant in the message's channel, whose
/// type must have polls on; the poll's rules (closed, unique vote, the cap, answers) are the
/// store's, checked in the same transaction as the write.
struct PollVoteRoutes {
    let store: ChatStore
    let hub: EventHub

    func add(to router: Router<ServerContext>) {
        router.post("messages/:id/polls/:poll_id/vote") { request, context in try await vote(request, context) }
        router.delete("messages/:id/polls/:poll_id/vote/:vote_id") { request, context in try await removeVote(request, context) }
        router.post("polls/query") { request, context in try await queryPolls(request, context) }
        router.post("polls/:poll_id/votes") { request, context in try await queryVotes(request, context) }
    }

    /// The poll of the path, carried by the path's message, in a channel where `user` may vote.
    private func votable(_ context: ServerContext, user: String, operation: String) throws -> Poll {
        let messageID = context.parameters.get("id") ?? ""
        let poll = try PollAccess(store: store).poll(context, operation: operation)
        guard let row = try store.message(id: messageID, viewer: user) else {
            throw StreamAPIError.notFound(operation, "message \(messageID) doesn't exist")
        }
        guard try store.pollID(ofMessage: messageID) == poll.id else {
            throw StreamAPIError.input(operation, "poll \(poll.id) is not attached to message \(messageID)")
        }
        guard let channel = try store.channel(cid: row.message.cid) else {
            throw StreamAPIError.notFound(operation, "Can't find channel \(row.message.cid)")
        }
        try ChannelAccess(store: store, actor: context.actor).require(.write, channel, operation: operation)
        try store.channelConfig(for: channel).require(.polls, operation: operation)
        return poll
    }

    private func vote(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "CastPollVote"
        var request = request
        let body = try await request.jsonObject(operation: operation)
        let user = try ActingUser.resolve(context, claimed: ActingUser.claimed(in: body), operation: operation)
        let poll = try votable(context, user: user, operation: operation)
        guard let given = body["vote"]?.objectValue else { throw StreamAPIError.input(operation, "vote is a required field") }
        let option = given["option_id"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        let text = given["answer_text"]?.stringValue
        guard (option == nil) != (text == nil) else {
            throw StreamAPIError.input(operation, "vote takes option_id or answer_text, one of them")
        }
        if let text, text.trimmingCharacters(in: .whitespaces).isEmpty {
            throw StreamAPIError.input(operation, "answer_text must not be empty")
        }
        let vote = PollVote(id: UUID().uuidString.lowercased(), pollID: poll.id, optionID: option, answerText: text, userID: user)
        let cast: CastVote
        do { cast = try store.cast(vote: vote, at: .now()) } catch let error as PollRuleError {
            throw StreamAPIError.input(operation, error.reason)
        }
        if cast.changed {
            let type = cast.replaced.isEmpty ? "poll.vote_casted" : "poll.vote_changed"
            try await PollEvents(store: store, hub: hub).tell(type, poll: poll, vote: cast.vote, by: user)
        }
        return try answer(cast.vote, poll: poll, viewer: user, status: .created, context)
    }

    private func removeVote(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "DeletePollVote"
        let claimed = request.uri.queryParameters.get("user_id").map { String($0) }
        let user = try ActingUser.resolve(context, claimed: claimed, operation: operation)
        let poll = try votable(context, user: user, operation: operation)
        let id = context.parameters.get("vote_id") ?? ""
        guard let vote = try store.votes(pollID: poll.id).first(where: { $0.id == id }) else {
            throw StreamAPIError.notFound(operation, "vote \(id) doesn't exist in poll \(poll.id)")
        }
        if case .user(let me)? = context.actor, vote.userID != me {
            throw StreamAPIError.notAllowed(operation, "user \(me) may only remove their own votes")
        }
        if poll.isClosed { throw StreamAPIError.input(operation, "poll \(poll.id) is closed for voting") }
        guard let removed = try store.removeVote(id: id, ofPoll: poll.id) else {
            throw StreamAPIError.notFound(operation, "vote \(id) doesn't exist in poll \(poll.id)")
        }
        try await PollEvents(store: store, hub: hub).tell("poll.vote_removed", poll: poll, vote: removed, by: user)
        return try answer(removed, poll: poll, viewer: user, status: .ok, context)
    }

    /// Polls the filter selects (as the API shows them to the reader), newest first unless sorted.
    private func queryPolls(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "QueryPolls"
        var request = request
        let body = try await request.jsonObject(
            operation: operation,
            handling: ["filter", "sort", "limit", "next", "prev", "user_id", "user"]
        )
        let viewer = try reader(request, body, context, operation: operation)
        let json = PollJSON(store: store)
        let records = try store.polls().map { poll -> JSONObject in
            var o = try json.poll(poll, viewer: viewer)
            o["poll_id"] = .string(poll.id)
            return o
        }
        return try page(records, body: body, name: "polls", tiebreak: "id", context, operation: operation) { o in
            var o = o
            o["poll_id"] = nil
            return o
        }
    }

    /// A poll's votes and answers the filter selects, newest first unless sorted.
    private func queryVotes(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "QueryPollVotes"
        var request = request
        let body = try await request.jsonObject(
            operation: operation,
            handling: ["filter", "sort", "limit", "next", "prev", "user_id", "user"]
        )
        let viewer = try reader(request, body, context, operation: operation)
        let poll = try PollAccess(store: store).poll(context, operation: operation)
        let json = PollJSON(store: store)
        let records = try store.votes(pollID: poll.id).map { try json.vote($0, in: poll, viewer: viewer) }
        return try page(records, body: body, name: "votes", tiebreak: "id", context, operation: operation) { $0 }
    }

    /// The user a query reads for: `?user_id=` (as Stream's clients send it) or the body's.
    private func reader(_ request: Request, _ body: JSONObject, _ context: ServerContext, operation: String) throws -> String {
        let claimed = request.uri.queryParameters.get("user_id").map { String($0) } ?? ActingUser.claimed(in: body)
        if case .user? = context.actor { return try ActingUser.resolve(context, claimed: claimed, operation: operation) }
        return claimed ?? ""
    }

    private func page(
        _ records: [JSONObject],
        body: JSONObject,
        name: String,
        tiebreak: String,
        _ context: ServerContext,
        operation: String,
        shown: (JSONObject) -> JSONObject
    ) throws -> Response {
        let filter = try RecordFilter(body["filter"]?.objectValue ?? JSONObject(), operation: operation)
        let sort = body["sort"]?.arrayValue?.isEmpty == false ? body["sort"] : [["field": "created_at", "direction": -1]]
        let order = try RecordSort(sort, default: "created_at", operation: operation)
        if let limit = body["limit"], limit != .null, limit.intValue.map({ (0...100).contains($0) }) != true {
            throw StreamAPIError.input(operation, "limit must be a number from 0 to 100")
        }
        let limit = max(body["limit"]?.intValue ?? 25, 1)
        let cursor = OffsetCursor(query: name)
        let offset = try cursor.offset(body["next"] ?? body["prev"], operation: operation)
        let selected = records.filter(filter.matches)
        let page = order.sorted(selected, tiebreak: tiebreak).dropFirst(offset).prefix(limit)
        let answer = cursor.links(offset: offset, limit: limit, more: selected.count > offset + limit)
            .merging([name: .array(page.map { .object(shown($0)) })])
        return JSONResponse.ok(answer, status: .created, context: context)
    }

    private func answer(
        _ vote: PollVote,
        poll: Poll,
        viewer: String,
        status: HTTPResponse.Status,
        _ context: ServerContext
    ) throws -> Response {
        let json = PollJSON(store: store)
        let current = try store.poll(id: poll.id) ?? poll
        return JSONResponse.ok(
            ["vote": .object(try json.vote(vote, in: poll, viewer: viewer)), "poll": .object(try json.poll(current, viewer: viewer))],
            status: status,
            context: context
        )
    }
}
