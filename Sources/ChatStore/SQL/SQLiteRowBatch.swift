import GRDB
import GRDBSQLite

/// Rows of one shape waiting to go into SQLite as one multi-row statement. Their text lives in
/// one byte buffer and is bound without a copy (`SQLITE_STATIC`): bound with SQLite's usual
/// `SQLITE_TRANSIENT`, every statement kept its last rows' text copied until it ran again,
/// and each row's strings lived on as their own allocations until the batch went.
struct SQLiteRowBatch {
    private enum Value {
        /// Bound as any argument is (`GRDBSession.bind`): no text but the empty one.
        case plain(SQLValue)
        /// Where the text is in `bytes`.
        case text(start: Int, count: Int)
    }

    private var values: [Value] = []
    private var bytes: [UInt8] = []
    private(set) var rows = 0

    var isEmpty: Bool { rows == 0 }

    mutating func append(_ row: RowWrite) {
        for column in row.columns {
            switch column.value {
            // Empty text binds as text: the buffer's pointer for no bytes could bind NULL.
            case .text(let s) where !s.isEmpty:
                let start = bytes.count
                bytes.append(contentsOf: s.utf8)
                values.append(.text(start: start, count: bytes.count - start))
            case let other: values.append(.plain(other))
            }
        }
        rows += 1
    }

    /// Runs `statement` (one placeholder per value, in row order) over the rows, then empties
    /// the batch, keeping its buffers for the next rows; the rows it changed (`changes()`: an
    /// insert's `DO NOTHING` counts only the new ones). SQLite's C API alone, so that it may
    /// run on a thread that is not the connection's GRDB queue (`SQLiteImportSink`); the caller
    /// keeps every other use of `connection` out meanwhile. The bindings are cleared before the
    /// buffer may move, so the statement never holds a pointer into it.
    mutating func execute(_ statement: OpaquePointer, on connection: OpaquePointer) throws -> Int {
        let changed = try bytes.withUnsafeBufferPointer { buffer in
            defer {
                sqlite3_reset(statement)
                sqlite3_clear_bindings(statement)
            }
            for (i, value) in values.enumerated() {
                try Self.bind(value, from: buffer, at: Int32(i + 1), to: statement)
            }
            var code = sqlite3_step(statement)
            while code == SQLITE_ROW { code = sqlite3_step(statement) }
            guard code == SQLITE_DONE else {
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: code),
                    message: String(cString: sqlite3_errmsg(connection)),
                    sql: String(cString: sqlite3_sql(statement))
                )
            }
            return Int(sqlite3_changes(connection))
        }
        values.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
        rows = 0
        return changed
    }

    private static func bind(_ value: Value, from buffer: UnsafeBufferPointer<UInt8>, at index: Int32, to handle: OpaquePointer) throws {
        switch value {
        case .plain(let plain): try GRDBSession.bind(plain, at: index, to: handle)
        case .text(let start, let count):
            let pointer = UnsafeRawPointer(buffer.baseAddress! + start).assumingMemoryBound(to: CChar.self)
            let code = sqlite3_bind_text(handle, index, pointer, Int32(count), nil)
            guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code)) }
        }
    }
}
