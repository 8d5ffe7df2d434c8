import ChatModel
import ChatStore

/// `query_banned_users`' payload as Stream documents it: `filter_conditions` on `user_id`,
/// `channel_cid`, `banned_by_id` and `reason` (a value, `$eq` or `$in`) and on `created_at`
/// (`$eq`, `$gt`, `$gte`, `$lt`, `$lte`), `sort` by `created_at`, `limit` (≤ 100) and `offset`.
/// Any other field, operator or option is refused, never ignored.
struct BanQuery {
    private(set) var channelCID: String?
    private var tests: [(Ban) -> Bool] = []
    private var oldestFirst = false
    private var limit = 25
    private var offset = 0

    init(_ payload: JSONObject, operation: String) throws {
        for option in payload.members {
            switch option.key {
            case "filter_conditions":
                guard let filter = option.value.objectValue else {
                    throw StreamAPIError.input(operation, "filter_conditions must be an object")
                }
                for condition in filter.members { try add(condition.key, condition.value, operation: operation) }
            case "sort":
                try sort(option.value, operation: operation)
            case "limit", "offset":
                guard let n = option.value.intValue, n >= 0 else {
                    throw StreamAPIError.input(operation, "\(option.key) must be a number ≥ 0")
                }
                if option.key == "limit" { limit = min(n, 100) } else { offset = n }
            case "exclude_expired_bans":
                // Expired bans are not kept in force, so only the default (true) can be honoured.
                guard option.value.boolValue == true else {
                    throw StreamAPIError.input(operation, "exclude_expired_bans: false is not supported by the local server")
                }
            case "user_id", "user":
                break  // the acting user of a server call, which reads every ban alike
            default:
                throw StreamAPIError.input(operation, "\(option.key) is not supported by the local server in QueryBannedUsers")
            }
        }
    }

    /// The page of `bans` (newest first as the store gives them) that the query selects.
    func page(_ bans: [Ban]) -> [Ban] {
        let selected = bans.filter { ban in tests.allSatisfy { $0(ban) } }
        return Array((oldestFirst ? selected.reversed() : selected).dropFirst(offset).prefix(limit))
    }

    private mutating func add(_ field: String, _ value: JSONValue, operation: String) throws {
        switch field {
        case "user_id", "channel_cid", "banned_by_id", "reason":
            let wanted = Set(try QueryFilter.values(value, field: field, operation: operation))
            if field == "channel_cid", wanted.count == 1 { channelCID = wanted.first }
            let read: (Ban) -> String? =
                switch field {
                case "user_id": { $0.targetID }
                case "channel_cid": { $0.cid }
                case "banned_by_id": { $0.createdBy }
                default: { $0.reason }
                }
            tests.append { ban in read(ban).map(wanted.contains) ?? false }
        case "created_at":
            let comparisons = value.objectValue ?? ["$eq": value]
            for comparison in comparisons.members {
                guard let time = comparison.value.stringValue.flatMap(Timestamp.init(rfc3339:)) else {
                    throw StreamAPIError.input(operation, "created_at must be compared with an RFC 3339 time")
                }
                let test: (Timestamp) -> Bool
                switch comparison.key {
                case "$eq": test = { $0 == time }
                case "$gt": test = { $0 > time }
                case "$gte": test = { $0 >= time }
                case "$lt": test = { $0 < time }
                case "$lte": test = { $0 <= time }
                default:
                    throw StreamAPIError.input(
                        operation,
                        "operator \(comparison.key) on created_at is not supported by the local server ($eq, $gt, $gte, $lt and $lte are)"
                    )
                }
                tests.append { test($0.createdAt) }
            }
        default:
            throw StreamAPIError.input(
                operation,
                "filtering bans by \(field) is not supported by the local server (user_id, channel_cid, created_at, banned_by_id and reason are)"
            )
        }
    }

    /// `[{"field": "created_at", "direction": 1 | -1}]`; the default is newest first.
    private mutating func sort(_ value: JSONValue, operation: String) throws {
        for item in value.arrayValue ?? [] {
            guard let o = item.objectValue, o["field"]?.stringValue == "created_at" else {
                throw StreamAPIError.input(operation, "bans sort only by created_at on the local server")
            }
            oldestFirst = (o["direction"]?.intValue ?? 1) > 0
        }
    }
}
