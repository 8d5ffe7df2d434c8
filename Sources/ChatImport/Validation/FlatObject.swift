import ChatModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An item's `data` object read straight from its line's bytes, without building a JSON tree:
/// the members are byte ranges, and a value becomes a `JSONValue` only when a rule reads it.
/// It holds only the plain shapes nearly every item has: strings without escapes, `true`,
/// `false`, `null` and arrays of such strings. `FlatLineScanner` gives up on anything else,
/// and the line then takes the tree path (`JSONParser`), which reads everything.
struct FlatObject: FieldSource {
    enum Kind: UInt8 { case string, strings, yes, no, null }

    struct Member {
        /// The key's bytes, without quotes.
        var key: Range<Int>
        var kind: Kind
        /// A string's bytes without quotes; an array's bytes between its brackets.
        var value: Range<Int>
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let members: UnsafeBufferPointer<Member>
    /// A bit for each key present, picked by its length, first and last bytes (`filterBit`):
    /// most keys a rule asks for are absent (a message is asked for some 25 and has about 7),
    /// and a clear bit says so without a look at any member.
    private let keyFilter: UInt64

    init(bytes: UnsafeBufferPointer<UInt8>, members: UnsafeBufferPointer<Member>) {
        self.bytes = bytes
        self.members = members
        var filter: UInt64 = 0
        for member in members where !member.key.isEmpty {
            filter |= Self.filterBit(count: member.key.count, first: bytes[member.key.lowerBound], last: bytes[member.key.upperBound - 1])
        }
        keyFilter = filter
    }

    /// The factors give every key of a message a bit of its own (its keys are the most looked up).
    @inline(__always) private static func filterBit(count: Int, first: UInt8, last: UInt8) -> UInt64 {
        1 << UInt64((count &* 14 &+ Int(first) &+ Int(last) &* 5) & 63)
    }

    var fieldCount: Int { members.count }

    /// `FlatLineScanner` takes no escape and no byte below 0x20 in a string.
    static var stringsMayHoldNUL: Bool { false }

    /// Read straight from the key's storage (a rule's key is a literal): a copy to call
    /// `withUTF8` on was a retain and a release for every field a rule looks up.
    func fieldIndex(_ key: String) -> Int? {
        key.utf8.withContiguousStorageIfAvailable(fieldIndex(utf8:))
            ?? {
                var key = key
                return key.withUTF8(fieldIndex(utf8:))
            }()
    }

    private func fieldIndex(utf8 wanted: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = wanted.first else { return members.firstIndex { $0.key.isEmpty } }
        guard keyFilter & Self.filterBit(count: wanted.count, first: first, last: wanted[wanted.count - 1]) != 0 else { return nil }
        for index in 0..<members.count {
            let key = members[index].key
            // The length and first byte rule out nearly every other key; the rest of a key
            // (a few bytes) is compared here, which is quicker than a call to memcmp.
            guard key.count == wanted.count, bytes[key.lowerBound] == first else { continue }
            var i = 1
            while i < wanted.count, bytes[key.lowerBound + i] == wanted[i] { i += 1 }
            if i == wanted.count { return index }
        }
        return nil
    }

    func fieldKey(at index: Int) -> String { text(members[index].key) }

    func isNull(at index: Int) -> Bool { members[index].kind == .null }

    func fieldValue(at index: Int) -> JSONValue {
        let member = members[index]
        switch member.kind {
        case .string: return .string(text(member.value))
        case .yes: return .bool(true)
        case .no: return .bool(false)
        case .null: return .null
        case .strings:
            // The scanner checked the shape: quoted strings without escapes, commas, spaces.
            var elements: [JSONValue] = []
            var i = member.value.lowerBound
            while i < member.value.upperBound {
                if bytes[i] == UInt8(ascii: "\"") {
                    var close = i + 1
                    while bytes[close] != UInt8(ascii: "\"") { close += 1 }
                    elements.append(.string(text((i + 1)..<close)))
                    i = close
                }
                i += 1
            }
            return .array(elements)
        }
    }

    /// The raw bytes: a string that is not valid UTF-8 is repaired only when made a `String`,
    /// so a rule reading bytes must give up on what the repaired text would fail too.
    func withStringBytes<R>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        let member = members[index]
        guard member.kind == .string else { return nil }
        return body(UnsafeBufferPointer(rebasing: bytes[member.value]))
    }

    /// As `JSONParser` makes a string without escapes: the bytes decoded, bad UTF-8 repaired.
    private func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}

/// Reads a line of the form `{"type":"…","data":{…}}` whose `data` is flat (see `FlatObject`)
/// into `FlatObject` members, or gives up. It accepts only what `JSONParser` accepts and reads
/// it the same way; giving up is always safe, because the caller then parses the whole line.
struct FlatLineScanner {
    /// More members than this and the line takes the tree path (`FieldReader` keeps a bit per member).
    static let maxMembers = 64

    private let base: UnsafePointer<UInt8>
    private let end: Int
    private var pos = 0

    init(_ line: UnsafeBufferPointer<UInt8>) {
        base = line.baseAddress ?? UnsafePointer(bitPattern: 1)!
        end = line.count
    }

