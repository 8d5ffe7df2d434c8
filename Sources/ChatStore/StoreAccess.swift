import ChatModel
import Foundation

/// How a command opens the store: reading (an existing store, read-only, never created or
/// migrated) or writing (created and migrated when needed), and how long a write waits for a
/// lock another process holds.
public struct StoreAccess: Sendable {
    public enum Mode: Sendable { case read, write }

    public var mode: Mode
    /// Seconds a statement waits for another process's lock before it fails with "database is locked".
    public var lockWait: Double = 10
    /// Called once, when a statement first finds the store locked: the wait that follows is
    /// otherwise silent.
    public var onLockWait: (@Sendable () -> Void)?

    public init(mode: Mode, lockWait: Double = 10, onLockWait: (@Sendable () -> Void)? = nil) {
        self.mode = mode
        self.lockWait = lockWait
        self.onLockWait = onLockWait
    }

    public static let read = StoreAccess(mode: .read)
    public static let write = StoreAccess(mode: .write)
}

/// SQLite's busy handler: retries every 50 ms until `lockWait` has passed, announcing the first
/// wait of each statement's lock through `onLockWait` (once per store).
final class LockWait: Sendable {
    private let limit: Double
    private let onLockWait: (@Sendable () -> Void)?
    private let announced = Locked(false)

    init(_ access: StoreAccess) {
        limit = access.lockWait
        onLockWait = access.onLockWait
    }

    /// `tries` counts from 0 for each statement that meets the lock.
    @Sendable func retry(_ tries: Int) -> Bool {
        let interval = 0.05
        guard Double(tries) * interval < limit else { return false }
        if tries == 0,
            !announced.withLock({ done in
                defer { done = true }
                return done
            })
        {
            onLockWait?()
        }
        usleep(UInt32(interval * 1_000_000))
        return true
    }
}
