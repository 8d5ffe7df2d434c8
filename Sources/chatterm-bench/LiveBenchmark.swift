import ArgumentParser
import ChatClient
import ChatCore
import ChatImport
import ChatModel
import ChatServer
import ChatStore
import Foundation
import TerminalUI

/// The live client's two latencies: a keypress in the composer until its frame is rendered,
/// and a message sent by one client until it is rendered on another's screen. The server runs
/// in this process on the demo data; both clients are `StreamBackend`s over loopback, each with
/// the reducer and the renderer the terminal uses (ncurses' own output is not timed).
struct LiveBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "live",
        abstract: "Time keypress-to-frame in the composer and send-to-visible between two clients."
    )

    @Option(help: "Keypresses to time.")
    var keys = 2_000

    @Option(help: "Messages to send from one client to the other, one at a time.")
    var messages = 300

    @Option(help: "The demo import file.")
    var data = "demo-data/demo.jsonl"

    func run() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("chatterm-live-bench-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try ChatStore(path: directory + "/demo.sqlite")
        let file = data
        guard
            try store.runImport(path: file, mode: .upsert, analyze: { try ImportAnalyzer(existing: $0, sink: $1).run(path: file) }).state
                == .completed
        else {
            throw BenchError("\(file) did not import")
        }
        let credentials = try ServerCredentials.loadOrCreate(forStore: store.path)
        guard let port = await ChatServerApp.startOnLoopback(store: store, credentials: credentials, quiet: true) else {
            throw BenchError("the server did not start")
        }
        let context = RenderContext(theme: try BenchTheme.dark())

        let maya = try await Client(user: "maya", port: port, credentials: credentials, context: context)
        let tomas = try await Client(user: "tomas", port: port, credentials: credentials, context: context)
        for client in [maya, tomas] { await client.open("team:engineering") }

        // Keypress → frame: what the composer does per key (typing.start goes out every 2 s).
        var keySamples = LatencySamples()
        for i in 0..<keys {
            let start = ContinuousClock.now
            await maya.key(i % 40 == 39 ? .composeEdit(.killToStart) : .composeInsert("x"))
            keySamples.add(ms(ContinuousClock.now - start))
        }

        // Send → visible: Tomás sends; the time until Maya's frame shows it.
        var sendSamples = LatencySamples()
        for i in 0..<messages {
            let text = "latency probe \(i)"
            let start = ContinuousClock.now
            await tomas.key(.composeInsert(text))
            await tomas.key(.composeSend)
            guard await maya.waitUntilVisible(text, timeout: .seconds(10)) else { throw BenchError("message \(i) never showed") }
            sendSamples.add(ms(ContinuousClock.now - start))
        }
        let key = keySamples.summary
        let send = sendSamples.summary
        print(
            String(
                format: "keypress → frame (composer, 120x40)   p50 %.3f ms, p99 %.3f ms, max %.3f ms (%d keys)",
                key.median,
                key.p99,
                key.max,
                keys
            )
        )
        print(
            String(
                format: "send → visible on the other client     p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d messages)",
                send.median,
                send.p99,
                send.max,
                messages
            )
        )
    }

    private func ms(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }
}

/// One person's client without a terminal: the backend, the reducer and the renderer, driven
/// the way `TerminalApp` drives them (effects performed, delivered events reduced, a frame per change).
private actor Client {
    private let backend: StreamBackend
    private let context: RenderContext
    private var state: ChatState
    private let inbox = Locked<[ChatEvent]>([])

    init(user: String, port: Int, credentials: ServerCredentials, context: RenderContext) async throws {
        backend = StreamBackend(
            endpoint: StreamEndpoint(
                baseURL: "http://127.0.0.1:\(port)",
                apiKey: credentials.apiKey,
                token: StreamToken.userToken(user, secret: credentials.apiSecret)
            ),
            userID: user
        )
        self.context = context
        state = ChatState(userID: user, userName: user)
        let inbox = self.inbox
        backend.connect(userID: user) { event in inbox.withLock { $0.append(event) } }
        let deadline = ContinuousClock.now + .seconds(10)
        while state.connection != .connected, ContinuousClock.now < deadline {
            drain()
            try await Task.sleep(for: .milliseconds(5))
        }
        guard state.connection == .connected else { throw BenchError("\(user) did not connect") }
    }

    /// Opens a channel and waits for its page: the backend's reads block, so they run on a
    /// thread of their own, never on one of Swift's few concurrency threads (the server needs them).
    func open(_ cid: String) async {
        dispatch(.openChannel(cid: cid))
        let backend = self.backend
        let viewer = state.userID
        let loaded: ChatEvent? = await withCheckedContinuation { done in
            Thread.detachNewThread {
                guard let rows = try? backend.messages(cid: cid, viewer: viewer, before: nil, limit: MessageWindow.pageSize),
                    let members = try? backend.members(cid: cid)
                else { return done.resume(returning: nil) }
                done.resume(returning: .channelLoaded(cid: cid, rows: rows, members: members))
            }
        }
        if let loaded { dispatch(loaded) }
        _ = render()
    }

    /// One key: reduce, perform, render.
    func key(_ event: ChatEvent) {
        dispatch(.clock(.now()))
        dispatch(event)
        _ = render()
    }

    /// Reduces what arrived and renders until a frame shows `text`.
    func waitUntilVisible(_ text: String, timeout: Duration) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if drain() {
                let frame = render()
                if (0..<frame.height).contains(where: { frame.text(row: $0).contains(text) }) { return true }
            }
            await Task.yield()
        }
        return false
    }

    private func render() -> Frame { ChatView.render(state, width: 120, height: 40, context: context) }

    @discardableResult
    private func drain() -> Bool {
        let events = inbox.withLock { events in
            defer { events.removeAll() }
            return events
        }
        events.forEach(dispatch)
        return !events.isEmpty
    }

    private func dispatch(_ event: ChatEvent) {
        let (next, effects) = ChatReducer.reduce(state, event)
        state = next
        // Only live requests matter here; the one channel load is done by `open`.
        for case .live(let request) in effects { backend.perform(request) }
    }
}
