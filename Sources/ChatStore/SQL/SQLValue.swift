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
    /// open-addressed table under an FNV-1a hash of the name's bytes: Swift's seeded SipHash,
    /// once for every column a decoder reads of every row, was 6 % of a channel query's CPU.
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

        /// Over the bytes in place: iterating `utf8` went through unspecialized `Collection` calls.
        private static func hash(_ name: String) -> Int {
            var name = name
            return name.withUTF8 { bytes in
                var hash: UInt64 = 0xcbf2_9ce4_8422_2325
                for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
                return Int(truncatingIfNeeded: hash)
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
