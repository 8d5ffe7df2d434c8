import Foundation

/// A value shared between threads and tasks, reached only under its lock. (Synchronization's
/// `Mutex` would do, but it needs macOS 15 and the package supports 14.)
public final class Locked<Value: Sendable>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    public init(_ value: Value) { self.value = value }

    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
