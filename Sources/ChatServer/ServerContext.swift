import Hummingbird

/// A request's context: who the token speaks for, and when the request started (Stream
/// reports a `duration` with every answer).
public struct ServerContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var actor: StreamToken.Actor?
    public let startedAt: ContinuousClock.Instant

    public init(source: Source) {
        coreContext = .init(source: source)
        actor = nil
        startedAt = .now
    }

    /// "0.42ms", as Stream writes it.
    public var duration: String {
        let elapsed = ContinuousClock.now - startedAt
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        return String(format: "%.2fms", ms)
    }
}
