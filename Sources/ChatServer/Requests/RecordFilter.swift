import ChatModel

/// Stream's filter conditions (`filter_conditions`) and `sort`, evaluated against records as the
/// API shows them (a user's or a member's JSON), so built-in and custom fields filter alike:
/// `$eq $ne $gt $gte $lt $lte $in $nin $exists $contains $autocomplete`, combined with `$and`,
/// `$or` and `$nor`; a bare value is `$eq`. A dotted field (`user.email`) reads a nested object.
/// An operator Stream lacks is refused in Stream's error shape, never ignored.
struct RecordFilter {
    private indirect enum Node {
        case all([Node])
        case any([Node])
        case none([Node])
        case test(field: [String], op: String, value: JSONValue)
    }

    private static let fieldOperators: Set<String> = [
        "$eq", "$ne", "$gt", "$gte", "$lt", "$lte", "$in", "$nin", "$exists", "$contains", "$autocomplete",
    ]
    private let root: Node

    init(_ conditions: JSONObject, operation: String) throws {
        root = try Self.parse(conditions, operation: operation)
    }

    func matches(_ record: JSONObject) -> Bool { Self.evaluate(root, .object(record)) }

    /// The fields the filter names at its top level with `$eq` or `$in`, and their values: what
    /// a store query may narrow by before the rest is evaluated.
    static func equalityValues(_ conditions: JSONObject, field: String) -> [String]? {
        guard let value = conditions[field] else { return nil }
        if let s = value.stringValue { return [s] }
        guard let o = value.objectValue, o.count == 1 else { return nil }
        if let s = o["$eq"]?.stringValue { return [s] }
        return o["$in"]?.arrayValue.map { $0.compactMap(\.stringValue) }
    }

    private static func parse(_ conditions: JSONObject, operation: String) throws -> Node {
        var nodes: [Node] = []
        for condition in conditions.members {
            switch condition.key {
            case "$and", "$or", "$nor":
                guard let list = condition.value.arrayValue, !list.isEmpty else {
                    throw StreamAPIError.input(operation, "\(condition.key) takes a non-empty list of conditions")
                }
                let parts = try list.map { item -> Node in
                    guard let o = item.objectValue else {
                        throw StreamAPIError.input(operation, "\(condition.key) takes a list of condition objects")
                    }
                    return try parse(o, operation: operation)
                }
                nodes.append(condition.key == "$and" ? .all(parts) : condition.key == "$or" ? .any(parts) : .none(parts))
            case let key where key.hasPrefix("$"):
                throw StreamAPIError.input(operation, "operator \(key) is not supported at the top of a filter")
            default:
                nodes.append(try field(condition.key, condition.value, operation: operation))
            }
        }
        return .all(nodes)
    }

    private static func field(_ name: String, _ value: JSONValue, operation: String) throws -> Node {
        let path = name.split(separator: ".").map(String.init)
        guard let o = value.objectValue, o.members.contains(where: { $0.key.hasPrefix("$") }) else {
            return .test(field: path, op: "$eq", value: value)
        }
        return .all(
            try o.members.map { member -> Node in
                guard fieldOperators.contains(member.key) else {
                    throw StreamAPIError.input(operation, "operator \(member.key) on \(name) is not supported by the local server")
                }
                switch member.key {
                case "$in", "$nin":
                    guard member.value.arrayValue != nil else {
                        throw StreamAPIError.input(operation, "\(member.key) on \(name) takes a list")
                    }
                case "$exists":
                    guard member.value.boolValue != nil else {
                        throw StreamAPIError.input(operation, "$exists on \(name) takes true or false")
                    }
                case "$autocomplete":
                    guard member.value.stringValue != nil else {
                        throw StreamAPIError.input(operation, "$autocomplete on \(name) takes a string")
                    }
                default: break
                }
                return .test(field: path, op: member.key, value: member.value)
            }
        )
    }

    private static func evaluate(_ node: Node, _ record: JSONValue) -> Bool {
        switch node {
        case .all(let parts): return parts.allSatisfy { evaluate($0, record) }
        case .any(let parts): return parts.contains { evaluate($0, record) }
        case .none(let parts): return !parts.contains { evaluate($0, record) }
        case .test(let path, let op, let value):
            var field: JSONValue? = record
            for key in path { field = field?.objectValue?[key] }
            return test(field ?? .null, op, value)
        }
    }

