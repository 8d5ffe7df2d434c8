import ChatModel

/// Stream-style rate limits: each caller (a user, or the app's server token) has a budget of
/// requests per minute, in fixed one-minute windows. Stream keeps a budget per endpoint; the
/// local server keeps one per caller across all endpoints, which is simpler and stricter.
public actor RateLimiter {
    /// What the `x-ratelimit-*` headers say after a request.
    public struct Budget: Sendable, Equatable {
        public var limit: Int
        public var remaining: Int
        /// When the window ends, in seconds since 1970.
        public var reset: Int64
    }

    public let limit: Int
    /// The caller a server token counts as (a user token counts as `user:<id>`).
    static let serverCaller = "server"
    private var windows: [String: (start: Int64, used: Int)] = [:]

    /// `limit` requests per minute and caller.
    public init(limit: Int) {
        precondition(limit > 0, "a rate limit is positive")
        self.limit = limit
    }

    /// Counts a request of `caller` at `now` (seconds); nil when its budget is spent, so the
    /// request must get 429 and not run.
    public func take(_ caller: String, now: Int64) -> (budget: Budget, allowed: Bool) {
        var window = windows[caller] ?? (start: now, used: 0)
        if now - window.start >= 60 { window = (start: now, used: 0) }
        let allowed = window.used < limit
        if allowed { window.used += 1 }
        windows[caller] = window
        // Forget windows long over so the table does not grow with every user ever seen.
        if windows.count > 10_000 { windows = windows.filter { now - $0.value.start < 60 } }
        return (Budget(limit: limit, remaining: limit - window.used, reset: window.start + 60), allowed)
    }

    /// `caller`'s budget at `now` without counting a request (`GET /rate_limits`).
    public func budget(of caller: String, now: Int64) -> Budget {
        guard let window = windows[caller], now - window.start < 60 else { return Budget(limit: limit, remaining: limit, reset: now + 60) }
        return Budget(limit: limit, remaining: limit - window.used, reset: window.start + 60)
    }
}
