import ChatModel
import Foundation

/// The chat store: every imported item, the read state that drives unread counts, and the
/// record of imports, on SQLite (one file in WAL mode, the default) or PostgreSQL (shared by
/// several servers). Both run the same queries through `SQLBackend`.
public final class ChatStore: Sendable {
    /// The SQLite file; for PostgreSQL, the local path prefix of this store's side files
    /// (the app's credentials, uploads).
    public let path: String
    let backend: any SQLBackend
    /// On PostgreSQL, the events every server sharing the database delivers; nil on SQLite,
    /// where one server owns the store and delivers its own events.
    public let eventLog: PostgresEventLog?
    /// New messages' inserts, committed together when they arrive together.
    let sends: MessageGroupCommit
    /// Block lists made ready to check texts, by name, with the times that tell whether the
    /// stored list changed since (`blocklistMatcher(name:)`).
    let blocklistMatchers = Locked<[String: (version: String, matcher: Blocklist.Matcher)]>([:])

    /// Opens the SQLite store at `path`: for writing (created when needed, its schema brought up
    /// to date) or for reading (it must exist and be up to date; nothing is written).
    public init(path: String, access: StoreAccess = .write) throws {
        backend = try SQLiteBackend(path: path, access: access)
        self.path = path
        eventLog = nil
        sends = MessageGroupCommit(backend: backend)
    }

    /// Opens the PostgreSQL store at `url` (for writing, its schema brought up to date; for
    /// reading, it must hold a store); side files go under `localPath`.
    public init(postgres url: String, localPath: String, access: StoreAccess = .write) throws {
        let postgres = try PostgresBackend(url: url, access: access)
        backend = postgres
        path = localPath
        eventLog = PostgresEventLog(backend: postgres)
        sends = MessageGroupCommit(backend: backend)
    }

    /// Where the store is, for messages: the SQLite file, or the PostgreSQL database (no password).
    public var location: String { (backend as? PostgresBackend)?.address.redacted ?? path }

    /// How many rows each chat table holds.
    public func counts() throws -> ItemCounts {
        try backend.read(Self.counts)
    }

    /// `counts()` inside a read the caller already holds (a report's snapshot).
    static func counts(_ db: any SQLSession) throws -> ItemCounts {
        var counts = ItemCounts()
        let tables: [(ItemType, String)] = [
            (.user, "users"), (.device, "devices"), (.futureChannelBan, "future_channel_bans"), (.channel, "channels"),
            (.member, "members"), (.message, "messages"), (.reaction, "reactions"), (.poll, "polls"), (.pollVote, "poll_votes"),
        ]
        for (type, table) in tables {
            counts[type] = try db.value("SELECT COUNT(*) FROM \(table)") ?? 0
        }
        return counts
    }

    /// Runs an import as one transaction: `analyze` gets what the store already holds and a
    /// sink to write into; if its result has any error, everything it wrote is rolled back.
    /// The import task is recorded (and readable by other processes) from start to end.
    public func runImport(
        path filePath: String,
        mode: ImportMode,
        analyze: (any ExistingItems, any ImportSink) throws -> ImportResult
    ) throws -> ImportTask {
        try runImport(createImportTask(path: filePath, mode: mode), analyze: analyze)
    }

    /// Records a new import task in state `uploaded` (`path` is what the task reports; the file may be elsewhere).
    /// `settings` sets what the task is asked to do beyond its mode (`mergeCustom`, Import v2's fields).
    public func createImportTask(
        path: String,
        mode: ImportMode,
        file: String? = nil,
        settings: (inout ImportTask) -> Void = { _ in }
    ) throws -> ImportTask {
        let size = Self.fileSize(file ?? path)
        var task = ImportTask(id: UUID().uuidString.lowercased(), path: path, mode: mode, size: size, createdAt: .now())
        settings(&task)
        try save(task)
        return task
    }

