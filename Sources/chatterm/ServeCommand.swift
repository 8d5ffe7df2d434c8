import ArgumentParser
import ChatModel
import ChatServer
import ChatStore
import Foundation
import NIOCore

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the store over Stream's REST API on loopback, for the client and Stream's SDKs.",
        discussion: """
            Without --api-key/--api-secret it uses the local app stored beside the store (made on first run) and \
            prints the base URL, the key and where the secret is (never the secret itself) once it is listening. Point an SDK at it with base_url, e.g. \
            StreamChat(api_key=KEY, api_secret=SECRET, base_url="http://127.0.0.1:3030").

            With --database postgres://USER@HOST:PORT/DB several servers share one PostgreSQL database: run one per \
            port (or host) behind a load balancer; every event reaches the WebSocket watchers of every server. They \
            share the local app when they run on one machine; elsewhere give each the same --api-key/--api-secret.
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on (0 picks a free one).")
    var port = 3030

    @Option(
        help: ArgumentHelp(
            "A second port for the same server, for stream-chat-js: it connects its WebSocket to port 8800 when its baseURL says 3030 (default: 8800 with --port 3030, else none).",
            valueName: "port"
        )
    )
    var webSocketPort: Int?

    @Option(help: "API key (with --api-secret; else the stored local app's).")
    var apiKey: String?

    @Option(help: "API secret, at least 32 bytes (with --api-key).")
    var apiSecret: String?

    @Option(help: "Requests per minute each caller (a user, or the server token) may make; past it, 429 with Stream's code 9.")
    var rateLimit = ChatServerApp.defaultRateLimit

    @Flag(help: "Print which of Stream's chat API operations the server serves (a Markdown table) and exit.")
    var routes = false

    @Flag(
        help:
            "Log every request on standard error: method, path, status, time, caller, and Stream's error code and message (5xx answers are always logged)."
    )
    var logRequests = false

    func validate() throws {
        guard (apiKey == nil) == (apiSecret == nil) else { throw ValidationError("give --api-key and --api-secret together") }
        if let apiKey, let apiSecret {
            do { _ = try ServerCredentials(apiKey: apiKey, apiSecret: apiSecret) } catch { throw ValidationError("\(error)") }
        }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0…65535") }
        if let webSocketPort {
            guard (0...65535).contains(webSocketPort) else { throw ValidationError("--web-socket-port must be 0…65535") }
            guard webSocketPort != port || port == 0 else { throw ValidationError("--web-socket-port must differ from --port") }
        }
        guard rateLimit > 0 else { throw ValidationError("--rate-limit must be at least 1") }
    }

    func run() async throws {
        if routes {
            OutputStream.standardOutput.write(try RouteCoverage.table())
            return
        }
        MallocArenas.keepFreedTopsForServing()
        let chatStore = try store.open(.write)
        let credentials: ServerCredentials
        if let apiKey, let apiSecret {
            credentials = try ServerCredentials(apiKey: apiKey, apiSecret: apiSecret)
        } else {
            credentials = try ServerCredentials.loadOrCreate(forStore: chatStore.path)
        }
        let host = self.host
        if !Self.isLoopback(host) {
            OutputStream.standardError.write(
                "chatterm serve: warning: listening on \(host), beyond this machine: anyone who can reach it and holds a token can read and write\n"
            )
        }
        // The secret is never printed: it is in the app file (mode 600), or the caller gave it.
        let secret = apiSecret == nil ? "secret_file=\(ServerCredentials.path(forStore: chatStore.path))" : "secret=given"
        // The second port's line waits for the first: scripts and people read the URL first.
        let announced = Locked((listening: false, pending: String?.none))
        let alsoPort = webSocketPort ?? ChatServerApp.webSocketPortStreamChatJSUses(forPort: port)
        let listening: @Sendable (Int) -> Void = { bound in
            announced.withLock { state in
                // One line for people and scripts, written unbuffered: scripts wait for it.
                OutputStream.standardOutput.write("chatterm serve: http://\(host):\(bound) api_key=\(credentials.apiKey) \(secret)\n")
                state.listening = true
                if let line = state.pending { OutputStream.standardOutput.write(line) }
            }
        }
        let alsoListening: @Sendable (Result<Int, any Error>) -> Void = { outcome in
            switch outcome {
            case .success(let bound):
                let line =
                    "chatterm serve: also http://\(host):\(bound), where stream-chat-js connects its WebSocket (a baseURL's :3030 becomes :8800)\n"
                announced.withLock { state in
                    if state.listening { OutputStream.standardOutput.write(line) } else { state.pending = line }
                }
            case .failure(let error):
                let why = (error as? IOError)?.errnoCode == EADDRINUSE ? "another program uses it" : "\(error)"
                OutputStream.standardError.write(
                    "chatterm serve: warning: cannot also listen on \(host):\(alsoPort ?? 0) (\(why)): stream-chat-js with a baseURL on :3030 connects its WebSocket there, so its connectUser will fail; free that port, or serve on another --port (stream-chat-js then connects its WebSocket to that one)\n"
                )
            }
        }
        do {
            try await ChatServerApp.serve(
                store: chatStore,
                credentials: credentials,
                host: host,
                port: port,
                alsoPort: alsoPort,
                rateLimit: rateLimit,
                logRequests: logRequests,
                onAlsoPort: alsoListening,
                onListening: listening
            )
        } catch let error as IOError {
            var failure = CommandFailure(error).doing("cannot listen on \(host):\(port)")
            if error.errnoCode == EADDRINUSE {
                failure.hint = "another program uses port \(port): pick another --port, or --port 0 for a free one"
            }
            throw failure
        } catch let error as SocketAddressError.UnknownHost {
            throw CommandFailure(error).doing("cannot listen on \(host):\(port)")
        }
    }

    /// 127.0.0.0/8, ::1 and localhost: the addresses only this machine reaches.
    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}
