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
    public var duration: String { Self.durationText(ContinuousClock.now - startedAt) }

    /// `elapsed` in milliseconds to the nearest hundredth, as "0.42ms". Built from whole
    /// hundredths: `String(format:)` went through Foundation's formatter, about 1 % of a channel
    /// query's CPU.
    static func durationText(_ elapsed: Duration) -> String {
        let (seconds, attoseconds) = elapsed.components
        let hundredths = seconds * 100_000 + (attoseconds + 5_000_000_000_000) / 10_000_000_000_000
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)ms"
    }
}
