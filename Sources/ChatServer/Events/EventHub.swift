import ChatModel
import ChatStore
import Foundation
import Logging
import NIOCore

/// Who is connected over the WebSocket and which channels each connection watches, and the
/// fan-out of events to them. Each connection has a bounded queue: one that stops reading is
/// dropped rather than slowing the others down.
///
/// On SQLite a published event goes straight to this server's watchers. On PostgreSQL it goes
/// into the store's event log, and every server sharing the database (this one too) delivers
/// it from there to its own watchers: all of them in the log's one order.
///
/// Presence travels the same way: a server says when a user's first connection to it opens and
/// its last one closes, and every server keeps which servers have the user connected. A user is
/// online while any has; when that changes, the connections that asked for the user's presence
/// (`query_users` with `presence: true`) get `user.presence.changed`. Each time a server's
/// listening connection opens (at start, after PostgreSQL came back) it tells its users and asks
/// the others for theirs (`Delivery.roll`), and every server forgets the users of one whose
/// listening connection is gone (killed, or cut off) from two looks in a row.
public actor EventHub {
    /// How often each server looks for servers gone from the database without saying so.
    static let followerCheck: UInt64 = 2_000_000_000

    /// Events a connection may have waiting before it counts as stalled.
    public static let queueLimit = 1000

    private struct Connection {
        var userID: String
        /// The user as `user.presence.changed` shows them, read when the connection opened.
        var user: JSONObject
        var socket: EventSocket
    }

    private var connections: [String: Connection] = [:]
    private var watchers: [String: Set<String>] = [:]
    /// This hub's name in presence deliveries.
    private let serverID = UUID().uuidString.lowercased()
    /// The servers each user is connected to.
    private var presentOn: [String: Set<String>] = [:]
    /// Each user as their last `user.presence.changed` showed them, to tell them gone.
    private var presentUsers: [String: JSONObject] = [:]
    /// `presentOn` as every answer shows it (`online`, `last_active`).
    nonisolated let presence = PresenceBoard()
    /// The connections that asked for each user's presence.
    private var presenceWatchers: [String: Set<String>] = [:]
    private let log: PostgresEventLog?
    /// A member's own fields for a notification (unread counts as of the event), read when it is delivered.
    private let personalize: @Sendable (_ member: String, _ cid: String, _ event: JSONObject) throws -> JSONObject
    /// Sees each channel event this server publishes, with its audience and whether its change
    /// leaves no trace in the rows, before it goes out (`SyncRoutes.keep` keeps those a later
    /// sync cannot tell from the rows).
    private let record: @Sendable (_ cid: String, _ event: JSONObject, _ audience: Set<String>?, _ leavesNoRow: Bool) throws -> Void
    private let logger = Logger(label: "chatterm.events")

    public init(
        log: PostgresEventLog? = nil,
        record: @escaping @Sendable (String, JSONObject, Set<String>?, Bool) throws -> Void = { _, _, _, _ in },
        personalize: @escaping @Sendable (String, String, JSONObject) throws -> JSONObject = { _, _, _ in [:] }
    ) {
        self.log = log
        self.record = record
        self.personalize = personalize
    }

    /// Delivers the log's events after `start` to this server's watchers until the task is
    /// cancelled (PostgreSQL only).
    public func followLog(after start: Int64?) async {
        guard let log else { return }
        let checks = Task { [weak self] in
            var missing: Set<String> = []
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: Self.followerCheck)
                guard let self, let followers = try? log.followers() else { continue }
                missing = await self.forgetServers(missing: missing, following: followers)
            }
        }
        defer { checks.cancel() }
        let rollCall: @Sendable () async -> Void = { [weak self] in await self?.rollCall(asking: true) }
        await log.follow(after: start, as: serverID, onListening: rollCall) { [weak self] _, body in
            guard let self, let delivery = (try? JSONParser.parse(body)).flatMap(Delivery.init(json:)) else { return }
            await self.deliver(delivery)
        }
    }

    /// Registers a connection of `user` (its `UserResponse`); its events go to `socket` (whose
    /// queue should hold `queueLimit`). The user's first connection here tells every server they are online.
    func connect(user: JSONObject, socket: EventSocket) async -> String {
        let id = UUID().uuidString.lowercased()
        let userID = user["id"]?.stringValue ?? ""
        let first = !connections.values.contains { $0.userID == userID }
        connections[id] = Connection(userID: userID, user: user, socket: socket)
        // Returns once it is in the log: the client is told it is connected (and may close another
        // connection, to another server) only then, so no server reads that the user left first.
        if first { await withCheckedContinuation { appended in announce(user, online: true) { appended.resume() } } }
        return id
    }

    func disconnect(_ id: String) {
        guard let gone = connections.removeValue(forKey: id) else { return }
        gone.socket.finish()
        for cid in watchers.keys { watchers[cid]?.remove(id) }
        for user in presenceWatchers.keys { presenceWatchers[user]?.remove(id) }
        if !connections.values.contains(where: { $0.userID == gone.userID }) { announce(gone.user, online: false) }
    }

    /// Tells every server (through the log on PostgreSQL) that `user` came or went here. The
    /// log is written from the actor, so this user's changes enter it in the order they happened;
    /// it happens once per user's first and last connection, never per event.
    private func announce(_ user: JSONObject, online: Bool, then: @escaping @Sendable () -> Void = {}) {
        let event = Self.presenceChange(user, online: online)
        guard let log else {
            deliverPresence(server: serverID, online: online, event: event)
            return then()
        }
        append(.presence(server: serverID, online: online, event: event), to: log, then: then)
    }

    private static func presenceChange(_ user: JSONObject, online: Bool) -> JSONObject {
        var shown = user
        shown["online"] = .bool(online)
        return ["type": "user.presence.changed", "user": .object(shown), "created_at": .string(Timestamp.now().rfc3339)]
    }

    /// Tells every server who is connected here, and with `asking` has them answer the same:
    /// a server that starts, or whose listening connection comes back, learns who is online
    /// elsewhere, and the others hear of what changed here while it could not tell them.
    private func rollCall(asking: Bool) {
        guard let log else { return }
        var users: [String: JSONObject] = [:]
        for connection in connections.values { users[connection.userID] = connection.user }
        append(.roll(server: serverID, users: Array(users.values), asking: asking), to: log)
    }

    private func takeRoll(server: String, users: [JSONObject], asking: Bool) {
        guard server != serverID else { return }
        let listed = Set(users.compactMap { $0["id"]?.stringValue })
        forget(server, keeping: listed)
        for user in users {
            guard let id = user["id"]?.stringValue, presentOn[id]?.contains(server) != true else { continue }
            deliverPresence(server: server, online: true, event: Self.presenceChange(user, online: true))
        }
        if asking { rollCall(asking: false) }
    }

    /// Servers that held users but no longer follow the log, now and at the look before, are
    /// gone: their users are no longer connected there. One look is not enough: a server's
    /// listening connection may be reconnecting. Gives the servers missing now.
    private func forgetServers(missing before: Set<String>, following: Set<String>) -> Set<String> {
        let missing = Set(presentOn.values.joined()).subtracting(following).subtracting([serverID])
        for server in missing.intersection(before) { forget(server, keeping: []) }
        return missing
    }

    /// Tells every user `server` held, but those `keeping`, gone from it.
    private func forget(_ server: String, keeping: Set<String>) {
        for (userID, servers) in presentOn where servers.contains(server) && !keeping.contains(userID) {
            guard let user = presentUsers[userID] else { continue }
            deliverPresence(server: server, online: false, event: Self.presenceChange(user, online: false))
        }
    }

    /// Of `users`, those connected to some server.
    func online(_ users: [String]) -> Set<String> {
        Set(users.filter { presentOn[$0]?.isEmpty == false })
    }

    /// `presence: true` on `query_users`: the connection the request names gets
    /// `user.presence.changed` for `users` from now on, if the caller may use it.
    nonisolated func watchPresence(_ connection: String?, users: [String], as actor: StreamToken.Actor?) async {
        guard let connection else { return }
        await subscribe(Subscription(kind: .presence, connection: connection, ids: users, actor: actor))
    }

    private func deliverPresence(server: String, online: Bool, event: JSONObject) {
        guard let user = event["user"]?.objectValue, let userID = user["id"]?.stringValue else { return }
        presentUsers[userID] = user
        let wasOnline = presentOn[userID]?.isEmpty == false
        if online { presentOn[userID, default: []].insert(server) } else { presentOn[userID]?.remove(server) }
        if presentOn[userID]?.isEmpty == true { presentOn[userID] = nil }
        let isOnline = presentOn[userID] != nil
        let at = event["created_at"]?.stringValue.flatMap(Timestamp.init(rfc3339:)) ?? .now()
        presence.record(userID, online: isOnline, at: at)
        // A server the user left while another still has them changes nothing to tell.
        guard wasOnline != isOnline, let subscribed = presenceWatchers[userID] else { return }
        send(EventFrame(JSONWriter().bytes(.object(event))), to: subscribed)
    }

    /// `watch: true` on a channel query or `query_channels`: subscribes the WebSocket connection
    /// the request names (`connection_id`) to the channels, if the caller may: the connection's
    /// own user, or a server token. An unknown connection is ignored.
    nonisolated func watch(_ connection: String?, cids: [String], as actor: StreamToken.Actor?) async {
        guard let connection else { return }
        await subscribe(Subscription(kind: .watch, connection: connection, ids: cids, actor: actor))
    }

    /// `stop-watching`: the connection no longer gets the channel's events (a member then gets
    /// its notifications instead, as anyone connected but not watching).
    nonisolated func stopWatching(_ connection: String?, cid: String, as actor: StreamToken.Actor?) async {
        guard let connection else { return }
        await subscribe(Subscription(kind: .unwatch, connection: connection, ids: [cid], actor: actor))
    }

    /// Applies the subscription here when this server holds the connection; otherwise, on
    /// PostgreSQL, hands it to the server that does, through the log.
    private nonisolated func subscribe(_ subscription: Subscription) async {
        guard await !apply(subscription), log != nil else { return }
        await dispatch(.subscription(subscription))
    }

    /// False when the connection is not this server's.
    private func apply(_ subscription: Subscription) -> Bool {
        guard let owner = connections[subscription.connection]?.userID else { return false }
        guard ActingUser.mayActFor(connectionOf: owner, as: subscription.actor) else { return true }
        let connection = subscription.connection
        switch subscription.kind {
        case .watch: for cid in subscription.ids { watchers[cid, default: []].insert(connection) }
        case .unwatch: for cid in subscription.ids { watchers[cid]?.remove(connection) }
        case .presence: for user in subscription.ids { presenceWatchers[user, default: []].insert(connection) }
        }
        return true
    }

    func watcherCount(cid: String) -> Int { watchers[cid]?.count ?? 0 }

    /// Sends `event` to the channel's watchers; with an `audience` (a message's restricted
    /// visibility), only to the watchers among it. `leavesNoRow`: the change it tells leaves
    /// nothing in the rows a sync could tell it again from (an unpin), whatever its type.
    nonisolated func publish(_ event: JSONObject, cid: String, audience: Set<String>? = nil, leavesNoRow: Bool = false) async {
        // What happened is committed already: an event not recorded is logged, not refused.
        do { try record(cid, event, audience, leavesNoRow) } catch { logger.error("event not kept: \(error)") }
        await dispatch(.channel(cid: cid, audience: audience, event: event))
    }

    /// Sends `event` to every connection of `userID` (own notifications such as mark_read).
    nonisolated func publish(_ event: JSONObject, toUser userID: String) async {
        await dispatch(.user(userID, event: event))
    }

    /// Sends `event` to those of `members` who are connected but watch no connection on `cid`
    /// (notification events); `personal` adds each one's own fields (unread counts).
    nonisolated func notify(_ event: JSONObject, cid: String, members: [String], personal: Bool = false) async {
        await dispatch(.members(cid: cid, members: members, event: event, personal: personal))
    }

    /// On PostgreSQL, returns once the event is in the log (appended with the others published
    /// meanwhile, in one statement), as it returned once delivered here on SQLite.
    private nonisolated func dispatch(_ delivery: Delivery) async {
        guard let log else { return await deliver(delivery) }
        await withCheckedContinuation { appended in append(delivery, to: log) { appended.resume() } }
    }

    /// Queues `delivery` in the log before it returns, so a caller's events enter it in the
    /// order it made them; `then` runs once it is committed or failed.
    private nonisolated func append(_ delivery: Delivery, to log: PostgresEventLog, then: @escaping @Sendable () -> Void = {}) {
        log.append(JSONWriter().string(delivery.json)) { [logger] outcome in
            // The write it reports is committed; only the telling failed (the database went away).
            if case .failure(let error) = outcome { logger.error("event not published: \(error)") }
            then()
        }
    }

    /// Delivers to this server's connections. A member's own fields are read outside the
    /// actor: they are database reads, and the fan-out to everyone else must not wait on them.
    private nonisolated func deliver(_ delivery: Delivery) async {
        switch delivery {
        case .channel(let cid, let audience, let event):
            await send(event, toWatchersOf: cid, audience: audience)
        case .user(let userID, let event):
            await send(event, toUser: userID)
        case .members(let cid, let members, let event, let personal):
            for member in await notifiable(cid: cid, members: members) {
                await send(personal ? event.merging((try? personalize(member, cid, event)) ?? [:]) : event, toUser: member)
            }
        case .presence(let server, let online, let event):
            await deliverPresence(server: server, online: online, event: event)
        case .subscription(let subscription):
            _ = await apply(subscription)
        case .roll(let server, let users, let asking):
            await takeRoll(server: server, users: users, asking: asking)
        }
    }

    /// Of `members`, those connected with no connection watching `cid`: who gets notification events.
    private func notifiable(cid: String, members: [String]) -> [String] {
        let watching = Set((watchers[cid] ?? []).compactMap { connections[$0]?.userID })
        let connected = Set(connections.values.map(\.userID))
        return members.filter { connected.contains($0) && !watching.contains($0) }
    }

    private func send(_ event: JSONObject, toWatchersOf cid: String, audience: Set<String>?) {
        var event = event
        event["watcher_count"] = .int(watcherCount(cid: cid))
        let frame = EventFrame(JSONWriter().bytes(.object(event)))
        let watching = watchers[cid] ?? []
        send(frame, to: audience.map { audience in watching.filter { audience.contains(connections[$0]?.userID ?? "") } } ?? watching)
    }

    private func send(_ event: JSONObject, toUser userID: String) {
        send(EventFrame(JSONWriter().bytes(.object(event))), to: connections.filter { $0.value.userID == userID }.keys)
    }

    /// Queues `frame` for each connection, then has each event loop with a connection to drain
    /// do so in one task; a connection whose queue is full is dropped.
    private func send(_ frame: EventFrame, to ids: some Sequence<String>) {
        var drains: [(loop: any EventLoop, sockets: [EventSocket])] = []
        for id in ids {
            guard let socket = connections[id]?.socket else { continue }
            switch socket.queue.push(frame) {
            case .queued: continue
            case .refused: disconnect(id)
            case .needsDrain:
                if let i = drains.firstIndex(where: { $0.loop === socket.eventLoop }) {
                    drains[i].sockets.append(socket)
                } else {
                    drains.append((socket.eventLoop, [socket]))
                }
            }
        }
        for (loop, sockets) in drains { loop.execute { for socket in sockets { socket.drain() } } }
    }
}
