import Foundation
import GRDB
import GRDBSQLite

/// The embedded default: one SQLite file in WAL mode, through GRDB.
final class SQLiteBackend: SQLBackend {
    let pool: DatabasePool
    var dialect: SQLDialect { .sqlite }

    /// Writing opens (creating the file and its folder when needed) and migrates; reading opens
    /// an existing store read-only and touches nothing, so it needs no lock: in WAL mode it reads
    /// at once while another process writes. (GRDB's writable open sets up WAL mode with a
    /// write, and the migrator writes too: both wait for a writer's lock.)
    init(path: String, access: StoreAccess) throws {
        var config = Configuration()
        config.busyMode = .callback(LockWait(access).retry)
        // Search's word check runs in readers of either kind (`/search` on a store opened to read).
        config.prepareDatabase { db in db.add(function: WordMatchFunction.function) }
        if access.mode == .read {
            guard FileManager.default.fileExists(atPath: path) else { throw StoreError.missing(path) }
            config.readonly = true
            pool = try DatabasePool(path: Self.readOnlyLocation(path), configuration: config)
            guard try pool.read(Schema.migrator.hasCompletedMigrations) else { throw StoreError.outdated(path) }
            return
        }
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        // GRDB puts WAL databases on synchronous=NORMAL, where a commit can be lost to a power
        // cut. The server answers a write only once it is on disk, so every commit syncs.
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            db.add(function: MergeCustomFunction.function)
        }
        pool = try DatabasePool(path: path, configuration: config)
        try Schema.migrator.migrate(pool)
    }

    /// Where to read `path`: itself, or as an immutable file when no process can be writing it
    /// and SQLite could not read it otherwise. A WAL store's reader needs the `-shm` file, and
    /// cannot make it in a folder it may not write; with no `-wal` file either, the store is
    /// entirely in its main file, which then reads as it is.
    private static func readOnlyLocation(_ path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        let manager = FileManager.default
        guard !manager.fileExists(atPath: path + "-shm"), !manager.fileExists(atPath: path + "-wal"),
            !manager.isWritableFile(atPath: folder.isEmpty ? "." : folder)
        else { return path }
        let escaped =
            path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "?#%"))) ?? path
        return "file:\(escaped)?immutable=1"
    }

    @discardableResult func read<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        if let open = ReadScope.session(for: self) { return try body(open) }
        return try pool.read { db in try body(GRDBSession(db: db)) }
    }

    /// GRDB's pool reads are read transactions already: `read` is a snapshot.
    func snapshot<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        try read(body)
    }

    @discardableResult func write<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        try pool.write { db in try body(GRDBSession(db: db)) }
    }

    func importTransaction(_ body: (any SQLSession) throws -> Bool) throws {
        try pool.writeWithoutTransaction { db in
            // A statement that writes many rows and may stop halfway keeps a statement journal,
            // the pages it changes as they were, to undo itself alone. In a temporary file that
            // was a gigabyte of writes over a million messages (a third of the import's system
            // time); in memory it is one statement's pages, some hundred KiB, at a time.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            defer { try? db.execute(sql: "PRAGMA temp_store = DEFAULT") }
            try db.inTransaction {
                // Into a new store, the secondary indexes are built once from the finished rows
                // (a sort) instead of growing row by row, and the word index in one pass over
                // them instead of through its triggers. They are dropped and made again inside
                // this transaction, so a rollback or a crash leaves them as they were.
                let deferred = try Self.schemaToBuildAfterRows(db)
                // A whole file is one transaction, its page cache full by the end, where the
                // import's memory peaks (an index build's sorter takes as much again). On a
                // million messages, 64 MiB cost 50 MB more peak memory than 16 and saved no CPU.
                // Into a new store, whose rows are appended, 4 MiB saves 7 MB more at no CPU
                // cost; into a filled one, whose upserts look rows up, it cost 0.7 s of system
                // time reading pages back, so that keeps 16.
                try db.execute(sql: "PRAGMA cache_size = \(deferred.isEmpty ? -16384 : -4096)")
                for item in deferred { try db.execute(sql: "DROP \(item.type.uppercased()) \(item.name)") }
                guard try body(GRDBSession(db: db)) else { return .rollback }
                if !deferred.isEmpty {
                    // The index builds' sorter would keep its sorted runs in memory too: building
                    // the messages' channel index took 148 MB instead of 13, and was slower.
                    try db.execute(sql: "PRAGMA temp_store = DEFAULT")
                    for item in deferred { try db.execute(sql: item.sql) }
                    for statement in MessageWordIndex.bulkRebuild { try db.execute(sql: statement) }
                }
                return .commit
            }
        }
    }

    /// The secondary indexes and triggers of the tables an import fills, when those tables are
    /// all empty; none otherwise (rebuilding an index over rows already there would cost more
    /// than it saves).
    private static func schemaToBuildAfterRows(_ db: Database) throws -> [(type: String, name: String, sql: String)] {
        let tables = StoreImportSink.indexedAfterRows
        for table in tables where try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(table))") == true { return [] }
        let list = tables.map { "'\($0)'" }.joined(separator: ", ")
        let kept = StoreImportSink.keptThroughImport.map { "'\($0)'" }.joined(separator: ", ")
        return try Row.fetchAll(
            db,
            sql: """
                SELECT type, name, sql FROM sqlite_master
                WHERE type IN ('index', 'trigger') AND sql IS NOT NULL AND tbl_name IN (\(list)) AND name NOT IN (\(kept))
                ORDER BY type, name
                """
        ).map { (type: $0["type"], name: $0["name"], sql: $0["sql"]) }
    }
}

