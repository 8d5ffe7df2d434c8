import ChatModel
import Foundation

/// Import tasks as rows of `import_tasks`: `stream-cli chat list-imports` / `get-import`.
extension ChatStore {
    func save(_ task: ImportTask) throws {
        let history = JSONValue.array(task.history.map(\.json))
        try backend.write { db in
            try db.execute(
                """
                INSERT INTO import_tasks (id, path, mode, state, size, created_at, updated_at, history, result, owner_pid, owner_host)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
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
                ImportTaskOwner.thisHost
            )
        }
    }

    public func importTask(id: String) throws -> ImportTask? {
        try backend.read { db in
            try db.row("SELECT * FROM import_tasks WHERE id = ?", id).map(Self.task(from:))
        }
    }

    /// Newest first, as Stream lists them.
    public func importTasks(limit: Int, offset: Int) throws -> [ImportTask] {
        try backend.read { db in
            try db.rows("SELECT * FROM import_tasks ORDER BY created_at DESC, id LIMIT ? OFFSET ?", limit, offset)
                .map(Self.task(from:))
        }
    }

    private static func task(from row: SQLRow) -> ImportTask {
        let created = StoredValue.decodeTime(row["created_at"]) ?? Timestamp(seconds: 0)
        var task = ImportTask(
            id: row["id"],
            path: row["path"],
            mode: ImportMode(rawValue: row["mode"]) ?? .upsert,
            size: row["size"],
            createdAt: created
        )
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
