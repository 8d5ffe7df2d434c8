import ChatModel

/// `query_members`' cursors beside `offset`: `user_id_gt|gte|lt|lte` bound the member's user id
/// (as strings compare), `created_at_after|after_or_equal|before|before_or_equal` the time they
/// joined. Each given bound narrows the members the filter selects, before sort and paging, so
/// a client pages on from the last member it holds.
struct MemberCursors {
    static let keys: Set<String> = [
        "user_id_gt", "user_id_gte", "user_id_lt", "user_id_lte",
        "created_at_after", "created_at_after_or_equal", "created_at_before", "created_at_before_or_equal",
    ]

    private var ids: [(key: String, value: String)] = []
    private var times: [(key: String, value: Timestamp)] = []

    init(_ payload: JSONObject, operation: String) throws {
        for key in Self.keys.sorted() {
            guard let value = payload[key], !value.isNull else { continue }
            if key.hasPrefix("user_id") {
                guard let id = value.stringValue, !id.isEmpty else { throw StreamAPIError.input(operation, "\(key) must be a user id") }
                ids.append((key, id))
            } else {
                guard let text = value.stringValue, let at = Timestamp(rfc3339: text) else {
                    throw StreamAPIError.input(operation, "\(key) must be an RFC 3339 time")
                }
                times.append((key, at))
            }
        }
    }

    /// Whether a member with this user id, who joined at `createdAt`, is within every bound. A
    /// member without a join time is outside every time bound.
    func admits(userID: String, createdAt: Timestamp?) -> Bool {
        for (key, id) in ids {
            let inside =
                switch key {
                case "user_id_gt": userID > id
                case "user_id_gte": userID >= id
                case "user_id_lt": userID < id
                default: userID <= id
                }
            if !inside { return false }
        }
        for (key, at) in times {
            guard let createdAt else { return false }
            let inside =
                switch key {
                case "created_at_after": createdAt > at
                case "created_at_after_or_equal": createdAt >= at
                case "created_at_before": createdAt < at
                default: createdAt <= at
                }
            if !inside { return false }
        }
        return true
    }
}
