import ChatModel
import NIOCore

/// An import into PostgreSQL, thousands of rows a statement: one round trip a row held the
/// import to a few thousand items a second, and a `VALUES` list of a thousand rows to fifty
/// thousand, the server parsing and planning a parameter per cell. Rows wait in one batch per
/// row shape (so per table), and go when the batch is full, and the rest at `finish()`: as one
/// `COPY` into a table whose rows cannot conflict (see `plainWhenEmpty`), else a column at a
/// time as PostgreSQL arrays in one `INSERT … SELECT * FROM unnest(…) ON CONFLICT …`. One
/// statement is in flight while the next batch is made: the server inserts while the client
/// validates. Rows are made and sent on a thread of their own (`ChunkedHandoff`), so the
/// import's thread only checks items. Rows of different tables may be written in any order:
/// the store has no foreign keys or triggers. A row is never written twice in a batch (which
/// `DO UPDATE` refuses): the analyzer reports a key a file holds twice and writes nothing after
/// an error. It all stays inside the import's one transaction.
final class PostgresImportSink: ImportSink {
    private struct Batch {
        /// The item type the rows count for; nil for a poll's option rows, which count as their poll.
        let type: ItemType?
        /// `INSERT … SELECT * FROM unnest(…)` with one array a column, or nil: `COPY` of `copied`.
        let sql: String?
        var columns: [PostgresArrayColumn] = []
        let table: String
        let names: [String]
        var copied: PostgresCopyRows?
        var count = 0

        mutating func append(_ row: RowWrite) {
            if copied != nil {
                copied!.append(row.columns.lazy.map(\.value))
            } else {
                for (index, column) in row.columns.enumerated() { columns[index].append(column.value) }
            }
            count += 1
        }
    }

    private let db: PostgresSession
    private let writing: ImportWrite
    private let importTime: SQLValue
    /// Import v2's `use_import_time_as_op_time`: every item made at this time.
    private let opTime: Timestamp?
    private var batches: [RowWrite.Shape: Batch] = [:]
    /// The SQL per shape, made once; nil for a shape that goes by COPY.
    private var statements: [RowWrite.Shape: String?] = [:]
    /// Of the tables in `plainWhenEmpty` and `StoreImportSink.indexedAfterRows`, whether each
    /// held rows when the import first wrote to it.
    private var held: [String: Bool] = [:]
    /// The definitions of the indexes dropped as the import first wrote to their empty table,
    /// made again at `finish()`.
    private var dropped: [String] = []
    /// Polls wait for `finish()`, where what they need from the store is asked once for all.
    private var polls: [Poll] = []
    private var counts = ImportWriteCounts()
    /// The statement sent last, not yet answered.
    private var inFlight: (changed: EventLoopFuture<Int>, type: ItemType?, count: Int)?
    /// Everything above is the handoff's thread's until a wait on it.
    private lazy var handoff = ChunkedHandoff<ImportItem>(label: "chatterm.postgres-import") { [unowned self] in
        try self.rows(of: $0)
    }

    /// Rows a statement holds at most: enough that the round trip is nothing beside the rows,
    /// few enough that a batch is a few megabytes.
    static let maxRows = 5000

    init(db: PostgresSession, mode: ImportMode, mergeCustom: Bool = false, importTime: Timestamp, opTime: Timestamp? = nil) {
        self.db = db
        writing = ImportWrite(mode: mode, mergeCustom: mergeCustom)
        self.importTime = StoredValue.time(importTime)
        self.opTime = opTime
    }

    func write(_ given: ImportItem) throws -> ImportWriteOutcome {
        try handoff.append(given)
        return .deferred
    }

    /// On the handoff's thread.
    private func rows(of given: ImportItem) throws {
        let item = opTime.map(given.madeAt) ?? given
        if case .poll(let poll) = item {
            polls.append(poll)
        } else {
            try add(StoreImportSink.row(for: item, importTime: importTime, .postgres), counted: item.type)
        }
    }

    private func add(_ row: RowWrite, counted: ItemType?) throws {
        // Taken out while it grows, so its buffers are not copied on each append.
        var batch = try batches.removeValue(forKey: row.shape) ?? newBatch(for: row, counted: counted)
        batch.append(row)
        if batch.count == Self.maxRows {
            try flush(batch)
        } else {
            batches[row.shape] = batch
        }
    }

