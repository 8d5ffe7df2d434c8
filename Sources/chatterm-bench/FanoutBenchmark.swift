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

    @Option(help: "A soak: send for this many seconds (needs --rate) instead of --messages each.")
    var duration: Double?

    @Flag(help: "Each sender also reacts to its previous message, types and marks the channel read; watchers must get each of those events once too.")
    var extras = false

    func validate() throws {
        guard watchers > 0, senders > 0, messages > 0 else { throw ValidationError("--watchers, --senders and --messages must be positive") }
        guard rate >= 0 else { throw ValidationError("--rate must be 0 or more") }
        if let duration { guard duration > 0, rate > 0 else { throw ValidationError("--duration needs a positive value and --rate") } }
    }

    /// Messages each sender posts: a count, or as many as the soak's time at the rate allows.
    private var perSender: Int { duration.map { Int($0 * rate) } ?? messages }

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
        let messages = perSender, extras = extras
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
                while extras || seen < expected, let event = await iterator.next() {
                    let type = event["type"]?.stringValue ?? ""
                    guard type == "message.new", let message = event["message"]?.objectValue,
                          let sender = message["sender"]?.stringValue, let seq = message["seq"]?.intValue,
                          let sentAt = message["sent_at"]?.doubleValue else {
                        if LoadEvent.counted.contains(type), event["user"]?.objectValue?["id"]?.stringValue?.hasPrefix("s") == true { await log.other(type, to: id) }
                        continue
                    }
                    seen += 1
                    await log.delivered(to: id, sender: sender, seq: seq, after: Date().timeIntervalSince1970 - sentAt)
                }
            })
        }

        print("sending \(expected) messages from \(senders) senders" + (rate > 0 ? " at \(rate)/s each" : " as fast as answered")
              + (extras ? ", with a reaction, a typing event and a read after each…" : "…"))
        let started = Date()
        let memory = Task { await MemorySampler.sample(every: duration.map { max(5, $0 / 20) } ?? 5) }
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
                        let sent = try await rest.post("channels/messaging/bench/message", ["message": .object(message)])
                        latencies.append(Date().timeIntervalSince1970 - start)
                        if extras, let id = sent["message"]?.objectValue?["id"]?.stringValue { try await LoadEvent.sendAll(after: id, rest: rest) }
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
        if extras { try await Task.sleep(for: .seconds(1)) } // the last reaction, typing and read events
        memory.cancel()
        for listener in listeners { listener.cancel() }
        for socket in sockets { socket.close() }

        let check = await log.check(watchers: watcherIDs, senders: senderIDs, messages: messages)
        let deliveries = await log.count
        print("watchers \(watchers), senders \(senders), messages \(expected), deliveries \(deliveries) of \(expected * watchers)")
        print(String(format: "messages/s sustained (sends): %.0f; deliveries/s: %.0f; all delivered after %.2f s",
                     Double(expected) / sendTime, Double(deliveries) / allDelivered, allDelivered))
        print(String(format: "send latency     p50 %.1f ms, p99 %.1f ms", percentile(sendLatencies, 50) * 1000, percentile(sendLatencies, 99) * 1000))
        print(String(format: "delivery latency p50 %.1f ms, p99 %.1f ms", await log.latency.percentile(50) * 1000, await log.latency.percentile(99) * 1000))
        print("lost \(check.lost), duplicated \(check.duplicated), watchers with a sender out of order \(check.outOfOrder)")
        var wrongOthers = 0
        if extras {
            let others = await log.others(watchers: watcherIDs, each: expected)
            wrongOthers = others.wrong
            print("reaction.new, typing.start and message.read: every watcher got each once: \(others.wrong == 0 ? "yes" : "no, \(others.wrong) counts off: \(others.example)")")
        }
        let rss = await memory.value
        if let first = rss.first, let last = rss.last {
            print("resident memory (MB) every sample: " + rss.map { String($0 >> 20) }.joined(separator: " ")
                  + String(format: "; last/first %.2f", Double(last) / Double(first)))
        }
        if check.lost + check.duplicated + check.outOfOrder + wrongOthers > 0 { throw ExitCode(1) }
    }

    private func percentile(_ values: [Double], _ p: Int) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, sorted.count * p / 100)]
    }
}

