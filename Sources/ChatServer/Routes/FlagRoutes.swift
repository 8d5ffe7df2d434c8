import ChatModel
import ChatStore
import Foundation
import Hummingbird

/// `flag_message` / `flag_user`, `unflag_*`, `query_message_flags`, and the flag reports
/// (`_query_flag_reports`, `_review_flag_report`). Any user may flag what they can see; the
/// queries and reviews are for server tokens and app moderators. `message.flagged` goes to the
/// channel's watchers who moderate it (and the flagger), so a flag never names its author to
/// the flagged; `user.flagged` to the flagger's own connections.
struct FlagRoutes {
    let store: ChatStore
    let hub: EventHub
    var presenter: MessagePresenter { MessagePresenter(store: store) }

    func add(to router: Router<ServerContext>) {
        router.post("moderation/flag") { request, context in try await flag(request, context, flagging: true) }
        router.post("moderation/unflag") { request, context in try await flag(request, context, flagging: false) }
        router.get("moderation/flags/message") { request, context in try queryMessageFlags(request, context) }
        router.post("moderation/reports") { request, context in try await queryReports(request, context) }
        router.patch("moderation/reports/:id") { request, context in try await review(request, context) }
    }

    private func flag(_ request: Request, _ context: ServerContext, flagging: Bool) async throws -> Response {
        let operation = flagging ? "Flag" : "Unflag"
        var request = request
        let body = try await request.jsonObject(
            operation: operation,
            handling: ["target_message_id", "target_user_id", "reason", "custom", "user_id", "user"]
        )
        let user = try ActingUser.resolve(context, claimed: ActingUser.claimed(in: body), operation: operation)
        let messageID = body["target_message_id"]?.stringValue
        let targetUser = body["target_user_id"]?.stringValue
        guard (messageID == nil) != (targetUser == nil) else {
            throw StreamAPIError.input(operation, "give either target_message_id or target_user_id")
        }
        let reason = body["reason"]?.stringValue
        if (reason?.count ?? 0) > 255 { throw StreamAPIError.input(operation, "reason is longer than 255 characters") }
        if let custom = body["custom"], custom != .null, custom.objectValue == nil {
            throw StreamAPIError.input(operation, "custom must be an object")
        }
        guard try store.user(id: user) != nil else { throw StreamAPIError.notFound(operation, "user \(user) doesn't exist") }
        let message = try messageID.map { try MessageRoutes(store: store, hub: hub).readable($0, context, operation: operation).message }
        if let targetUser, try store.user(id: targetUser) == nil {
            throw StreamAPIError.notFound(operation, "user \(targetUser) doesn't exist")
        }
        if targetUser == user { throw StreamAPIError.input(operation, "a user cannot flag themselves") }

        let flag: ModerationFlag
        if flagging {
            flag = ModerationFlag(
                id: UUID().uuidString.lowercased(),
                createdBy: user,
                targetMessageID: messageID,
                targetUserID: targetUser,
                reason: reason,
                custom: body["custom"]?.objectValue ?? [:],
                createdAt: .now()
            )
            guard try store.add(flag: flag) else { throw StreamAPIError.input(operation, "the target is flagged by \(user) already") }
        } else {
            guard let removed = try store.removeFlag(createdBy: user, messageID: messageID, userID: targetUser) else {
                throw StreamAPIError.notFound(operation, "no flag of \(user) on that target")
            }
            flag = removed
        }
        let json = try flagJSON(flag)
        if flagging { try await announce(flag, json, message: message) }
        var answer: JSONObject = ["flag": json]
        if flagging { answer["review_queue_item_id"] = .string(flag.id) }
        return JSONResponse.ok(answer, status: .created, context: context)
    }

    private func announce(_ flag: ModerationFlag, _ json: JSONValue, message: Message?) async throws {
        let total = try store.flagCount(messageID: flag.targetMessageID, userID: flag.targetUserID)
        var event: JSONObject = [
            "created_at": .string(flag.createdAt.rfc3339), "flag": json, "total_flags": .int(total),
            "user": UserJSON.json(try store.user(id: flag.createdBy) ?? User(id: flag.createdBy)),
        ]
        if let reason = flag.reason { event["reason"] = .string(reason) }
        guard let message else {
            event["type"] = "user.flagged"
            event["target_user"] = UserJSON.json(try store.user(id: flag.targetUserID ?? "") ?? User(id: flag.targetUserID ?? ""))
            return await hub.publish(event, toUser: flag.createdBy)
        }
        event["type"] = "message.flagged"
        event["cid"] = .string(message.cid)
        event["message_id"] = .string(message.id)
        event["message"] = try presenter.message(id: message.id, viewer: "") ?? .null
        var audience: Set<String> = [flag.createdBy]
        for member in try store.members(cid: message.cid)
        where member.member.channelRole == ChannelRole.moderator || AppRole.moderating.contains(member.user.role ?? AppRole.user) {
            audience.insert(member.user.id)
        }
        await hub.publish(event, cid: message.cid, audience: audience)
    }

    func flagJSON(_ flag: ModerationFlag) throws -> JSONValue {
        // A block list's flag is by no user (`BlocklistCheck`).
        let automod = flag.createdBy.isEmpty
        var o: JSONObject = [
            "created_at": .string(flag.createdAt.rfc3339), "updated_at": .string(flag.createdAt.rfc3339),
            "created_by_automod": .bool(automod), "custom": .object(flag.custom),
        ]
        if !automod { o["user"] = UserJSON.json(try store.user(id: flag.createdBy) ?? User(id: flag.createdBy)) }
        if let reason = flag.reason { o["reason"] = .string(reason) }
        if let id = flag.targetMessageID {
            o["target_message_id"] = .string(id)
            if let message = try presenter.message(id: id, viewer: "") { o["target_message"] = message }
        }
        if let id = flag.targetUserID { o["target_user"] = UserJSON.json(try store.user(id: id) ?? User(id: id)) }
        if let result = flag.reviewResult { o["review_result"] = .string(result) }
        if let details = flag.reviewDetails { o["review_details"] = .object(details) }
        if let by = flag.reviewedBy { o["reviewed_by"] = UserJSON.json(try store.user(id: by) ?? User(id: by)) }
        if let at = flag.reviewedAt { o["reviewed_at"] = .string(at.rfc3339) }
        return .object(o)
    }
}
