import ArgumentParser
import BuiltInData
import ChatClient
import ChatCore
import ChatImport
import ChatModel
import ChatServer
import ChatStore
import Foundation

/// One command for a stakeholder demo: the demo workspace in a fresh store, the server on a
/// free loopback port in this process, and the client talking to it as the demo user.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Start the live demo: demo data in a throwaway store, a local server, and the client as maya.",
        discussion: """
            Everything lives in a temporary directory removed on exit; your own store is not touched. \
            With --bots, a few of the demo's people talk in the background (typing, messages, replies, \
            reactions) so the live features show. Press F1 in the client for the keys, Ctrl-C to leave. \
            The client reads your config.toml (or --config) as `chatterm open` does, and keeps the \
            composer's drafts and sent history for the next demo of the same data.
            """
    )

    @Option(help: "An import file to demo instead of the demo workspace built into chatterm.")
    var data: String?

    @Flag(help: "Start from Harbor's Pusher Chatkit export instead: the same as --from chatkit.")
    var fromChatkit = false

    @Option(
        help: """
            Start from the demo workspace as a chatkit or slack export instead: migrate it (as `chatterm migrate` does) \
            and open the result. Slack's export has no read state, so nothing shows as unread.
            """
    )
    var from: SourceKind?

    @Option(help: "A Chatkit export for --from chatkit instead of Harbor's, built into chatterm.")
    var chatkitExport: String?

    @Option(help: "Who you are in the demo.")
    var user = "maya"

    @Flag(help: "Let demo users talk in the background.")
    var bots = false

    @Option(help: "Seconds between bot messages (about).")
    var botInterval = 4.0

    @OptionGroup var clientOptions: ClientOptions

    func validate() throws {
        guard botInterval >= 0.5 else { throw ValidationError("--bot-interval must be at least 0.5") }
        if from == .mattermost { throw ValidationError("the demo exists as a chatkit or slack export (--from chatkit or --from slack)") }
    }

    /// The export the demo starts from, if any.
    private var kind: SourceKind? { fromChatkit ? .chatkit : from }

    func run() throws {
        let client = try clientOptions.launch()
        try client.requireTerminal(for: "demo")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("chatterm-demo-\(UUID().uuidString.prefix(8))").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let source: String
        switch kind {
        case .chatkit?: source = try chatkitExport ?? DemoFiles.writeChatkitExport(in: directory)
        case .slack?: source = try DemoFiles.writeSlackExport(in: directory)
        default: source = try data ?? DemoFiles.writeImportFile(in: directory)
        }
        guard FileManager.default.fileExists(atPath: source) else {
            throw failure("no demo data at \(source) (\(kind == .chatkit ? "--chatkit-export" : "--data"))", code: 2)
        }
        let store = try ChatStore(path: directory + "/demo.sqlite")
        let task: ImportTask
        if let kind {
            let export = try ExportOptions.open(kind, source)
            task = try ExportMigration(source: export, mode: .upsert, showProgress: false).run(into: store).imported.task
        } else {
            task = try store.runImport(path: source, mode: .upsert) { existing, sink in
                try ImportAnalyzer(existing: existing, sink: sink).run(path: source)
            }
        }
        guard task.state == .completed else {
            throw failure("the demo data did not import: \(task.result.map { JSONWriter().string($0) } ?? "")", code: 1)
        }
        // Stream has polls off until an app turns them on for a channel type; the demo shows them.
        for type in try store.channelTypes() { _ = try store.updateChannelType(name: type.name, at: .now()) { $0[.polls] = true } }
        guard let me = try store.user(id: user) else { throw failure("no user \"\(user)\" in the demo data", code: 1) }
        let credentials = try ServerCredentials.loadOrCreate(forStore: store.path)

        let port = DemoServer.start(store: store, credentials: credentials)
        guard let port else { throw failure("the demo server did not start", code: 2) }
        let base = "http://127.0.0.1:\(port)"
        let backend = StreamBackend(
            endpoint: StreamEndpoint(
                baseURL: base,
                apiKey: credentials.apiKey,
                token: StreamToken.userToken(me.id, secret: credentials.apiSecret)
            ),
            userID: me.id
        )
        // The channel the client will open: its list, in its order.
        let first = ChatReducer.firstToOpen(try backend.channels(for: me.id))?.channel.cid
        let botTask =
            bots
            ? DemoBots(baseURL: base, credentials: credentials, me: me.id, store: store, interval: botInterval, firstChannel: first).start()
            : nil
        defer { botTask?.cancel() }
        // The demo's store is in this process: its summary is the figures `chatterm report` would show.
        // Drafts are kept per demo data: the built-in workspace's channels are the same each run.
        let place = "demo:" + (kind.map { "\($0)" } ?? data.map { URL(fileURLWithPath: $0).standardizedFileURL.path } ?? "built-in")
        try client.run(backend: backend, userID: me.id, userName: me.displayName, place: place) { try store.migrationFigures() }
    }
}

/// The server in this process, on a free loopback port.
enum DemoServer {
    /// Starts it and waits (at most 10 s) for its port.
    static func start(store: ChatStore, credentials: ServerCredentials) -> Int? {
        let bound = Locked<Int?>(nil)
        let ready = DispatchSemaphore(value: 0)
        Task.detached {
            let port = await ChatServerApp.startOnLoopback(store: store, credentials: credentials, quiet: true)
            bound.withLock { $0 = port }
            ready.signal()
        }
        guard ready.wait(timeout: .now() + 10) == .success else { return nil }
        return bound.withLock { $0 }
    }
}
