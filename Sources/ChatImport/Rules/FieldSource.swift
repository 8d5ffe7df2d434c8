import ChatModel

/// The members of one item's `data` object, as the rules read them. Two kinds: a parsed
/// `JSONObject` (any input), and a `FlatObject` read straight from a line's bytes (the
/// plain shapes that nearly every item has), so the same rules run over both and cannot
/// tell them apart.
protocol FieldSource {
    var fieldCount: Int { get }
    /// The position of the member named `key`, or nil. Keys are distinct.
    func fieldIndex(_ key: String) -> Int?
    func fieldKey(at index: Int) -> String
    func fieldValue(at index: Int) -> JSONValue
    /// `body` over the UTF-8 of the member at `index` when it is a string, without making a
    /// `JSONValue`; nil when it is not a string.
    func withStringBytes<R>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R?
    /// Whether the member at `index` is null, without making its value.
    func isNull(at index: Int) -> Bool
    /// Whether a string member may hold U+0000 (which `FieldReader` refuses in standard fields):
    /// only through a `\u0000` escape, which a flat object never has.
    static var stringsMayHoldNUL: Bool { get }
}

extension FieldSource {
    /// The value under `key`, null included; nil when absent.
    subscript(key: String) -> JSONValue? { fieldIndex(key).map(fieldValue(at:)) }

    /// Whether `key` is present with a value other than null.
    func has(_ key: String) -> Bool { fieldIndex(key).map { !isNull(at: $0) } ?? false }
}

extension JSONObject: FieldSource {
    static var stringsMayHoldNUL: Bool { true }
    var fieldCount: Int { members.count }
    func fieldIndex(_ key: String) -> Int? { members.firstIndex { $0.key == key } }
    func fieldKey(at index: Int) -> String { members[index].key }
    func fieldValue(at index: Int) -> JSONValue { members[index].value }
    func isNull(at index: Int) -> Bool { members[index].value.isNull }
    func withStringBytes<R>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        guard case .string(var text) = members[index].value else { return nil }
        return text.withUTF8(body)
    }
}
