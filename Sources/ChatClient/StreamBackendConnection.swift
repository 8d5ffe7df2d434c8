import ChatCore
import ChatModel
import Foundation

/// The live half of `StreamBackend`: one WebSocket at a time, kept open (reconnecting with
/// back-off, then resyncing the channel list), its events turned into `ChatEvent`s.
extension StreamBackend {
    /// stream-chat-js sends a keep-alive this often…
    static let keepAliveInterval: Duration = .seconds(25)
    /// …and gives up on a connection that said nothing for this long after one.
    static let silenceLimit: Duration = .seconds(10)
    /// How long a typing indicator lasts without news (Stream's clients drop stale ones too).
    static let typingSeconds: Int64 = 7

    public func connect(userID: String, deliver: @escaping @Sendable (ChatEvent) -> Void) {
        guard userID == self.userID else {
            deliver(.failed("This backend signs in as \(self.userID); it cannot connect as \(userID)"))
            return
        }
        disconnect()
        let (requests, continuation) = AsyncStream<LiveRequest>.makeStream()
        link.withLock { link in
            link.requests = continuation
            link.worker = Task {
                for await request in requests { await self.run(request, deliver: deliver) }
            }
            link.connection = Task { await self.stayConnected(deliver: deliver) }
        }
    }

    public func disconnect() {
        let old = link.withLock { link in
            defer { link = Link() }
            return link
        }
        old.requests?.finish()
        old.worker?.cancel()
        old.connection?.cancel()
    }

    /// How one connection ended.
    private enum Ending {
        /// The server said no (`connection.error`, such as a bad token): trying again will not help.
        case refused(String)
        /// It closed or failed; `wasUp` when it got as far as watching the channels.
        case dropped(wasUp: Bool)
    }

    /// Connects, and after each drop waits (1, 2, 4 … 30 s, see `ReconnectBackoff`) and connects
    /// again, until `disconnect` cancels it or the server refuses the user.
    private func stayConnected(deliver: @escaping @Sendable (ChatEvent) -> Void) async {
        var failures = 0
        while !Task.isCancelled {
            deliver(.connectionChanged(.connecting))
            switch await connectOnce(deliver: deliver) {
            case .refused(let message):
                deliver(.failed("The server refused the connection: \(message)"))
                deliver(.connectionChanged(.offline))
                return
            case .dropped(let wasUp):
                failures = wasUp ? 0 : failures + 1
            }
            guard !Task.isCancelled else { return }
            let delay = ReconnectBackoff.seconds(afterFailures: failures)
            deliver(.connectionChanged(.reconnecting(retryInSeconds: Int(delay.rounded(.up)))))
            do { try await Task.sleep(for: .seconds(delay)) } catch { return }
        }
    }

    /// One connection, from the first frame to its end. Once the server says hello, the user's
    /// channels are watched through this connection, and the channel list that query answers is
    /// delivered: after a drop that is the resync, and on the first connection it covers whatever
    /// happened between the client's first load and the start of events.
    private func connectOnce(deliver: @escaping @Sendable (ChatEvent) -> Void) async -> Ending {
        let socket = StreamSocket(endpoint: endpoint, userID: userID)
        defer { socket.close() }
        // Running from the start, the keep-alive also ends an opening that never gets an answer.
        let lastHeard = Locked(ContinuousClock.now)
        let keepAlive = Task {
            await Self.keepAlive(socket, clientID: "\(userID)--\(UUID().uuidString.lowercased())", lastHeard: lastHeard)
        }
        defer { keepAlive.cancel() }
        var events = socket.events.makeAsyncIterator()
        guard let hello = await events.next() else { return .dropped(wasUp: false) }
        if let error = hello["error"]?.objectValue { return .refused(error["message"]?.stringValue ?? JSONWriter().string(.object(hello))) }
        guard hello["type"]?.stringValue == "health.check", let connectionID = hello["connection_id"]?.stringValue else {
            return .dropped(wasUp: false)
        }
        lastHeard.withLock { $0 = .now }
        link.withLock { $0.connectionID = connectionID }
        deliver(.connectionChanged(.connected))
        // Who this user blocks comes with the connection (`me`), before the list it filters.
        deliver(.blockedUsers(hello["me"]?.objectValue?.strings("blocked_user_ids") ?? []))
        do {
            let channels = try await channels(for: userID, watchingWith: connectionID)
            deliver(.channelsLoaded(channels))
            // The threads' unread replies too: what was said in them while the client was away.
            deliver(.unreadThreadsLoaded(try await unreadThreads(of: userID)))
            if let presence = await presence(of: channels, connectionID: connectionID) { deliver(presence) }
        } catch {
            // Connected but watching nothing, the connection would miss every channel event.
            return .dropped(wasUp: false)
        }
        while let event = await events.next() {
            lastHeard.withLock { $0 = .now }
            if let chatEvent = await chatEvent(for: event) { deliver(chatEvent) }
        }
        return .dropped(wasUp: true)
    }

