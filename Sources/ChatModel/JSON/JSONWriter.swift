/// Where `JSONWriter` puts its bytes: an array, or an answer's own run of bytes (`JSONBytes`).
protocol JSONOutput {
    mutating func append(byte: UInt8)
    mutating func append(bytes: UnsafeBufferPointer<UInt8>)
}

extension JSONOutput {
    mutating func append(_ text: StaticString) {
        append(bytes: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }
}

extension Array: JSONOutput where Element == UInt8 {
    mutating func append(byte: UInt8) { append(byte) }
    mutating func append(bytes: UnsafeBufferPointer<UInt8>) { append(contentsOf: bytes) }
}

/// Bytes in one allocation its owner frees, written with a capacity test only. An array's
/// append also tests that its buffer is unique and ends each mutation: for a channel query's
/// 57 kB answer, thousands of writes of a byte or a string, that was 5 % of the query's CPU.
struct JSONBytes: JSONOutput {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    func deallocate() { base.deallocate() }

    mutating func append(byte: UInt8) {
        if count == capacity { grow(toHold: 1) }
        base[count] = byte
        count += 1
    }

    mutating func append(bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        if count + bytes.count > capacity { grow(toHold: bytes.count) }
        (base + count).initialize(from: source, count: bytes.count)
        count += bytes.count
    }

    private mutating func grow(toHold more: Int) {
        capacity = max(capacity * 2, count + more)
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        grown.initialize(from: base, count: count)
        base.deallocate()
        base = grown
    }
}

/// Writes `JSONValue`s as UTF-8 JSON, compact (for storage and the wire) or indented (for
/// people reading CLI output).
public struct JSONWriter: Sendable {
    public var pretty: Bool
    public init(pretty: Bool = false) { self.pretty = pretty }

    public func string(_ value: JSONValue) -> String {
        var out: [UInt8] = []
        writeValue(value, into: &out, indent: 0)
        return String(decoding: out, as: UTF8.self)
    }

    public func bytes(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        writeValue(value, into: &out, indent: 0)
        return out
    }

    /// Hands `body` the JSON of `value`, valid only during the call: for an answer copied
    /// straight into what is sent. `capacity`: room to reserve, for a caller that expects a
    /// large value (a channel's state is some 60 kB, which grown from empty took a dozen
    /// reallocations and copies).
    public func withBytes<R>(_ value: JSONValue, capacity: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        var out = JSONBytes(capacity: capacity)
        defer { out.deallocate() }
        writeValue(value, into: &out, indent: 0)
        return try body(UnsafeRawBufferPointer(start: out.base, count: out.count))
    }

    /// Compact encoded size in bytes, counted without encoding: the measure of Stream's
    /// 5 KiB custom-data limit, taken for every item of an import.
    public static func encodedSize(_ value: JSONValue) -> Int {
        switch value {
        case .null: return 4
        case .bool(let b): return b ? 4 : 5
        case .number(let n): return n.utf8.count
        case .string(let s): return encodedSize(s)
        case .array(let items): return 2 + max(0, items.count - 1) + items.reduce(0) { $0 + encodedSize($1) }
        case .object(let o):
            return 2 + max(0, o.count - 1) + o.members.reduce(0) { $0 + encodedSize($1.key) + 1 + encodedSize($1.value) }
        }
    }

    /// The size `writeString` gives `s`, escapes included.
    private static func encodedSize(_ s: String) -> Int {
        var size = 2
        var utf8 = s.utf8.makeIterator()
        while let c = utf8.next() {
            switch c {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), 0x0A, 0x0D, 0x09: size += 2
            case 0..<0x20, 0x7F: size += 6
            case 0xC2:
                size += (0x80...0x9F).contains(utf8.next()!) ? 6 : 2
            case 0xE2:
                let b1 = utf8.next()!
                let b2 = utf8.next()!
                let scalar = UInt32(b1 & 0x3F) << 6 | UInt32(b2 & 0x3F) | 0x2000
                size += (0x202A...0x202E).contains(scalar) || (0x2066...0x2069).contains(scalar) ? 6 : 3
            default: size += 1
            }
        }
        return size
    }

    public func write(_ value: JSONValue, into out: inout [UInt8], indent: Int) {
        writeValue(value, into: &out, indent: indent)
    }

