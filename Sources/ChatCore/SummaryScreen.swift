/// The "Migration summary" screen (F3, `/report`): the store's migration figures, scrolled.
public struct SummaryScreen: Sendable, Equatable {
    /// Nil while the figures load.
    public var lines: [SummaryLine]?
    /// Why there is nothing to show (a server, not a store, is open).
    public var unavailable: String?
    /// The first line shown.
    public var scroll = 0
    public init() {}
}
