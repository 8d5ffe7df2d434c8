import NIOCore
import PostgresNIO

/// One column of a batch of rows, sent as one PostgreSQL array in binary form: a batch of any
/// size binds one value per column, and `unnest($1::text[], $2::bigint[], …)` turns the arrays
/// back into rows. The server decodes an array with no parsing at all, where a `VALUES` list
/// has it parse and plan a parameter per cell. Elements are written as they come, so a batch
/// holds each value once, already in wire form.
struct PostgresArrayColumn: PostgresDynamicTypeEncodable {
    /// The element type, fixed by the batch's first row (a column's values are all of one kind).
    enum Kind {
        case text, bigint, double

        init(_ value: SQLValue) {
            switch value {
            case .int: self = .bigint
            case .double: self = .double
            case .text, .null: self = .text
            }
        }

        /// The array's type as the statement casts it.
        var sqlType: String {
            switch self {
            case .text: "text[]"
            case .bigint: "bigint[]"
            case .double: "float8[]"
            }
        }

        fileprivate var element: PostgresDataType {
            switch self {
            case .text: .text
            case .bigint: .int8
            case .double: .float8
            }
        }
    }

    let kind: Kind
    private var elements = ByteBuffer()
    private var count: Int32 = 0
    private var hasNull = false

    init(kind: Kind) { self.kind = kind }

    /// Appends one element: its length, then its bytes (a NULL is length -1 and no bytes).
    mutating func append(_ value: SQLValue) {
        count += 1
        switch value {
        case .null:
            hasNull = true
            elements.writeInteger(Int32(-1))
        case .int(let i):
            elements.writeInteger(Int32(8))
            elements.writeInteger(i)
        case .double(let d):
            elements.writeInteger(Int32(8))
            elements.writeInteger(d.bitPattern)
        case .text(let s):
            let lengthAt = elements.writerIndex
            elements.writeInteger(Int32(0))
            let length = elements.writeString(s)
            elements.setInteger(Int32(length), at: lengthAt)
        }
    }

    var psqlType: PostgresDataType {
        switch kind {
        case .text: .textArray
        case .bigint: .int8Array
        case .double: .float8Array
        }
    }

    var psqlFormat: PostgresFormat { .binary }

    /// PostgreSQL's binary array: dimensions, a has-NULLs flag, the element type, the one
    /// dimension's length and lower bound, then the elements.
    func encode<JSONEncoder: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        buffer.writeInteger(Int32(1))
        buffer.writeInteger(Int32(hasNull ? 1 : 0))
        buffer.writeInteger(kind.element.rawValue)
        buffer.writeInteger(count)
        buffer.writeInteger(Int32(1))
        var elements = elements
        buffer.writeBuffer(&elements)
    }
}
