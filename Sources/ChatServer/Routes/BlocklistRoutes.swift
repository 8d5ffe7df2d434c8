import ChatModel
import ChatStore
import Hummingbird

/// `create_blocklist`, `list_blocklists`, `get_blocklist`, `update_blocklist`,
/// `delete_blocklist` (server tokens): the app's block lists, which a channel type then names
/// in its `blocklist` setting (see `BlocklistCheck` for what a send meets). Stream's built-in
/// `profanity_en_2020_v1` is Stream's own list and is not among them.
struct BlocklistRoutes {
    let store: ChatStore

    func add(to router: Router<ServerContext>) {
        router.post("blocklists") { request, context in try await create(request, context) }
        router.get("blocklists") { _, context in try list(context) }
        router.get("blocklists/:name") { _, context in try get(context) }
        router.put("blocklists/:name") { request, context in try await update(request, context) }
        router.delete("blocklists/:name") { _, context in try delete(context) }
    }

    private func create(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "CreateBlockList"
        try ServerSideOnly.blocklists.require(context, operation: operation)
        var request = request
        let body = try await request.jsonObject(operation: operation, handling: ["name", "words", "type"])
        guard let name = body["name"]?.stringValue, !name.isEmpty, !name.contains("/") else {
            throw StreamAPIError.input(operation, "name is required: a block list's name, without /")
        }
        let type = body["type"]?.stringValue ?? "word"
        guard Blocklist.types.contains(type) else {
            throw StreamAPIError.input(operation, "blocklist type \(type) is not one of \(Blocklist.types.joined(separator: ", "))")
        }
        let now = Timestamp.now()
        let list = Blocklist(
            name: name,
            type: type,
            words: try words(body, type: type, operation: operation),
            createdAt: now,
            updatedAt: now
        )
        switch try store.create(blocklist: list) {
        case true?: return JSONResponse.ok(["blocklist": json(list)], status: .created, context: context)
        case false?: throw StreamAPIError.input(operation, "blocklist \(name) already exists")
        case nil: throw StreamAPIError.input(operation, "an app can have at most \(Blocklist.maxLists) block lists")
        }
    }

    private func list(_ context: ServerContext) throws -> Response {
        try ServerSideOnly.blocklists.require(context, operation: "ListBlockLists")
        return JSONResponse.ok(["blocklists": .array(try store.blocklists().map(json))], context: context)
    }

    private func get(_ context: ServerContext) throws -> Response {
        let operation = "GetBlockList"
        try ServerSideOnly.blocklists.require(context, operation: operation)
        let name = context.parameters.get("name") ?? ""
        guard let list = try store.blocklist(name: name) else { throw Self.missing(operation, name) }
        return JSONResponse.ok(["blocklist": json(list)], context: context)
    }

    /// Replaces the words; the name and type stay.
    private func update(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "UpdateBlockList"
        try ServerSideOnly.blocklists.require(context, operation: operation)
        var request = request
        let body = try await request.jsonObject(operation: operation, handling: ["words"])
        let name = context.parameters.get("name") ?? ""
        guard let type = try store.blocklist(name: name)?.type,
            let list = try store.updateBlocklist(name: name, words: try words(body, type: type, operation: operation), at: .now())
        else { throw Self.missing(operation, name) }
        return JSONResponse.ok(["blocklist": json(list)], context: context)
    }

    private func delete(_ context: ServerContext) throws -> Response {
        let operation = "DeleteBlockList"
        try ServerSideOnly.blocklists.require(context, operation: operation)
        let name = context.parameters.get("name") ?? ""
        switch try store.deleteBlocklist(name: name) {
        case .deleted: return JSONResponse.ok([:], context: context)
        case .notFound: throw Self.missing(operation, name)
        case .inUse(let types):
            throw StreamAPIError.input(
                operation,
                "blocklist \(name) is used by channel type \(types.joined(separator: ", ")): change the type first"
            )
        }
    }

    /// `words`: the list's entries (words, patterns, domains or addresses, as `type` says), within Stream's limits.
    private func words(_ body: JSONObject, type: String, operation: String) throws -> [String] {
        guard let given = body["words"]?.arrayValue, let words = Optional(given.compactMap(\.stringValue)), words.count == given.count
        else { throw StreamAPIError.input(operation, "words is required: a list of words") }
        if let problem = Blocklist.problem(words: words, type: type) { throw StreamAPIError.input(operation, problem) }
        return words
    }

    private func json(_ list: Blocklist) -> JSONValue {
        [
            "name": .string(list.name), "type": .string(list.type), "words": .array(list.words.map(JSONValue.string)),
            "created_at": .string(list.createdAt.rfc3339), "updated_at": .string(list.updatedAt.rfc3339),
        ]
    }

    private static func missing(_ operation: String, _ name: String) -> StreamAPIError {
        StreamAPIError.notFound(operation, "blocklist \(name) doesn't exist")
    }
}
