import Hummingbird
import HummingbirdWebSocket
import NIOCore

/// A request's context: who the token speaks for, and when the request started (Stream
/// reports a `duration` with every answer).
public struct ServerContext: RequestContext, WebSocketRequestContext {
    public var coreContext: CoreRequestContextStorage
    public var actor: StreamToken.Actor?
    /// Who is online: every JSON answer shows it in its user objects (set by the middleware).
    public var presence: PresenceBoard?
    public let startedAt: ContinuousClock.Instant
    public let webSocket: WebSocketHandlerReference<ServerContext>
    /// The connection: `/connect` writes events to it itself (`EventSocket`).
    let channel: any Channel

    public init(source: Source) {
        coreContext = .init(source: source)
        actor = nil
        presence = nil
        startedAt = .now
        webSocket = .init()
        channel = source.channel
    }

    /// "0.42ms", as Stream writes it.
    public var duration: String {
        let elapsed = ContinuousClock.now - startedAt
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        return String(format: "%.2fms", ms)
    }
}
