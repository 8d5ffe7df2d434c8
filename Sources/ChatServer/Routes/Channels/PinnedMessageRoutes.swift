import ChatModel
import ChatStore
import Hummingbird

/// `channel.getPinnedMessages()` (stream-chat-js), `GET /channels/{type}/{id}/pinned_messages`:
/// the channel's pinned messages, newest pin first unless sorted, a page at a time.
struct PinnedMessageRoutes {
    let store: ChatStore

    func add(to router: Router<ServerContext>) {
        router.get("channels/:type/:id/pinned_messages") { request, context in try pinned(request, context) }
    }

    /// The bounds on the pin time the payload may give, and whether each is inclusive.
    private static let bounds: [(key: String, before: Bool, inclusive: Bool)] = [
        ("pinned_at_before", true, false), ("pinned_at_before_or_equal", true, true),
        ("pinned_at_after", false, false), ("pinned_at_after_or_equal", false, true),
    ]

    private func pinned(_ request: Request, _ context: ServerContext) throws -> Response {
        let operation = "GetPinnedMessages"
        let payload = try request.jsonQuery("payload", operation: operation)
        try payload.requireHandled(Set(Self.bounds.map(\.key) + ["limit", "offset", "sort", "user_id", "user"]), operation: operation)
        let cid = ChannelID.cid(type: context.parameters.get("type") ?? "", id: context.parameters.get("id") ?? "")
        guard let channel = try store.channel(cid: cid) else {
            throw StreamAPIError.notFound(operation, "Can't find channel with id \(cid)")
        }
        try ChannelAccess(store: store, actor: context.actor).require(.read, channel, operation: operation)
        let limit = payload["limit"]?.intValue ?? 10
        guard (1...100).contains(limit) else { throw StreamAPIError.input(operation, "limit must be 1 to 100") }
        var page = ChatStore.PinnedPage(limit: limit)
        page.offset = max(payload["offset"]?.intValue ?? 0, 0)
        for bound in Self.bounds {
            guard let value = payload[bound.key], value != .null else { continue }
            guard let time = value.stringValue.flatMap(Timestamp.init(rfc3339:)) else {
                throw StreamAPIError.input(operation, "\(bound.key) must be an RFC 3339 time")
            }
            if bound.before { page.before = (time, bound.inclusive) } else { page.after = (time, bound.inclusive) }
        }
        let sorts = payload["sort"]?.arrayValue ?? []
        guard sorts.count <= 1, (sorts.first?.objectValue?["field"]?.stringValue ?? "pinned_at") == "pinned_at" else {
            throw StreamAPIError.input(operation, "pinned messages sort by pinned_at only")
        }
        page.oldestFirst = (sorts.first?.objectValue?["direction"]?.intValue ?? -1) > 0
        let viewer = ActingUser.viewer(context)
        let rows = try store.pinnedMessages(cid: channel.cid, viewer: viewer, page: page)
        return JSONResponse.ok(["messages": .array(try MessagePresenter(store: store).messages(rows, viewer: viewer))], context: context)
    }
}
