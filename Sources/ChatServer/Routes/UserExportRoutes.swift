import ChatModel
import ChatStore
import Hummingbird

/// `export_user` (`GET /users/{id}/export`, server tokens): the user, every message they wrote
/// (deleted ones too, in every channel) and every reaction they gave, in one answer, as Stream's
/// ExportUserResponse. What a team hands over for a GDPR request.
struct UserExportRoutes {
    let store: ChatStore

    func add(to router: Router<ServerContext>) {
        router.get("users/:id/export") { _, context in try export(context) }
    }

    private func export(_ context: ServerContext) throws -> Response {
        let operation = "ExportUser"
        try ServerSideOnly.userExport.require(context, operation: operation)
        let id = context.parameters.get("id") ?? ""
        let presenter = MessagePresenter(store: store)
        let (user, messages, reactions) = try store.readTogether {
            guard let user = try store.user(id: id) else { throw StreamAPIError.notFound(operation, "user \(id) doesn't exist") }
            return (user, try store.messages(byUser: id), try store.reactions(byUser: id))
        }
        return JSONResponse.ok(
            [
                "user": UserJSON.json(user), "messages": .array(try presenter.messages(messages, viewer: "")),
                "reactions": .array(try reactions.map(presenter.reaction)),
            ],
            context: context
        )
    }
}
