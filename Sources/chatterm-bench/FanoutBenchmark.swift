import ArgumentParser
import ChatClient
import ChatModel
import ChatServer
import ChatStore
import Foundation

/// The server's WebSocket fan-out: watchers on one channel over the WebSocket, senders posting
/// over REST at the same time, all on loopback. The server runs in this process on a fresh
/// store; the clients are ChatClient's REST and WebSocket code, so no harness overhead (such
/// as a Python interpreter's lock) ends up in the figures.
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

    func validate() throws {
        guard watchers > 0, senders > 0, messages > 0 else { throw ValidationError("--watchers, --senders and --messages must be positive") }
        guard rate >= 0 else { throw ValidationError("--rate must be 0 or more") }
    }

    func run() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("chatterm-fanout-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try ChatStore(path: directory + "/chat.sqlite")
        let credentials = try ServerCredentials.loadOrCreate(forStore: store.path)
        guard let port = await ChatServerApp.startOnLoopback(store: store, credentials: credentials, quiet: true) else { throw BenchError("the server did not start") }
        let admin = StreamREST(endpoint: StreamEndpoint(baseURL: "http://127.0.0.1:\(port)", apiKey: credentials.apiKey,
                                                        token: StreamToken.sign(["server": true], secret: credentials.apiSecret)))
        func endpoint(_ user: String) -> StreamEndpoint { admin.endpoint.with(token: StreamToken.userToken(user, secret: credentials.apiSecret)) }

        let watcherIDs = (0..<watchers).map { "w\($0)" }, senderIDs = (0..<senders).map { "s\($0)" }
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
        let expected = senders * messages
        let log = DeliveryLog()
        var sockets: [StreamSocket] = []
        var listeners: [Task<Void, Never>] = []
        for id in watcherIDs {
            let socket = StreamSocket(endpoint: endpoint(id), userID: id)
            var iterator = socket.events.makeAsyncIterator()
            guard let hello = await iterator.next(), let connection = hello["connection_id"]?.stringValue else {
                throw BenchError("\(id) got no health.check")
            }
            _ = try await StreamREST(endpoint: endpoint(id)).post("channels/messaging/bench/query", ["watch": true, "state": false],
                                                                   query: ["connection_id": connection])
            sockets.append(socket)
            listeners.append(Task { [iterator] in
                var iterator = iterator
                var seen = 0
                while seen < expected, let event = await iterator.next() {
                    guard event["type"]?.stringValue == "message.new", let message = event["message"]?.objectValue,
                          let sender = message["sender"]?.stringValue, let seq = message["seq"]?.intValue,
                          let sentAt = message["sent_at"]?.doubleValue else { continue }
                    seen += 1
                    await log.delivered(to: id, sender: sender, seq: seq, after: Date().timeIntervalSince1970 - sentAt)
                }
            })
        }

        print("sending \(expected) messages from \(senders) senders" + (rate > 0 ? " at \(rate)/s each…" : " as fast as answered…"))
        let started = Date()
        let sendLatencies = try await withThrowingTaskGroup(of: [Double].self) { group in
            for sender in senderIDs {
                let rest = StreamREST(endpoint: endpoint(sender))
                group.addTask {
                    var latencies: [Double] = []
                    let begin = Date().timeIntervalSince1970
                    for seq in 0..<messages {
                        // At a set rate each send has its slot; a late one goes at once.
                        if rate > 0 {
                            let slot = begin + Double(seq) / rate - Date().timeIntervalSince1970
                            if slot > 0 { try await Task.sleep(for: .seconds(slot)) }
                        }
                        let start = Date().timeIntervalSince1970
                        let message: JSONObject = ["text": .string("\(sender) #\(seq)"), "sender": .string(sender), "seq": .int(seq), "sent_at": .double(start)]
                        _ = try await rest.post("channels/messaging/bench/message", ["message": .object(message)])
                        latencies.append(Date().timeIntervalSince1970 - start)
                    }
                    return latencies
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        let sendTime = Date().timeIntervalSince(started)
        let deadline = Date().addingTimeInterval(settle)
        while await log.count < expected * watchers, Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
        let allDelivered = Date().timeIntervalSince(started)
        for listener in listeners { listener.cancel() }
        for socket in sockets { socket.close() }

        let check = await log.check(watchers: watcherIDs, senders: senderIDs, messages: messages)
        let deliveries = await log.latencies
        print("watchers \(watchers), senders \(senders), messages \(expected), deliveries \(deliveries.count) of \(expected * watchers)")
        print(String(format: "messages/s sustained (sends): %.0f; deliveries/s: %.0f; all delivered after %.2f s",
                     Double(expected) / sendTime, Double(deliveries.count) / allDelivered, allDelivered))
        print(String(format: "send latency     p50 %.1f ms, p99 %.1f ms", percentile(sendLatencies, 50) * 1000, percentile(sendLatencies, 99) * 1000))
        print(String(format: "delivery latency p50 %.1f ms, p99 %.1f ms", percentile(deliveries, 50) * 1000, percentile(deliveries, 99) * 1000))
        print("lost \(check.lost), duplicated \(check.duplicated), watchers with a sender out of order \(check.outOfOrder)")
        if check.lost + check.duplicated + check.outOfOrder > 0 { throw ExitCode(1) }
    }

    private func percentile(_ values: [Double], _ p: Int) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, sorted.count * p / 100)]
    }
}

/// What each watcher received, in arrival order, and how long after its send each arrived.
private actor DeliveryLog {
    private var received: [String: [(sender: String, seq: Int)]] = [:]
    private(set) var latencies: [Double] = []
    private(set) var count = 0

    func delivered(to watcher: String, sender: String, seq: Int, after latency: Double) {
        received[watcher, default: []].append((sender, seq))
        latencies.append(latency)
        count += 1
    }

    /// Messages missing at a watcher, received more than once, and watchers that saw some
    /// sender's messages out of the order they were sent.
    func check(watchers: [String], senders: [String], messages: Int) -> (lost: Int, duplicated: Int, outOfOrder: Int) {
        var lost = 0, duplicated = 0, outOfOrder = 0
        for watcher in watchers {
            let got = received[watcher] ?? []
            let distinct = Set(got.map { "\($0.sender)#\($0.seq)" })
            lost += senders.count * messages - distinct.count
            duplicated += got.count - distinct.count
            for sender in senders {
                let seqs = got.filter { $0.sender == sender }.map(\.seq)
                if seqs != seqs.sorted() { outOfOrder += 1; break }
            }
        }
        return (lost, duplicated, outOfOrder)
    }
}
