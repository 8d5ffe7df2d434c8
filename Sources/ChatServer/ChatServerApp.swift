import ChatModel
import ChatStore
import Hummingbird
import HummingbirdCore
import HummingbirdWebSocket
import Logging
import ServiceLifecycle
import UnixSignals

/// The local Stream-compatible server: Hummingbird on a loopback port, storage in the chat store.
public enum ChatServerApp {
    /// Request bodies past this size get 413 / code 22.
    public static let maxBodyBytes = 4 << 20

    /// Requests per minute and caller unless `serve` is given another limit.
    public static let defaultRateLimit = 10_000

    public static func router(
        store: ChatStore,
        credentials: ServerCredentials,
        hub: EventHub,
        limiter: RateLimiter = RateLimiter(limit: defaultRateLimit),
        logRequests: Bool = false
    ) -> Router<ServerContext> {
        let router = Router(context: ServerContext.self)
        router.add(middleware: BrowserAccess())
        router.add(
            middleware: StreamAPIMiddleware(
                credentials: credentials,
                tokens: VerifiedTokens(secret: credentials.apiSecret),
                limiter: limiter,
                presence: hub.presence,
                logRequests: logRequests
            )
        )
        router.add(middleware: FixedPathGuard())
        AppRoutes(store: store, credentials: credentials).add(to: router)
        UserRoutes(store: store, hub: hub).add(to: router)
        ChannelRoutes(store: store, hub: hub).add(to: router)
        MessageSendRoutes(store: store, hub: hub, commands: MessageCommands(store: store, hub: hub, ephemeral: EphemeralMessages())).add(
            to: router
        )
        ChannelUpdateRoutes(store: store, hub: hub).add(to: router)
        MessageRoutes(store: store, hub: hub).add(to: router)
        PendingMessageRoutes(store: store, hub: hub).add(to: router)
        MessageHistoryRoutes(store: store).add(to: router)
        BatchDeleteRoutes(store: store, hub: hub).add(to: router)
        ManyMessagesRoutes(store: store).add(to: router)
        MemberRoutes(store: store, hub: hub).add(to: router)
        UnreadRoutes(store: store, hub: hub).add(to: router)
        UserEventRoutes(store: store, hub: hub).add(to: router)
        ThreadRoutes(store: store, hub: hub).add(to: router)
        SyncRoutes(store: store, hub: hub).add(to: router)
        DraftRoutes(store: store, hub: hub).add(to: router)
        ReminderRoutes(store: store, hub: hub).add(to: router)
        PollRoutes(store: store, hub: hub).add(to: router)
        PollVoteRoutes(store: store, hub: hub).add(to: router)
        ReactionRoutes(store: store, hub: hub).add(to: router)
        ReadStateRoutes(store: store, hub: hub).add(to: router)
        ModerationRoutes(store: store, hub: hub).add(to: router)
        FutureChannelBanRoutes(store: store).add(to: router)
        ChannelBatchRoutes(store: store, hub: hub).add(to: router)
        PinnedMessageRoutes(store: store).add(to: router)
        SearchRoutes(store: store).add(to: router)
        ChannelTypeRoutes(store: store).add(to: router)
        BlocklistRoutes(store: store).add(to: router)
        let uploads = UploadSlots(directory: store.path + ".uploads", secret: credentials.apiSecret)
        ImportRoutes(store: store, uploads: uploads).add(to: router)
        ImportV2Routes(store: store, uploads: uploads, queue: ImportQueue(store: store)).add(to: router)
        FileRoutes(store: store, files: UploadedFiles(directory: store.path + ".files")).add(to: router)
        UserStatusRoutes(store: store, hub: hub).add(to: router)
        UserExportRoutes(store: store).add(to: router)
        BlockRoutes(store: store).add(to: router)
        DeviceRoutes(store: store).add(to: router)
        RateLimitRoutes(limiter: limiter).add(to: router)
        FlagRoutes(store: store, hub: hub).add(to: router)
        CommandRoutes(store: store).add(to: router)
        return router
    }

    /// For a server inside the terminal client's process (the demo): the terminal is the
    /// client's, so only a failure that ends everything may print.
    static var silentLogger: Logger {
        var logger = Logger(label: "chatterm")
        logger.logLevel = .critical
        return logger
    }