    /// The size of the file at `path`, following links (standard input is `/dev/stdin`, a link
    /// to `/proc/self/fd/0`); nil for a pipe, which has none until it is read.
    private static func fileSize(_ path: String) -> Int64? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return Int64(info.st_size)
    }

    /// Runs a recorded task (`analyze` reads its file): analyzing, then completed or analyze_failed (see above).
    /// `interruption` (the one the analysis checks) is checked once more before the commit, so a
    /// stop that comes after the last item still leaves the store as it was.
    public func runImport(
        _ created: ImportTask,
        interruption: ImportInterruption? = nil,
        analyze: (any ExistingItems, any ImportSink) throws -> ImportResult
    ) throws -> ImportTask {
        var task = created
        let (mode, mergeCustom) = (task.mode, task.mergeCustom)
        let opTime = task.useImportTimeAsOpTime ? task.createdAt : nil
        task.move(to: .analyzing, at: .now())
        try save(task)
        var result = ImportResult()
        do {
            try backend.importTransaction { db in
                let sink: any ImportSink =
                    if let postgres = db as? PostgresSession {
                        PostgresImportSink(db: postgres, mode: mode, mergeCustom: mergeCustom, importTime: task.createdAt, opTime: opTime)
                    } else if let sqlite = db as? GRDBSession {
                        SQLiteImportSink(db: sqlite, mode: mode, mergeCustom: mergeCustom, importTime: task.createdAt, opTime: opTime)
                    } else {
                        StoreImportSink(db: db, mode: mode, mergeCustom: mergeCustom, importTime: task.createdAt, opTime: opTime)
                    }
                // The rows are written from a thread of their own: none may follow the
                // transaction's end (a statement after a ROLLBACK would commit by itself).
                defer {
                    (sink as? PostgresImportSink)?.stop()
                    (sink as? SQLiteImportSink)?.stop()
                }
                if let postgres = db as? PostgresSession, let backend = backend as? PostgresBackend {
                    result = try backend.cancellingStatements(of: postgres, on: interruption) {
                        // Imports into one database run one at a time, whichever process
                        // runs them (servers sharing it, `chatterm import`): two at once
                        // deadlocked, one dropping an empty table's indexes while the other
                        // read the table. The wait ends with the other's transaction, or a stop.
                        try postgres.execute("SELECT pg_advisory_xact_lock(\(PostgresLocks.imports))")
                        return try analyze(StoreExistingItems(db: db), sink)
                    }
                } else {
                    result = try analyze(StoreExistingItems(db: (sink as? SQLiteImportSink)?.reads ?? db), sink)
                }
                // A batch that failed in flight makes every later read of the store fail, which
                // the analysis takes for missing items: the batch's error is the one to report.
                if !result.isValid { try (sink as? PostgresImportSink)?.settle() }
                try interruption?.check()
                return result.isValid
            }
        } catch {
            // A stop cancels the statement in flight on PostgreSQL, whose error then ends the
            // import: the stop is what to record.
            let error = interruption?.interrupted ?? error
            if let stop = error as? ImportInterruption.Interrupted, stop.isCancel {
                task.markCancelled(at: .now())
                try? save(task)
                throw stop
            }
            let reason = error is ImportInterruption.Interrupted ? "\(error)" : "Import error: \(error)"
            task.markFailed(reason, at: .now())
            try? save(task)
            throw error
        }
        if !result.isValid {
            // The transaction rolled back: what the analysis wrote before its first error is gone.
            result.imported = result.imported.map { _ in ItemCounts() }
            result.skipped = result.skipped.map { _ in ItemCounts() }
        }
        task.result = result.json
        task.move(to: result.isValid ? .completed : .analyzeFailed, at: .now())
        try save(task)
        return task
    }
}

extension ChatStore {
    /// Rows of a read query, on either backend: for tests and diagnostics that look at the
    /// tables themselves.
    public func inspect(_ sql: String) throws -> [SQLRow] {
        try backend.read { db in try db.rows(sql, []) }
    }

    /// Runs `body` with every read it makes through this store inside one read transaction
    /// (`SQLBackend.snapshot`): one state of the store, one transaction to open instead of one a
    /// call. `body` must not suspend or hand the store to another thread meanwhile; writes
    /// inside it are their own transactions, as always.
    public func readTogether<T>(_ body: () throws -> T) throws -> T {
        try backend.snapshot { db in try ReadScope.run(db is PostgresSession ? MemoizedReads(db) : db, for: backend, body) }
    }

    /// Runs `body` with a read-only view of what the store holds (for `validate --db`).
    public func readExisting<T>(_ body: (any ExistingItems) throws -> T) throws -> T {
        try backend.read { db in try body(StoreExistingItems(db: db)) }
    }
}