    private func newBatch(for row: RowWrite, counted: ItemType?) throws -> Batch {
        let known = statements[row.shape]
        let sql = try known ?? (canConflict(row.table) ? row.postgresSQL(writing) : nil)
        if known == nil { statements[row.shape] = .some(sql) }
        let names = row.columns.map(\.name)
        guard let sql else { return Batch(type: counted, sql: nil, table: row.table, names: names, copied: PostgresCopyRows()) }
        let columns = row.columns.map { PostgresArrayColumn(kind: .init($0.value)) }
        return Batch(type: counted, sql: sql, columns: columns, table: row.table, names: names)
    }

    /// Tables that only imports and clients' sends fill, under ids the file's could hardly
    /// clash with: when one is empty as the import begins writing to it, its rows go in by
    /// COPY, without `ON CONFLICT`, whose speculative insertion costs the server about 40% more a
    /// row (7.1 s against 5.0 s of CPU for a million messages). A row the file cannot hold twice
    /// cannot conflict there, so both modes write every row, as `ON CONFLICT` would; if a server
    /// inserts the same key meanwhile, the import fails whole instead of skipping it. The
    /// other tables (users, channels, members…), which servers fill as clients connect, keep it.
    static let plainWhenEmpty: Set<String> = ["messages", "reactions", "poll_votes"]

    private func canConflict(_ table: String) throws -> Bool {
        let plain = Self.plainWhenEmpty.contains(table)
        guard plain || StoreImportSink.indexedAfterRows.contains(table) else { return true }
        return try (held[table] ?? firstWrite(to: table)) || !plain
    }

    /// Whether `table` holds rows as the import first writes to it. Into an empty table of
    /// `indexedAfterRows`, its secondary indexes are dropped here and made at `finish()` from
    /// the finished rows: one sort each instead of growing row by row, which was most of
    /// PostgreSQL's CPU (5.06 s against 1.21 s to COPY a million messages, and about 7 s more
    /// for the word index). Their definitions come from the catalog, so they are made again
    /// exactly as the schema made them, and it all happens inside the import's transaction, so
    /// a failed or killed import leaves them as they were. `DROP INDEX` locks the table until
    /// the commit, so other servers' reads of it wait for the import: only a table with
    /// nothing to read yet.
    private func firstWrite(to table: String) throws -> Bool {
        // A batch that failed would fail this read: its error is the one to report.
        try settleInFlight()
        let holds = try !db.rows("SELECT 1 FROM \(table) LIMIT 1", []).isEmpty
        held[table] = holds
        if !holds && StoreImportSink.indexedAfterRows.contains(table) { try dropSecondaryIndexes(of: table) }
        if !holds && Self.plainWhenEmpty.contains(table) { try dropPrimaryKey(of: table) }
        return holds
    }

    /// Drops the primary key of an empty table the import fills by COPY, keeping its definition
    /// for `finish()`, which adds it again first: one sort instead of a look-up a row (in `psql`,
    /// a million messages took 4.1 s to COPY with the key, 2.6 s without and 0.5 s to add it
    /// after). The key checks nothing meanwhile: no `ON CONFLICT` reads it, the file holds no
    /// key twice, the checker asks nothing of a table that was empty, and the lock that `DROP`
    /// takes keeps other servers' inserts out until the commit. Adding it fails the import
    /// whole if a key came twice all the same.
    private func dropPrimaryKey(of table: String) throws {
        let keys = try db.rows(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = ?::regclass AND contype = 'p'",
            [.text(table)]
        )
        for key in keys {
            guard let name = String.decode(key.values[0]), let definition = String.decode(key.values[1]) else { continue }
            try db.execute("ALTER TABLE \"\(table)\" DROP CONSTRAINT \"\(name)\"", [])
            dropped.insert("ALTER TABLE \"\(table)\" ADD CONSTRAINT \"\(name)\" \(definition)", at: 0)
        }
    }

    /// Drops the indexes of `table` that neither are its primary key nor keep anything unique
    /// (an `ON CONFLICT` needs those) nor back a constraint (which `DROP INDEX` refuses, as an
    /// exclusion constraint's), keeping their definitions.
    private func dropSecondaryIndexes(of table: String) throws {
        let indexes = try db.rows(
            """
            SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
            WHERE i.indrelid = ?::regclass AND NOT i.indisunique
            AND NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conindid = i.indexrelid) ORDER BY c.relname
            """,
            [.text(table)]
        )
        for index in indexes {
            guard let name = String.decode(index.values[0]), let definition = String.decode(index.values[1]),
                !StoreImportSink.keptThroughImport.contains(name)
            else { continue }
            try db.execute("DROP INDEX \"\(name)\"", [])
            dropped.append(definition)
        }
    }

