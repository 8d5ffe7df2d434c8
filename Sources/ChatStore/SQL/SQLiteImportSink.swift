import ChatModel
import GRDB

/// An import into SQLite, many rows a statement: one `INSERT` a row spent a third of an
/// import's CPU in the statement's round of bind, step and reset. Rows wait in one batch per
/// row shape (so per table) and go as one `INSERT … VALUES (…), (…) … ON CONFLICT …` once the
/// batch holds `rowsPerStatement` rows, the rest at `finish()`. Each shape keeps one prepared
/// statement for its full batches; a remainder's statement is prepared, run once and dropped.
/// So memory stays one small batch and statement per shape (each set of optional fields a row
/// has is a shape of its own). Statements of up to 32,766 values, one kept per shape and per
/// remainder, each holding a copy of its last rows' text, took 476 MiB at peak on a million
/// messages, against 262 MiB one row a statement and 250 MiB now.
/// Rows of different tables may be written in any order: the store has no foreign keys, and
/// the word index's triggers read only their own row. A row is never written twice in a
/// batch: the analyzer reports a key a file holds twice and writes nothing after an error. It
/// all stays inside the import's one transaction.
final class SQLiteImportSink: ImportSink {
    /// About this many values a statement: enough rows that a statement's own cost is nothing
    /// beside its rows' (46 messages), few enough that a statement and its batch stay small.
    static let valuesPerStatement = 1024

    private struct Pending {
        /// The item type the rows count for; nil for a poll's option rows, which count as their poll.
        let type: ItemType?
        /// The shape's first row: its columns and conflict clause are every row's.
        let first: RowWrite
        let rowsPerStatement: Int
        var batch = SQLiteRowBatch()
        /// The statement for `rowsPerStatement` rows, prepared at the first full batch.
        var statement: Statement?
    }

    private let db: Database
    private let session: GRDBSession
    private let writing: ImportWrite
    private let importTime: SQLValue
    /// Import v2's `use_import_time_as_op_time`: every item made at this time.
    private let opTime: Timestamp?
    /// How many values a statement binds: `valuesPerStatement`, or the library's limit when
    /// lower (999 before SQLite 3.32).
    private let variableLimit: Int
    /// Each shape's place in `pending`: its batch grows in place there.
    private var shapes: [RowWrite.Shape: Int] = [:]
    private var pending: [Pending] = []
    /// Polls wait for `finish()`, where which of them the store holds is asked once for all.
    private var polls: [Poll] = []
    private var counts = ImportWriteCounts()

    init(db: GRDBSession, mode: ImportMode, mergeCustom: Bool = false, importTime: Timestamp, opTime: Timestamp? = nil) {
        self.db = db.db
        session = db
        writing = ImportWrite(mode: mode, mergeCustom: mergeCustom)
        self.importTime = StoredValue.time(importTime)
        self.opTime = opTime
        variableLimit = min(db.variableLimit, Self.valuesPerStatement)
    }

    func write(_ given: ImportItem) throws -> ImportWriteOutcome {
        let item = opTime.map(given.madeAt) ?? given
        if case .poll(let poll) = item {
            polls.append(poll)
        } else {
            try add(StoreImportSink.row(for: item, importTime: importTime, .sqlite), counted: item.type)
        }
        return .deferred
    }

    private func add(_ row: RowWrite, counted: ItemType?) throws {
        let index: Int
        if let known = shapes[row.shape] {
            index = known
        } else {
            index = pending.count
            shapes[row.shape] = index
            pending.append(Pending(type: counted, first: row, rowsPerStatement: max(1, variableLimit / max(1, row.columns.count))))
        }
        pending[index].batch.append(row)
        if pending[index].batch.rows == pending[index].rowsPerStatement {
            let statement = try pending[index].statement ?? db.makeStatement(sql: row.sql(writing, rows: pending[index].rowsPerStatement))
            pending[index].statement = statement
            try flush(&pending[index], statement)
        }
    }

    func finish() throws -> ImportWriteCounts {
        try writePolls()
        for index in pending.indices where !pending[index].batch.isEmpty {
            try flush(&pending[index], db.makeStatement(sql: pending[index].first.sql(writing, rows: pending[index].batch.rows)))
        }
        shapes = [:]
        pending = []
        return counts
    }

    /// Insert mode skips a poll that exists, options and all; upsert replaces a poll's options,
    /// as the Poll API's full update does: the stored ones the item no longer lists go.
    private func writePolls() throws {
        var existing: Set<String> = []
        if writing.mode == .insert {
            for start in stride(from: 0, to: polls.count, by: variableLimit) {
                let ids = polls[start..<min(start + variableLimit, polls.count)].map { SQLValue.text($0.id) }
                let found: [String] = try session.values("SELECT id FROM polls WHERE id IN (\(placeholders(ids.count)))", ids)
                existing.formUnion(found)
            }
        } else {
            for poll in polls {
                let stale = StoreImportSink.staleOptions(of: poll)
                try session.execute(stale.sql, stale.arguments)
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
    private func flush(_ shape: inout Pending, _ statement: Statement) throws {
        let rows = shape.batch.rows
        try shape.batch.execute(statement)
        guard let type = shape.type else { return }
        let changed = db.changesCount
        counts.written[type] += changed
        counts.skipped[type] += rows - changed
    }
}
