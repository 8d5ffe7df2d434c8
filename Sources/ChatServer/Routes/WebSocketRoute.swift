import ChatModel
import ChatStore
import Foundation
import Hummingbird
import HummingbirdWebSocket
import ServiceLifecycle

/// `GET /connect`, as stream-chat-js opens it: `api_key`, `authorization` (the user token) and
/// `json` ({"user_id", "user_details"}) in the query. The first frame is `health.check` with the
/// `connection_id`; bad auth gets `connection.error` and the socket closes (1000).
struct WebSocketRoute {
    let store: ChatStore
    let hub: EventHub
    let credentials: ServerCredentials
    /// `serve --log-requests`: a line when a connection is refused, opens and closes.
    var logRequests = false
    /// Frames a client may send a minute on one connection. Clients send a keep-alive every
    /// 30 s or so; a flood gets Stream's 429 as `connection.error` and the socket closes.
    static let framesPerMinute = 600

    func add(to router: Router<ServerContext>) {
        router.ws("connect") { inbound, outbound, context in
            let query = context.request.uri.queryParameters
            let now = Timestamp.now()
            let userID: String
            do {
                userID = try authenticate(
                    api: query.get("api_key").map { String($0) },
                    token: query.get("authorization").map { String($0) },
                    json: query.get("json").map { String($0) }
                )
                // A deactivated user keeps their history but cannot connect until reactivated.
                if (try? store.user(id: userID))??.deactivatedAt != nil {
                    throw StreamAPIError.notAllowed("Connect", "user \(userID) is deactivated")
                }
            } catch let error as StreamAPIError {
                if logRequests { context.logger.info("WebSocket /connect refused · code \(error.code): \(error.message)") }
                let frame: JSONValue = [
                    "type": "connection.error", "created_at": .string(now.rfc3339),
                    "error": error.json(duration: "0.00ms"),
                ]
                try await outbound.write(.text(JSONWriter().string(frame)))
                return
            }
            let user = (try? store.user(id: userID)).flatMap { $0 }.map(UserJSON.json)?.objectValue ?? ["id": .string(userID)]
            // The connection's own view (mutes, unread counts) goes in the hello only: the hub
            // shows `user` to others (presence).
            let me = JSONValue.object((try? OwnUserJSON.json(userID, store: store)) ?? user)
            let socket = try await EventSocket.attach(to: context.requestContext.channel, limit: EventHub.queueLimit)
            let connection = await hub.connect(user: user, socket: socket)
            let opened = ContinuousClock.now
            if logRequests { context.logger.info("WebSocket /connect user \(userID) connection \(connection)") }
            defer {
                Task { await hub.disconnect(connection) }
                if logRequests {
                    let seconds = (ContinuousClock.now - opened).components.seconds
                    context.logger.info("WebSocket closed user \(userID) connection \(connection) after \(seconds) s")
                }
            }
            let hello: JSONValue = [
                "type": "health.check", "connection_id": .string(connection), "cid": "*", "me": me, "created_at": .string(now.rfc3339),
            ]
            try await outbound.write(.text(JSONWriter().string(hello)))
            // Events for this user queued since `connect` follow the hello, never precede it.
            socket.open()
            // A stopping server (SIGTERM) ends each connection's event stream, so the socket
            // closes rather than keeping the server up until its client leaves.
            try await withGracefulShutdownHandler {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    // The hub writes the events on the channel's event loop; this ends when it drops the connection.
                    group.addTask { await socket.queue.ended() }
                    group.addTask {
                        // Keep-alives: answer each client health.check, sent as an object or, as stream-chat-js
                        // sends it, a one-element array; anything else from the client is ignored.
                        let frames = RateLimiter(limit: Self.framesPerMinute)
                        for try await message in inbound.messages(maxSize: 1 << 16) {
                            guard await frames.take(connection, now: Int64(Date().timeIntervalSince1970)).allowed else {
                                let error = StreamAPIError(
                                    status: 429,
                                    code: 9,
                                    message: "Too many frames on this connection: at most \(Self.framesPerMinute) a minute"
                                )
                                let frame: JSONValue = [
                                    "type": "connection.error", "created_at": .string(Timestamp.now().rfc3339),
                                    "error": error.json(duration: "0.00ms"),
                                ]
                                try await outbound.write(.text(JSONWriter().string(frame)))
                                return
                            }
                            guard case .text(let text) = message, let frame = try? JSONParser.parse(text),
                                (frame.arrayValue ?? [frame]).contains(where: { $0.objectValue?["type"]?.stringValue == "health.check" })
                            else { continue }
                            let pong: JSONValue = [
                                "type": "health.check", "connection_id": .string(connection), "cid": "*", "me": me,
                                "created_at": .string(Timestamp.now().rfc3339),
                            ]
                            try await outbound.write(.text(JSONWriter().string(pong)))
                        }
                    }
                    // When either side ends (the client closed, or the hub dropped a stalled connection), the socket is done.
                    try await group.next()
                    group.cancelAll()
                }
            } onGracefulShutdown: {
                Task { await hub.disconnect(connection) }
            }
        }
    }

    private func authenticate(api: String?, token: String?, json: String?) throws(StreamAPIError) -> String {
        guard api == credentials.apiKey else { throw StreamAPIError(status: 401, code: 2, message: "api_key not valid") }
        guard let token, !token.isEmpty else { throw .auth(5, "missing authorization query parameter") }
        let actor = try StreamToken.verify(token, secret: credentials.apiSecret, now: Int64(Date().timeIntervalSince1970))
        let payload = json.flatMap { try? JSONParser.parse($0).objectValue }
        let claimed = payload?["user_id"]?.stringValue ?? payload?["user_details"]?.objectValue?["id"]?.stringValue
        switch actor {
        case .user(let id):
            if let claimed, claimed != id { throw .auth(5, "the token is for \(id), not \(claimed)") }
            return id
        case .server:
            guard let claimed else { throw .auth(5, "a server token must name the user in json.user_id") }
            return claimed
        }
    }
}