/// What each watcher received, kept bounded for a soak: per watcher and sender the next
/// sequence number expected and the distinct count, and a latency histogram.
private actor DeliveryLog {
    private struct Stream {
        var next = 0, distinct = 0, duplicated = 0, outOfOrder = false
    }
    private var streams: [String: [String: Stream]] = [:]
    private var otherCounts: [String: [String: Int]] = [:]
    private(set) var latency = LatencyHistogram()
    private(set) var count = 0

    func delivered(to watcher: String, sender: String, seq: Int, after seconds: Double) {
        var stream = streams[watcher, default: [:]][sender, default: Stream()]
        if seq == stream.next {
            stream.distinct += 1
            stream.next += 1
        } else if seq > stream.next {
            // A later message first: the skipped ones may still come, out of order.
            stream.outOfOrder = true
            stream.distinct += 1
            stream.next = seq + 1
        } else {
            stream.duplicated += 1
        }
        streams[watcher, default: [:]][sender] = stream
        latency.add(seconds)
        count += 1
    }

    func other(_ type: String, to watcher: String) {
        otherCounts[watcher, default: [:]][type, default: 0] += 1
    }

    /// Messages missing at a watcher, received more than once, and watchers that saw some
    /// sender's messages out of the order they were sent.
    func check(watchers: [String], senders: [String], messages: Int) -> (lost: Int, duplicated: Int, outOfOrder: Int) {
        var lost = 0, duplicated = 0, outOfOrder = 0
        for watcher in watchers {
            let got = streams[watcher] ?? [:]
            lost += senders.count * messages - got.values.reduce(0) { $0 + $1.distinct }
            duplicated += got.values.reduce(0) { $0 + $1.duplicated }
            if got.values.contains(where: \.outOfOrder) { outOfOrder += 1 }
        }
        return (lost, duplicated, outOfOrder)
    }

    /// Watchers whose count of an extra event type is not `each`, and one of them.
    func others(watchers: [String], each: Int) -> (wrong: Int, example: String) {
        var wrong = 0, example = ""
        for watcher in watchers {
            for type in LoadEvent.counted where otherCounts[watcher]?[type] ?? 0 != each {
                wrong += 1
                example = "\(watcher) got \(otherCounts[watcher]?[type] ?? 0) \(type) of \(each)"
            }
        }
        return (wrong, example)
    }
}

/// Latencies in 1 ms buckets up to a minute: bounded however long the run.
struct LatencyHistogram: Sendable {
    private var buckets = [Int](repeating: 0, count: 60_001)
    private var total = 0

    mutating func add(_ seconds: Double) {
        buckets[min(buckets.count - 1, max(0, Int(seconds * 1000)))] += 1
        total += 1
    }

    func percentile(_ p: Int) -> Double {
        guard total > 0 else { return .nan }
        var seen = 0
        for (ms, n) in buckets.enumerated() {
            seen += n
            if seen * 100 >= total * p { return Double(ms) / 1000 }
        }
        return Double(buckets.count) / 1000
    }
}

/// The events a soak adds beside messages, each sent by a sender after each of its messages.
enum LoadEvent {
    static let counted = ["reaction.new", "typing.start", "message.read"]

    static func sendAll(after messageID: String, rest: StreamREST) async throws {
        _ = try await rest.post("messages/\(messageID)/reaction", ["reaction": ["type": "like"]])
        _ = try await rest.post("channels/messaging/bench/event", ["event": ["type": "typing.start"]])
        _ = try await rest.post("channels/messaging/bench/read", [:])
    }
}

/// The process's resident memory, sampled until cancelled (Linux: /proc/self/statm).
enum MemorySampler {
    static func sample(every seconds: Double) async -> [Int] {
        var samples: [Int] = []
        while !Task.isCancelled {
            if let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
               let pages = statm.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) {
                samples.append(pages * Int(sysconf(Int32(_SC_PAGESIZE))))
            }
            try? await Task.sleep(for: .seconds(seconds))
        }
        return samples
    }
}
