import ChatCore
import ChatModel
import Foundation

/// Runs `work` on the concurrency pool and waits for its answer, for callers outside Swift
/// concurrency: the terminal client's effect worker, which makes `ChatBackend`'s reads. Waiting
/// there holds up no task; inside a task it would tie up one of the pool's few threads, so
/// async code never calls this.
func runBlocking<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
    let answer = Locked<Result<T, any Error>?>(nil)
    let done = DispatchSemaphore(value: 0)
    Task {
        let result: Result<T, any Error>
        do { result = .success(try await work()) } catch { result = .failure(error) }
        answer.withLock { $0 = result }
        done.signal()
    }
    done.wait()
    return try answer.withLock { $0! }.get()
}
