import ChatModel

/// An import into PostgreSQL, many rows a statement: one round trip a row held the import
/// to a few thousand items a second. Rows wait in one batch per row shape (so per table) and
/// go as one `INSERT … VALUES (…), (…) ON CONFLICT …` when the batch is full, and the rest at
/// `finish()`. Rows of different tables may be written in any order: the store has no foreign
/// keys or triggers. A row is never written twice in a batch (which `DO UPDATE` refuses): the
/// analyzer reports a key a file holds twice and writes nothing after an error. It all stays
/// inside the import's one transaction.
final class PostgresImportSink: ImportSink {
    private struct Batch {
        let type: ItemType
        let first: RowWrite
        var arguments: [SQLValue] = []
        var count = 0
    }

    private let db: PostgresSession
    private let mode: ImportMode
    private let importTime: SQLValue
    private var batches: [RowWrite.Shape: Batch] = [:]
    /// The SQL of a full batch per shape: the long texts are made once.
    private var fullStatements: [RowWrite.Shape: String] = [:]
    private var counts = ImportWriteCounts()

    /// Rows a statement holds at most, fewer for wide rows: PostgreSQL binds at most 65,535
    /// values a statement.
    private static let maxRows = 1000
    private static let maxValues = 65_535

    init(db: PostgresSession, mode: ImportMode, importTime: Timestamp) {
        self.db = db
        self.mode = mode
        self.importTime = StoredValue.time(importTime)
    }

    func write(_ item: ImportItem) throws -> ImportWriteOutcome {
        let row = StoreImportSink.row(for: item, importTime: importTime)
        // Taken out while it grows, so its arrays are not copied on each append.
        var batch = batches.removeValue(forKey: row.shape) ?? Batch(type: item.type, first: row)
        batch.arguments.append(contentsOf: row.arguments)
        batch.count += 1
        if batch.count == min(Self.maxRows, Self.maxValues / row.columns.count) {
            try flush(batch, shape: row.shape)
        } else {
            batches[row.shape] = batch
        }
        return .deferred
    }

    func finish() throws -> ImportWriteCounts {
        let pending = batches
        batches = [:]
        for (shape, batch) in pending { try flush(batch, shape: shape) }
        return counts
    }

    private func flush(_ batch: Batch, shape: RowWrite.Shape) throws {
        let full = batch.count == Self.maxRows
        let sql = (full ? fullStatements[shape] : nil) ?? batch.first.postgresSQL(mode: mode, count: batch.count)
        if full { fullStatements[shape] = sql }
        let changed = try db.execute(numbered: sql, batch.arguments)
        counts.written[batch.type] += changed
        counts.skipped[batch.type] += batch.count - changed
    }
}
