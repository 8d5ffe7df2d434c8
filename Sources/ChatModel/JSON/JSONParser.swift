/// A malformed JSON document. `message` uses the wording of Go's encoding/json, because that is
/// what Stream's importer reports ("invalid character ',' looking for beginning of value").
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    /// Byte offset of the offending character in the parsed buffer.
    public let offset: Int
    public var description: String { message }
}

/// A byte-level JSON parser over UTF-8 buffers. It is the import hot path: one pass, no
/// Foundation, strings created only once their bytes are known.
public struct JSONParser: ~Copyable {
    /// Nesting deeper than this is refused rather than recursing without bound on hostile input.
    public static let maxDepth = 512

    private let base: UnsafePointer<UInt8>
    private let end: Int
    private var pos = 0
    private var depth = 0
    /// Whether the last string parsed was ASCII without escapes: its text is its bytes in the input.
    private var lastStringIsPlain = false

    private init(base: UnsafePointer<UInt8>, count: Int) {
        self.base = base
        end = count
    }

    /// Parses exactly one JSON value; only whitespace may follow it.
    public static func parse(_ buffer: UnsafeBufferPointer<UInt8>) throws(JSONParseError) -> JSONValue {
        guard let base = buffer.baseAddress, buffer.count > 0 else {
            throw JSONParseError(message: "unexpected end of JSON input", offset: 0)
        }
        var parser = JSONParser(base: base, count: buffer.count)
        parser.skipWhitespace()
        let value = try parser.parseValue()
        parser.skipWhitespace()
        if parser.pos < parser.end {
            throw parser.error("invalid character \(parser.quotedChar(at: parser.pos)) after top-level value")
        }
        return value
    }

    public static func parse(_ bytes: some Collection<UInt8>) throws(JSONParseError) -> JSONValue {
        let array = Array(bytes)
        do {
            return try array.withUnsafeBufferPointer { try parse($0) }
        } catch let e as JSONParseError {
            throw e
        } catch {
            fatalError("unreachable: \(error)")
        }
    }

    public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    // MARK: - Values

    private mutating func parseValue() throws(JSONParseError) -> JSONValue {
        guard pos < end else { throw unexpectedEnd() }
        switch base[pos] {
        case UInt8(ascii: "{"): return .object(try parseObject())
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString(context: "in string literal"))
        case UInt8(ascii: "t"):
            try parseLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try parseLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try parseLiteral("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw error("invalid character \(quotedChar(at: pos)) looking for beginning of value")
        }
    }

    private mutating func enter() throws(JSONParseError) {
        depth += 1
        if depth > JSONParser.maxDepth { throw error("exceeded max depth") }
    }

    private mutating func parseObject() throws(JSONParseError) -> JSONObject {
        try enter()
        defer { depth -= 1 }
        pos += 1
        var members: [JSONObject.Member] = []
        skipWhitespace()
        guard pos < end else { throw unexpectedEnd() }
        if base[pos] == UInt8(ascii: "}") {
            pos += 1
            return JSONObject()
        }
        var hasDuplicate = false
        var keys = ObjectKeys()
        while true {
            guard pos < end else { throw unexpectedEnd() }
            guard base[pos] == UInt8(ascii: "\"") else {
                throw error("invalid character \(quotedChar(at: pos)) looking for beginning of object key string")
            }
            let keyStart = pos + 1
            let key = try parseString(context: "in string literal")
            // A plain key's bytes in the input are its text: its fingerprint costs no pass over it.
            let fingerprint = lastStringIsPlain ? ObjectKeys.fingerprint(base + keyStart, count: pos - 1 - keyStart) : nil
            skipWhitespace()
            guard pos < end else { throw unexpectedEnd() }
            guard base[pos] == UInt8(ascii: ":") else {
                throw error("invalid character \(quotedChar(at: pos)) after object key")
            }
            pos += 1
            skipWhitespace()
            let value = try parseValue()
            if !hasDuplicate, keys.repeats(key, fingerprint: fingerprint, in: members) { hasDuplicate = true }
            members.append(JSONObject.Member(key: key, value: value))
            if try closes(UInt8(ascii: "}"), after: "object key:value pair") {
                // The dedup path is rare; the common path keeps the members as parsed.
                return hasDuplicate ? JSONObject(members) : JSONObject(uniqueMembers: members)
            }
        }
    }

