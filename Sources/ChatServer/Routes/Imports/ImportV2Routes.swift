import ChatModel
import ChatStore
import Foundation
import Hummingbird

/// Stream's Import v2 (`/imports/v2`): a task with `product` and `settings`, integer states
/// (`ImportTaskState.v2Number`), cursor pages, delete of a queued task and cancel of a queued
/// or running one. Files come from `import_urls` as for the classic routes; tasks run through
/// `ImportQueue`. What the local server cannot do (`feeds`, `s3`) is refused in Stream's error
/// shape; `use_import_time_as_op_time` stores every item as made at the task's time.
struct ImportV2Routes {
    let store: ChatStore
    let uploads: UploadSlots
    let queue: ImportQueue

    /// The local server holds one app.
    static let appPK = 1
    static let settingsKeys: Set<String> = ["mode", "path", "merge_custom", "skip_references_check", "use_import_time_as_op_time", "s3"]

    func add(to router: Router<ServerContext>) {
        router.post("imports/v2") { request, context in try await create(request, context) }
        router.get("imports/v2") { request, context in try list(request, context) }
        router.get("imports/v2/:id") { _, context in try get(context) }
        router.delete("imports/v2/:id") { _, context in
            try await stop(context, "DeleteImportV2Task", only: "a queued task can be deleted", status: .ok)
        }
        router.post("imports/v2/:id/cancel") { _, context in
            try await stop(context, "CancelImportV2Task", only: "a queued or processing task can be cancelled", status: .created)
        }
    }

    private func create(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "CreateImportV2Task"
        try ServerSideOnly.imports.require(context, operation: operation)
        var request = request
        // `user` / `user_id` name who acts; a server-side call needs no one.
        let body = try await request.jsonObject(operation: operation, handling: ["product", "settings", "user", "user_id"])
        switch body["product"]?.stringValue {
        case "chat"?: break
        case nil: throw StreamAPIError.input(operation, "product is required: chat")
        case let other?: throw StreamAPIError.input(operation, "product \(other) is not supported by the local server: it imports chat")
        }
        guard let settings = body["settings"]?.objectValue else {
            throw StreamAPIError.input(operation, "settings is required: an object with mode and path")
        }
        let given = settings.members.filter { $0.value != .null }
        if let key = given.first(where: { !Self.settingsKeys.contains($0.key) })?.key {
            throw StreamAPIError.input(operation, "settings.\(key) is not supported by the local server")
        }
        if settings["s3"].map({ $0 != .null }) == true {
            throw StreamAPIError.input(
                operation,
                "settings.s3 is not supported by the local server: upload the file with import_urls and give its path"
            )
        }
        func flag(_ key: String) throws -> Bool {
            guard let value = settings[key], value != .null else { return false }
            guard let flag = value.boolValue else { throw StreamAPIError.input(operation, "settings.\(key) must be a boolean") }
            return flag
        }
        let mode: ImportMode
        switch settings["mode"] {
        case nil, .null?: mode = .upsert
        case let value?:
            guard let named = value.stringValue.flatMap(ImportMode.init(rawValue:)) else {
                throw StreamAPIError.input(operation, "settings.mode must be insert or upsert")
            }
            mode = named
        }
        guard let path = settings["path"]?.stringValue, let file = uploads.file(forPath: path), FileManager.default.fileExists(atPath: file)
        else {
            throw StreamAPIError.input(operation, "settings.path must be one that import_urls gave and whose file was uploaded")
        }
        let (mergeCustom, skipReferences, opTime) = (
            try flag("merge_custom"), try flag("skip_references_check"), try flag("use_import_time_as_op_time")
        )
        let task = try store.createImportTask(path: path, mode: mode, file: file) { task in
            task.product = "chat"
            task.mergeCustom = mergeCustom
            task.skipReferencesCheck = skipReferences
            task.useImportTimeAsOpTime = opTime
        }
        await queue.enqueue(task, file: file)
        return JSONResponse.ok(Self.json(task, result: false), status: .created, context: context)
    }

