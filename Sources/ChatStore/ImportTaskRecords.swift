import ChatModel
import Foundation

/// Import tasks as rows of `import_tasks`: `stream-cli chat list-imports` / `get-import`.
extension ChatStore {
    func save(_ task: ImportTask) throws {
        let history = JSONValue.array(task.history.map(\.json))
        try backend.write { db in
            try db.execute(
                """
                INSERT INTO import_tasks (id, path, mode, state, size, created_at, updated_at, history, result, owner_pid, owner_host,
                    merge_custom, skip_references_check, product, use_import_time_as_op_time)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at,
                    history = excluded.history, result = excluded.result
                """,
                task.id,
                task.path,
                task.mode.rawValue,
                task.state.rawValue,
                task.size,
                task.createdAt.storageText,
                task.updatedAt.storageText,
                JSONWriter().string(history),
                task.result.map { JSONWriter().string($0) },
                Int(ProcessInfo.processInfo.processIdentifier),
                ImportTaskOwner.thisHost,
                task.mergeCustom,
                task.skipReferencesCheck,
                task.product,
                task.useImportTimeAsOpTime
            )
        }
    }

    public func importTask(id: String) throws -> ImportTask? {
        try backend.read { db in
            try db.row("SELECT * FROM import_tasks WHERE id = ?", id).map(Self.task(from:))
        }
    }

    /// Classic tasks, newest first, as Stream lists them.
    public func importTasks(limit: Int, offset: Int) throws -> [ImportTask] {
        try backend.read { db in
            try db.rows("SELECT * FROM import_tasks WHERE product IS NULL ORDER BY created_at DESC, id LIMIT ? OFFSET ?", limit, offset)
                .map(Self.task(from:))
        }
    }

    static func task(from row: SQLRow) -> ImportTask {
        let created = StoredValue.decodeTime(row["created_at"]) ?? Timestamp(seconds: 0)
        var task = ImportTask(
            id: row["id"],
            path: row["path"],
            mode: ImportMode(rawValue: row["mode"]) ?? .upsert,
            size: row["size"],
            createdAt: created
        )
        task.mergeCustom = row["merge_custom"] ?? false
        task.skipReferencesCheck = row["skip_references_check"] ?? false
        task.product = row["product"]
        task.useImportTimeAsOpTime = row["use_import_time_as_op_time"] ?? false
        task.state = ImportTaskState(rawValue: row["state"]) ?? .uploaded
        task.updatedAt = StoredValue.decodeTime(row["updated_at"]) ?? created
        task.history = (StoredValue.decodeJSON(row["history"])?.arrayValue ?? []).compactMap { entry in
            guard let o = entry.objectValue,
                let prev = o["prev_state"]?.stringValue.flatMap(ImportTaskState.init(rawValue:)),
                let next = o["next_state"]?.stringValue.flatMap(ImportTaskState.init(rawValue:)),
                let at = o["created_at"]?.stringValue.flatMap(Timestamp.init(rfc3339:))
            else { return nil }
            return ImportTaskTransition(prevState: prev, nextState: next, createdAt: at)
        }
        task.result = StoredValue.decodeJSON(row["result"])
        if task.state == .uploaded || task.state == .analyzing,
            ImportTaskOwner(pid: row["owner_pid"], host: row["owner_host"]).isGone
        {
            task.markFailed("interrupted: its process is gone", at: task.updatedAt)
        }
        return task
    }
}

/// The process that runs an import. Only one on this host can be known to be gone; a task from
/// another host is reported as it was stored.
struct ImportTaskOwner {
    var pid: Int?
    var host: String?

    static let thisHost: String = {
        var name = [CChar](repeating: 0, count: 256)
        guard gethostname(&name, name.count) == 0 else { return "" }
        return name.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }()

    var isGone: Bool {
        guard let pid, let host, host == Self.thisHost else { return false }
        // Signal 0 only checks: EPERM means the process exists but belongs to someone else.
        return kill(pid_t(pid), 0) != 0 && errno == ESRCH
    }
}

/// Where a page of Import v2 tasks starts: after (`next`) or before (`prev`) the task a cursor names.
public enum ImportTaskPageStart: Sendable, Hashable {
    case first
    case after(createdAt: Timestamp, id: String)
    case before(createdAt: Timestamp, id: String)
}

