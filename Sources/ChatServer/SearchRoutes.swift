import ChatModel
import ChatStore
import Hummingbird

/// `search`: message text within the channels a channel filter selects.
struct SearchRoutes {
    let store: ChatStore

    func add(to router: Router<ServerContext>) {
        router.get("search") { request, context in try search(request, context) }
    }

    private func search(_ request: Request, _ context: ServerContext) throws -> Response {
        let operation = "Search"
        let payload = try request.jsonQuery("payload", operation: operation)
        guard let filter = payload["filter_conditions"]?.objectValue, !filter.isEmpty else {
            throw StreamAPIError.input(operation, "filter_conditions (the channel filter) is required")
        }
        let text = payload["query"]?.stringValue
            ?? payload["message_filter_conditions"]?.objectValue?["text"]?.objectValue.flatMap { $0["$autocomplete"] ?? $0["$q"] }?.stringValue
        guard let text, !text.isEmpty else {
            throw StreamAPIError.input(operation, "query, or message_filter_conditions.text with $autocomplete or $q, is required (other message filters are not supported by the local server)")
        }
        var cids: [String]?, types: [String]?, members: [String]?
        for condition in filter.members {
            switch condition.key {
            case "cid": cids = try QueryFilter.values(condition.value, field: "cid", operation: operation)
            case "type": types = try QueryFilter.values(condition.value, field: "type", operation: operation)
            case "members": members = try QueryFilter.values(condition.value, field: "members", operation: operation)
            default: throw StreamAPIError.input(operation, "searching channels by \(condition.key) is not supported by the local server (cid, type and members are)")
            }
        }
        // A user token searches only the channels it belongs to.
        if case .user(let me)? = context.actor { members = (members ?? [me]).filter { $0 == me } }
        let channels = try store.queryChannels(cids: cids, types: types, memberOf: members, frozen: nil, byLastMessage: false, limit: 10_000, offset: 0)
        let limit = min(max(payload["limit"]?.intValue ?? 20, 1), 100)
        let offset = max(payload["offset"]?.intValue ?? 0, 0)
        let rows = try store.search(text: text, cids: channels.map(\.cid), viewer: ActingUser.viewer(context), limit: limit, offset: offset)
        let presenter = MessagePresenter(store: store)
        let results: [JSONValue] = try rows.map { row in
            var message = try presenter.message(row).objectValue ?? [:]
            if let channel = channels.first(where: { $0.cid == row.message.cid }) {
                message["channel"] = ChannelJSON.channel(channel, creator: nil, memberCount: 0)
            }
            return ["message": .object(message)]
        }
        return JSONResponse.ok(["results": .array(results)], context: context)
    }
}

/// `get_channel_type`, `list_channel_types` and `list_commands`: the built-in types and commands, read-only.
struct ChannelTypeRoutes {
    static let commands: [JSONValue] = [
        ["name": "giphy", "description": "Post a random gif to the channel", "args": "[text]", "set": "fun_set"],
        ["name": "ban", "description": "Ban a user", "args": "[@username] [text]", "set": "moderation_set"],
        ["name": "unban", "description": "Unban a user", "args": "[@username]", "set": "moderation_set"],
        ["name": "mute", "description": "Mute a user", "args": "[@username]", "set": "moderation_set"],
        ["name": "unmute", "description": "Unmute a user", "args": "[@username]", "set": "moderation_set"],
    ]

    func add(to router: Router<ServerContext>) {
        router.get("channeltypes/:name") { _, context in
            let name = context.parameters.get("name") ?? ""
            guard let type = BuiltInChannelType(rawValue: name) else { throw StreamAPIError.notFound("GetChannelType", "channel type \(name) does not exist") }
            var config = Self.config(type)
            config["permissions"] = []
            config["grants"] = [:]
            return JSONResponse.ok(config, context: context)
        }
        router.get("channeltypes") { _, context in
            var all = JSONObject()
            for type in BuiltInChannelType.allCases { all.appendUnique(type.rawValue, .object(Self.config(type))) }
            return JSONResponse.ok(["channel_types": .object(all)], context: context)
        }
        router.get("commands") { _, context in JSONResponse.ok(["commands": .array(Self.commands)], context: context) }
    }

    /// Stream's defaults for a new channel type; livestreams skip URL previews.
    static func config(_ type: BuiltInChannelType) -> JSONObject {
        ["name": .string(type.rawValue), "typing_events": true, "read_events": true, "connect_events": true, "search": true,
         "reactions": true, "replies": true, "quotes": true, "mutes": true, "uploads": true,
         "url_enrichment": .bool(type != .livestream), "custom_events": true, "push_notifications": true,
         "max_message_length": .int(5000), "automod": "disabled", "automod_behavior": "flag", "message_retention": "infinite",
         "commands": .array(commands), "created_at": "2020-01-01T00:00:00Z", "updated_at": "2020-01-01T00:00:00Z"]
    }
}
