import ChatModel
import Foundation
import GRDB

/// The local chat store: one SQLite file (WAL mode) holding every imported item, the read
/// state that drives unread counts, and the record of imports.
public final class ChatStore: Sendable {
    public let path: String
    let pool: DatabasePool

    /// Opens (creating when needed) the store at `path` and brings its schema up to date.
    public init(path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        var config = Configuration()
        config.busyMode = .timeout(10)
        pool = try DatabasePool(path: path, configuration: config)
        // GRDB puts WAL databases on synchronous=NORMAL, where a commit can be lost to a power
        // cut. The server answers a write only once it is on disk, so the one writer syncs each commit.
        try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        self.path = path
        try Schema.migrator.migrate(pool)
    }

    /// How many rows each chat table holds.
    public func counts() throws -> ItemCounts {
        try pool.read(Self.counts)
    }

    /// `counts()` inside a read the caller already holds (a report's snapshot).
    public static func counts(_ db: Database) throws -> ItemCounts {
        var counts = ItemCounts()
        let tables: [(ItemType, String)] = [
            (.user, "users"), (.device, "devices"), (.futureChannelBan, "future_channel_bans"), (.channel, "channels"),
            (.member, "members"), (.message, "messages"), (.reaction, "reactions"),
        ]
        for (type, table) in tables {
            counts[type] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
        }
        return counts
    }

    /// Runs an import as one transaction: `analyze` gets what the store already holds and a
    /// sink to write into; if its result has any error, everything it wrote is rolled back.
    /// The import task is recorded (and readable by other processes) from start to end.
    public func runImport(
        path filePath: String, mode: ImportMode,
        analyze: (any ExistingItems, any ImportSink) throws -> ImportResult
    ) throws -> ImportTask {
        try runImport(createImportTask(path: filePath, mode: mode), analyze: analyze)
    }

    /// Records a new import task in state `uploaded` (`path` is what the task reports; the file may be elsewhere).
    public func createImportTask(path: String, mode: ImportMode, file: String? = nil) throws -> ImportTask {
        let size = (try? FileManager.default.attributesOfItem(atPath: file ?? path)[.size] as? NSNumber)?.int64Value
        let task = ImportTask(id: UUID().uuidString.lowercased(), path: path, mode: mode, size: size, createdAt: .now())
        try save(task)
        return task
    }

    /// Runs a recorded task (`analyze` reads its file): analyzing, then completed or analyze_failed (see above).
    public func runImport(
        _ created: ImportTask,
        analyze: (any ExistingItems, any ImportSink) throws -> ImportResult
    ) throws -> ImportTask {
        var task = created
        let mode = task.mode
        task.move(to: .analyzing, at: .now())
        try save(task)
        var result = ImportResult()
        do {
            try pool.writeWithoutTransaction { db in
                // A whole file is one transaction: give it a 64 MiB page cache so pages are not
                // spilled and re-read while indexes grow.
                try db.execute(sql: "PRAGMA cache_size = -65536")
                try db.inTransaction {
                    let sink = StoreImportSink(db: db, mode: mode, importTime: task.createdAt)
                    result = try analyze(StoreExistingItems(db: db), sink)
                    return result.isValid ? .commit : .rollback
                }
            }
        } catch {
            var failed = ImportResult()
            failed.errors = [ImportIssue(error: "Import error: \(error)", itemType: "", item: .null, line: nil)]
            failed.errorCount = 1
            task.result = failed.json
            task.move(to: .analyzeFailed, at: .now())
            try? save(task)
            throw error
        }
        task.result = result.json
        task.move(to: result.isValid ? .completed : .analyzeFailed, at: .now())
        try save(task)
        return task
    }
}

extension ChatStore {
    /// Runs `body` in one read transaction: every query it makes sees the same snapshot, so
    /// figures computed together (a report's) add up even while the server writes.
    public func readSnapshot<T>(_ body: (Database) throws -> T) throws -> T {
        try pool.read(body)
    }

    /// Runs `body` with a read-only view of what the store holds (for `validate --db`).
    public func readExisting<T>(_ body: (any ExistingItems) throws -> T) throws -> T {
        try pool.read { db in try body(StoreExistingItems(db: db)) }
    }
}