    /// The line's `type` bytes and the `data` object's range, its members written to `members`;
    /// nil when the line is anything but that plain shape.
    mutating func scan(into members: inout [FlatObject.Member]) -> (type: Range<Int>, data: Range<Int>)? {
        members.removeAll(keepingCapacity: true)
        var type: Range<Int>?
        var data: Range<Int>?
        guard consume(UInt8(ascii: "{")) else { return nil }
        repeat {
            guard let key = string() else { return nil }
            guard consume(UInt8(ascii: ":")) else { return nil }
            skipSpace()
            switch (key.count, base[key.lowerBound]) {
            case (4, UInt8(ascii: "t")) where type == nil && matches(key, "type"):
                guard let value = string() else { return nil }
                type = value
            case (4, UInt8(ascii: "d")) where data == nil && matches(key, "data"):
                let start = pos
                guard object(into: &members) else { return nil }
                data = start..<pos
            default: return nil
            }
        } while consume(UInt8(ascii: ","))
        guard consume(UInt8(ascii: "}")), let type, let data else { return nil }
        skipSpace()
        return pos == end ? (type, data) : nil
    }

    /// A flat object's members; false when it is not flat, a key repeats or there are too many.
    private mutating func object(into members: inout [FlatObject.Member]) -> Bool {
        guard consume(UInt8(ascii: "{")) else { return false }
        skipSpace()
        if pos < end, base[pos] == UInt8(ascii: "}") {
            pos += 1
            return true
        }
        repeat {
            guard members.count < FlatLineScanner.maxMembers, let key = string(), isASCII(key), consume(UInt8(ascii: ":")) else {
                return false
            }
            skipSpace()
            guard pos < end, let (kind, value) = self.value() else { return false }
            // The length and first byte tell nearly every pair of keys apart without a call to memcmp.
            for other in members where other.key.count == key.count && (key.isEmpty || base[other.key.lowerBound] == base[key.lowerBound]) {
                if memcmp(base + other.key.lowerBound, base + key.lowerBound, key.count) == 0 { return false }
            }
            members.append(FlatObject.Member(key: key, kind: kind, value: value))
        } while consume(UInt8(ascii: ","))
        return consume(UInt8(ascii: "}"))
    }

    private mutating func value() -> (FlatObject.Kind, Range<Int>)? {
        switch base[pos] {
        case UInt8(ascii: "\""): return string().map { (.string, $0) }
        case UInt8(ascii: "t"): return literal("true") ? (.yes, pos..<pos) : nil
        case UInt8(ascii: "f"): return literal("false") ? (.no, pos..<pos) : nil
        case UInt8(ascii: "n"): return literal("null") ? (.null, pos..<pos) : nil
        case UInt8(ascii: "["):
            pos += 1
            let start = pos
            skipSpace()
            if pos < end, base[pos] == UInt8(ascii: "]") {
                pos += 1
                return (.strings, start..<(pos - 1))
            }
            repeat {
                skipSpace()
                guard string() != nil else { return nil }
                skipSpace()
            } while consume(UInt8(ascii: ","))
            guard pos < end, base[pos] == UInt8(ascii: "]") else { return nil }
            pos += 1
            return (.strings, start..<(pos - 1))
        default: return nil
        }
    }

    /// A quoted string without escapes or control characters, after any spaces; its content's range.
    private mutating func string() -> Range<Int>? {
        skipSpace()
        guard pos < end, base[pos] == UInt8(ascii: "\"") else { return nil }
        pos += 1
        let start = pos
        // Eight bytes at a time while none of them can end the string or make it not plain.
        while end - pos >= 8, !Self.mayStop(UnsafeRawPointer(base + pos).loadUnaligned(as: UInt64.self)) { pos += 8 }
        while pos < end {
            let c = base[pos]
            if c == UInt8(ascii: "\"") {
                pos += 1
                return start..<(pos - 1)
            }
            if c == UInt8(ascii: "\\") || c < 0x20 { return nil }
            pos += 1
        }
        return nil
    }

    /// Whether any byte of `word` is a quote, a backslash or below 0x20 (the classic SWAR tests
    /// for a zero byte and for a byte below n; false positives only send the caller byte by byte).
    @inline(__always) private static func mayStop(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let control = (word &- ones &* 0x20) & ~word & highs
        return hasZero(quote) || hasZero(backslash) || control != 0
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard end - pos >= count, memcmp(base + pos, word.utf8Start, count) == 0 else { return false }
        pos += count
        return true
    }

    /// Skips spaces, then takes `c` if it is next.
    private mutating func consume(_ c: UInt8) -> Bool {
        skipSpace()
        guard pos < end, base[pos] == c else { return false }
        pos += 1
        return true
    }

    /// Keys other than ASCII take the tree path: there, two keys whose bytes differ can still be
    /// one key (bad UTF-8 read as U+FFFD, canonically equal forms), which a byte compare misses.
    private func isASCII(_ range: Range<Int>) -> Bool {
        for i in range where base[i] >= 0x80 { return false }
        return true
    }

    private func matches(_ range: Range<Int>, _ word: StaticString) -> Bool {
        range.count == word.utf8CodeUnitCount && memcmp(base + range.lowerBound, word.utf8Start, range.count) == 0
    }

    private mutating func skipSpace() {
        while pos < end {
            switch base[pos] {
            case 0x20, 0x09, 0x0A, 0x0D: pos += 1
            default: return
            }
        }
    }
}
