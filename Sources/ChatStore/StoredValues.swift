import ChatModel

/// How model values become SQL values in this store (see `Schema` for the conventions).
enum StoredValue {
    static func time(_ t: Timestamp?) -> SQLValue { t.map { .text($0.storageText) } ?? .null }
    static func json(_ v: JSONValue) -> SQLValue { .text(JSONWriter().string(v)) }
    static func json(_ o: JSONObject?) -> SQLValue { o.map { json(.object($0)) } ?? .null }
    static func json(_ list: [String]?) -> SQLValue { list.map { json(.array($0.map(JSONValue.string))) } ?? .null }
    static func bool(_ b: Bool?) -> SQLValue { b.sqlValue }
    static func text(_ s: String?) -> SQLValue { s.sqlValue }

    /// Reads a JSON column back; a NULL or unreadable column is nil.
    static func decodeJSON(_ text: String?) -> JSONValue? {
        guard let text else { return nil }
        return try? JSONParser.parse(text)
    }

    static func decodeTime(_ text: String?) -> Timestamp? { text.flatMap(Timestamp.init(rfc3339:)) }
}

/// How an import writes its rows: Stream's `mode`, and `merge_custom` for upsert.
struct ImportWrite: Hashable {
    var mode: ImportMode
    var mergeCustom = false
}

/// One row to insert or upsert. A column is "provided" when the item carried it: upsert
/// overwrites provided columns only; the rest keep their stored value (or get their default
/// on insert).
struct RowWrite {
    struct Column {
        var name: String
        var value: SQLValue
        var provided: Bool
    }

    /// Which of the table's columns a row sets and which the item provided, one bit each in
    /// `set` call order: rows of the same shape share one SQL statement.
    struct Shape: Hashable {
        var table: String
        var present: UInt64 = 0
        var provided: UInt64 = 0
    }

    let table: String
    let key: [String]
    private(set) var columns: [Column] = []
    private(set) var shape: Shape
    private var position = 0

    init(table: String, key: [String]) {
        self.table = table
        self.key = key
        shape = Shape(table: table)
        // The widest row (a message) sets 24 columns: one allocation, not six growing ones.
        columns.reserveCapacity(24)
    }

    /// Adds a column the item may or may not have set. When it did not, `fallback` is
    /// written on insert (nil: the schema's default), and nothing on update.
    mutating func set(_ name: String, _ value: SQLValue, fallback: SQLValue? = nil) {
        let bit: UInt64 = 1 << UInt64(position)
        position += 1
        if !value.isNull {
            columns.append(Column(name: name, value: value, provided: true))
            shape.present |= bit
            shape.provided |= bit
        } else if let fallback {
            columns.append(Column(name: name, value: fallback, provided: false))
            shape.present |= bit
        }
    }

    /// `INSERT … ON CONFLICT …` for `rows` rows of this row's shape, their values in row
    /// order: upsert overwrites the provided columns.
    func sql(_ write: ImportWrite, rows: Int = 1) -> String {
        let values = Array(repeating: "(\(placeholders(columns.count)))", count: rows).joined(separator: ", ")
        return "INSERT INTO \(table) (\(columns.map(\.name).joined(separator: ", "))) VALUES \(values) \(conflict(write, dialect: .sqlite))"
    }

    /// The same statement for a batch of rows of this shape on PostgreSQL: one array per column
    /// (`$1` the first column's values, and so on; see `PostgresArrayColumn`), made rows again
    /// by `unnest`. Without `write`, a plain insert, for rows that cannot conflict.
    func postgresSQL(_ write: ImportWrite?) -> String {
        let arrays = columns.indices.map { "$\($0 + 1)::" + PostgresArrayColumn.Kind(columns[$0].value).sqlType }
        let insert =
            "INSERT INTO \(table) (\(columns.map(\.name).joined(separator: ", "))) SELECT * FROM unnest(\(arrays.joined(separator: ", ")))"
        return write.map { insert + " " + conflict($0, dialect: .postgres) } ?? insert
    }

    private func conflict(_ write: ImportWrite, dialect: SQLDialect) -> String {
        let updates = columns.filter { $0.provided && !key.contains($0.name) }.map { column in
            guard write.mergeCustom, column.name == "custom" else { return "\(column.name) = excluded.\(column.name)" }
            return "custom = " + dialect.mergedCustom(stored: "\(table).custom", incoming: "excluded.custom")
        }
        let action = write.mode == .insert || updates.isEmpty ? "DO NOTHING" : "DO UPDATE SET " + updates.joined(separator: ", ")
        return "ON CONFLICT(\(key.joined(separator: ", "))) \(action)"
    }

    var arguments: [SQLValue] { columns.map(\.value) }
}