    /// Sends a health.check every 25 s, as stream-chat-js does (the server answers each), and
    /// closes the socket when nothing at all arrived in the 10 s after one: a connection that
    /// died without a word (a sleeping laptop, a dropped route) ends, and the loop reconnects.
    private static func keepAlive(_ socket: StreamSocket, clientID: String, lastHeard: Locked<ContinuousClock.Instant>) async {
        while true {
            do { try await Task.sleep(for: keepAliveInterval) } catch { return }
            let sent = ContinuousClock.now
            socket.send([["type": "health.check", "client_id": .string(clientID)]])
            do { try await Task.sleep(for: silenceLimit) } catch { return }
            if lastHeard.withLock({ $0 }) < sent {
                socket.close()
                return
            }
        }
    }

    /// What a server event means to the client, if anything.
    private func chatEvent(for event: JSONObject) async -> ChatEvent? {
        let actor = event["user"]?.objectValue.flatMap(StreamItems.user)
        switch event["type"]?.stringValue {
        case "message.new", "message.updated", "message.deleted", "message.undeleted",
            "reaction.new", "reaction.updated", "reaction.deleted", "notification.message_new", "notification.thread_message_new":
            guard let message = event["message"]?.objectValue else { return nil }
            return await row(message, actedBy: actor?.id).map(ChatEvent.messageUpserted)
        case "poll.updated", "poll.closed", "poll.deleted", "poll.vote_casted", "poll.vote_changed", "poll.vote_removed":
            return StreamItems.pollEvent(event, viewer: userID)
        // The reader's own channel settings, changed on another of their connections.
        case "member.updated":
            guard let member = event["member"]?.objectValue, member["user_id"]?.stringValue == userID,
                let cid = event["cid"]?.stringValue
            else { return nil }
            return .channelMarksChanged(
                cid: cid,
                pinnedAt: member["pinned_at"]?.stringValue.flatMap(Timestamp.init(rfc3339:)),
                archivedAt: member["archived_at"]?.stringValue.flatMap(Timestamp.init(rfc3339:))
            )
        case "notification.mark_unread":
            guard let cid = event["cid"]?.stringValue, let count = event["unread_messages"]?.intValue else { return nil }
            return .markedUnread(
                cid: cid,
                unreadCount: count,
                lastRead: event["last_read_at"]?.stringValue.flatMap(Timestamp.init(rfc3339:))
            )
        // Read on another connection (a thread's read leaves the channel's count as it is).
        case "notification.mark_read":
            if let thread = event["thread_id"]?.stringValue { return .markedThreadRead(parentID: thread) }
            guard let at = event["created_at"]?.stringValue.flatMap(Timestamp.init(rfc3339:)) else { return nil }
            return .markedRead(cid: event["cid"]?.stringValue, at: at)
        // Someone else read a channel (a thread's read leaves the channel's position as it is).
        case "message.read":
            guard event["thread_id"] == nil, let actor, actor.id != userID, let cid = event["cid"]?.stringValue,
                let at = event["created_at"]?.stringValue.flatMap(Timestamp.init(rfc3339:))
            else { return nil }
            return .memberRead(cid: cid, userID: actor.id, at: at, messageID: event["last_read_message_id"]?.stringValue)
        case "typing.start":
            guard let actor, actor.id != userID, let cid = event["cid"]?.stringValue else { return nil }
            let now = Timestamp.now()
            return .typingStarted(
                cid: cid,
                parentID: event["parent_id"]?.stringValue,
                userName: actor.displayName,
                until: Timestamp(seconds: now.seconds + Self.typingSeconds, nanoseconds: now.nanoseconds)
            )
        case "user.presence.changed":
            return Self.presenceChange(event)
        case "typing.stop":
            guard let actor, actor.id != userID, let cid = event["cid"]?.stringValue else { return nil }
            return .typingStopped(cid: cid, parentID: event["parent_id"]?.stringValue, userName: actor.displayName)
        default:
            return nil
        }
    }

    /// The row for a message an event carries. The server renders an event's message for the
    /// user who acted, so when someone else acted on a message that has reactions, which of
    /// them (or of a poll's votes) are this user's is read again; events are handled one at a time, so the answer
    /// cannot overtake a later event about the same message.
    private func row(_ message: JSONObject, actedBy actor: String?) async -> MessageRow? {
        if actor != userID, message["reaction_counts"]?.objectValue?.isEmpty == false || message["poll"]?.objectValue != nil,
            let id = message["id"]?.stringValue,
            let fresh = try? await rest.get("messages/\(id)")["message"]?.objectValue
        {
            return StreamItems.messageRow(fresh, viewer: userID)
        }
        return StreamItems.messageRow(message, viewer: userID)
    }
}
