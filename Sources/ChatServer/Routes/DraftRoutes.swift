import ChatModel
import ChatStore
import Foundation
import Hummingbird

/// Drafts: `create_draft` (`POST /channels/{type}/{id}/draft`), `get_draft` / `delete_draft`
/// (`GET` / `DELETE` the same path with `user_id` and `parent_id`) and `query_drafts`
/// (`POST /drafts/query`). One draft per user and channel, or per thread with `parent_id`; a
/// new one replaces the old. The user's connections hear `draft.updated` / `draft.deleted`.
struct DraftRoutes {
    let store: ChatStore
    let hub: EventHub

    func add(to router: Router<ServerContext>) {
        router.post("channels/:type/:id/draft") { request, context in try await create(request, context) }
        router.get("channels/:type/:id/draft") { request, context in try get(request, context) }
        router.delete("channels/:type/:id/draft") { request, context in try await delete(request, context) }
        router.post("drafts/query") { request, context in try await query(request, context) }
    }

    /// The channel named in the path, readable by the caller: a user token's user, while a server
    /// token passes, as Stream's server-side auth does (a channel's creator need not be a member).
    private func channel(_ context: ServerContext, operation: String) throws -> Channel {
        let type = context.parameters.get("type") ?? ""
        let id = context.parameters.get("id") ?? ""
        guard let channel = try store.channel(cid: ChannelID.cid(type: type, id: id)) else {
            throw StreamAPIError.notFound(operation, "Can't find channel with id \(type):\(id)")
        }
        try ChannelAccess(store: store, actor: context.actor).require(.read, channel, operation: operation)
        return channel
    }

    private func create(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "CreateDraft"
        var request = request
        let body = try await request.jsonObject(operation: operation)
        guard var message = body["message"]?.objectValue else { throw StreamAPIError.input(operation, "message is a required field") }
        let user = try ActingUser.resolve(
            context,
            claimed: ActingUser.claimed(in: message) ?? ActingUser.claimed(in: body),
            operation: operation
        )
        let channel = try channel(context, operation: operation)
        message["user"] = nil
        message["user_id"] = nil
        if let text = message["text"], text.stringValue == nil { throw StreamAPIError.input(operation, "message.text must be a string") }
        let parentID = message["parent_id"]?.stringValue
        if let parentID {
            guard let parent = try store.message(id: parentID, viewer: user), parent.message.cid == channel.cid else {
                throw StreamAPIError.input(operation, "parent message \(parentID) doesn't exist in \(channel.cid)")
            }
        }
        message["id"] = message["id"] ?? .string(UUID().uuidString.lowercased())
        let draft = StoredDraft(userID: user, cid: channel.cid, parentID: parentID, message: message, createdAt: .now())
        try store.save(draft: draft)
        let json = try Self.json(draft, store: store)
        await tell("draft.updated", draft, json: json, channel: channel)
        return JSONResponse.ok(["draft": json], status: .created, context: context)
    }

    private func get(_ request: Request, _ context: ServerContext) throws -> Response {
        let operation = "GetDraft"
        let query = request.uri.queryParameters
        let user = try ActingUser.resolve(context, claimed: query.get("user_id").map { String($0) }, operation: operation)
        let channel = try channel(context, operation: operation)
        let parentID = query.get("parent_id").map { String($0) }.flatMap { $0.isEmpty ? nil : $0 }
        guard let draft = try store.draft(userID: user, cid: channel.cid, parentID: parentID) else {
            throw StreamAPIError.notFound(operation, "Can't find draft of user \(user) in \(channel.cid)")
        }
        return JSONResponse.ok(["draft": try Self.json(draft, store: store)], context: context)
    }

    private func delete(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "DeleteDraft"
        let query = request.uri.queryParameters
        let user = try ActingUser.resolve(context, claimed: query.get("user_id").map { String($0) }, operation: operation)
        let channel = try channel(context, operation: operation)
        let parentID = query.get("parent_id").map { String($0) }.flatMap { $0.isEmpty ? nil : $0 }
        guard let draft = try store.draft(userID: user, cid: channel.cid, parentID: parentID),
            try store.deleteDraft(userID: user, cid: channel.cid, parentID: parentID)
        else { throw StreamAPIError.notFound(operation, "Can't find draft of user \(user) in \(channel.cid)") }
        await tell("draft.deleted", draft, json: try Self.json(draft, store: store), channel: channel)
        return JSONResponse.ok([:], context: context)
    }

    /// The user's drafts that `filter` selects (`channel_cid`, `parent_id`, `created_at`…, see
    /// `RecordFilter`), newest first unless sorted, a page at a time with `next` / `prev`.
    private func query(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "QueryDrafts"
        var request = request
        let body = try await request.jsonObject(operation: operation)
        let sort = body["sort"]?.arrayValue?.isEmpty == false ? body["sort"] : [["field": "created_at", "direction": -1]]
        let limit = min(max(body["limit"]?.intValue ?? 25, 1), 100)
        let query = try RecordQuery(body, name: "drafts", sort: sort, defaultField: "created_at", limit: limit, operation: operation)
        let user = try ActingUser.resolve(context, claimed: ActingUser.claimed(in: body), operation: operation)
        let records = try store.drafts(userID: user).compactMap { try Self.json($0, store: store).objectValue }
        return JSONResponse.ok(query.answer(records, key: "drafts", tiebreak: "channel_cid"), context: context)
    }

    private func tell(_ type: String, _ draft: StoredDraft, json: JSONValue, channel: Channel) async {
        var event = EventJSON.base(type, channel, user: draft.userID, store: store)
        event["draft"] = json
        event["parent_id"] = draft.parentID.map(JSONValue.string) ?? .null
        await hub.publish(event, toUser: draft.userID)
    }

    /// Stream's DraftResponse.
    static func json(_ draft: StoredDraft, store: ChatStore) throws -> JSONValue {
        var message = draft.message
        message["text"] = message["text"] ?? ""
        var o: JSONObject = [
            "channel_cid": .string(draft.cid), "created_at": .string(draft.createdAt.rfc3339), "message": .object(message),
            "parent_id": draft.parentID.map(JSONValue.string) ?? .null,
        ]
        if let channel = try store.channel(cid: draft.cid) { o["channel"] = try ChannelJSON.full(channel, store: store) }
        return .object(o)
    }
}