    private mutating func parseArray() throws(JSONParseError) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        pos += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        guard pos < end else { throw unexpectedEnd() }
        if base[pos] == UInt8(ascii: "]") {
            pos += 1
            return .array([])
        }
        while true {
            elements.append(try parseValue())
            if try closes(UInt8(ascii: "]"), after: "array element") { return .array(elements) }
        }
    }

    /// After an object member or array element: true past the `closing` bracket, false past a
    /// comma (and the whitespace after it), else the error that names `what` came before.
    private mutating func closes(_ closing: UInt8, after what: String) throws(JSONParseError) -> Bool {
        skipWhitespace()
        guard pos < end else { throw unexpectedEnd() }
        switch base[pos] {
        case UInt8(ascii: ","):
            pos += 1
            skipWhitespace()
            return false
        case closing:
            pos += 1
            return true
        default:
            throw error("invalid character \(quotedChar(at: pos)) after \(what)")
        }
    }

    private mutating func parseLiteral(_ word: StaticString) throws(JSONParseError) {
        let bytes = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        for (i, expected) in bytes.enumerated() {
            guard pos + i < end else { throw unexpectedEnd() }
            if base[pos + i] != expected {
                pos += i
                let expecting = "'" + String(UnicodeScalar(expected)) + "'"
                throw error("invalid character \(quotedChar(at: pos)) in literal \(word) (expecting \(expecting))")
            }
        }
        pos += bytes.count
    }

    private mutating func parseNumber() throws(JSONParseError) -> String {
        let start = pos
        if base[pos] == UInt8(ascii: "-") {
            pos += 1
            guard pos < end else { throw unexpectedEnd() }
            guard isDigit(base[pos]) else { throw error("invalid character \(quotedChar(at: pos)) in numeric literal") }
        }
        if base[pos] == UInt8(ascii: "0") {
            pos += 1
        } else {
            while pos < end, isDigit(base[pos]) { pos += 1 }
        }
        if pos < end, base[pos] == UInt8(ascii: ".") {
            pos += 1
            guard pos < end else { throw unexpectedEnd() }
            guard isDigit(base[pos]) else {
                throw error("invalid character \(quotedChar(at: pos)) after decimal point in numeric literal")
            }
            while pos < end, isDigit(base[pos]) { pos += 1 }
        }
        if pos < end, base[pos] == UInt8(ascii: "e") || base[pos] == UInt8(ascii: "E") {
            pos += 1
            if pos < end, base[pos] == UInt8(ascii: "+") || base[pos] == UInt8(ascii: "-") { pos += 1 }
            guard pos < end else { throw unexpectedEnd() }
            guard isDigit(base[pos]) else {
                throw error("invalid character \(quotedChar(at: pos)) in exponent of numeric literal")
            }
            while pos < end, isDigit(base[pos]) { pos += 1 }
        }
        return String(decoding: UnsafeBufferPointer(start: base + start, count: pos - start), as: UTF8.self)
    }

    /// Parses a string starting at its opening quote. Strings without escapes (nearly all of
    /// them) become a `String` straight from their bytes.
    private mutating func parseString(context: String) throws(JSONParseError) -> String {
        pos += 1
        let start = pos
        var bits: UInt8 = 0
        lastStringIsPlain = false
        while pos < end {
            let c = base[pos]
            if c == UInt8(ascii: "\"") {
                let s = String(decoding: UnsafeBufferPointer(start: base + start, count: pos - start), as: UTF8.self)
                pos += 1
                lastStringIsPlain = bits < 0x80
                return s
            }
            if c == UInt8(ascii: "\\") { break }
            if c < 0x20 { throw error("invalid character \(quotedChar(at: pos)) \(context)") }
            bits |= c
            pos += 1
        }
        guard pos < end else { throw unexpectedEnd() }
        var bytes = Array(UnsafeBufferPointer(start: base + start, count: pos - start))
        while pos < end {
            let c = base[pos]
            switch c {
            case UInt8(ascii: "\""):
                pos += 1
                return String(decoding: bytes, as: UTF8.self)
            case UInt8(ascii: "\\"):
                pos += 1
                guard pos < end else { throw unexpectedEnd() }
                try appendEscape(to: &bytes)
            case 0..<0x20:
                throw error("invalid character \(quotedChar(at: pos)) \(context)")
            default:
                bytes.append(c)
                pos += 1
            }
        }
        throw unexpectedEnd()
    }

    private mutating func appendEscape(to bytes: inout [UInt8]) throws(JSONParseError) {
        let c = base[pos]
        pos += 1
        switch c {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): bytes.append(c)
        case UInt8(ascii: "b"): bytes.append(0x08)
        case UInt8(ascii: "f"): bytes.append(0x0C)
        case UInt8(ascii: "n"): bytes.append(0x0A)
        case UInt8(ascii: "r"): bytes.append(0x0D)
        case UInt8(ascii: "t"): bytes.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try parseHex4()
            if (0xD800..<0xDC00).contains(scalar) {
                // A high surrogate needs its low half; a lone one becomes U+FFFD as in Go.
                if pos + 1 < end, base[pos] == UInt8(ascii: "\\"), base[pos + 1] == UInt8(ascii: "u") {
                    let save = pos
                    pos += 2
                    let low = try parseHex4()
                    if (0xDC00..<0xE000).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        pos = save
                        scalar = 0xFFFD
                    }
                } else {
                    scalar = 0xFFFD
                }
            } else if (0xDC00..<0xE000).contains(scalar) {
                scalar = 0xFFFD
            }
            bytes.append(contentsOf: String(Character(UnicodeScalar(scalar)!)).utf8)
        default:
            pos -= 1
            throw error("invalid character \(quotedChar(at: pos)) in string escape code")
        }
    }

    private mutating func parseHex4() throws(JSONParseError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard pos < end else { throw unexpectedEnd() }
            let c = base[pos]
            let digit: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(c - UInt8(ascii: "A") + 10)
            default: throw error("invalid character \(quotedChar(at: pos)) in \\u hexadecimal character escape")
            }
            value = value << 4 | digit
            pos += 1
        }
        return value
    }

    // MARK: - Helpers

    private mutating func skipWhitespace() {
        while pos < end {
            switch base[pos] {
            case 0x20, 0x09, 0x0A, 0x0D: pos += 1
            default: return
            }
        }
    }

    @inline(__always) private func isDigit(_ c: UInt8) -> Bool { c &- UInt8(ascii: "0") < 10 }

    private func error(_ message: String) -> JSONParseError { JSONParseError(message: message, offset: pos) }
    private func unexpectedEnd() -> JSONParseError { JSONParseError(message: "unexpected end of JSON input", offset: end) }

    /// The character at `offset` quoted the way Go's `quoteChar` does: `','`, `'\n'`, `'\x00'`.
    private func quotedChar(at offset: Int) -> String {
        let c = base[offset]
        if c == UInt8(ascii: "'") { return "'\\''" }
        if c == UInt8(ascii: "\"") { return "'\"'" }
        if c >= 0x80 {
            // Quote the whole UTF-8 character, not its first byte.
            var length = 1
            while offset + length < end, length < 4, base[offset + length] & 0xC0 == 0x80 { length += 1 }
            return "'" + String(decoding: UnsafeBufferPointer(start: base + offset, count: length), as: UTF8.self) + "'"
        }
        switch c {
        case 0x0A: return "'\\n'"
        case 0x0D: return "'\\r'"
        case 0x09: return "'\\t'"
        case 0x07: return "'\\a'"
        case 0x08: return "'\\b'"
        case 0x0C: return "'\\f'"
        case 0x0B: return "'\\v'"
        case 0..<0x20, 0x7F:
            let hex = String(c, radix: 16)
            return "'\\x" + (hex.count == 1 ? "0" + hex : hex) + "'"
        default: return "'" + String(UnicodeScalar(c)) + "'"
        }
    }
}

