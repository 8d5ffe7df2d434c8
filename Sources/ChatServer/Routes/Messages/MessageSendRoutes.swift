import ChatImport
import ChatModel
import ChatStore
import Foundation
import Hummingbird

/// Sending a message (`channel.send_message`, `POST /channels/{type}/{id}/message`), which runs
/// a built-in command instead when it starts with one (see `MessageCommands`), and
/// `run_message_action` on the ephemeral /giphy such a command leaves.
struct MessageSendRoutes {
    let store: ChatStore
    let hub: EventHub
    let commands: MessageCommands

    /// Send options Stream acts on and the local server does not: refused when set, never ignored.
    /// (`skip_push` and `skip_enrich_url` need nothing: nothing is pushed or enriched here;
    /// `force_moderation` puts a server's send through the type's block list, `BlocklistCheck`.)
    static let refusedOptions = ["hide_for_creator", "keep_channel_hidden"]

    func add(to router: Router<ServerContext>) {
        router.post("channels/:type/:id/message") { request, context in try await send(request, context) }
        router.post("messages/:id/action") { request, context in try await action(request, context) }
    }

    private func send(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "SendMessage"
        var request = request
        let body = try await request.jsonObject(operation: operation)
        let type = context.parameters.get("type") ?? ""
        let id = context.parameters.get("id") ?? ""
        guard var data = body["message"]?.objectValue else { throw StreamAPIError.input(operation, "message is a required field") }
        for option in Self.refusedOptions {
            if let value = body[option], value != .null, value != false, value != [:] {
                throw StreamAPIError.input(operation, "\(option) is not supported by the local server in \(operation)")
            }
        }
        let askedPending = try PendingMessageRoutes.metadata(of: body, context, operation: operation)
        // Stream's MessageRequest takes at most 10 roles; an import file has no such limit.
        if let roles = data["mentioned_roles"]?.arrayValue, roles.count > 10 {
            throw StreamAPIError.input(operation, "mentioned_roles can have at most 10 roles, this message has \(roles.count)")
        }
        let sender = try ActingUser.resolve(context, claimed: ActingUser.claimed(in: data), operation: operation)
        // The checks a send passes read in one transaction (each read was one of its own).
        let (channel, shadowBanned, config) = try store.readTogether {
            guard let channel = try store.channel(cid: ChannelID.cid(type: type, id: id)) else {
                throw StreamAPIError.notFound(operation, "Can't find channel with id \(type):\(id)")
            }
            let shadowed = try ChannelAccess(store: store, actor: context.actor).requireSend(in: channel, as: sender, operation: operation)
            guard try store.user(id: sender) != nil else { throw StreamAPIError.input(operation, "user \(sender) doesn't exist") }
            return (channel, shadowed, try store.channelConfig(for: channel))
        }
        if let parent = data["parent_id"], !parent.isNull { try config.require(.replies, operation: operation) }
        // A type with `mark_messages_pending` makes every send pending, a user's too.
        let pendingMetadata = askedPending ?? (config.enabled.contains(.markMessagesPending) ? [:] : nil)
        if let custom = MessageCommands.appCommand(data["text"]?.stringValue, enabled: config.customCommands) {
            throw StreamAPIError.input(
                operation,
                "command \(custom) runs on the app's custom_action_handler_url, and the local server calls no webhooks"
            )
        }
        if let command = MessageCommands.parse(data["text"]?.stringValue, enabled: config.commands) {
            if pendingMetadata != nil { throw StreamAPIError.input(operation, "a command cannot be sent as a pending message") }
            let id = data["id"]?.stringValue ?? UUID().uuidString.lowercased()
            return JSONResponse.ok(
                ["message": try await commands.run(command, id: id, channel: channel, user: sender)],
                status: .created,
                context: context
            )
        }
        if let mentioned = try mentionedIDs(data["mentioned_users"], operation: operation) { data["mentioned_users_ids"] = mentioned }
        let pollID = try PollAccess(store: store).sendable(data["poll_id"], by: sender, config: config, operation: operation)
        let silent = data["silent"] ?? .null
        guard silent == .null || silent.boolValue != nil else { throw StreamAPIError.input(operation, "silent must be true or false") }
        for key in ["user", "user_id", "mentioned_users", "silent", "pinned", "html", "poll_id"] { data[key] = nil }
        data["id"] = data["id"] ?? .string(UUID().uuidString.lowercased())
        ItemChannelReference.set(channel, in: &data)
        data["user"] = .string(sender)
        data["created_at"] = .string(Timestamp.now().rfc3339)
        if data["parent_id"] != nil, data["type"] == nil { data["type"] = "reply" }
        let (parsed, errors) = ItemRules.message(data, maxTextLength: config.maxMessageLength, ownFiles: FileRoutes.urlPrefix(request))
        if let first = errors.first { throw StreamAPIError.rule(operation, first) }
        guard var message = parsed else { throw StreamAPIError.input(operation, "the message is not valid") }
        message.silent = silent.boolValue ?? false
        if let parentID = message.parentID {
            guard let parent = try store.message(id: parentID, viewer: sender), parent.message.cid == channel.cid else {
                throw StreamAPIError.input(operation, "parent message \(parentID) doesn't exist in \(channel.cid)")
            }
            if parent.message.parentID != nil {
                throw StreamAPIError(
                    status: 400,
                    code: 21,
                    message: "\(operation) failed with error: \"parent message cannot be a reply: only one level of threads is allowed\""
                )
            }
        }
        let verdict = try BlocklistCheck(store: store).verdict(
            message.text,
            config: config,
            context: context,
            forced: body["force_moderation"]?.boolValue == true
        )
        if case .block? = verdict {
            let blocked = MessageCommands.unsaved(
                "error",
                BlocklistCheck.blockedText,
                id: message.id,
                cid: channel.cid,
                user: sender,
                store: store
            )
            return JSONResponse.ok(["message": .object(blocked)], status: .created, context: context)
        }
        var answer: JSONObject = [
            "message": try await NewMessages(store: store, hub: hub).post(
                message,
                in: channel,
                sender: sender,
                shadowed: shadowBanned || verdict?.isShadowBlock == true,
                pendingMetadata: pendingMetadata,
                pollID: pollID,
                operation: operation
            )
        ]
        if case .flag(let reason)? = verdict { try BlocklistCheck(store: store).flag(messageID: message.id, reason: reason) }
        if let pendingMetadata { answer["pending_message_metadata"] = PendingMessageRoutes.json(pendingMetadata) }
        return JSONResponse.ok(answer, status: .created, context: context)
    }

