import ChatModel
import ChatStore
import Hummingbird

/// The moderator's side of flags: `query_message_flags`, and the flag reports (one per flagged
/// message, named by its first flag's id) with their review.
extension FlagRoutes {
    /// Server tokens and app admins and moderators.
    private func requireModerator(_ context: ServerContext, operation: String) throws {
        guard case .user(let me)? = context.actor else { return }
        let role = try store.user(id: me)?.role ?? AppRole.user
        guard AppRole.moderating.contains(role) else {
            throw StreamAPIError.notAllowed(operation, "user \(me) with role \(role) may not read flags")
        }
    }

    /// `filter_conditions` on `channel_cid`, `user_id` (the message's author) and `message_id`.
    private func messageFilter(_ filter: JSONObject, operation: String) throws -> (cids: [String]?, authors: [String]?, ids: [String]?) {
        var found: [String: [String]] = [:]
        for condition in filter.members {
            guard ["channel_cid", "user_id", "message_id"].contains(condition.key) else {
                throw StreamAPIError.input(
                    operation,
                    "filtering flags by \(condition.key) is not supported by the local server (channel_cid, user_id and message_id are)"
                )
            }
            found[condition.key] = try QueryFilter.values(condition.value, field: condition.key, operation: operation)
        }
        return (found["channel_cid"], found["user_id"], found["message_id"])
    }

    /// `limit` (at most `maxLimit`) and `offset` (at most `maxOffset`), Stream's bounds.
    private func page(_ payload: JSONObject, maxLimit: Int, maxOffset: Int, operation: String) throws -> (limit: Int, offset: Int) {
        let limit = payload["limit"]?.intValue ?? 25
        let offset = payload["offset"]?.intValue ?? 0
        guard (0...maxLimit).contains(limit) else { throw StreamAPIError.input(operation, "limit must be 0 to \(maxLimit)") }
        guard (0...maxOffset).contains(offset) else { throw StreamAPIError.input(operation, "offset must be 0 to \(maxOffset)") }
        return (limit, offset)
    }

    func queryMessageFlags(_ request: Request, _ context: ServerContext) throws -> Response {
        let operation = "QueryMessageFlags"
        try requireModerator(context, operation: operation)
        let payload = try request.jsonQuery("payload", operation: operation)
        for key in payload.members.map(\.key)
        where !["filter_conditions", "limit", "offset", "show_deleted_messages", "user_id"].contains(key) {
            throw StreamAPIError.input(operation, "\(key) is not supported by the local server")
        }
        let filter = try messageFilter(payload["filter_conditions"]?.objectValue ?? [:], operation: operation)
        let (limit, offset) = try page(payload, maxLimit: 300, maxOffset: 10_000, operation: operation)
        let flags = try store.messageFlags(
            cids: filter.cids,
            authors: filter.authors,
            messageIDs: filter.ids,
            includeDeleted: payload["show_deleted_messages"]?.boolValue ?? false,
            limit: limit,
            offset: offset
        )
        let json: [JSONValue] = try flags.map { flag in
            var o = try flagJSON(flag).objectValue ?? [:]
            o["message"] = o["target_message"]
            o["target_message"] = nil
            return .object(o)
        }
        return JSONResponse.ok(["flags": .array(json)], context: context)
    }

    func queryReports(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "QueryFlagReports"
        try requireModerator(context, operation: operation)
        var request = request
        let body = try await request.jsonObject(operation: operation)
        // The SDK puts every option inside filter_conditions.
        var filter = body["filter_conditions"]?.objectValue ?? [:]
        let (limit, offset) = try page(filter, maxLimit: 300, maxOffset: 10_000, operation: operation)
        for key in ["limit", "offset"] { filter[key] = nil }
        let conditions = try messageFilter(filter, operation: operation)
        // Every flag of the chosen messages, grouped by message in the order of each message's newest flag.
        let flags = try store.messageFlags(
            cids: conditions.cids,
            authors: conditions.authors,
            messageIDs: conditions.ids,
            includeDeleted: true,
            limit: 10_000,
            offset: 0
        )
        var order: [String] = []
        for flag in flags where !order.contains(flag.targetMessageID ?? "") { order.append(flag.targetMessageID ?? "") }
        let reports: [JSONValue] = try order.dropFirst(offset).prefix(limit).map { message in
            try reportJSON(flags.filter { $0.targetMessageID == message }.sorted { $0.createdAt < $1.createdAt })
        }
        return JSONResponse.ok(["flag_reports": .array(reports)], context: context)
    }

    func review(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "ReviewFlagReport"
        try requireModerator(context, operation: operation)
        var request = request
        let body = try await request.jsonObject(operation: operation, handling: ["review_result", "review_details", "user_id", "user"])
        let reviewer = try ActingUser.resolve(context, claimed: ActingUser.claimed(in: body), operation: operation)
        guard let result = body["review_result"]?.stringValue, !result.isEmpty else {
            throw StreamAPIError.input(operation, "review_result is a required field")
        }
        let id = context.parameters.get("id") ?? ""
        let flags = try store.review(
            report: id,
            result: result,
            details: body["review_details"]?.objectValue ?? [:],
            by: reviewer,
            at: .now()
        )
        guard !flags.isEmpty else { throw StreamAPIError.notFound(operation, "flag report \(id) doesn't exist") }
        return JSONResponse.ok(["flag_report": try reportJSON(flags)], context: context)
    }

    /// A message's flags as one report, oldest flag first.
    private func reportJSON(_ flags: [ModerationFlag]) throws -> JSONValue {
        let first = flags[0]
        var o: JSONObject = [
            "id": .string(first.id), "flags_count": .int(flags.count), "created_at": .string(first.createdAt.rfc3339),
            "updated_at": .string((flags.map(\.createdAt).max() ?? first.createdAt).rfc3339),
            "flags": .array(try flags.map(flagJSON)),
        ]
        if let id = first.targetMessageID { o["message"] = try presenter.message(id: id, viewer: "") ?? ["id": .string(id)] }
        if let result = first.reviewResult { o["review_result"] = .string(result) }
        if let details = first.reviewDetails { o["review_details"] = .object(details) }
        if let by = first.reviewedBy { o["reviewed_by"] = UserJSON.json(try store.user(id: by) ?? User(id: by)) }
        if let at = first.reviewedAt { o["reviewed_at"] = .string(at.rfc3339) }
        return .object(o)
    }
}
