import ChatModel

/// A query of a user's own records as the API shows them (drafts, reminders): `filter`
/// through `RecordFilter`, `sort` through `RecordSort`, and a page of `limit` from the offset
/// that `next` or `prev` names (`OffsetCursor`).
struct RecordQuery {
    static let keys: Set<String> = ["user_id", "user", "filter", "sort", "limit", "next", "prev"]

    private let filter: RecordFilter
    private let order: RecordSort
    private let limit: Int
    private let cursor: OffsetCursor
    private let offset: Int

    /// `sort` as the route defaults it; `name` tells this query's cursors from others'.
    init(_ body: JSONObject, name: String, sort: JSONValue?, defaultField: String, limit: Int, operation: String) throws {
        try body.requireHandled(Self.keys, operation: operation)
        filter = try RecordFilter(body["filter"]?.objectValue ?? JSONObject(), operation: operation)
        order = try RecordSort(sort, default: defaultField, operation: operation)
        self.limit = limit
        cursor = OffsetCursor(query: name)
        offset = try cursor.offset(body["next"] ?? body["prev"], operation: operation)
    }

    /// The page of `records` the query selects under `key`, with its `next` / `prev`.
    func answer(_ records: [JSONObject], key: String, tiebreak: String) -> JSONObject {
        let selected = records.filter(filter.matches)
        let page = order.sorted(selected, tiebreak: tiebreak).dropFirst(offset).prefix(limit)
        return cursor.links(offset: offset, limit: limit, more: selected.count > offset + limit)
            .merging([key: .array(page.map(JSONValue.object))])
    }
}
