import ChatModel

/// Stream filter conditions the local server understands on a string field.
enum QueryFilter {
    /// `"x"`, `{"$eq": "x"}` or `{"$in": [...]}` as a list of values; other operators are an honest error.
    static func values(_ value: JSONValue, field: String, operation: String) throws -> [String] {
        if let s = value.stringValue { return [s] }
        if let o = value.objectValue, o.count == 1, let op = o.members.first {
            if op.key == "$eq", let s = op.value.stringValue { return [s] }
            if op.key == "$in", let list = op.value.arrayValue { return list.compactMap(\.stringValue) }
            throw StreamAPIError.input(operation, "operator \(op.key) on \(field) is not supported by the local server ($eq and $in are)")
        }
        throw StreamAPIError.input(operation, "\(field) must be a string, {\"$eq\": …} or {\"$in\": […]}")
    }
}
