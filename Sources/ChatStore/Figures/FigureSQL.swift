import ChatModel

/// SQL pieces the figure queries share.
enum FigureSQL {
    /// `(label, count)` rows, most first; an empty label reads as "(none)".
    static func tallies(_ db: any SQLSession, _ sql: String) throws -> [MigrationFigures.Tally] {
        try db.rows(sql).map { row in
            let label: String = row["label"] ?? ""
            return MigrationFigures.Tally(label.isEmpty ? "(none)" : label, row["n"])
        }
    }

    /// `(id, name, n)` rows.
    static func ranked(_ db: any SQLSession, _ sql: String, _ arguments: any SQLBindable...) throws -> [MigrationFigures.Ranked] {
        try db.rows(sql, arguments.map(\.sqlValue)).map { MigrationFigures.Ranked(id: $0["id"], name: $0["name"], count: $0["n"]) }
    }
}
