import ChatModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the fields of one item's `data` object, collecting every problem instead of
/// stopping at the first, and remembering which keys were standard so the rest become
/// custom fields.
struct FieldReader<Source: FieldSource> {
    let object: Source
    /// "user", "channel", …: the prefix of field names in messages (`channel.frozen`).
    let itemName: String
    private(set) var errors: [String] = []
    /// Which members were read as standard, by index: a bit each for the first 64 (every real
    /// item), a set beyond. The import reads millions of items, so no strings are kept here.
    private var usedBits: UInt64 = 0
    private var usedBeyond: Set<Int> = []

    /// Stream's limit on custom data per object.
    static var maxCustomBytes: Int { 5 * 1024 }

    init(_ object: Source, itemName: String) {
        self.object = object
        self.itemName = itemName
    }

    mutating func fail(_ message: String) { errors.append("Validation error: " + message) }

    private mutating func wrongType(_ key: String, _ value: JSONValue, expected: String) {
        errors.append("Parse error: json: cannot unmarshal \(value.typeName) into field \(itemName).\(key) of type \(expected)")
    }

    /// Marks keys as standard without reading them (they are kept whole elsewhere).
    mutating func markStandard(_ keys: [String]) {
        for key in keys { _ = take(key) }
    }

    private func isUsed(_ index: Int) -> Bool {
        index < 64 ? usedBits & (1 << UInt64(index)) != 0 : usedBeyond.contains(index)
    }

    /// Takes a nested object's errors, saying where they come from (`attachments[2]: …`).
    mutating func absorb(_ nested: [String], context: String) {
        for e in nested {
            for prefix in ["Validation error: ", "Parse error: "] where e.hasPrefix(prefix) {
                errors.append(prefix + context + ": " + e.dropFirst(prefix.count))
            }
        }
    }

    /// The value under `key`, marking it standard; null counts as absent.
    private mutating func take(_ key: String) -> JSONValue? {
        guard let index = object.fieldIndex(key) else { return nil }
        markUsed(index)
        let v = object.fieldValue(at: index)
        return v.isNull ? nil : v
    }

    private mutating func markUsed(_ index: Int) {
        if index < 64 { usedBits |= 1 << UInt64(index) } else { usedBeyond.insert(index) }
    }

    mutating func string(_ key: String) -> String? {
        guard let v = take(key) else { return nil }
        guard case .string(let s) = v else {
            wrongType(key, v, expected: "string")
            return nil
        }
        return storable(key, s)
    }

    /// A required string: absent, null and "" are all missing.
    mutating func requiredString(_ key: String) -> String? {
        guard let v = take(key) else {
            fail("\"\(key)\" required")
            return nil
        }
        guard case .string(let s) = v else {
            wrongType(key, v, expected: "string")
            return nil
        }
        if s.isEmpty {
            fail("\"\(key)\" required")
            return nil
        }
        return storable(key, s)
    }

    /// A standard field's text goes into a text column, which ends at a NUL: refused rather
    /// than cut short (custom fields are kept as JSON and may hold one).
    private mutating func storable(_ key: String, _ s: String) -> String? {
        guard Source.stringsMayHoldNUL else { return s }
        // memchr rather than a scalar loop: this runs over every text in the file.
        let hasNUL =
            s.utf8.withContiguousStorageIfAvailable { bytes in bytes.baseAddress.map { memchr($0, 0, bytes.count) != nil } ?? false }
            ?? s.utf8.contains(0)
        guard hasNUL else { return s }
        fail("\"\(key)\" contains a NUL character (U+0000), which would cut it short")
        return nil
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let v = take(key) else { return nil }
        guard case .bool(let b) = v else {
            wrongType(key, v, expected: "bool")
            return nil
        }
        return b
    }

    /// A whole number; a fraction or one beyond Int is refused as Go's int would refuse it.
    mutating func int(_ key: String) -> Int? {
        guard let v = take(key) else { return nil }
        guard case .number(let text) = v, let n = Int(text) else {
            wrongType(key, v, expected: "int")
            return nil
        }
        return n
    }

    mutating func object(_ key: String) -> JSONObject? {
        guard let v = take(key) else { return nil }
        guard case .object(let o) = v else {
            wrongType(key, v, expected: "object")
            return nil
        }
        return o
    }

    mutating func array(_ key: String) -> [JSONValue]? {
        guard let v = take(key) else { return nil }
        guard case .array(let a) = v else {
            wrongType(key, v, expected: "array")
            return nil
        }
        return a
    }

    /// A list of strings; Go names the field's type `[]string` whether the value is no list or
    /// a list holding something else.
    mutating func strings(_ key: String) -> [String]? {
        guard let v = take(key) else { return nil }
        guard case .array(let items) = v else {
            wrongType(key, v, expected: "[]string")
            return nil
        }
        var out: [String] = []
        out.reserveCapacity(items.count)
        for item in items {
            guard case .string(let s) = item else {
                wrongType(key, item, expected: "[]string")
                return nil
            }
            out.append(s)
        }
        return out
    }

    mutating func timestamp(_ key: String) -> Timestamp? {
        // A valid time is read from the bytes, with no `String` made for it (every message and
        // reaction has one); anything else takes the way below, which words the error.
        if let index = object.fieldIndex(key), let time = object.withStringBytes(at: index, Timestamp.init(rfc3339UTF8:)) ?? nil {
            markUsed(index)
            return time
        }
        guard let text = string(key) else { return nil }
        guard let t = Timestamp(rfc3339: text) else {
            fail("'\(text)' is not a valid \(key) (expected an RFC 3339 time such as 1985-04-12T23:20:50.52Z)")
            return nil
        }
        return t
    }

    /// An id that must match `rule`; reports Stream's length and validity errors.
    mutating func id(_ key: String, _ rule: IDRule, required: Bool = true) -> String? {
        guard let value = required ? requiredString(key) : string(key) else { return nil }
        if let problem = rule.problem(with: value, field: "\(itemName).\(key)") {
            fail(problem)
            return nil
        }
        return value
    }

    /// A list of ids that must each match `rule`.
    mutating func ids(_ key: String, _ rule: IDRule) -> [String]? {
        guard let values = strings(key) else { return nil }
        for value in values {
            if let problem = rule.problem(with: value, field: "\(itemName).\(key)") {
                fail(problem)
                return nil
            }
        }
        return values
    }

    /// The fields not read as standard: the item's custom data. Reserved names are refused and
    /// the whole must stay within 5 KiB.
    mutating func custom(reserved: Set<String>) -> JSONObject {
        var custom = JSONObject()
        for index in 0..<object.fieldCount where !isUsed(index) {
            let key = object.fieldKey(at: index)
            if reserved.contains(key) {
                fail("\"\(key)\" is a reserved field")
                continue
            }
            custom.appendUnique(key, object.fieldValue(at: index))
        }
        if !custom.isEmpty {
            let size = JSONWriter.encodedSize(.object(custom))
            if size > FieldReader.maxCustomBytes {
                fail("custom data of \(itemName) is \(size) bytes, over the 5KiB limit")
            }
        }
        return custom
    }

    /// For item types that take no custom data: every key must be a standard one.
    mutating func rejectUnknownFields(allowed: [String]) {
        for index in 0..<object.fieldCount where !isUsed(index) {
            fail("\"\(object.fieldKey(at: index))\" is not a valid \(itemName) field (allowed: \(allowed.joined(separator: ", ")))")
        }
    }
}
