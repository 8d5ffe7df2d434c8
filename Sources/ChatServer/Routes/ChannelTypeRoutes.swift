import ChatImport
import ChatModel
import ChatStore
import Hummingbird

/// `create_channel_type`, `get_channel_type`, `list_channel_types`, `update_channel_type`,
/// `delete_channel_type` (commands are `CommandRoutes`). Anyone may read types;
/// changing them needs a server token, as in Stream.
struct ChannelTypeRoutes {
    let store: ChatStore

    func add(to router: Router<ServerContext>) {
        router.post("channeltypes") { request, context in try await create(request, context) }
        router.get("channeltypes") { _, context in try list(context) }
        router.get("channeltypes/:name") { _, context in try get(context) }
        router.put("channeltypes/:name") { request, context in try await update(request, context) }
        router.delete("channeltypes/:name") { _, context in try delete(context) }
    }

    private func create(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "CreateChannelType"
        try ServerSideOnly.channelTypes.require(context, operation: operation)
        var request = request
        var body = try await request.jsonObject(operation: operation)
        guard let name = body["name"]?.stringValue else { throw StreamAPIError.input(operation, "name is required and must be a string") }
        if let problem = ItemRules.channelTypeNameProblem(name) { throw StreamAPIError.input(operation, problem) }
        body["name"] = nil
        var config = ChannelTypeConfig(defaultsFor: name, at: .now())
        try Self.apply(body, to: &config, appCommands: try appCommandNames(), blocklists: try blocklistNames(), operation: operation)
        guard try store.createChannelType(config) else { throw StreamAPIError.input(operation, "channel type \(name) already exists") }
        return JSONResponse.ok(try described(config), status: .created, context: context)
    }

    private func get(_ context: ServerContext) throws -> Response {
        let name = context.parameters.get("name") ?? ""
        guard let config = try store.channelType(name: name) else { throw Self.missing("GetChannelType", name) }
        return JSONResponse.ok(try described(config), context: context)
    }

    private func list(_ context: ServerContext) throws -> Response {
        var all = JSONObject()
        for config in try store.channelTypes() { all.appendUnique(config.name, .object(try described(config))) }
        return JSONResponse.ok(["channel_types": .object(all)], context: context)
    }

    /// Changes the settings the body names; the others keep their values.
    private func update(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "UpdateChannelType"
        try ServerSideOnly.channelTypes.require(context, operation: operation)
        let name = context.parameters.get("name") ?? ""
        var request = request
        var body = try await request.jsonObject(operation: operation)
        if let given = body["name"] {
            guard given.stringValue == name else {
                throw StreamAPIError.input(operation, "a channel type cannot be renamed (this one is \(name))")
            }
            body["name"] = nil
        }
        let (appCommands, blocklists) = (try appCommandNames(), try blocklistNames())
        let updated = try store.updateChannelType(name: name, at: .now()) { config in
            try Self.apply(body, to: &config, appCommands: appCommands, blocklists: blocklists, operation: operation)
        }
        guard let updated else { throw Self.missing(operation, name) }
        // Stream's UpdateChannelType answer lists the commands by name; get and list give objects.
        var answer = try described(updated)
        answer["commands"] = .array(updated.commands.map { .string($0.rawValue) } + updated.customCommands.map(JSONValue.string))
        return JSONResponse.ok(answer, context: context)
    }

    private func delete(_ context: ServerContext) throws -> Response {
        let operation = "DeleteChannelType"
        try ServerSideOnly.channelTypes.require(context, operation: operation)
        let name = context.parameters.get("name") ?? ""
        switch try store.deleteChannelType(name: name) {
        case .deleted: return JSONResponse.ok([:], context: context)
        case .notFound: throw Self.missing(operation, name)
        case .builtIn: throw StreamAPIError.input(operation, "channel type \(name) is built in and cannot be deleted")
        case .inUse(let channels):
            throw StreamAPIError.input(
                operation,
                "channel type \(name) still has \(channels) channel\(channels == 1 ? "" : "s"); delete them before the type"
            )
        }
    }

    /// `settings` over `config`; a type may list the app's own commands (`appCommands`) and
    /// name one of its block lists (`blocklists`), both read before the store's write
    /// transaction that may run this.
    private static func apply(
        _ settings: JSONObject,
        to config: inout ChannelTypeConfig,
        appCommands: Set<String>,
        blocklists: Set<String>,
        operation: String
    ) throws {
        do {
            try config.apply(settings, appCommands: appCommands)
        } catch {
            throw StreamAPIError.input(operation, error.reason)
        }
        if settings["blocklist"] != nil, let name = config.blocklist, !blocklists.contains(name) {
            throw StreamAPIError.input(operation, "blocklist \(name) doesn't exist")
        }
    }

    private func appCommandNames() throws -> Set<String> { Set(try store.customCommands().map(\.name)) }
    private func blocklistNames() throws -> Set<String> { Set(try store.blocklists().map(\.name)) }

    private static func missing(_ operation: String, _ name: String) -> StreamAPIError {
        StreamAPIError.notFound(operation, "channel type \(name) does not exist")
    }

    /// A type as its own routes answer: the config plus its permission policies (none here:
    /// the local server's permissions are fixed, see `ChannelAccess`).
    private func described(_ config: ChannelTypeConfig) throws -> JSONObject {
        var o = try ChannelJSON.config(config, store: store)
        o["permissions"] = []
        o["grants"] = [:]
        return o
    }
}
