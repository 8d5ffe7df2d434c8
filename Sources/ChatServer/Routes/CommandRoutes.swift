import ChatModel
import ChatStore
import Hummingbird

/// `list_commands`, `create_command`, `get_command`, `update_command`, `delete_command`: the
/// app's custom slash commands beside the built-in ones (which cannot be changed). Changing
/// them needs a server token. A channel type lists them by name in `commands`; sending
/// `/name …` there is refused (Stream calls the app's command webhook, which the local server
/// does not), and a command a type lists cannot be deleted.
struct CommandRoutes {
    let store: ChatStore

    func add(to router: Router<ServerContext>) {
        router.get("commands") { _, context in try list(context) }
        router.post("commands") { request, context in try await create(request, context) }
        router.get("commands/:name") { _, context in try get(context) }
        router.put("commands/:name") { request, context in try await update(request, context) }
        router.delete("commands/:name") { _, context in try delete(context) }
    }

    static func json(_ command: CustomCommand) -> JSONObject {
        [
            "name": .string(command.name), "description": .string(command.description), "args": .string(command.args),
            "set": .string(command.set), "created_at": .string(command.createdAt.rfc3339),
            "updated_at": .string(command.updatedAt.rfc3339),
        ]
    }

    private func list(_ context: ServerContext) throws -> Response {
        let builtIn = BuiltInCommand.allCases.map(ChannelJSON.command)
        let custom = try store.customCommands().map { JSONValue.object(Self.json($0)) }
        return JSONResponse.ok(["commands": .array(builtIn + custom)], context: context)
    }

    /// `description`, `args` and `set` from a create or update body, over `base`; other keys refused.
    private static func fields(_ body: JSONObject, over base: CustomCommand, operation: String) throws -> CustomCommand {
        var command = base
        for member in body.members {
            guard let text = member.value.stringValue, text.count <= 255 else {
                throw StreamAPIError.input(operation, "\(member.key) must be a string of at most 255 characters")
            }
            switch member.key {
            case "name": continue
            case "description": command.description = text
            case "args": command.args = text
            case "set": command.set = text
            default: throw StreamAPIError.input(operation, "\(member.key) is not supported by the local server")
            }
        }
        return command
    }

    private func create(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "CreateCommand"
        try ServerSideOnly.commands.require(context, operation: operation)
        var request = request
        let body = try await request.jsonObject(operation: operation)
        guard let name = body["name"]?.stringValue, (1...255).contains(name.count),
            !name.contains(where: { $0.isWhitespace || $0 == "/" })
        else { throw StreamAPIError.input(operation, "name is a required field: 1 to 255 characters, no spaces or slashes") }
        guard BuiltInCommand(rawValue: name) == nil, name != "all" else {
            throw StreamAPIError.input(operation, "\(name) is a built-in command name")
        }
        let now = Timestamp.now()
        let command = try Self.fields(
            body,
            over: CustomCommand(name: name, description: "", args: "", set: "", createdAt: now, updatedAt: now),
            operation: operation
        )
        guard !command.description.isEmpty else { throw StreamAPIError.input(operation, "description is a required field") }
        guard try store.create(command: command) else { throw StreamAPIError.input(operation, "command \(name) already exists") }
        return JSONResponse.ok(["command": .object(Self.json(command))], status: .created, context: context)
    }

    private func existing(_ context: ServerContext, operation: String) throws -> CustomCommand {
        let name = context.parameters.get("name") ?? ""
        if BuiltInCommand(rawValue: name) != nil, operation != "GetCommand" {
            throw StreamAPIError.input(operation, "\(name) is a built-in command and cannot be changed")
        }
        guard let command = try store.command(named: name) else {
            throw StreamAPIError.notFound(operation, "command \(name) doesn't exist")
        }
        return command
    }

    private func get(_ context: ServerContext) throws -> Response {
        let name = context.parameters.get("name") ?? ""
        if let builtIn = BuiltInCommand(rawValue: name) {
            return JSONResponse.ok(ChannelJSON.command(builtIn).objectValue ?? [:], context: context)
        }
        return JSONResponse.ok(Self.json(try existing(context, operation: "GetCommand")), context: context)
    }

    private func update(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "UpdateCommand"
        try ServerSideOnly.commands.require(context, operation: operation)
        var current = try existing(context, operation: operation)
        var request = request
        let body = try await request.jsonObject(operation: operation)
        if let name = body["name"]?.stringValue, name != current.name {
            throw StreamAPIError.input(operation, "a command cannot be renamed")
        }
        current = try Self.fields(body, over: current, operation: operation)
        guard !current.description.isEmpty else { throw StreamAPIError.input(operation, "description cannot be empty") }
        current.updatedAt = .now()
        guard let updated = try store.update(command: current) else {
            throw StreamAPIError.notFound(operation, "command \(current.name) doesn't exist")
        }
        return JSONResponse.ok(["command": .object(Self.json(updated))], status: .created, context: context)
    }

    private func delete(_ context: ServerContext) throws -> Response {
        let operation = "DeleteCommand"
        try ServerSideOnly.commands.require(context, operation: operation)
        let command = try existing(context, operation: operation)
        let listing = try store.channelTypes().filter { $0.customCommands.contains(command.name) }.map(\.name)
        guard listing.isEmpty else {
            throw StreamAPIError.input(
                operation,
                "command \(command.name) is listed by channel type \(listing.joined(separator: ", ")); remove it there first"
            )
        }
        guard try store.deleteCommand(named: command.name) else {
            throw StreamAPIError.notFound(operation, "command \(command.name) doesn't exist")
        }
        return JSONResponse.ok(["name": .string(command.name)], context: context)
    }
}