    private func list(_ request: Request, _ context: ServerContext) throws -> Response {
        let operation = "ListImportV2Tasks"
        try ServerSideOnly.imports.require(context, operation: operation)
        let query = request.uri.queryParameters
        var states: [ImportTaskState]?
        if let text = query.get("state") {
            guard let number = Int(text) else { throw StreamAPIError.input(operation, "state must be an integer") }
            states = ImportTaskState.withV2Number(number)
        }
        // OpenAPI declares no paging parameters; `limit`, `next` and `prev` are accepted as Stream's other lists take them.
        let limit = min(max(query.get("limit").flatMap { Int($0) } ?? 25, 1), 100)
        let start: ImportTaskPageStart
        switch (query.get("next").map { String($0) }, query.get("prev").map { String($0) }) {
        case (nil, nil): start = .first
        case (let next?, nil):
            let (time, id) = try Self.position(next, operation: operation)
            start = .after(createdAt: time, id: id)
        case (nil, let prev?):
            let (time, id) = try Self.position(prev, operation: operation)
            start = .before(createdAt: time, id: id)
        default: throw StreamAPIError.input(operation, "give next or prev, not both")
        }
        let page = try store.importV2Tasks(states: states, limit: limit, start: start)
        var body: JSONObject = ["import_tasks": .array(page.tasks.map { .object(Self.json($0, result: true)) })]
        if page.hasNext, let last = page.tasks.last { body["next"] = .string(Self.cursor(last)) }
        if page.hasPrev, let first = page.tasks.first { body["prev"] = .string(Self.cursor(first)) }
        return JSONResponse.ok(body, context: context)
    }

    private func get(_ context: ServerContext) throws -> Response {
        let operation = "GetImportV2Task"
        try ServerSideOnly.imports.require(context, operation: operation)
        return JSONResponse.ok(Self.json(try task(context, operation: operation), result: true), context: context)
    }

    /// Delete (queued only) and cancel (queued or running) differ in what the queue does and the answer's status.
    private func stop(_ context: ServerContext, _ operation: String, only: String, status: HTTPResponse.Status) async throws -> Response {
        try ServerSideOnly.imports.require(context, operation: operation)
        let task = try task(context, operation: operation)
        let deleting = operation == "DeleteImportV2Task"
        var stopped = deleting ? try await queue.delete(id: task.id) : try await queue.cancel(id: task.id)
        // Queued, but not here: a task another server sharing the database queued is stopped
        // in the store, where that server looks before it runs it. (Only a queued one: on
        // SQLite a write would wait for the import in flight to commit.)
        if !stopped, task.state == .uploaded {
            stopped = deleting ? try store.deleteQueuedImportTask(id: task.id) : try store.cancelQueuedImportTask(task)
        }
        guard stopped else {
            if !deleting, task.state == .analyzing, let now = try store.importTask(id: task.id), now.state == .analyzing {
                throw StreamAPIError.input(
                    operation,
                    "task \(task.id) is running on another server sharing the database: only that server can cancel it"
                )
            }
            throw StreamAPIError.input(operation, "only \(only); this one is \(task.state.rawValue)")
        }
        return JSONResponse.ok([:], status: status, context: context)
    }

    private func task(_ context: ServerContext, operation: String) throws -> ImportTask {
        guard let task = try store.importTask(id: context.parameters.get("id") ?? ""), task.product != nil else {
            throw StreamAPIError.notFound(operation, "Can't find task")
        }
        return task
    }

    /// ImportV2TaskItem: the task's fields at the top level; `result` once it ran, for get and list.
    static func json(_ task: ImportTask, result: Bool) -> JSONObject {
        var o: JSONObject = [
            "id": .string(task.id), "app_pk": .int(appPK), "product": .string(task.product ?? "chat"),
            "state": .int(task.state.v2Number),
            "settings": [
                "mode": .string(task.mode.rawValue), "path": .string(task.path), "merge_custom": .bool(task.mergeCustom),
                "skip_references_check": .bool(task.skipReferencesCheck), "use_import_time_as_op_time": .bool(task.useImportTimeAsOpTime),
            ],
            "created_at": .string(task.createdAt.rfc3339), "updated_at": .string(task.updatedAt.rfc3339),
        ]
        if result, let value = task.result { o["result"] = value }
        return o
    }

    /// A cursor names a task by its place in the order: its creation time and id, hex-encoded
    /// so it needs no escaping in a query.
    static func cursor(_ task: ImportTask) -> String {
        Array((task.createdAt.storageText + " " + task.id).utf8).map { String(format: "%02x", $0) }.joined()
    }

    private static func position(_ cursor: String, operation: String) throws -> (Timestamp, String) {
        let digits = Array(cursor.utf8)
        var bytes: [UInt8] = []
        var index = 0
        while index + 1 < digits.count, let byte = UInt8(String(decoding: digits[index...index + 1], as: UTF8.self), radix: 16) {
            bytes.append(byte)
            index += 2
        }
        let parts = String(decoding: bytes, as: UTF8.self).split(separator: " ", maxSplits: 1)
        guard index == digits.count, parts.count == 2, let time = Timestamp(rfc3339: String(parts[0])) else {
            throw StreamAPIError.input(operation, "this cursor is not one that ListImportV2Tasks gave")
        }
        return (time, String(parts[1]))
    }
}
