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
        let text =
            payload["query"]?.stringValue
            ?? payload["message_filter_conditions"]?.objectValue?["text"]?.objectValue.flatMap { $0["$autocomplete"] ?? $0["$q"] }?
            .stringValue
        guard let text, !text.isEmpty else {
            throw StreamAPIError.input(
                operation,
                "query, or message_filter_conditions.text with $autocomplete or $q, is required (other message filters are not supported by the local server)"
            )
        }
        var cids: [String]?
        var types: [String]?
        var members: [String]?
        for condition in filter.members {
            switch condition.key {
            case "cid": cids = try QueryFilter.values(condition.value, field: "cid", operation: operation)
            case "type": types = try QueryFilter.values(condition.value, field: "type", operation: operation)
            case "members": members = try QueryFilter.values(condition.value, field: "members", operation: operation)
            default:
                throw StreamAPIError.input(
                    operation,
                    "searching channels by \(condition.key) is not supported by the local server (cid, type and members are)"
                )
            }
        }
        let channels = try store.queryChannels(
            cids: cids,
            types: types,
            memberOf: ChannelAccess(store: store, actor: context.actor).memberScope(members),
            frozen: nil,
            byLastMessage: false,
            limit: 10_000,
            offset: 0
        )
        let limit = min(max(payload["limit"]?.intValue ?? 20, 1), 100)
        let offset = max(payload["offset"]?.intValue ?? 0, 0)
        let viewer = ActingUser.viewer(context)
        let rows = try store.search(text: text, cids: channels.map(\.cid), viewer: viewer, limit: limit, offset: offset)
        let presenter = MessagePresenter(store: store)
        let results: [JSONValue] = try rows.map { row in
            var message = try presenter.message(row, viewer: viewer).objectValue ?? [:]
            if let channel = channels.first(where: { $0.cid == row.message.cid }) {
                message["channel"] = ChannelJSON.channel(channel, creator: nil, memberCount: 0)
            }
            return ["message": .object(message)]
        }
        return JSONResponse.ok(["results": .array(results)], context: context)
    }
}
