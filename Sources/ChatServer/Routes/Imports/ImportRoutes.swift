import ChatImport
import ChatModel
import ChatStore
import Foundation
import Hummingbird
import NIOCore

/// Stream's import flow: `create_import_url` → PUT the file → `create_import` (`mode`,
/// `merge_custom`) → `get_import` / `list_imports`. Uploads land beside the store; imports go through the same validator and
/// sink as `chatterm import`, in the background, as Stream runs them.
struct ImportRoutes {
    let store: ChatStore
    let uploads: UploadSlots
    /// Stream's limit on an import file.
    static let maxUploadBytes = 300 << 20
    static let pathPrefix = "local://uploads/"

    func add(to router: Router<ServerContext>) {
        router.post("import_urls") { request, context in try await createURL(request, context) }
        router.put("uploads/:token/:filename") { request, context in try await upload(request, context) }
        router.post("imports") { request, context in try await create(request, context) }
        router.get("imports/:id") { _, context in try get(context) }
        router.get("imports") { request, context in try list(request, context) }
    }

    private func createURL(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "CreateImportURL"
        try ServerSideOnly.imports.require(context, operation: operation)
        var request = request
        let body = try await request.jsonObject(operation: operation)
        guard let filename = body["filename"]?.stringValue, UploadSlots.isSafe(filename) else {
            throw StreamAPIError.input(operation, "filename is required: a plain file name such as data.jsonl")
        }
        let token = uploads.issue(filename: filename)
        let host = request.head.authority ?? "127.0.0.1"
        return JSONResponse.ok(
            [
                "upload_url": .string("http://\(host)/uploads/\(token)/\(filename)"),
                "path": .string(Self.pathPrefix + token + "/" + filename),
            ],
            status: .created,
            context: context
        )
    }

    /// The pre-signed PUT: no Stream auth headers; the one-use token in the URL is the permission.
    private func upload(_ request: Request, _ context: ServerContext) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        let filename = context.parameters.get("filename") ?? ""
        guard uploads.take(token: token, filename: filename) else {
            throw StreamAPIError.notAllowed("Upload", "this upload URL is unknown or was already used")
        }
        let file = uploads.file(token: token, filename: filename)
        guard FileManager.default.createFile(atPath: file, contents: nil), let handle = FileHandle(forWritingAtPath: file) else {
            throw StreamAPIError(status: 500, code: -1, message: "cannot store the upload")
        }
        defer { try? handle.close() }
        var written = 0
        for try await buffer in request.body {
            written += buffer.readableBytes
            if written > Self.maxUploadBytes {
                try? FileManager.default.removeItem(atPath: file)
                throw StreamAPIError.tooBig(limit: Self.maxUploadBytes)
            }
            try handle.write(contentsOf: Data(buffer.readableBytesView))
        }
        return Response(status: .ok)
    }

    private func create(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "CreateImport"
        try ServerSideOnly.imports.require(context, operation: operation)
        var request = request
        let body = try await request.jsonObject(operation: operation)
        guard let path = body["path"]?.stringValue, let file = uploads.file(forPath: path), FileManager.default.fileExists(atPath: file)
        else {
            throw StreamAPIError.input(operation, "path must be one that import_urls gave and whose file was uploaded")
        }
        // Like stream-cli: anything but "insert" is upsert.
        let mode: ImportMode = body["mode"]?.stringValue == "insert" ? .insert : .upsert
        var mergeCustom = false
        if let value = body["merge_custom"], value != .null {
            guard let flag = value.boolValue else { throw StreamAPIError.input(operation, "merge_custom must be a boolean") }
            mergeCustom = flag
        }
        let task = try store.createImportTask(path: path, mode: mode, file: file) { $0.mergeCustom = mergeCustom }
        let store = self.store
        Task.detached {
            _ = try? store.runImport(task) { existing, sink in try ImportAnalyzer(existing: existing, sink: sink).run(path: file) }
        }
        return JSONResponse.ok(["import_task": task.json], status: .created, context: context)
    }

    private func get(_ context: ServerContext) throws -> Response {
        try ServerSideOnly.imports.require(context, operation: "GetImport")
        // An Import v2 task is the v2 routes' (and in their shape).
        guard let task = try store.importTask(id: context.parameters.get("id") ?? ""), task.product == nil else {
            throw StreamAPIError.notFound("GetImport", "Can't find task")
        }
        return JSONResponse.ok(["import_task": task.json], context: context)
    }

    private func list(_ request: Request, _ context: ServerContext) throws -> Response {
        try ServerSideOnly.imports.require(context, operation: "ListImports")
        let limit = min(max(request.uri.queryParameters.get("limit").flatMap { Int($0) } ?? 25, 0), 100)
        let offset = max(request.uri.queryParameters.get("offset").flatMap { Int($0) } ?? 0, 0)
        return JSONResponse.ok(["import_tasks": .array(try store.importTasks(limit: limit, offset: offset).map(\.json))], context: context)
    }
}