/// A page of Import v2 tasks, newest first, and whether tasks come after or before it.
public struct ImportTaskPage: Sendable {
    public var tasks: [ImportTask]
    public var hasNext: Bool
    public var hasPrev: Bool
}

extension ChatStore {
    /// Import v2 tasks in `states` (all when nil), newest first, keyed by (created_at, id) so a
    /// cursor stays put while tasks are added.
    public func importV2Tasks(states: [ImportTaskState]?, limit: Int, start: ImportTaskPageStart) throws -> ImportTaskPage {
        var filter = "product IS NOT NULL"
        var filterArguments: [SQLValue] = []
        if let states {
            filter += " AND state IN (\(states.map { _ in "?" }.joined(separator: ", ")))"
            filterArguments = states.map { .text($0.rawValue) }
        }
        let newer = "(created_at > ? OR (created_at = ? AND id > ?))"
        let older = "(created_at < ? OR (created_at = ? AND id < ?))"
        func position(_ time: Timestamp, _ id: String) -> [SQLValue] { [.text(time.storageText), .text(time.storageText), .text(id)] }
        return try backend.read { db in
            var tasks: [ImportTask]
            switch start {
            case .first:
                tasks = try db.rows(
                    "SELECT * FROM import_tasks WHERE \(filter) ORDER BY created_at DESC, id DESC LIMIT \(limit)",
                    filterArguments
                )
                .map(Self.task(from:))
            case .after(let time, let id):
                tasks = try db.rows(
                    "SELECT * FROM import_tasks WHERE \(filter) AND \(older) ORDER BY created_at DESC, id DESC LIMIT \(limit)",
                    filterArguments + position(time, id)
                ).map(Self.task(from:))
            case .before(let time, let id):
                tasks = try db.rows(
                    "SELECT * FROM import_tasks WHERE \(filter) AND \(newer) ORDER BY created_at, id LIMIT \(limit)",
                    filterArguments + position(time, id)
                ).map(Self.task(from:)).reversed()
            }
            func exists(_ side: String, _ task: ImportTask?) throws -> Bool {
                guard let task else { return false }
                let sql = "SELECT id FROM import_tasks WHERE \(filter) AND \(side) LIMIT 1"
                return try !db.rows(sql, filterArguments + position(task.createdAt, task.id)).isEmpty
            }
            return ImportTaskPage(tasks: tasks, hasNext: try exists(older, tasks.last), hasPrev: try exists(newer, tasks.first))
        }
    }

    /// Removes an Import v2 task that has not started; false when there is no such task.
    public func deleteQueuedImportTask(id: String) throws -> Bool {
        try backend.write { db in
            try db.execute(
                "DELETE FROM import_tasks WHERE id = ? AND product IS NOT NULL AND state = ?",
                id,
                ImportTaskState.uploaded.rawValue
            ) > 0
        }
    }
}

extension ChatStore {
    /// Takes a queued Import v2 task to run: false when it is no longer queued (another server
    /// sharing the database cancelled or deleted it meanwhile).
    public func claimQueuedImportTask(id: String) throws -> Bool {
        try backend.write { db in
            try db.execute(
                "UPDATE import_tasks SET state = ? WHERE id = ? AND state = ?",
                ImportTaskState.analyzing.rawValue,
                id,
                ImportTaskState.uploaded.rawValue
            ) > 0
        }
    }

    /// Cancels `task` (as stored) if it is still queued, whichever server queued it; false
    /// when it started or ended meanwhile.
    public func cancelQueuedImportTask(_ task: ImportTask) throws -> Bool {
        var cancelled = task
        cancelled.markCancelled(at: .now())
        return try backend.write { db in
            try db.execute(
                "UPDATE import_tasks SET state = ?, updated_at = ?, history = ? WHERE id = ? AND state = ?",
                cancelled.state.rawValue,
                cancelled.updatedAt.storageText,
                JSONWriter().string(.array(cancelled.history.map(\.json))),
                task.id,
                ImportTaskState.uploaded.rawValue
            ) > 0
        }
    }

    /// Records a task that was cancelled before it started.
    public func recordCancelled(_ task: ImportTask) throws {
        var cancelled = task
        cancelled.markCancelled(at: .now())
        try save(cancelled)
    }
}
