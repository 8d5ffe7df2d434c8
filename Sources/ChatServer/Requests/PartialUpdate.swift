import ChatModel

/// Stream's `{"set": {...}, "unset": [...]}` bodies, as channel, user and message partial updates
/// take them. A dotted key (`"field2.subfield"`) is a path into nested objects, as Stream documents.
struct PartialUpdate {
    let set: JSONObject
    let unset: [String]

    init(_ body: JSONObject, operation: String) throws {
        if let value = body["set"], value.objectValue == nil, value != .null {
            throw StreamAPIError.input(operation, "set must be an object")
        }
        if let value = body["unset"], value != .null, value.arrayValue?.allSatisfy({ $0.stringValue != nil }) != true {
            throw StreamAPIError.input(operation, "unset must be a list of field names")
        }
        set = body["set"]?.objectValue ?? JSONObject()
        unset = body["unset"]?.arrayValue?.compactMap(\.stringValue) ?? []
        if set.members.isEmpty, unset.isEmpty { throw StreamAPIError.input(operation, "set or unset is required") }
        if let both = unset.first(where: { set[$0] != nil }) {
            throw StreamAPIError.input(operation, "\(both) cannot be both set and unset")
        }
    }

    /// `object` with the sets applied, then the unsets.
    func applied(to object: JSONObject) -> JSONObject {
        var result = object
        for member in set.members { Self.assign(member.value, at: member.key.split(separator: ".").map(String.init), in: &result) }
        for key in unset { Self.assign(nil, at: key.split(separator: ".").map(String.init), in: &result) }
        return result
    }

    private static func assign(_ value: JSONValue?, at path: [String], in object: inout JSONObject) {
        guard let head = path.first else { return }
        if path.count == 1 {
            object[head] = value
            return
        }
        var child = object[head]?.objectValue ?? JSONObject()
        assign(value, at: Array(path.dropFirst()), in: &child)
        object[head] = .object(child)
    }
}
