/// The link to the server, as the status bar shows it.
public enum ConnectionState: Sendable, Equatable {
    /// Browsing a local store: nothing to connect to.
    case offline
    case connecting
    case connected
    /// Lost; the next attempt is in `retryInSeconds`.
    case reconnecting(retryInSeconds: Int)
}
