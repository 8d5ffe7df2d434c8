import NIOCore

/// A batch of rows as `COPY … FROM STDIN` text: one line a row, columns split by tabs, NULL as
/// `\N`. For rows that cannot conflict, COPY is the server's cheapest way in: it inserts a
/// page's worth of rows at a time, where `INSERT … SELECT * FROM unnest(…)` runs the executor
/// once a row (a million messages: about 4.3 s of PostgreSQL's CPU against 5.9 s). A value is
/// written once, already in wire form, so a batch holds nothing else.
struct PostgresCopyRows: Sendable {
    private(set) var text = ByteBuffer()
    private(set) var count = 0

    /// Appends one row, its values in the statement's column order.
    mutating func append(_ values: some Sequence<SQLValue>) {
        var first = true
        for value in values {
            if !first { text.writeInteger(UInt8(ascii: "\t")) }
            first = false
            switch value {
            case .null: text.writeStaticString("\\N")
            case .int(let i): text.writeString(String(i))
            case .double(let d): text.writeString(Self.text(d))
            case .text(let s): writeEscaped(s)
            }
        }
        text.writeInteger(UInt8(ascii: "\n"))
        count += 1
    }

    /// PostgreSQL's names for the values Swift spells `inf` and `nan`.
    private static func text(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d > 0 ? "Infinity" : "-Infinity" }
        return d.description
    }

    /// Text as COPY reads it back: a backslash, tab, newline or carriage return inside a value
    /// would end the value or the row, so each becomes its backslash escape. Runs without one
    /// are copied whole, and so is a value with none, which most are.
    private mutating func writeEscaped(_ s: String) {
        var s = s
        s.withUTF8 { bytes in
            guard Self.needsEscape(bytes) else {
                text.writeBytes(UnsafeRawBufferPointer(bytes))
                return
            }
            var start = 0
            for (i, byte) in bytes.enumerated() {
                let escape: UInt8
                switch byte {
                case UInt8(ascii: "\\"): escape = UInt8(ascii: "\\")
                case UInt8(ascii: "\t"): escape = UInt8(ascii: "t")
                case UInt8(ascii: "\n"): escape = UInt8(ascii: "n")
                case UInt8(ascii: "\r"): escape = UInt8(ascii: "r")
                default: continue
                }
                text.writeBytes(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[start..<i]))
                text.writeInteger(UInt8(ascii: "\\"))
                text.writeInteger(escape)
                start = i + 1
            }
            text.writeBytes(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[start...]))
        }
    }

    /// Whether `bytes` may hold a byte to escape, tested eight bytes at a time (byte by byte,
    /// escaping was a tenth of the import's thread): a word passes when it has no backslash and
    /// no byte below 0x0E, the control characters tab, newline and carriage return among them.
    /// A byte below 0x0E may flag the word after it too (a borrow carries), never hide one.
    private static func needsEscape(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let tops: UInt64 = 0x8080_8080_8080_8080
        let raw = UnsafeRawBufferPointer(bytes)
        var i = 0
        while i + 8 <= raw.count {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let backslashes = w ^ (ones &* 0x5C)
            if (w &- ones &* 0x0E) & ~w & tops != 0 || (backslashes &- ones) & ~backslashes & tops != 0 { return true }
            i += 8
        }
        return raw[i...].contains { $0 < 0x0E || $0 == 0x5C }
    }
}
