import ChatCore
import ChatModel
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The client's backend on a server speaking Stream's API, as one user (the endpoint's token).
/// Reads are REST calls that block until answered; `connect` keeps a WebSocket open and turns
/// its events into `ChatEvent`s; requests are REST calls whose outcome comes back as events.
public final class StreamBackend: LiveChatBackend {
    public let userID: String
    let endpoint: StreamEndpoint
    let rest: StreamREST
    /// Set by `connect`, cleared by `disconnect`.
    let link = Locked(Link())

    struct Link {
        var requests: AsyncStream<LiveRequest>.Continuation?
        /// The open WebSocket's id, so a channel made later (a /msg) can be watched on it too.
        var connectionID: String?
        var worker: Task<Void, Never>?
        var connection: Task<Void, Never>?
    }

    /// The most channels `query_channels` returns at once.
    static let channelLimit = 30

    public init(endpoint: StreamEndpoint, userID: String, session: URLSession = .shared) {
        self.endpoint = endpoint
        self.userID = userID
        rest = StreamREST(endpoint: endpoint, session: session)
    }

    // MARK: Reads

    public func channels(for userID: String) throws -> [ChannelSummary] {
        try runBlocking { try await self.channels(for: userID, watchingWith: nil) }
    }

    public func messages(cid: String, viewer: String, before: MessageCursor?, limit: Int) throws -> [MessageRow] {
        let page = Self.page(limit: limit, from: before, idKey: "id_lt", timeKey: "created_at_before")
        let state = try runBlocking { try await self.channelState(cid, messages: page) }
        return state.objects("messages").compactMap { StreamItems.messageRow($0, viewer: viewer) }
    }

    public func messages(cid: String, viewer: String, after: MessageCursor, limit: Int) throws -> [MessageRow] {
        let page = Self.page(limit: limit, from: after, idKey: "id_gt", timeKey: "created_at_after_or_equal")
        let state = try runBlocking { try await self.channelState(cid, messages: page) }
        return state.objects("messages").compactMap { StreamItems.messageRow($0, viewer: viewer) }
    }

    public func replies(to parentID: String, viewer: String, limit: Int) throws -> [MessageRow] {
        let answer = try runBlocking { try await self.rest.get("messages/\(parentID)/replies", query: ["limit": String(limit)]) }
        return answer.objects("messages").compactMap { StreamItems.messageRow($0, viewer: viewer) }
    }

    public func message(id: String, viewer: String) throws -> MessageRow? {
        do {
            let answer = try runBlocking { try await self.rest.get("messages/\(id)") }
            return answer["message"]?.objectValue.flatMap { StreamItems.messageRow($0, viewer: viewer) }
        } catch let failure as StreamAPIFailure where failure.status == 404 {
            return nil
        }
    }

    /// The channel's members, each with their read position from the state's `read` list (the
    /// store's members carry theirs): how far others have read shows on the reader's messages.
    public func members(cid: String) throws -> [MemberRow] {
        let state = try runBlocking { try await self.channelState(cid, messages: ["limit": 0]) }
        let reads = StreamItems.readPositions(state)
        return state.objects("members").compactMap { StreamItems.member($0, cid: cid) }.map { row in
            var row = row
            row.member.lastRead = reads[row.user.id]
            return row
        }
    }

    /// Who reacted with what, oldest first as the store gives them (the API pages newest first;
    /// 300 is its largest page).
    public func reactions(messageID: String) throws -> [Reaction] {
        let answer = try runBlocking { try await self.rest.get("messages/\(messageID)/reactions", query: ["limit": "300"]) }
        return answer.objects("reactions").compactMap(StreamItems.reaction).reversed()
    }

    public func user(id: String) throws -> User? {
        let payload: JSONValue = ["filter_conditions": ["id": ["$in": [.string(id)]]], "limit": 1]
        let answer = try runBlocking { try await self.rest.get("users", query: ["payload": JSONWriter().string(payload)]) }
        return answer.objects("users").first.flatMap(StreamItems.user)
    }

    /// Stream's `query_users` with `$autocomplete` on the id and the name (a word of it may
    /// start so, as Stream matches), by name.
    public func users(matching prefix: String, limit: Int) throws -> [User] {
        let filter: JSONValue =
            prefix.isEmpty
            ? ["id": ["$exists": true]]
            : ["$or": [["id": ["$autocomplete": .string(prefix)]], ["name": ["$autocomplete": .string(prefix)]]]]
        let payload: JSONValue = [
            "filter_conditions": filter, "sort": [["field": "name", "direction": 1]], "limit": .number(String(limit)),
        ]
        let answer = try runBlocking { try await self.rest.get("users", query: ["payload": JSONWriter().string(payload)]) }
        return answer.objects("users").compactMap(StreamItems.user)
    }

    /// Stream's `search` in the user's channels for messages naming them in `mentioned_users`
    /// (its `@here` and `@channel` messages are not found this way), newest first.
    public func mentions(of userID: String, limit: Int) throws -> [MessageRow] {
        let payload: JSONObject = [
            "filter_conditions": ["members": ["$in": [.string(userID)]]],
            "message_filter_conditions": ["mentioned_users.id": ["$contains": .string(userID)]],
            "sort": [["field": "created_at", "direction": -1]], "limit": .number(String(limit)),
        ]
        return try runBlocking { try await self.search(payload) }
    }

    /// The messages of a `search` answer, as this user sees them.
    func search(_ payload: JSONObject) async throws -> [MessageRow] {
        let answer = try await rest.get("search", query: ["payload": JSONWriter().string(.object(payload))])
        return (answer["results"]?.arrayValue ?? []).compactMap {
            $0.objectValue?["message"]?.objectValue.flatMap { StreamItems.messageRow($0, viewer: userID) }
        }
    }

    /// The user's channels, newest activity first (`query_channels`), with their unread and
    /// mention counts (`/unread`). With a connection id the query also watches every channel.
    func channels(for userID: String, watchingWith connectionID: String?) async throws -> [ChannelSummary] {
        let query: JSONObject = [
            "filter_conditions": ["members": ["$in": [.string(userID)]]], "sort": [["field": "last_message_at", "direction": -1]],
            "limit": .int(Self.channelLimit), "state": true, "watch": .bool(connectionID != nil), "presence": false,
            // The newest message dates the channel; the window loads its own page.
            "message_limit": 1,
        ]
        async let states = rest.post("channels", query, query: connectionID.map { ["connection_id": $0] } ?? [:])
        async let unread = rest.get("unread", query: ["user_id": userID])
        let counts = StreamItems.unread(try await unread)
        return try await states.objects("channels").compactMap { StreamItems.summary($0, viewer: userID, unread: counts) }
    }

    /// `channel.query` without watching: its members and the page `messages` asks for.
    private func channelState(_ cid: String, messages: JSONObject) async throws -> JSONObject {
        try await rest.post(
            Self.channelPath(cid, "query"),
            ["state": true, "watch": false, "presence": false, "messages": .object(messages)]
        )
    }

    /// A channel query's `messages` from `cursor`: by its message id, or, for a bare time (an empty
    /// id, as the client's origin has), by the created_at bound that means the same, since ids are
    /// never empty and so (time, "") sorts before every message made at that time.
    private static func page(limit: Int, from cursor: MessageCursor?, idKey: String, timeKey: String) -> JSONObject {
        var page: JSONObject = ["limit": .int(limit)]
        if let cursor { page[cursor.id.isEmpty ? timeKey : idKey] = .string(cursor.id.isEmpty ? cursor.createdAt.rfc3339 : cursor.id) }
        return page
    }

    /// `channels/{type}/{id}/{action}` for a `type:id`.
    static func channelPath(_ cid: String, _ action: String) -> String {
        let (type, id) = StreamItems.split(cid) ?? ("", cid)
        return "channels/\(type)/\(id)/\(action)"
    }

    // MARK: Requests

    /// Queues `request` for the connection's worker. Without a connection (before `connect`,
    /// after `disconnect`) there is no one to tell the outcome, so nothing is done.
    public func perform(_ request: LiveRequest) {
        _ = link.withLock { $0.requests }?.yield(request)
    }

    /// One request, its outcome delivered. Requests run one at a time, in order, so two
    /// messages sent quickly arrive in the order they were written.
    func run(_ request: LiveRequest, deliver: @Sendable (ChatEvent) -> Void) async {
        switch request {
        case .send(let cid, let text, let parentID, let mentions, let quotedID):
            var message: JSONObject = ["text": .string(text), "mentioned_users": .array(mentions.map(JSONValue.string))]
            if let parentID { message["parent_id"] = .string(parentID) }
            // Stream's server reads no text: the sender's composer sets these, and every member
            // is then called on.
            if ChatReducer.mentions("here", in: text) { message["mentioned_here"] = true }
            if ChatReducer.mentions("channel", in: text) { message["mentioned_channel"] = true }
            if let quotedID { message["quoted_message_id"] = .string(quotedID) }
            do {
                let answer = try await rest.post(Self.channelPath(cid, "message"), ["message": .object(message)])
                // A message the channel's block list stopped comes back as an `error` message,
                // stored nowhere: a refusal, so the reader gets the text back to change it.
                if let sent = answer["message"]?.objectValue, sent["type"]?.stringValue == "error", sent["command"] == nil {
                    deliver(.sendFailed(cid: cid, text: text, reason: "Not sent: \(sent["text"]?.stringValue ?? "refused")"))
                    return
                }
                // The socket brings the same message; the reducer replaces by id, so it shows once.
                if let row = answer["message"]?.objectValue.flatMap({ StreamItems.messageRow($0, viewer: userID) }) {
                    deliver(.messageUpserted(row))
                }
            } catch {
                deliver(.sendFailed(cid: cid, text: text, reason: "Could not send: \(Self.reason(error))"))
            }
        case .typing(let cid, let parentID, let started):
            var event: JSONObject = ["type": started ? "typing.start" : "typing.stop"]
            if let parentID { event["parent_id"] = .string(parentID) }
            // Typing indicators are a courtesy: a channel type without them should not fill the
            // status bar with an error at every keystroke.
            _ = try? await rest.post(Self.channelPath(cid, "event"), ["event": .object(event)])
        case .markRead(let cid):
            do {
                _ = try await rest.post(Self.channelPath(cid, "read"))
            } catch {
                deliver(.failed("Could not mark \(cid) read: \(Self.reason(error))"))
            }
        case .markThreadRead(let cid, let parentID):
            do {
                _ = try await rest.post(Self.channelPath(cid, "read"), ["thread_id": .string(parentID)])
            } catch {
                deliver(.failed("Could not mark the thread read: \(Self.reason(error))"))
            }
        case .update(let id, let text):
            await answer("Could not edit", deliver) { try await rest.post("messages/\(id)", ["message": ["text": .string(text)]]) }
        case .delete(let id):
            await answer("Could not delete", deliver) { try await rest.send("DELETE", "messages/\(id)", body: nil) }
        case .react(let id, let type, let add):
            await answer("Could not react", deliver) {
                add
                    ? try await rest.post("messages/\(id)/reaction", ["reaction": ["type": .string(type)]])
                    : try await rest.send("DELETE", "messages/\(id)/reaction/\(type)", body: nil)
            }
        case .pin(let id, let pinned):
            await answer("Could not pin", deliver) {
                try await rest.send("PUT", "messages/\(id)", body: ["set": ["pinned": .bool(pinned)]])
            }
        case .giphy(let id, let action):
            // Sent or cancelled, the preview is gone (it was never stored); shuffled, it changes.
            if action != "shuffle" { deliver(.messageRemoved(id: id)) }
            await answer("Could not \(action) the GIF", deliver) {
                try await rest.post("messages/\(id)/action", ["form_data": ["image_action": .string(action)]])
            }
        case .leave(let cid):
            do {
                let (type, id) = StreamItems.split(cid) ?? ("", cid)
                _ = try await rest.post("channels/\(type)/\(id)", ["remove_members": [.string(userID)]])
                deliver(.channelsLoaded(try await channels(for: userID, watchingWith: link.withLock { $0.connectionID })))
            } catch {
                deliver(.failed("Could not leave: \(Self.reason(error))"))
            }
        case .join(let cid):
            do {
                // Stream lets a user add only themselves to a channel of a type with the join grant.
                let (type, id) = StreamItems.split(cid) ?? ("", cid)
                _ = try await rest.post("channels/\(type)/\(id)", ["add_members": [.string(userID)]])
                deliver(.channelsLoaded(try await channels(for: userID, watchingWith: link.withLock { $0.connectionID })))
                deliver(.openChannel(cid: cid))
            } catch {
                deliver(.failed("Could not join: \(Self.reason(error))"))
            }
        case .block(let other, let blocking):
            do {
                _ = try await rest.post(blocking ? "users/block" : "users/unblock", ["blocked_user_id": .string(other)])
                deliver(.blockedUsers(try await blockedUserIDs()))
                deliver(.channelsLoaded(try await channels(for: userID, watchingWith: link.withLock { $0.connectionID })))
                deliver(.notice(blocking ? "Blocked @\(other)" : "Unblocked @\(other)"))
            } catch {
                deliver(.failed("Could not \(blocking ? "block" : "unblock") @\(other): \(Self.reason(error))"))
            }
        case .flag(let target, let reason):
            var body: JSONObject
            let what: String
            switch target {
            case .message(let id): (body, what) = (["target_message_id": .string(id)], "the message")
            case .user(let id): (body, what) = (["target_user_id": .string(id)], "@" + id)
            }
            if let reason { body["reason"] = .string(reason) }
            do {
                _ = try await rest.post("moderation/flag", body)
                deliver(.flagged(target))
            } catch {
                deliver(.failed("Could not flag \(what): \(Self.reason(error))"))
            }
        case .blockedUsers:
            do {
                let ids = try await blockedUserIDs()
                deliver(.blockedUsers(ids))
                deliver(.notice(ids.isEmpty ? "You block nobody" : "You block " + ids.map { "@" + $0 }.joined(separator: ", ")))
            } catch {
                deliver(.failed("Could not list the users you block: \(Self.reason(error))"))
            }
        case .upload(let cid, let path, let text, let parentID):
            await upload(cid: cid, path: path, text: text, parentID: parentID, deliver: deliver)
        case .topic(let cid, let text):
            do {
                let (type, id) = StreamItems.split(cid) ?? ("", cid)
                _ = try await rest.send("PATCH", "channels/\(type)/\(id)", body: ["set": ["topic": .string(text)]])
                deliver(.channelsLoaded(try await channels(for: userID, watchingWith: link.withLock { $0.connectionID })))
            } catch {
                deliver(.failed("Could not set the topic: \(Self.reason(error))"))
            }
        case .createPoll, .vote, .unvote:
            await runPoll(request, deliver: deliver)
        case .direct(let others, let text):
            do {
                let members = [userID] + others.filter { $0 != userID }
                let state = try await rest.post(
                    "channels/messaging/query",
                    ["data": ["members": .array(members.map(JSONValue.string))], "state": false]
                )
                guard let cid = state["channel"]?.objectValue?["cid"]?.stringValue else {
                    throw StreamAPIFailure(status: 0, code: -1, message: "no channel in the answer")
                }
                if let text { _ = try await rest.post(Self.channelPath(cid, "message"), ["message": ["text": .string(text)]]) }
                deliver(.channelsLoaded(try await channels(for: userID, watchingWith: link.withLock { $0.connectionID })))
                deliver(.openChannel(cid: cid))
            } catch {
                deliver(.failed("Could not open the conversation: \(Self.reason(error))"))
            }
        }
    }

    /// The users this user blocks (`get_blocked_users`).
    private func blockedUserIDs() async throws -> [String] {
        try await rest.get("users/block", query: ["user_id": userID]).objects("blocks").compactMap { $0["blocked_user_id"]?.stringValue }
    }

    /// Runs a request whose answer carries the message as it now is, and delivers that.
    private func answer(_ failure: String, _ deliver: @Sendable (ChatEvent) -> Void, _ call: () async throws -> JSONObject) async {
        do {
            if let row = try await call()["message"]?.objectValue.flatMap({ StreamItems.messageRow($0, viewer: userID) }) {
                deliver(.messageUpserted(row))
            }
        } catch {
            deliver(.failed("\(failure): \(Self.reason(error))"))
        }
    }

    /// The server's own words for a failure.
    private static func reason(_ error: any Error) -> String {
        (error as? StreamAPIFailure)?.message ?? "\(error)"
    }
}
