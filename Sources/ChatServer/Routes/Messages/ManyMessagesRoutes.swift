import ChatModel
import ChatStore
import Hummingbird

/// `channel.get_messages` (`GET /channels/{type}/{id}/messages?ids=a,b`): up to 50 messages of
/// one channel by id, as the caller may see them, in the order asked; ids of other channels or
/// of messages the caller may not see are left out, as Stream does.
struct ManyMessagesRoutes {
    let store: ChatStore
    static let maxIDs = 50

    func add(to router: Router<ServerContext>) {
        router.get("channels/:type/:id/messages") { request, context in try messages(request, context) }
    }

    private func messages(_ request: Request, _ context: ServerContext) throws -> Response {
        let operation = "GetManyMessages"
        let type = context.parameters.get("type") ?? ""
        let id = context.parameters.get("id") ?? ""
        let ids = (request.uri.queryParameters.get("ids").map { String($0) } ?? "").split(separator: ",").map(String.init)
            .filter { !$0.isEmpty }
        guard !ids.isEmpty else { throw StreamAPIError.input(operation, "ids is required: message ids separated by commas") }
        guard ids.count <= Self.maxIDs else { throw StreamAPIError.input(operation, "at most \(Self.maxIDs) ids per request") }
        // Messages here carry no member data to include it in.
        if request.uri.queryParameters.get("member_custom_include") != nil {
            throw StreamAPIError.input(operation, "member_custom_include is not supported by the local server in \(operation)")
        }
        guard let channel = try store.channel(cid: ChannelID.cid(type: type, id: id)) else {
            throw StreamAPIError.notFound(operation, "Can't find channel with id \(type):\(id)")
        }
        try ChannelAccess(store: store, actor: context.actor).require(.read, channel, operation: operation)
        let viewer = ActingUser.viewer(context)
        let presenter = MessagePresenter(store: store)
        var seen: Set<String> = []
        let rows: [MessageRow] = try ids.compactMap { messageID in
            guard seen.insert(messageID).inserted, let row = try store.message(id: messageID, viewer: viewer),
                row.message.cid == channel.cid
            else { return nil }
            return row
        }
        return JSONResponse.ok(["messages": .array(try presenter.messages(rows, viewer: viewer))], context: context)
    }
}
