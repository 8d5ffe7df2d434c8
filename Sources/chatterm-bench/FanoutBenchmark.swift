import ArgumentParser
import ChatClient
import ChatCore
import ChatModel
import ChatServer
import ChatStore
import Foundation

/// The server's WebSocket fan-out: watchers on one channel over the WebSocket, senders posting
/// over REST at the same time, all on loopback. The server runs in this process on a fresh
/// store; the watchers are ChatClient's WebSocket code and the senders post over kept-alive
/// HTTP/1.1 connections (`KeptAliveHTTP`), so no harness overhead (such as a Python
/// interpreter's lock) ends up in the figures.
struct FanoutBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fanout",
        abstract: "Time WebSocket fan-out: messages/s, send latency and delivery latency to every watcher, with loss and order checks."
    )

    @Option(help: "WebSocket clients watching the channel.")
    var watchers = 100

    @Option(help: "Clients sending messages over REST at the same time.")
    var senders = 10

    @Option(help: "Messages each sender posts.")
    var messages = 100

    @Option(help: "Messages per second each sender aims at (0: as fast as the server answers).")
    var rate = 0.0

    @Option(help: "Seconds to wait for deliveries after the last send.")
    var settle = 60.0

    @Option(help: "A soak: send for this many seconds (needs --rate) instead of --messages each.")
    var duration: Double?

    @Flag(
        help:
            "Each sender also reacts to its previous message, types and marks the channel read; watchers must get each of those events once too."
    )
    var extras = false

    @Flag(
        help:
            "Run the server as a `chatterm serve` process (the chatterm built beside this bench), so its memory is measured apart from the clients'."
    )
    var childServer = false

    @Option(
        help: ArgumentHelp(
            "A PostgreSQL server: the servers run as `chatterm serve` processes on a fresh database there.",
            valueName: "postgres://user@host:port/db"
        )
    )
    var database: String?

    @Option(help: "Servers sharing that PostgreSQL database; watchers and senders are spread over them in turn.")
    var instances = 1

    func validate() throws {
        guard watchers > 0, senders > 0, messages > 0 else {
            throw ValidationError("--watchers, --senders and --messages must be positive")
        }
        guard rate >= 0 else { throw ValidationError("--rate must be 0 or more") }
        if let duration { guard duration > 0, rate > 0 else { throw ValidationError("--duration needs a positive value and --rate") } }
        guard instances >= 1 else { throw ValidationError("--instances must be at least 1") }
        guard instances == 1 || database != nil else {
            throw ValidationError("--instances above 1 needs --database: servers share a PostgreSQL store")
        }
    }

    /// Messages each sender posts: a count, or as many as the soak's time at the rate allows.
    private var perSender: Int { duration.map { Int($0 * rate) } ?? messages }

    func run() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("chatterm-fanout-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store: ChatStore
        let storeArguments: [String]
        if let database {
            let url = try PostgresBackend.ensureDatabase("bench_\(UUID().uuidString.prefix(8).lowercased())", onServerOf: database)
            store = try ChatStore(postgres: url, localPath: directory + "/postgres")
            storeArguments = ["--database", url]
            print("store: PostgreSQL \(try PostgresAddress(url: url).redacted), \(instances) server\(instances == 1 ? "" : "s")")
        } else {
            store = try ChatStore(path: directory + "/chat.sqlite")
            storeArguments = ["--db", store.path]
        }
        let credentials = try ServerCredentials.loadOrCreate(forStore: store.path)
        let servers =
            childServer || database != nil
            ? try (0..<instances).map { _ in try ServerProcess(storeArguments, credentials: credentials) } : []
        defer { for server in servers { server.stop() } }
        let listening: [Int?] =
            servers.isEmpty
            ? [await ChatServerApp.startOnLoopback(store: store, credentials: credentials, quiet: true)] : try servers.map { try $0.port() }
        let ports = listening.compactMap { $0 }
        guard ports.count == listening.count else { throw BenchError("a server did not start") }
        let server = servers.first
        let admin = StreamREST(
            endpoint: StreamEndpoint(
                baseURL: "http://127.0.0.1:\(ports[0])",
                apiKey: credentials.apiKey,
                token: StreamToken.sign(["server": true], secret: credentials.apiSecret)
            )
        )
        /// The n-th watcher or sender talks to server n mod the number of servers.
        func endpoint(_ user: String, _ n: Int) -> StreamEndpoint {
            StreamEndpoint(
                baseURL: "http://127.0.0.1:\(ports[n % ports.count])",
                apiKey: credentials.apiKey,
                token: StreamToken.userToken(user, secret: credentials.apiSecret)
            )
        }

        let watcherIDs = (0..<watchers).map { "w\($0)" }
        let senderIDs = (0..<senders).map { "s\($0)" }
        let everyone = watcherIDs + senderIDs
        for start in stride(from: 0, to: everyone.count, by: 100) {
            var users = JSONObject()
            for id in everyone[start..<min(start + 100, everyone.count)] { users.appendUnique(id, ["id": .string(id)]) }
            _ = try await admin.post("users", ["users": .object(users)])
        }
        _ = try await admin.post("channels/messaging/bench/query", ["data": ["created_by_id": "w0", "members": ["w0"]]])
        for start in stride(from: 0, to: everyone.count, by: 100) {
            let batch = everyone[start..<min(start + 100, everyone.count)].map(JSONValue.string)
            _ = try await admin.post("channels/messaging/bench", ["add_members": .array(batch)])
        }

        print("connecting \(watchers) watchers…")
        let messages = perSender
        let extras = extras
        let expected = senders * messages
        // Each watcher keeps its own log (no shared lock on the hot path); only a count is shared.
        let delivered = Locked(0)
        var sockets: [StreamSocket] = []
        var listeners: [Task<WatcherLog, Never>] = []
        for (n, id) in watcherIDs.enumerated() {
            let socket = StreamSocket(endpoint: endpoint(id, n), userID: id)
            var iterator = socket.events.makeAsyncIterator()
            guard let hello = await iterator.next(), let connection = hello["connection_id"]?.stringValue else {
                throw BenchError("\(id) got no health.check")
            }
            _ = try await StreamREST(endpoint: endpoint(id, n)).post(
                "channels/messaging/bench/query",
                ["watch": true, "state": false],
                query: ["connection_id": connection]
            )
            sockets.append(socket)
            listeners.append(
                Task { [iterator] in
                    var iterator = iterator
                    var log = WatcherLog()
                    while extras || log.count < expected, let event = await iterator.next() {
                        let type = event["type"]?.stringValue ?? ""
                        guard type == "message.new", let message = event["message"]?.objectValue,
                            let sender = message["sender"]?.stringValue, let seq = message["seq"]?.intValue,
                            let sentAt = message["sent_at"]?.doubleValue
                        else {
                            if LoadEvent.counted.contains(type), event["user"]?.objectValue?["id"]?.stringValue?.hasPrefix("s") == true {
                                log.other(type)
                            }
                            continue
                        }
                        log.delivered(sender: sender, seq: seq, after: Date().timeIntervalSince1970 - sentAt)
                        delivered.withLock { $0 += 1 }
                    }
                    return log
                }
            )
        }

        print(
            "sending \(expected) messages from \(senders) senders" + (rate > 0 ? " at \(rate)/s each" : " as fast as answered")
                + (extras ? ", with a reaction, a typing event and a read after each…" : "…")
        )
        let started = Date()
        let memory = Task { [pid = server?.pid] in await MemorySampler.sample(pid: pid, every: duration.map { max(5, $0 / 20) } ?? 5) }
        let sendLatencies = try await withThrowingTaskGroup(of: LatencyHistogram.self) { group in
            for (n, sender) in senderIDs.enumerated() {
                let http = KeptAliveHTTP(host: "127.0.0.1", port: ports[n % ports.count], endpoint: endpoint(sender, n))
                group.addTask {
                    try await http.withConnection { post in
                        var latencies = LatencyHistogram()
                        let begin = Date().timeIntervalSince1970
                        for seq in 0..<messages {
                            // At a set rate each send has its slot; a late one goes at once.
                            if rate > 0 {
                                let slot = begin + Double(seq) / rate - Date().timeIntervalSince1970
                                if slot > 0 { try await Task.sleep(for: .seconds(slot)) }
                            }
                            let start = Date().timeIntervalSince1970
                            let message: JSONObject = [
                                "text": .string("\(sender) #\(seq)"), "sender": .string(sender), "seq": .int(seq),
                                "sent_at": .double(start),
                            ]
                            let sent = try await post("channels/messaging/bench/message", ["message": .object(message)])
                            latencies.add(Date().timeIntervalSince1970 - start)
                            if extras, let id = sent["message"]?.objectValue?["id"]?.stringValue {
                                try await LoadEvent.sendAll(after: id, post: post)
                            }
                        }
                        return latencies
                    }
                }
            }
            return try await group.reduce(into: LatencyHistogram()) { $0.merge($1) }
        }
        let sendTime = Date().timeIntervalSince(started)
        let deadline = Date().addingTimeInterval(settle)
        while delivered.withLock({ $0 }) < expected * watchers, Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
        let allDelivered = Date().timeIntervalSince(started)
        if extras { try await Task.sleep(for: .seconds(1)) }  // the last reaction, typing and read events
        memory.cancel()
        for listener in listeners { listener.cancel() }
        var logs: [String: WatcherLog] = [:]
        for (id, listener) in zip(watcherIDs, listeners) { logs[id] = await listener.value }
        for socket in sockets { socket.close() }

        let log = WatcherLog.Summary(logs)
        let check = log.check(watchers: watcherIDs, senders: senderIDs, messages: messages)
        let deliveries = log.count
        print("watchers \(watchers), senders \(senders), messages \(expected), deliveries \(deliveries) of \(expected * watchers)")
        print(
            String(
                format: "messages/s sustained (sends): %.0f; deliveries/s: %.0f; all delivered after %.2f s",
                Double(expected) / sendTime,
                Double(deliveries) / allDelivered,
                allDelivered
            )
        )
        print(
            String(
                format: "send latency     p50 %.1f ms, p99 %.1f ms",
                sendLatencies.percentile(50) * 1000,
                sendLatencies.percentile(99) * 1000
            )
        )
        print(
            String(
                format: "delivery latency p50 %.1f ms, p99 %.1f ms",
                log.latency.percentile(50) * 1000,
                log.latency.percentile(99) * 1000
            )
        )
        print("lost \(check.lost), duplicated \(check.duplicated), watchers with a sender out of order \(check.outOfOrder)")
        var wrongOthers = 0
        if extras {
            let others = log.others(watchers: watcherIDs, each: expected)
            wrongOthers = others.wrong
            print(
                "reaction.new, typing.start and message.read: every watcher got each once: \(others.wrong == 0 ? "yes" : "no, \(others.wrong) counts off: \(others.example)")"
            )
        }
        let rss = await memory.value
        if let first = rss.first, let last = rss.last {
            print(
                (server == nil
                    ? "resident memory of the whole bench, server and clients (MB): "
                    : "resident memory of the first server process (MB): ") + rss.map { String($0 >> 20) }.joined(separator: " ")
                    + String(format: "; last/first %.2f", Double(last) / Double(first))
            )
        }
        if check.lost + check.duplicated + check.outOfOrder + wrongOthers > 0 { throw ExitCode(1) }
    }
}

/// The events a soak adds beside messages, each sent by a sender after each of its messages.
enum LoadEvent {
    static let counted = ["reaction.new", "typing.start", "message.read"]

    static func sendAll(after messageID: String, post: (String, JSONObject) async throws -> JSONObject) async throws {
        _ = try await post("messages/\(messageID)/reaction", ["reaction": ["type": "like"]])
        _ = try await post("channels/messaging/bench/event", ["event": ["type": "typing.start"]])
        _ = try await post("channels/messaging/bench/read", [:])
    }
}
