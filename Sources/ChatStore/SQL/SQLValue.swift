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
    /// Column positions by name, shared by every row of one result.
    final class Columns {
        let names: [String]
        let index: [String: Int]
        init(_ names: [String]) {
            self.names = names
            var index: [String: Int] = [:]
            // The first column of a name wins (`SELECT c.*, m.cid` keeps `c.cid`), as in GRDB.
            for (i, name) in names.enumerated() where index[name] == nil { index[name] = i }
            self.index = index
        }
    }

    let columns: Columns
    public let values: [SQLValue]

    /// The result's column names, in order.
    public var names: [String] { columns.names }

    public func value(_ name: String) -> SQLValue {
        guard let i = columns.index[name] else { preconditionFailure("no column \(name) in \(columns.names)") }
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
