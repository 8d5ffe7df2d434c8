import ChatModel

/// Who a request acts as. A server token names the user in the body (`user: {id}` or
/// `user_id`); a user token is that user, and may not name anyone else.
enum ActingUser {
    static func resolve(_ context: ServerContext, claimed: String?, operation: String) throws -> String {
        switch context.actor {
        case .user(let me)?:
            if let claimed, claimed != me { throw StreamAPIError.notAllowed(operation, "user \(me) cannot act as \(claimed)") }
            return me
        default:
            guard let claimed, !claimed.isEmpty else {
                throw StreamAPIError.input(operation, "user or user_id is required when using server side auth")
            }
            return claimed
        }
    }

    /// As `resolve`, where a server call that names nobody acts as `fallback` (a message's author).
    static func resolve(_ context: ServerContext, claimed: String?, fallback: String, operation: String) throws -> String {
        if case .user? = context.actor { return try resolve(context, claimed: claimed, operation: operation) }
        return try resolve(context, claimed: claimed ?? fallback, operation: operation)
    }

    /// Whether `actor` may act for a WebSocket connection of `owner` (subscribe it to channels):
    /// the connection's own user, or a server token.
    static func mayActFor(connectionOf owner: String, as actor: StreamToken.Actor?) -> Bool {
        actor == .server || actor == .user(owner)
    }

    /// `{"user": {"id": …}}` or `{"user_id": …}` in a body or a nested object.
    static func claimed(in object: JSONObject?) -> String? {
        object?["user"]?.objectValue?["id"]?.stringValue ?? object?["user_id"]?.stringValue
    }

    /// The viewer for reads: the user token's user, or nobody for server tokens.
    static func viewer(_ context: ServerContext) -> String {
        if case .user(let me)? = context.actor { return me }
        return ""
    }
}
