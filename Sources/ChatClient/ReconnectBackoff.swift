/// How long to wait before the next connection attempt: 1, 2, 4, … seconds, at most 30, each
/// cut by a random part of up to half, so that clients dropped together (a server restart) do
/// not all come back in the same instant.
enum ReconnectBackoff {
    static let maxSeconds = 30.0

    /// `failures`: attempts that failed since the last good connection. `jitter` in 0...1.
    static func seconds(afterFailures failures: Int, jitter: Double = .random(in: 0...1)) -> Double {
        let full = min(maxSeconds, Double(1 << min(max(failures, 0), 5)))
        return full * (1 - jitter / 2)
    }
}
