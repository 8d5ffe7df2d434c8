import ChatModel
import Dispatch

/// Calls that arrive while a batch is under way wait (suspended, holding no thread) and go into
/// the next batch together, in the order they came. A durable store's pace under concurrent
/// writes is set by the sync each commit ends with, not by the work of each write: one commit
/// per batch is how concurrent sends (`MessageGroupCommit`) and event appends
/// (`PostgresEventLog`) share one sync. Batches run one at a time, on a thread of their own:
/// they block it until the database answers, never a thread of Swift's cooperative pool.
final class BatchedCalls<Input: Sendable, Output: Sendable>: Sendable {
    typealias Answer = @Sendable (Result<Output, any Error>) -> Void

    private struct Waiting {
        var calls: [(input: Input, answer: Answer)] = []
        /// Whether a batch is under way: its runner takes the next batch when it is done.
        var running = false
    }

    private let waiting = Locked(Waiting())
    private let runner: DispatchQueue
    /// Runs one batch: an outcome per input, in order. A throw fails every call of the batch.
    private let run: @Sendable ([Input]) throws -> [Result<Output, any Error>]

    init(label: String, run: @escaping @Sendable ([Input]) throws -> [Result<Output, any Error>]) {
        runner = DispatchQueue(label: label)
        self.run = run
    }

    /// Queues `input` before it returns, so calls made one after another keep their order, and
    /// hands its outcome to `answer` (on the runner's thread) once its batch has run.
    func call(_ input: Input, answer: @escaping Answer) {
        let start = waiting.withLock { waiting in
            waiting.calls.append((input, answer))
            defer { waiting.running = true }
            return !waiting.running
        }
        if start { runner.async { self.runWhileWaiting() } }
    }

    /// `input`'s outcome, once its batch has run.
    func call(_ input: Input) async throws -> Output {
        try await withCheckedThrowingContinuation { outcome in call(input) { outcome.resume(with: $0) } }
    }

    /// Runs what waits, a batch at a time, until nothing does.
    private func runWhileWaiting() {
        while true {
            let batch = waiting.withLock { waiting in
                let batch = waiting.calls
                waiting.calls = []
                if batch.isEmpty { waiting.running = false }
                return batch
            }
            guard !batch.isEmpty else { return }
            do {
                let outcomes = try run(batch.map(\.input))
                for (call, outcome) in zip(batch, outcomes) { call.answer(outcome) }
            } catch {
                for call in batch { call.answer(.failure(error)) }
            }
        }
    }
}
