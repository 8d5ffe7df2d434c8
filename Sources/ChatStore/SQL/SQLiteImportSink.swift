import ChatModel

/// An import into SQLite, many rows a statement: one `INSERT` a row spent a third of an
/// import's CPU in the statement's round of bind, step and reset. Rows wait in one batch per
/// row shape (so per table) and go as one `INSERT … VALUES (…), (…) … ON CONFLICT …` when the
/// batch holds as many values as a statement may bind, the rest at `finish()`; each text is
/// prepared once per row count and reused. Rows of different tables may be written in any
/// order: the store has no foreign keys, and the word index's triggers read only their own row.
/// A row is never written twice in a batch: the analyzer reports a key a file holds twice and
/// writes nothing after an error. It all stays inside the import's one transaction.
final class SQLiteImportSink: ImportSink {
    private struct Batch {
        /// The item type the rows count for; nil for a poll's option rows, which count as their poll.
        let type: ItemType?
        /// The batch's first row: its columns and conflict clause are every row's.
        let first: RowWrite
        var values: [SQLValue] = []
        var count = 0
    }

    private struct StatementKey: Hashable {
        var shape: RowWrite.Shape
        var rows: Int
    }

    private let db: any SQLSession
    private let writing: ImportWrite
    private let importTime: SQLValue
    /// Import v2's `use_import_time_as_op_time`: every item made at this time.
    private let opTime: Timestamp?
    /// How many values one statement binds at most: the library's limit, and no more than its
    /// default since 3.32 (Debian's allows 250,000, but a statement of 1,500 messages already
    /// makes its own cost nothing beside the rows').
    private let variableLimit: Int
    private var batches: [RowWrite.Shape: Batch] = [:]
    private var statements: [StatementKey: String] = [:]
    /// Polls wait for `finish()`, where which of them the store holds is asked once for all.
    private var polls: [Poll] = []
    private var counts = ImportWriteCounts()

    init(db: GRDBSession, mode: ImportMode, mergeCustom: Bool = false, importTime: Timestamp, opTime: Timestamp? = nil) {
        self.db = db
        writing = ImportWrite(mode: mode, mergeCustom: mergeCustom)
        self.importTime = StoredValue.time(importTime)
        self.opTime = opTime
        variableLimit = min(db.variableLimit, 32_766)
    }

    func write(_ given: ImportItem) throws -> ImportWriteOutcome {
        let item = opTime.map(given.madeAt) ?? given
        if case .poll(let poll) = item {
            polls.append(poll)
        } else {
            try add(StoreImportSink.row(for: item, importTime: importTime), counted: item.type)
        }
        return .deferred
    }

    private func add(_ row: RowWrite, counted: ItemType?) throws {
        // Taken out while it grows, so its values are not copied on each append.
        var batch = batches.removeValue(forKey: row.shape) ?? Batch(type: counted, first: row)
        batch.values.append(contentsOf: row.arguments)
        batch.count += 1
        if batch.values.count + row.columns.count > variableLimit {
            try flush(batch)
        } else {
            batches[row.shape] = batch
        }
    }

    func finish() throws -> ImportWriteCounts {
        try writePolls()
        let pending = batches
        batches = [:]
        for batch in pending.values { try flush(batch) }
        return counts
    }

    /// Insert mode skips a poll that exists, options and all; upsert replaces a poll's options,
    /// as the Poll API's full update does: the stored ones the item no longer lists go.
    private func writePolls() throws {
        var existing: Set<String> = []
        if writing.mode == .insert {
            for start in stride(from: 0, to: polls.count, by: variableLimit) {
                let ids = polls[start..<min(start + variableLimit, polls.count)].map { SQLValue.text($0.id) }
                let found: [String] = try db.values("SELECT id FROM polls WHERE id IN (\(placeholders(ids.count)))", ids)
                existing.formUnion(found)
            }
        } else {
            for poll in polls {
                let stale = StoreImportSink.staleOptions(of: poll)
                try db.execute(stale.sql, stale.arguments)
            }
        }
        for (row, counted) in StoreImportSink.pollRows(polls, existing: existing, importTime: importTime) {
            try add(row, counted: counted)
        }
        polls = []
    }

    /// `changes()` counts the rows a statement wrote: an insert's `DO NOTHING` only the new ones
    /// (the rest were skipped), an upsert's `DO UPDATE` the updated ones too, as one statement a
    /// row counted them.
    private func flush(_ batch: Batch) throws {
        let key = StatementKey(shape: batch.first.shape, rows: batch.count)
        let sql = statements[key] ?? batch.first.sql(writing, rows: batch.count)
        statements[key] = sql
        let changed = try db.execute(sql, batch.values)
        guard let type = batch.type else { return }
        counts.written[type] += changed
        counts.skipped[type] += batch.count - changed
    }
}
