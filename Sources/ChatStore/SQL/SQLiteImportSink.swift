import ChatModel
import Foundation
import GRDB
import GRDBSQLite

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
///
/// Rows are made and written on a thread of their own (`ChunkedHandoff`), so the import's
/// thread only checks items: it did both, and was the import's bottleneck while the file's
/// decoding threads waited on it. That thread uses SQLite's C API alone (GRDB's statements
/// must be run from the connection's queue), and the import's thread reads the store only
/// through `reads`, which waits for it: the two never use the connection at once.
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
        var statement: OpaquePointer?
    }

    private let connection: OpaquePointer
    private let session: GRDBSession
    /// Held by whichever thread uses the connection.
    private let connectionLock = NSLock()
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
    /// Everything above is the handoff's thread's until a wait on it.
    private lazy var handoff = ChunkedHandoff<ImportItem>(label: "chatterm.sqlite-import") { [unowned self] in
        try self.rows(of: $0)
    }

    init(db: GRDBSession, mode: ImportMode, mergeCustom: Bool = false, importTime: Timestamp, opTime: Timestamp? = nil) {
        connection = db.db.sqliteConnection!
        session = db
        writing = ImportWrite(mode: mode, mergeCustom: mergeCustom)
        self.importTime = StoredValue.time(importTime)
        self.opTime = opTime
        variableLimit = min(db.variableLimit, Self.valuesPerStatement)
    }

    deinit { finalizeStatements() }

    /// The store as the import's thread reads it meanwhile (`StoreExistingItems`).
    var reads: any SQLSession { LockedSQLSession(base: session, lock: connectionLock) }

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
            try add(StoreImportSink.row(for: item, importTime: importTime, .sqlite), counted: item.type)
        }
    }

    /// Ends the import's writes early (it failed elsewhere): no statement runs after this
    /// returns, so the transaction's end comes after every one.
    func stop() {
        handoff.stop()
        finalizeStatements()
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
            let statement = try pending[index].statement ?? prepare(row.sql(writing, rows: pending[index].rowsPerStatement), kept: true)
            pending[index].statement = statement
            try flush(&pending[index], statement)
        }
    }

    func finish() throws -> ImportWriteCounts {
        try handoff.flush()
        try writePolls()
        for index in pending.indices where !pending[index].batch.isEmpty {
            let statement = try prepare(pending[index].first.sql(writing, rows: pending[index].batch.rows), kept: false)
            defer { sqlite3_finalize(statement) }
            try flush(&pending[index], statement)
        }
        finalizeStatements()
        shapes = [:]
        pending = []
        return counts
    }

    /// `kept`: a full batch's statement, run again and again (SQLite then keeps its memory
    /// apart from the lookaside it lends statements for a moment).
    private func prepare(_ sql: String, kept: Bool) throws -> OpaquePointer {
        try connectionLock.withLock {
            var statement: OpaquePointer?
            let code = sqlite3_prepare_v3(connection, sql, -1, kept ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0, &statement, nil)
            guard code == SQLITE_OK, let statement else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)), sql: sql)
            }
            return statement
        }
    }

    private func finalizeStatements() {
        for index in pending.indices {
            sqlite3_finalize(pending[index].statement)
            pending[index].statement = nil
        }
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
    private func flush(_ shape: inout Pending, _ statement: OpaquePointer) throws {
        let rows = shape.batch.rows
        let changed = try connectionLock.withLock { try shape.batch.execute(statement, on: connection) }
        guard let type = shape.type else { return }
        counts.written[type] += changed
        counts.skipped[type] += rows - changed
    }
}
