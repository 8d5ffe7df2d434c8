import ChatModel
import GRDB

/// How model values become SQLite values in this store (see `Schema` for the conventions).
enum StoredValue {
    static func time(_ t: Timestamp?) -> DatabaseValue { t.map { $0.storageText.databaseValue } ?? .null }
    static func json(_ v: JSONValue) -> DatabaseValue { JSONWriter().string(v).databaseValue }
    static func json(_ o: JSONObject?) -> DatabaseValue { o.map { json(.object($0)) } ?? .null }
    static func json(_ list: [String]?) -> DatabaseValue { list.map { json(.array($0.map(JSONValue.string))) } ?? .null }
    static func bool(_ b: Bool?) -> DatabaseValue { b.map { ($0 ? 1 : 0).databaseValue } ?? .null }
    static func text(_ s: String?) -> DatabaseValue { s?.databaseValue ?? .null }

    /// Reads a JSON column back; a NULL or unreadable column is nil.
    static func decodeJSON(_ text: String?) -> JSONValue? {
        guard let text else { return nil }
        return try? JSONParser.parse(text)
    }

    static func decodeTime(_ text: String?) -> Timestamp? { text.flatMap(Timestamp.init(rfc3339:)) }
}

/// One row to insert or upsert. A column is "provided" when the item carried it: upsert
/// overwrites provided columns only; the rest keep their stored value (or get their default
/// on insert).
struct RowWrite {
    struct Column {
        var name: String
        var value: DatabaseValue
        var provided: Bool
    }

    let table: String
    let key: [String]
    private(set) var columns: [Column] = []

    init(table: String, key: [String]) {
        self.table = table
        self.key = key
    }

    /// Adds a column the item may or may not have set. When it did not, `fallback` is
    /// written on insert (nil: the schema's default), and nothing on update.
    mutating func set(_ name: String, _ value: DatabaseValue, fallback: DatabaseValue? = nil) {
        if !value.isNull {
            columns.append(Column(name: name, value: value, provided: true))
        } else if let fallback {
            columns.append(Column(name: name, value: fallback, provided: false))
        }
    }

    func execute(_ db: Database, mode: ImportMode) throws -> ImportWriteOutcome {
        let names = columns.map(\.name)
        let updates = columns.filter { $0.provided && !key.contains($0.name) }.map { "\($0.name) = excluded.\($0.name)" }
        let action = mode == .insert || updates.isEmpty ? "DO NOTHING" : "DO UPDATE SET " + updates.joined(separator: ", ")
        let sql = "INSERT INTO \(table) (\(names.joined(separator: ", "))) VALUES (\(Array(repeating: "?", count: names.count).joined(separator: ", "))) ON CONFLICT(\(key.joined(separator: ", "))) \(action)"
        // Each distinct column set is one SQL text; GRDB keeps its prepared statement.
        let statement = try db.cachedStatement(sql: sql)
        try statement.execute(arguments: StatementArguments(columns.map(\.value)))
        return db.changesCount > 0 ? .written : .skipped
    }
}
