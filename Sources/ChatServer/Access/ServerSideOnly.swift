/// What only a server token may do, as in Stream; a user token gets 403 / 17 with the reason.
enum ServerSideOnly: String {
    case channelTypes = "changing channel types needs a server token"
    case imports = "imports need a server token"
    case bans = "banning needs a server token or a moderator's /ban command"
    case userDeletion = "users can only be deleted server-side"
    case appSettings = "app settings can only be changed server-side"
    case commands = "commands can only be changed server-side"
    case userStatus = "users can only be deactivated, reactivated or restored server-side"
    case messageHistory = "message history can only be queried server-side"
    case userEvents = "custom user events can only be sent server-side"
    case unreadBatch = "unread counts of several users can only be read server-side"
    case pendingMessages = "pending messages can only be sent and committed server-side"
    case undelete = "messages can only be undeleted server-side"
    case channelBatch = "channels can only be updated in batch server-side"
    case blocklists = "block lists can only be managed server-side"
    case userExport = "users can only be exported server-side"

    func require(_ context: ServerContext, operation: String) throws {
        guard context.actor == .server else { throw StreamAPIError.notAllowed(operation, rawValue) }
    }
}
