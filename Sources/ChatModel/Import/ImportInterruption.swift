/// A stop asked for from outside a running import (the CLI sets it on SIGINT or SIGTERM). The
/// analysis checks it between batches and throws `Interrupted`, so the import's transaction
/// rolls back and its task is recorded as failed before the process exits.
public final class ImportInterruption: Sendable {
    private let reason = Locked<String?>(nil)

    public init() {}

    /// The first reason given wins.
    public func interrupt(_ why: String) { reason.withLock { $0 = $0 ?? why } }

    /// Import v2's cancel: the same stop, recorded as cancelled rather than failed.
    public func cancel() { interrupt(Self.cancelReason) }

    static let cancelReason = "cancelled"

    public var isInterrupted: Bool { reason.withLock { $0 } != nil }

    public func check() throws {
        if let why = reason.withLock({ $0 }) { throw Interrupted(reason: why) }
    }

    public struct Interrupted: Error, CustomStringConvertible {
        public var reason: String
        public var description: String { "interrupted (\(reason))" }
        public var isCancel: Bool { reason == ImportInterruption.cancelReason }
    }
}
