/// A stop asked for from outside a running import (the CLI sets it on SIGINT or SIGTERM). The
/// analysis checks it between batches and throws `Interrupted`, so the import's transaction
/// rolls back and its task is recorded as failed before the process exits.
public final class ImportInterruption: Sendable {
    private let reason = Locked<String?>(nil)
    /// Run once by the first interrupt, while it is set: what makes the import notice at once
    /// rather than at its next check (on PostgreSQL, cancelling the statement in flight).
    private let stopAction = Locked<(@Sendable () -> Void)?>(nil)

    public init() {}

    /// The first reason given wins.
    public func interrupt(_ why: String) {
        let first = reason.withLock { reason in
            defer { reason = reason ?? why }
            return reason == nil
        }
        // Run under its lock, so `setStopAction(nil)` returns only once the action is done.
        if first { stopAction.withLock { $0?() } }
    }

    /// Sets (or with nil, clears) the action the first interrupt runs.
    public func setStopAction(_ action: (@Sendable () -> Void)?) { stopAction.withLock { $0 = action } }

    /// Import v2's cancel: the same stop, recorded as cancelled rather than failed.
    public func cancel() { interrupt(Self.cancelReason) }

    static let cancelReason = "cancelled"

    public var isInterrupted: Bool { reason.withLock { $0 } != nil }

    /// The stop, once asked for.
    public var interrupted: Interrupted? { reason.withLock { $0 }.map { Interrupted(reason: $0) } }

    public func check() throws {
        if let interrupted { throw interrupted }
    }

    public struct Interrupted: Error, CustomStringConvertible {
        public var reason: String
        public var description: String { "interrupted (\(reason))" }
        public var isCancel: Bool { reason == ImportInterruption.cancelReason }
    }
}
