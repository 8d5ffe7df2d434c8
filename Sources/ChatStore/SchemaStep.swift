extension Schema {
    /// One step of the store's schema: its name (what the migrators record), SQLite's SQL, and
    /// what PostgreSQL needs besides or instead.
    struct Step {
        var name: String
        /// Made when the step runs: the word index's step names every separator past ASCII
        /// (`MessageWordIndex.separators`), a scan of the Unicode data that was a quarter of a
        /// short command's time when every open built it for a store migrated long ago.
        private let makeSQL: @Sendable () -> String
        var sql: String { makeSQL() }
        /// PostgreSQL's own statements, for a step whose SQLite SQL has no translation (nil:
        /// `postgresDDL(sql)`).
        var postgres: [String]?
        /// PostgreSQL: what the step does after its statements that SQL alone cannot (the words
        /// chatterm splits for each message, `MessageWordIndex.postgresWordsStep`).
        var fill: (@Sendable (PostgresSession) throws -> Void)?

        init(
            name: String,
            sql: @autoclosure @escaping @Sendable () -> String,
            postgres: [String]? = nil,
            fill: (@Sendable (PostgresSession) throws -> Void)? = nil
        ) {
            self.name = name
            makeSQL = sql
            self.postgres = postgres
            self.fill = fill
        }
    }
}