    func finish() throws -> ImportWriteCounts {
        try handoff.flush()
        try writePolls()
        let pending = batches
        batches = [:]
        for batch in pending.values { try flush(batch) }
        try settleInFlight()
        try buildDroppedIndexes()
        return counts
    }

    /// Memory for each index build, PostgreSQL's for the length of a build only (this
    /// transaction's `SET LOCAL`). A btree build gets a parallel worker for each 32 MB beyond
    /// the first (up to `max_parallel_maintenance_workers`, 2 by default), which halves the
    /// import's own CPU for a million messages' `messages_by_channel` (1.2 s to 0.6 s), and
    /// their word index is built in one pass. Its CPU was the same at 64 MB (7.1 s, mostly
    /// `to_tsvector`, before schema step v14m), and at 512 MB its peak memory is the same as
    /// here (a 104 MB backend).
    static let indexBuildMemory = "256MB"

    private func buildDroppedIndexes() throws {
        guard !dropped.isEmpty else { return }
        try db.execute("SET LOCAL maintenance_work_mem = '\(Self.indexBuildMemory)'", [])
        for definition in dropped { try db.execute(definition, []) }
        dropped = []
    }

    /// Insert mode skips a poll that exists, options and all; upsert replaces a poll's options,
    /// as the Poll API's full update does: the stored ones the item no longer lists go.
    private func writePolls() throws {
        guard !polls.isEmpty else { return }
        var existing: Set<String> = []
        if writing.mode == .insert {
            var ids = PostgresArrayColumn(kind: .text)
            for poll in polls { ids.append(.text(poll.id)) }
            // A batch that failed would fail this read: its error is the one to report.
            try settleInFlight()
            let rows = try db.rows(numbered: "SELECT id FROM polls WHERE id = ANY($1::text[])", columns: [ids])
            existing = Set(rows.compactMap { String.decode($0.values[0]) })
        } else {
            var ids = PostgresArrayColumn(kind: .text)
            var keptPolls = PostgresArrayColumn(kind: .text)
            var keptOptions = PostgresArrayColumn(kind: .text)
            for poll in polls {
                ids.append(.text(poll.id))
                for option in poll.options {
                    keptPolls.append(.text(poll.id))
                    keptOptions.append(.text(option.id))
                }
            }
            // It names the options kept, so it may run before or after they are written.
            let sql = """
                DELETE FROM poll_options WHERE poll_id = ANY($1::text[])
                AND (poll_id, id) NOT IN (SELECT * FROM unnest($2::text[], $3::text[]))
                """
            try pipeline(db.send(numbered: sql, columns: [ids, keptPolls, keptOptions]), type: nil, count: 0)
        }
        for (row, counted) in StoreImportSink.pollRows(polls, existing: existing, importTime: importTime) {
            try add(row, counted: counted)
        }
        polls = []
    }

    private func flush(_ batch: Batch) throws {
        guard let sql = batch.sql else {
            let copied: EventLoopFuture<Int>
            do {
                copied = try db.copy(into: batch.table, columns: batch.names, rows: batch.copied ?? PostgresCopyRows())
            } catch {
                // The statement before it failed, which is why this one could not begin: that
                // error is the one to report.
                try settleInFlight()
                throw error
            }
            return try pipeline(copied, type: batch.type, count: batch.count)
        }
        try pipeline(db.send(numbered: sql, columns: batch.columns), type: batch.type, count: batch.count)
    }

    /// Makes `sent` the statement in flight once the one before it is answered. A statement that
    /// fails aborts the transaction, so the one just sent fails too, and the import's ROLLBACK
    /// (sent after both) ends it: the first error is the one thrown.
    private func pipeline(_ sent: EventLoopFuture<Int>, type: ItemType?, count: Int) throws {
        try settleInFlight()
        inFlight = (sent, type, count)
    }

    /// Waits for the items handed over and the statement in flight; throws the first error.
    func settle() throws {
        try handoff.wait()
        try settleInFlight()
    }

    /// Ends the import's writes early (it failed elsewhere): no statement is sent after this
    /// returns, so the transaction's end comes after every one sent.
    func stop() { handoff.stop() }

    /// Waits for the statement in flight and counts its rows; throws its error.
    private func settleInFlight() throws {
        guard let last = inFlight else { return }
        inFlight = nil
        let changed = try last.changed.wait()
        guard let type = last.type else { return }
        counts.written[type] += changed
        counts.skipped[type] += last.count - changed
    }
}
