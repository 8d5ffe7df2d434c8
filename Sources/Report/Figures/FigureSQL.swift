import ChatModel
import GRDB

/// SQL pieces the figure queries share.
enum FigureSQL {
    /// An object's custom `name` when it is text, else NULL (custom data may hold anything).
    static func name(_ customColumn: String) -> String {
        "CASE json_type(\(customColumn), '$.name') WHEN 'text' THEN json_extract(\(customColumn), '$.name') END"
    }

    /// `(label, count)` rows, most first; an empty label reads as "(none)".
    static func tallies(_ db: Database, _ sql: String) throws -> [MigrationFigures.Tally] {
        try Row.fetchAll(db, sql: sql).map { row in
            let label: String = row["label"] ?? ""
            return MigrationFigures.Tally(label.isEmpty ? "(none)" : label, row["n"])
        }
    }

    /// `(id, name, n)` rows.
    static func ranked(_ db: Database, _ sql: String, _ arguments: StatementArguments = []) throws -> [MigrationFigures.Ranked] {
        try Row.fetchAll(db, sql: sql, arguments: arguments).map { MigrationFigures.Ranked(id: $0["id"], name: $0["name"], count: $0["n"]) }
    }
}