/// A GRDB `Database` as a session; statements are prepared once per SQL text and reused.
struct GRDBSession: SQLSession {
    let db: Database
    var dialect: SQLDialect { .sqlite }

    /// How many values one statement may bind: set when the library was built (32,766 by default
    /// since SQLite 3.32, 999 before).
    var variableLimit: Int { Int(sqlite3_limit(db.sqliteConnection, SQLITE_LIMIT_VARIABLE_NUMBER, -1)) }

    func rows(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow] {
        let statement = try db.cachedStatement(sql: sql)
        return try Self.rows(statement, try Self.bind(arguments, to: statement) ? nil : Self.statementArguments(arguments))
    }

    func rows(_ sql: String, named arguments: [String: SQLValue]) throws -> [SQLRow] {
        let statement = try db.cachedStatement(sql: sql)
        let bound = try Self.bind(named: arguments, to: statement)
        return try Self.rows(statement, bound ? nil : StatementArguments(arguments.mapValues(Self.databaseValue)))
    }

    @discardableResult func execute(_ sql: String, _ arguments: [SQLValue]) throws -> Int {
        let statement = try db.cachedStatement(sql: sql)
        if try Self.bind(arguments, to: statement) {
            try statement.execute()
        } else {
            // GRDB's own path, which reports the wrong number of arguments.
            try statement.execute(arguments: Self.statementArguments(arguments))
        }
        return db.changesCount
    }

    /// Binds `arguments` in order straight through SQLite's C API, text by its length (GRDB's
    /// `StatementArguments` bind it as a C string, cut at a NUL, and their temporary bindings
    /// cost about a sixth of an import's time). False, binding nothing, when their number does
    /// not fit the statement: GRDB's path then reports it. The empty arguments reset the
    /// statement, clear its bindings and mark them valid, so GRDB steps it as bound here.
    private static func bind(_ arguments: [SQLValue], to statement: Statement) throws -> Bool {
        let handle = statement.sqliteStatement
        guard arguments.count == Int(sqlite3_bind_parameter_count(handle)) else { return false }
        statement.setUncheckedArguments(StatementArguments())
        for (i, value) in arguments.enumerated() { try bind(value, at: Int32(i + 1), to: handle) }
        return true
    }

    /// `bind(_:to:)` for `:name` parameters, each found in `arguments` by its name; false when
    /// one is missing or an argument is left over.
    private static func bind(named arguments: [String: SQLValue], to statement: Statement) throws -> Bool {
        let handle = statement.sqliteStatement
        let count = sqlite3_bind_parameter_count(handle)
        guard arguments.count == Int(count) else { return false }
        var values: [SQLValue] = []
        values.reserveCapacity(arguments.count)
        for index in 1..<(count + 1) {
            guard let name = sqlite3_bind_parameter_name(handle, index), let value = arguments[String(cString: name + 1)] else {
                return false
            }
            values.append(value)
        }
        return try bind(values, to: statement)
    }