    /// Starts a server on a free loopback port in this process (the demo, the benchmarks) and
    /// returns its port once it listens; it runs until the process ends. Nil if it did not start.
    public static func startOnLoopback(store: ChatStore, credentials: ServerCredentials, quiet: Bool) async -> Int? {
        let (ports, bound) = AsyncStream<Int>.makeStream()
        Task.detached {
            // The process's signals stay its owner's (the demo's client restores the terminal on SIGTERM).
            try? await serve(store: store, credentials: credentials, host: "127.0.0.1", port: 0, quiet: quiet, stopSignals: []) {
                bound.yield($0)
            }
            bound.finish()
        }
        return await ports.first { _ in true }
    }

    /// stream-chat-js connects its WebSocket to the port its base URL names, except that it
    /// turns `:3030` into `:8800` (`setBaseURL`, for Stream's own local servers): a server on
    /// 3030 also listens there, or a JS app's `connectUser` never connects.
    public static func webSocketPortStreamChatJSUses(forPort port: Int) -> Int? { port == 3030 ? 8800 : nil }

    /// Serves until interrupted (`stopSignals`, SIGINT and SIGTERM unless told otherwise). `onListening` gets the bound
    /// port (useful with port 0). `logRequests` logs a line for every answer (5xx ones always are). With
    /// `alsoPort` the same server listens there too (`webSocketPortStreamChatJSUses`); `onAlsoPort` gets
    /// its bound port, or why it could not listen, which does not stop the server.
    public static func serve(
        store: ChatStore,
        credentials: ServerCredentials,
        host: String,
        port: Int,
        alsoPort: Int? = nil,
        rateLimit: Int = defaultRateLimit,
        logRequests: Bool = false,
        quiet: Bool = false,
        stopSignals: [UnixSignal] = [.sigterm, .sigint],
        onAlsoPort: @escaping @Sendable (Result<Int, any Error>) -> Void = { _ in },
        onListening: @escaping @Sendable (Int) -> Void
    ) async throws {
        let hub = EventHub(
            log: store.eventLog,
            record: { cid, event, audience, leavesNoRow in
                try SyncRoutes.keep(event, cid: cid, audience: audience, leavesNoRow: leavesNoRow, store: store)
            },
            personalize: { member, cid, event in try UnreadCounts.fields(for: member, cid: cid, store: store, event: event) }
        )
        // On PostgreSQL, events (this server's too) reach watchers from the shared log.
        let start = try store.eventLog?.newestID()
        let follower = Task { await hub.followLog(after: start) }
        defer { follower.cancel() }
        // /connect authenticates from its query parameters, so it has a router of its own.
        let webSocketRouter = Router(context: ServerContext.self)
        WebSocketRoute(store: store, hub: hub, credentials: credentials, logRequests: logRequests).add(to: webSocketRouter)
        let webSocketResponder = webSocketRouter.buildResponder()
        let responder = router(
            store: store,
            credentials: credentials,
            hub: hub,
            limiter: RateLimiter(limit: rateLimit),
            logRequests: logRequests
        )
        .buildResponder()
        let logger = quiet ? Self.silentLogger : Logger(label: "chatterm")
        func listener(on port: Int, running: @escaping @Sendable (Int) -> Void) -> some Service {
            Application(
                responder: responder,
                server: HTTPServerBuilder { responder in
                    ParseErrorClosingChannel(
                        inner: HTTP1WebSocketUpgradeChannel(
                            responder: responder,
                            webSocketResponder: webSocketResponder,
                            configuration: .init(closeTimeout: .seconds(2))
                        )
                    )
                },
                configuration: .init(address: .hostname(host, port: port), serverName: "chatterm"),
                onServerRunning: { channel in running(channel.localAddress?.port ?? port) },
                logger: logger
            )
        }
        var services = [ServiceGroupConfiguration.ServiceConfiguration(service: listener(on: port, running: onListening))]
        if let alsoPort {
            let second = ReportedFailure(inner: listener(on: alsoPort) { onAlsoPort(.success($0)) }) { onAlsoPort(.failure($0)) }
            services.append(.init(service: second, successTerminationBehavior: .ignore))
        }
        try await ServiceGroup(configuration: .init(services: services, gracefulShutdownSignals: stopSignals, logger: logger)).run()
    }
}

/// A service whose failure (a port it cannot listen on) is reported and ends it alone.
private struct ReportedFailure<Inner: Service>: Service {
    let inner: Inner
    let report: @Sendable (any Error) -> Void

    func run() async {
        do { try await inner.run() } catch { report(error) }
    }
}