    private static func test(_ field: JSONValue, _ op: String, _ value: JSONValue) -> Bool {
        switch op {
        case "$eq": return equal(field, value)
        case "$ne": return !equal(field, value)
        case "$in": return (value.arrayValue ?? []).contains { equal(field, $0) }
        case "$nin": return !(value.arrayValue ?? []).contains { equal(field, $0) }
        case "$exists": return field.isNull != (value.boolValue ?? true)
        case "$contains": return field.arrayValue?.contains(value) ?? false
        case "$autocomplete":
            // An array field (a channel's member names) matches when one of its values does.
            if let list = field.arrayValue { return list.contains { test($0, op, value) } }
            guard let text = field.stringValue?.lowercased(), let prefix = value.stringValue?.lowercased() else { return false }
            return text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).contains { $0.hasPrefix(prefix) }
        default:
            guard let order = compare(field, value) else { return false }
            switch op {
            case "$gt": return order > 0
            case "$gte": return order >= 0
            case "$lt": return order < 0
            default: return order <= 0
            }
        }
    }

    /// Equality as Stream's: numbers by value, an array field equal to a value it holds.
    private static func equal(_ field: JSONValue, _ value: JSONValue) -> Bool {
        if let list = field.arrayValue, value.arrayValue == nil { return list.contains { equal($0, value) } }
        return compare(field, value) == 0 || field == value
    }

    /// The order of two values of one kind: numbers by value, times (RFC 3339) by instant,
    /// other strings by bytes, booleans false first; nil for values that do not compare.
    static func compare(_ a: JSONValue, _ b: JSONValue) -> Int? {
        func sign<T: Comparable>(_ x: T, _ y: T) -> Int { x < y ? -1 : x > y ? 1 : 0 }
        switch (a, b) {
        case (.number, .number): return sign(a.doubleValue ?? 0, b.doubleValue ?? 0)
        case (.bool(let x), .bool(let y)): return sign(x ? 1 : 0, y ? 1 : 0)
        case (.string(let x), .string(let y)):
            if let tx = Timestamp(rfc3339: x), let ty = Timestamp(rfc3339: y) { return sign(tx, ty) }
            return sign(x, y)
        default: return nil
        }
    }
}

/// Stream's `sort`: `[{"field", "direction"}]`, applied in order over records as the API shows
/// them; a record without the field sorts first, as NULLs do in Stream's ascending order, and
/// `tiebreak` keeps equal records in a stable order.
struct RecordSort {
    let keys: [(path: [String], descending: Bool)]

    init(_ sort: JSONValue?, default defaultField: String, operation: String) throws {
        let items = sort?.arrayValue ?? []
        let given = try items.map { item -> (path: [String], descending: Bool) in
            guard let o = item.objectValue, let field = o["field"]?.stringValue, !field.isEmpty else {
                throw StreamAPIError.input(operation, "sort takes a list of {\"field\", \"direction\"}")
            }
            return (field.split(separator: ".").map(String.init), (o["direction"]?.intValue ?? 1) < 0)
        }
        keys = given.isEmpty ? [(path: [defaultField], descending: false)] : given
    }

    func sorted(_ records: [JSONObject], tiebreak: String) -> [JSONObject] {
        records.sorted { a, b in
            for key in keys {
                let x = Self.value(a, key.path)
                let y = Self.value(b, key.path)
                let order: Int
                switch (x.isNull, y.isNull) {
                case (true, true): order = 0
                case (true, false): order = -1
                case (false, true): order = 1
                default: order = RecordFilter.compare(x, y) ?? 0
                }
                if order != 0 { return key.descending ? order > 0 : order < 0 }
            }
            return (a[tiebreak]?.stringValue ?? "") < (b[tiebreak]?.stringValue ?? "")
        }
    }

    private static func value(_ record: JSONObject, _ path: [String]) -> JSONValue {
        var field: JSONValue? = .object(record)
        for key in path { field = field?.objectValue?[key] }
        return field ?? .null
    }
}
