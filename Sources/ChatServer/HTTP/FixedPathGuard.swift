import Hummingbird

/// Keeps a route with a parameter (`messages/{id}`, `imports/{id}`, `users/{id}`…) from reading
/// one of Stream's fixed path words as an id: `POST /messages/history` is never "the message
/// with id history". A fixed path the server has no route for answers Stream's 404 / 16 for an
/// unknown route, as every other unknown path does.
struct FixedPathGuard: RouterMiddleware {
    typealias Context = ServerContext

    /// Stream's chat paths of two or more segments with no parameter (Stream's OpenAPI spec, and
    /// the SDK-only moderation paths), where one of the server's parameter routes could match.
    static let fixedPaths: Set<String> = [
        "/campaigns/query", "/channels/batch", "/channels/delete", "/channels/delivered", "/channels/grouped", "/channels/read",
        "/drafts/query", "/export/users", "/imports/v2", "/imports/v2/external-storage", "/imports/v2/external-storage/validate",
        "/messages/history", "/moderation/ban", "/moderation/flag", "/moderation/flags/message", "/moderation/mute",
        "/moderation/mute/channel", "/moderation/unmute", "/moderation/unmute/channel", "/moderation/unflag", "/moderation/reports",
        "/polls/query", "/reminders/query", "/retention_policy/delete", "/retention_policy/runs", "/roles/search", "/segments/query",
        "/stats/team_usage", "/uploads/file", "/uploads/image", "/usergroups/search", "/users/block", "/users/deactivate",
        "/users/delete", "/users/live_locations", "/users/reactivate", "/users/restore", "/users/unblock",
    ]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var path = request.uri.path
        if path.count > 1, path.hasSuffix("/") { path.removeLast() }
        if Self.fixedPaths.contains(path), context.endpointPath?.contains("{") == true {
            throw StreamAPIError.notFound("\(request.method.rawValue) \(path)", "this route is not supported by the local server")
        }
        return try await next(request, context)
    }
}