    private func writeValue<Output: JSONOutput>(_ value: JSONValue, into out: inout Output, indent: Int) {
        switch value {
        case .null: out.append("null")
        case .bool(let b): out.append(b ? "true" : "false")
        case .number(let n): JSONWriter.appendUTF8(n, into: &out)
        case .string(let s): JSONWriter.writeString(s, into: &out)
        case .array(let items):
            if items.isEmpty {
                out.append("[]")
                return
            }
            out.append(byte: UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(byte: UInt8(ascii: ",")) }
                newline(&out, indent + 1)
                writeValue(item, into: &out, indent: indent + 1)
            }
            newline(&out, indent)
            out.append(byte: UInt8(ascii: "]"))
        case .object(let object):
            if object.isEmpty {
                out.append("{}")
                return
            }
            out.append(byte: UInt8(ascii: "{"))
            for (i, member) in object.members.enumerated() {
                if i > 0 { out.append(byte: UInt8(ascii: ",")) }
                newline(&out, indent + 1)
                JSONWriter.writeString(member.key, into: &out)
                out.append(byte: UInt8(ascii: ":"))
                if pretty { out.append(byte: UInt8(ascii: " ")) }
                writeValue(member.value, into: &out, indent: indent + 1)
            }
            newline(&out, indent)
            out.append(byte: UInt8(ascii: "}"))
        }
    }

    private func newline<Output: JSONOutput>(_ out: inout Output, _ level: Int) {
        guard pretty else { return }
        out.append(byte: 0x0A)
        for _ in 0..<(level * 2) { out.append(byte: UInt8(ascii: " ")) }
    }

    private static func appendUTF8<Output: JSONOutput>(_ s: String, into out: inout Output) {
        let copied = s.utf8.withContiguousStorageIfAvailable { out.append(bytes: $0) } != nil
        if !copied { for byte in s.utf8 { out.append(byte: byte) } }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Writes a JSON string. Besides what JSON requires, it escapes the C1 controls (U+0080–U+009F,
    /// which some terminals obey like ESC sequences) and the bidi overrides (U+202A–U+202E,
    /// U+2066–U+2069), so JSON printed to a terminal cannot act on it or hide what it says.
    private static func writeString<Output: JSONOutput>(_ s: String, into out: inout Output) {
        out.append(byte: UInt8(ascii: "\""))
        // Most strings need no escape: they are copied whole rather than byte by byte (a tenth
        // of a channel query's time went to this loop).
        let copied =
            s.utf8.withContiguousStorageIfAvailable { bytes in
                guard needNoEscape(bytes) else { return false }
                out.append(bytes: bytes)
                return true
            } ?? false
        if !copied { writeEscaping(s, into: &out) }
        out.append(byte: UInt8(ascii: "\""))
    }

    /// Whether `writeEscaping` would copy every byte of `bytes` as it is. Eight bytes at a time
    /// while they are ASCII (the byte-by-byte test was a tenth of writing a channel query's JSON):
    /// a word passes when no byte has its top bit set, is below 0x20, or is `"`, `\` or DEL.
    /// The tests for a byte below a bound or equal to one may flag a word that has none, after a
    /// byte that has (a borrow carries), never miss one; a flagged word is tested byte by byte.
    private static func needNoEscape(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let tops: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ w: UInt64) -> Bool { (w &- ones) & ~w & tops != 0 }
        var i = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= bytes.count {
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let plain =
                    w & tops == 0 && (w &- ones &* 0x20) & ~w & tops == 0 && !hasZeroByte(w ^ (ones &* 0x22))
                    && !hasZeroByte(w ^ (ones &* 0x5C)) && !hasZeroByte(w ^ (ones &* 0x7F))
                if !plain, !bytes[i..<(i + 8)].allSatisfy(needsNoEscape) { return false }
                i += 8
            }
        }
        return bytes[i...].allSatisfy(needsNoEscape)
    }

    /// A byte `writeEscaping` copies as it is, whatever surrounds it: printable ASCII but the
    /// quote and backslash, and any byte of a multi-byte character but the lead bytes of the
    /// C1 controls (0xC2) and of the bidi overrides (0xE2), whose characters are looked at.
    private static func needsNoEscape(_ c: UInt8) -> Bool {
        c < 0x80 ? c >= 0x20 && c != 0x7F && c != UInt8(ascii: "\"") && c != UInt8(ascii: "\\") : c != 0xC2 && c != 0xE2
    }

    private static func writeEscaping<Output: JSONOutput>(_ s: String, into out: inout Output) {
        // A Swift string is valid UTF-8, so a lead byte is always followed by its continuation bytes.
        var utf8 = s.utf8.makeIterator()
        while let c = utf8.next() {
            switch c {
            case UInt8(ascii: "\""): out.append(#"\""#)
            case UInt8(ascii: "\\"): out.append(#"\\"#)
            case 0x0A: out.append(#"\n"#)
            case 0x0D: out.append(#"\r"#)
            case 0x09: out.append(#"\t"#)
            case 0..<0x20, 0x7F: appendEscape(UInt32(c), into: &out)
            case 0xC2:
                let next = utf8.next()!
                if (0x80...0x9F).contains(next) {
                    appendEscape(UInt32(next), into: &out)
                } else {
                    out.append(byte: c)
                    out.append(byte: next)
                }
            case 0xE2:
                let b1 = utf8.next()!
                let b2 = utf8.next()!
                let scalar = UInt32(c & 0x0F) << 12 | UInt32(b1 & 0x3F) << 6 | UInt32(b2 & 0x3F)
                if (0x202A...0x202E).contains(scalar) || (0x2066...0x2069).contains(scalar) {
                    appendEscape(scalar, into: &out)
                } else {
                    out.append(byte: c)
                    out.append(byte: b1)
                    out.append(byte: b2)
                }
            default: out.append(byte: c)
            }
        }
    }

    private static func appendEscape<Output: JSONOutput>(_ scalar: UInt32, into out: inout Output) {
        out.append(#"\u"#)
        for shift in stride(from: 12, through: 0, by: -4) { out.append(byte: hexDigits[Int(scalar >> UInt32(shift) & 0xF)]) }
    }
}

extension JSONValue: CustomStringConvertible {
    /// Compact JSON text.
    public var description: String { JSONWriter().string(self) }
}
