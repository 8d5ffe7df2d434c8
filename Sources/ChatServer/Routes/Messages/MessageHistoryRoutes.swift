import ChatModel
import ChatStore
import Hummingbird

/// `query_message_history` (`POST /messages/history`): the states messages had before each
/// edit or soft delete, as the store keeps them from the moment this server version ran (edits
/// made earlier left no history). Server tokens only, as in Stream.
struct MessageHistoryRoutes {
    let store: ChatStore

    func add(to router: Router<ServerContext>) {
        router.post("messages/history") { request, context in try await query(request, context) }
    }

    private func query(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "QueryMessageHistory"
        try ServerSideOnly.messageHistory.require(context, operation: operation)
        var request = request
        let body = try await request.jsonObject(operation: operation)
        try body.requireHandled(["filter", "sort", "limit", "next", "prev"], operation: operation)
        guard let filter = body["filter"]?.objectValue, !filter.isEmpty else { throw StreamAPIError.input(operation, "filter is required") }
        var query = MessageHistoryQuery()
        for condition in filter.members {
            switch condition.key {
            case "message_id": query.messageIDs = try QueryFilter.values(condition.value, field: condition.key, operation: operation)
            case "message_updated_by_id":
                query.updatedBy = try QueryFilter.values(condition.value, field: condition.key, operation: operation)
            case "message_updated_at": try range(condition.value, into: &query, operation: operation)
            default:
                throw StreamAPIError.input(
                    operation,
                    "filtering message history by \(condition.key) is not supported (message_id, message_updated_by_id and message_updated_at are)"
                )
            }
        }
        for item in body["sort"]?.arrayValue ?? [] {
            guard let o = item.objectValue, o["field"]?.stringValue == "message_updated_at" else {
                throw StreamAPIError.input(operation, "message history sorts only by message_updated_at")
            }
            query.newestFirst = (o["direction"]?.intValue ?? -1) < 0
        }
        let limit = min(max(body["limit"]?.intValue ?? 10, 1), 100)
        let offset = try OffsetCursor(query: "history").offset(body["next"] ?? body["prev"], operation: operation)
        // One row past the page says whether there is a next one.
        let rows = try store.messageHistory(query, limit: limit + 1, offset: offset)
        let entries: [JSONValue] = rows.prefix(limit).map { entry in
            var o = JSONObject()
            o["message_id"] = .string(entry.messageID)
            o["text"] = .string(entry.text)
            o["attachments"] = entry.attachments
            o["custom"] = .object(entry.custom)
            o["is_deleted"] = .bool(entry.isDeleted)
            o["message_updated_at"] = .string(entry.updatedAt.rfc3339)
            o["message_updated_by_id"] = .string(entry.updatedBy)
            return .object(o)
        }
        let answer = OffsetCursor(query: "history").links(offset: offset, limit: limit, more: rows.count > limit)
            .merging(["message_history": .array(entries)])
        return JSONResponse.ok(answer, status: .created, context: context)
    }

    /// `{"$gt"|"$gte"|"$lt"|"$lte": time, …}` on `message_updated_at`.
    private func range(_ value: JSONValue, into query: inout MessageHistoryQuery, operation: String) throws {
        guard let o = value.objectValue, !o.isEmpty else {
            throw StreamAPIError.input(operation, "message_updated_at takes $gt, $gte, $lt or $lte with an RFC 3339 time")
        }
        for bound in o.members {
            guard let time = bound.value.stringValue.flatMap(Timestamp.init(rfc3339:)) else {
                throw StreamAPIError.input(operation, "message_updated_at.\(bound.key) must be an RFC 3339 time")
            }
            switch bound.key {
            case "$gt", "$gte": query.after = (time, bound.key == "$gte")
            case "$lt", "$lte": query.before = (time, bound.key == "$lte")
            default: throw StreamAPIError.input(operation, "operator \(bound.key) on message_updated_at is not supported")
            }
        }
    }
}
