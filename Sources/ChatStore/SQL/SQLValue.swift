import ChatModel

/// A value bound to or read from SQL, the same for both backends. The store's schema keeps to
/// these four kinds (booleans are 0/1, times and JSON are text; see `Schema`).
public enum SQLValue: Sendable, Hashable {
    case null
    case int(Int64)
    case double(Double)
    case text(String)

    var isNull: Bool {
        if case .null = self { true } else { false }
    }
}

/// A Swift value that binds as an SQL argument.
public protocol SQLBindable {
    var sqlValue: SQLValue { get }
}

extension SQLValue: SQLBindable { public var sqlValue: SQLValue { self } }
extension String: SQLBindable { public var sqlValue: SQLValue { .text(self) } }
extension Int: SQLBindable { public var sqlValue: SQLValue { .int(Int64(self)) } }
extension Int64: SQLBindable { public var sqlValue: SQLValue { .int(self) } }
extension Bool: SQLBindable { public var sqlValue: SQLValue { .int(self ? 1 : 0) } }
extension Double: SQLBindable { public var sqlValue: SQLValue { .double(self) } }
extension Optional: SQLBindable where Wrapped: SQLBindable {
    public var sqlValue: SQLValue { self?.sqlValue ?? .null }
}

/// A Swift value a column reads back as.
public protocol SQLDecodable {
    static func decode(_ value: SQLValue) -> Self?
}

extension String: SQLDecodable {
    public static func decode(_ value: SQLValue) -> String? {
        switch value {
        case .text(let s): s
        case .int(let i): String(i)
        case .double(let d): String(d)
        case .null: nil
        }
    }
}

extension Int: SQLDecodable {
    public static func decode(_ value: SQLValue) -> Int? {
        switch value {
        case .int(let i): Int(i)
        case .double(let d): Int(d)
        case .text(let s): Int(s)
        case .null: nil
        }
    }
}

extension Int64: SQLDecodable {
    public static func decode(_ value: SQLValue) -> Int64? { Int.decode(value).map(Int64.init) }
}

extension Bool: SQLDecodable {
    public static func decode(_ value: SQLValue) -> Bool? { Int.decode(value).map { $0 != 0 } }
}

extension Double: SQLDecodable {
    public static func decode(_ value: SQLValue) -> Double? {
        switch value {
        case .int(let i): Double(i)
        case .double(let d): d
        case .text(let s): Double(s)
        case .null: nil
        }
    }
}

/// One result row: values by column name, as GRDB's `Row` reads them (`row["id"]`).
public struct SQLRow {
    /// Column positions by name, shared by every row of one result. Looked up in a small
    /// open-addressed table under a hash of the name's first and last eight bytes: Swift's
    /// seeded SipHash, once for every column a decoder reads of every row, was 6 % of a channel
    /// query's CPU, and FNV-1a, a multiply per byte, still 2 %.
    final class Columns {
        let names: [String]
        /// A power of two, at least twice the columns; each slot a column's position, or -1.
        private let slots: [Int]

        init(_ names: [String]) {
            self.names = names
            var size = 8
            while size < 2 * names.count { size <<= 1 }
            var slots = [Int](repeating: -1, count: size)
            // The first column of a name wins (`SELECT c.*, m.cid` keeps `c.cid`), as in GRDB.
            for (i, name) in names.enumerated() {
                var slot = Self.hash(name) & (size - 1)
                while slots[slot] >= 0, names[slots[slot]] != name { slot = (slot + 1) & (size - 1) }
                if slots[slot] < 0 { slots[slot] = i }
            }
            self.slots = slots
        }

        /// The position of the first column named `name`, if any.
        func position(of name: String) -> Int? {
            let mask = slots.count - 1
            var slot = Self.hash(name) & mask
            while slots[slot] >= 0 {
                if names[slots[slot]] == name { return slots[slot] }
                slot = (slot + 1) & mask
            }
            return nil
        }

        /// Over the bytes in place (iterating `utf8` went through unspecialized `Collection`
        /// calls): the length and the first and last eight bytes as words, which tell apart
        /// names such as `created_at` and `updated_at` or `reply_count` and `reaction_counts`;
        /// names alike there only probe a slot further, as `position(of:)` compares the names.
        private static func hash(_ name: String) -> Int {
            var name = name
            return name.withUTF8 { bytes in
                var head: UInt64 = 0
                var tail: UInt64 = 0
                if bytes.count >= 8, let base = bytes.baseAddress {
                    head = UnsafeRawPointer(base).loadUnaligned(as: UInt64.self)
                    tail = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self)
                } else {
                    for byte in bytes { head = head << 8 | UInt64(byte) }
                }
                let mixed = (head ^ (tail &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(bytes.count)) &* 0xFF51_AFD7_ED55_8CCD
                return Int(truncatingIfNeeded: mixed ^ mixed >> 32)
            }
        }
    }

    let columns: Columns
    public let values: [SQLValue]

    /// The result's column names, in order.
    public var names: [String] { columns.names }

    public func value(_ name: String) -> SQLValue {
        guard let i = columns.position(of: name) else { preconditionFailure("no column \(name) in \(columns.names)") }
        return values[i]
    }

    /// A column that may be NULL.
    public subscript<T: SQLDecodable>(_ name: String) -> T? { T.decode(value(name)) }

    /// A column that is never NULL (a NULL here is a bug in the query, as in GRDB).
    public subscript<T: SQLDecodable>(_ name: String) -> T {
        guard let value = T.decode(value(name)) else { preconditionFailure("column \(name) is NULL or not a \(T.self)") }
        return value
    }
}
