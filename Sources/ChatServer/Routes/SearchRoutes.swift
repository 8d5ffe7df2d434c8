import ChatModel
import ChatStore
import Hummingbird

/// `search`: messages holding every word of a text (see `MessageSearch`) within the channels a
/// channel filter selects, a page at a time (see `SearchPage`).
struct SearchRoutes {
    let store: ChatStore

    func add(to router: Router<ServerContext>) {
        router.get("search") { request, context in try search(request, context) }
    }

    private func search(_ request: Request, _ context: ServerContext) throws -> Response {
        let operation = "Search"
        let payload = try request.jsonQuery("payload", operation: operation)
        try payload.requireHandled(
            ["filter_conditions", "message_filter_conditions", "query", "limit", "offset", "sort", "next"],
            operation: operation
        )
        guard let filter = payload["filter_conditions"]?.objectValue, !filter.isEmpty else {
            throw StreamAPIError.input(operation, "filter_conditions (the channel filter) is required")
        }
        let textCondition = payload["message_filter_conditions"]?.objectValue?["text"]?.objectValue
        let autocomplete = textCondition?["$autocomplete"]?.stringValue
        let text = payload["query"]?.stringValue ?? autocomplete ?? textCondition?["$q"]?.stringValue ?? ""
        let mentioned = try MentionFilter.user(in: payload["message_filter_conditions"]?.objectValue, operation: operation)
        guard !text.isEmpty || mentioned != nil else {
            throw StreamAPIError.input(
                operation,
                "query, message_filter_conditions.text with $autocomplete or $q, or mentioned_users.id is required (other message filters are not supported by the local server)"
            )
        }
        if mentioned != nil, !text.isEmpty {
            throw StreamAPIError.input(operation, "mentioned_users.id goes without a text on the local server")
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
            order: .created,
            limit: 10_000,
            offset: 0
        )
        let page = try SearchPage(payload, operation: operation)
        let search = MessageSearch(query: text, prefix: payload["query"] == nil && autocomplete != nil, order: page.order)
        let viewer = ActingUser.viewer(context)
        // One more than the page tells whether a following page exists.
        var rows =
            try mentioned.map {
                // Newest first, as Stream answers it.
                try store.mentions(
                    of: $0,
                    in: channels.map(\.cid),
                    broadcasts: false,
                    viewer: viewer,
                    limit: page.limit + 1,
                    offset: page.offset
                )
            } ?? store.search(search, cids: channels.map(\.cid), viewer: viewer, limit: page.limit + 1, offset: page.offset)
        let more = rows.count > page.limit
        rows = Array(rows.prefix(page.limit))
        let presenter = MessagePresenter(store: store)
        // Each result carries its channel as other answers show it, built once a channel.
        var shown: [String: JSONValue] = [:]
        let results: [JSONValue] = try zip(rows, try presenter.messages(rows, viewer: viewer)).map { row, json in
            var message = json.objectValue ?? [:]
            if let channel = channels.first(where: { $0.cid == row.message.cid }) {
                let channelJSON = try shown[channel.cid] ?? ChannelJSON.full(channel, store: store)
                shown[channel.cid] = channelJSON
                message["channel"] = channelJSON
            }
            return ["message": .object(message)]
        }
        var body: JSONObject = ["results": .array(results)]
        if more { body["next"] = .string(page.next) }
        return JSONResponse.ok(body, context: context)
    }
}
