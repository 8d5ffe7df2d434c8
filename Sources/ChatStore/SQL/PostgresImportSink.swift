import ChatModel
import NIOCore

/// An import into PostgreSQL, many rows a statement: one round trip a row held the import
/// to a few thousand items a second. Rows wait in one batch per row shape (so per table) and
/// go as one `INSERT … VALUES (…), (…) ON CONFLICT …` when the batch is full, and the rest at
/// `finish()`. One statement is in flight while the next batch is made: the server inserts
/// while the client validates. Rows of different tables may be written in any order: the store has no foreign
/// keys or triggers. A row is never written twice in a batch (which `DO UPDATE` refuses): the
/// analyzer reports a key a file holds twice and writes nothing after an error. It all stays
/// inside the import's one transaction.
final class PostgresImportSink: ImportSink {
    private struct Batch {
        /// The item type the rows count for; nil for a poll's option rows, which count as their poll.
        let type: ItemType?
        let first: RowWrite
        var arguments: [SQLValue] = []
        var count = 0
    }

    private let db: PostgresSession
    private let writing: ImportWrite
    private let importTime: SQLValue
    /// Import v2's `use_import_time_as_op_time`: every item made at this time.
    private let opTime: Timestamp?
    private var batches: [RowWrite.Shape: Batch] = [:]
    /// The SQL of a full batch per shape: the long texts are made once.
    private var fullStatements: [RowWrite.Shape: String] = [:]
    private var counts = ImportWriteCounts()
    /// The statement sent last, not yet answered.
    private var inFlight: (changed: EventLoopFuture<Int>, type: ItemType?, count: Int)?

    /// Rows a statement holds at most, fewer for wide rows: PostgreSQL binds at most 65,535
    /// values a statement.
    private static let maxRows = 1000
    private static let maxValues = 65_535

    init(db: PostgresSession, mode: ImportMode, mergeCustom: Bool = false, importTime: Timestamp, opTime: Timestamp? = nil) {
        self.db = db
        writing = ImportWrite(mode: mode, mergeCustom: mergeCustom)
        self.importTime = StoredValue.time(importTime)
        self.opTime = opTime
    }

    func write(_ given: ImportItem) throws -> ImportWriteOutcome {
        let item = opTime.map(given.madeAt) ?? given
        if case .poll(let poll) = item {
            // Polls are few: a statement each, after whatever is in flight (a failure there is
            // thrown first). Upsert drops the options the poll no longer lists; insert skips a
            // poll that exists, options and all (its row is still batched, to be counted skipped).
            try settle()
            if writing.mode == .upsert {
                let stale = StoreImportSink.staleOptions(of: poll)
                try db.execute(stale.sql, stale.arguments)
            }
            let exists = try writing.mode == .insert && !db.rows("SELECT 1 FROM polls WHERE id = ?", [.text(poll.id)]).isEmpty
            if !exists {
                for option in StoreImportSink.optionRows(of: poll) { try add(option, counted: nil) }
            }
        }
        try add(StoreImportSink.row(for: item, importTime: importTime), counted: item.type)
        return .deferred
    }

    private func add(_ row: RowWrite, counted: ItemType?) throws {
        // Taken out while it grows, so its arrays are not copied on each append.
        var batch = batches.removeValue(forKey: row.shape) ?? Batch(type: counted, first: row)
        batch.arguments.append(contentsOf: row.arguments)
        batch.count += 1
        if batch.count == min(Self.maxRows, Self.maxValues / row.columns.count) {
            try flush(batch, shape: row.shape)
        } else {
            batches[row.shape] = batch
        }
    }

    func finish() throws -> ImportWriteCounts {
        let pending = batches
        batches = [:]
        for (shape, batch) in pending { try flush(batch, shape: shape) }
        try settle()
        return counts
    }

    private func flush(_ batch: Batch, shape: RowWrite.Shape) throws {
        let full = batch.count == Self.maxRows
        let sql = (full ? fullStatements[shape] : nil) ?? batch.first.postgresSQL(writing, count: batch.count)
        if full { fullStatements[shape] = sql }
        let sent = db.send(numbered: sql, batch.arguments)
        // A statement that fails aborts the transaction, so the one just sent fails too, and
        // the import's ROLLBACK (sent after both) ends it: the first error is the one thrown.
        try settle()
        inFlight = (sent, batch.type, batch.count)
    }

    /// Waits for the statement in flight and counts its rows; throws its error.
    func settle() throws {
        guard let last = inFlight else { return }
        inFlight = nil
        let changed = try last.changed.wait()
        guard let type = last.type else { return }
        counts.written[type] += changed
        counts.skipped[type] += last.count - changed
    }
}