/// The keys an object has so far, to tell whether the next one repeats one in time linear in the
/// keys (comparing each key with all before it was 3.5 % of a WebSocket client's time). A plain
/// key's length, first and last byte pick one of 128 bits; a key whose bit is not set yet is new
/// without a look (hashing every key's bytes instead cost the client more than the scans it
/// saved). Otherwise the keys so far are scanned, up to 64 of them; from 64 keys on a hash set
/// holds them, so a large object with keys alike stays linear too.
private struct ObjectKeys {
    private static let scanLimit = 64
    private var seen: (UInt64, UInt64) = (0, 0)
    /// Once a key without a fingerprint is in, every later key is looked for.
    private var allPlain = true
    private var many: Set<String>?

    /// The bit of a plain key (`count` bytes at `bytes`, its text).
    static func fingerprint(_ bytes: UnsafePointer<UInt8>, count: Int) -> UInt64 {
        guard count > 0 else { return 0 }
        return (UInt64(count) &* 31 &+ UInt64(bytes[0]) &* 7 &+ UInt64(bytes[count - 1])) & 127
    }

    /// Whether `key` is among `members`' keys; notes it either way. A key with no fingerprint
    /// (escaped or not ASCII) is always looked for, and so is every key after it.
    mutating func repeats(_ key: String, fingerprint: UInt64?, in members: [JSONObject.Member]) -> Bool {
        var maybe = true
        if let fingerprint, allPlain {
            let bit = UInt64(1) << (fingerprint & 63)
            if fingerprint < 64 {
                maybe = seen.0 & bit != 0
                seen.0 |= bit
            } else {
                maybe = seen.1 & bit != 0
                seen.1 |= bit
            }
        } else {
            allPlain = false
        }
        if many != nil { return !many!.insert(key).inserted }
        guard maybe else { return false }
        if members.count < Self.scanLimit { return members.contains { $0.key == key } }
        many = Set(members.lazy.map(\.key))
        return !many!.insert(key).inserted
    }
}