    /// `run_message_action` on an ephemeral /giphy: `shuffle` shows the next picture, `cancel`
    /// drops it, `send` posts it to the channel as a real message.
    private func action(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "RunMessageAction"
        var request = request
        let body = try await request.jsonObject(operation: operation, handling: ["form_data", "user", "user_id"])
        let id = context.parameters.get("id") ?? ""
        let user = try ActingUser.resolve(context, claimed: ActingUser.claimed(in: body), operation: operation)
        guard let giphy = await commands.ephemeral.get(id), giphy.userID == user else {
            throw StreamAPIError.notFound(operation, "Can't find an ephemeral message with id \(id) for \(user)")
        }
        switch body["form_data"]?.objectValue?["image_action"]?.stringValue {
        case "shuffle":
            var next = giphy
            next.index += 1
            await commands.ephemeral.put(next)
            return JSONResponse.ok(["message": try commands.giphyJSON(next, type: "ephemeral")], context: context)
        case "cancel":
            _ = await commands.ephemeral.take(id)
            return JSONResponse.ok(["message": .null], context: context)
        case "send":
            _ = await commands.ephemeral.take(id)
            guard let channel = try store.channel(cid: giphy.cid) else {
                throw StreamAPIError.notFound(operation, "Can't find channel \(giphy.cid)")
            }
            let picture = try commands.giphyJSON(giphy, type: "regular")
            var message = Message(id: giphy.id, channelType: channel.type, channelID: channel.id, userID: user, type: .regular, text: "")
            message.attachments = (picture.objectValue?["attachments"]?.arrayValue ?? []).compactMap {
                $0.objectValue.map(Attachment.init(fields:))
            }
            message.createdAt = .now()
            return JSONResponse.ok(
                ["message": try await NewMessages(store: store, hub: hub).post(message, in: channel, sender: user, operation: operation)],
                context: context
            )
        default:
            throw StreamAPIError.input(operation, "form_data.image_action must be send, shuffle or cancel")
        }
    }

    /// `mentioned_users` as the API takes it, user ids, checked to exist; the item rules' `mentioned_users_ids`.
    private func mentionedIDs(_ value: JSONValue?, operation: String) throws -> JSONValue? {
        guard let value, !value.isNull else { return nil }
        guard let ids = value.arrayValue?.compactMap(\.stringValue), ids.count == value.arrayValue?.count else {
            throw StreamAPIError.input(operation, "mentioned_users must be a list of user ids")
        }
        for id in ids where try store.user(id: id) == nil { throw StreamAPIError.input(operation, "mentioned user \(id) doesn't exist") }
        return .array(ids.map(JSONValue.string))
    }
}