    /// SQLite copies the text (`SQLITE_TRANSIENT`), so the string need not outlive the call.
    static func bind(_ value: SQLValue, at index: Int32, to handle: OpaquePointer) throws {
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        let code: Int32
        switch value {
        case .null: code = sqlite3_bind_null(handle, index)
        case .int(let n): code = sqlite3_bind_int64(handle, index, n)
        case .double(let d): code = sqlite3_bind_double(handle, index, d)
        // An empty string binds as text: the nil pointer an empty buffer may have would bind NULL.
        case .text(let s) where s.isEmpty: code = sqlite3_bind_text(handle, index, "", 0, transient)
        case .text(var s):
            code = s.withUTF8 { bytes in
                bytes.withMemoryRebound(to: CChar.self) { sqlite3_bind_text(handle, index, $0.baseAddress, Int32($0.count), transient) }
            }
        }
        guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code)) }
    }

    /// GRDB steps the statement (its errors and bookkeeping stay GRDB's); each row's values are
    /// read straight from SQLite's columns. GRDB's copied `Row`s and their `DatabaseValue`s, then
    /// mapped again to `SQLValue`s, were about 8 % of a channel query's CPU.
    /// `arguments` nil: the statement's arguments are bound already.
    private static func rows(_ statement: Statement, _ arguments: StatementArguments?) throws -> [SQLRow] {
        let columns = SQLRow.Columns(statement.columnNames)
        let handle = statement.sqliteStatement
        let count = Int32(columns.names.count)
        var rows: [SQLRow] = []
        let cursor = try SteppedRow.fetchCursor(statement, arguments: arguments)
        while try cursor.next() != nil {
            rows.append(SQLRow(columns: columns, values: (0..<count).map { column($0, of: handle) }))
        }
        return rows
    }

    /// Steps `sql` and hands `body` each row's columns as SQLite holds them, valid until the
    /// next step: for a pass that only compares a few texts of many rows, which as `SQLRow`s
    /// would each become an array and strings first.
    func forEachRow(_ sql: String, _ arguments: [SQLValue], _ body: (SQLiteColumns) throws -> Void) throws {
        let statement = try db.cachedStatement(sql: sql)
        let cursor = try SteppedRow.fetchCursor(
            statement,
            arguments: try Self.bind(arguments, to: statement) ? nil : Self.statementArguments(arguments)
        )
        let columns = SQLiteColumns(handle: statement.sqliteStatement)
        while try cursor.next() != nil { try body(columns) }
    }

    /// Text by its byte count, so a NUL inside it is kept; a blob as UTF-8 text.
    private static func column(_ index: Int32, of handle: OpaquePointer) -> SQLValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_NULL: return .null
        case SQLITE_INTEGER: return .int(sqlite3_column_int64(handle, index))
        case SQLITE_FLOAT: return .double(sqlite3_column_double(handle, index))
        default:
            // Asking for the text first converts a blob to it; the byte count then is the text's.
            guard let text = sqlite3_column_text(handle, index) else { return .text("") }
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, index))), as: UTF8.self))
        }
    }

    /// An array of optional existentials: GRDB's initializer for `DatabaseValue`s maps with a
    /// key path that, unspecialized across modules, is built again for every statement, and a
    /// lazy sequence costs generic metadata per element (together a sixth of an import's time).
    private static func statementArguments(_ arguments: [SQLValue]) -> StatementArguments {
        let values: [(any DatabaseValueConvertible)?] = arguments.map { databaseValue($0) }
        return StatementArguments(values)
    }

    private static func databaseValue(_ value: SQLValue) -> DatabaseValue {
        switch value {
        case .null: .null
        case .int(let i): i.databaseValue
        case .double(let d): d.databaseValue
        case .text(let s): s.databaseValue
        }
    }
}

/// What GRDB's cursor hands `GRDBSession` at each step: nothing, as the session reads the row's
/// columns itself. A `Row` cursor (`Row.fetchCursor`) builds a table of the statement's
/// lowercased column names each time it is made, for a `Row` that goes unread: 2-4 % of a
/// channel query's CPU, where every statement makes a cursor.
private struct SteppedRow: DatabaseValueConvertible, StatementColumnConvertible {
    init() {}
    init(sqliteStatement: SQLiteStatement, index: CInt) {}
    var databaseValue: DatabaseValue { .null }
    static func fromDatabaseValue(_ dbValue: DatabaseValue) -> SteppedRow? { SteppedRow() }

    /// Reads no column (GRDB's default tests the first for NULL, and a statement may have none).
    static func fromStatement(_ sqliteStatement: SQLiteStatement, atUncheckedIndex index: CInt) -> SteppedRow? { SteppedRow() }
}

/// The current row of a statement `GRDBSession.forEachRow` steps.
struct SQLiteColumns {
    let handle: OpaquePointer

    /// A column's text as bytes SQLite owns (empty for NULL), valid until the next step.
    func text(_ index: Int32) -> UnsafeBufferPointer<UInt8> {
        guard let text = sqlite3_column_text(handle, index) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, index)))
    }
}
