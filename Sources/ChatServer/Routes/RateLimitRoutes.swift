import ChatModel
import Foundation
import Hummingbird

/// `get_rate_limits`, answered from the server's own limiter. The local server keeps one
/// budget per caller across every endpoint (see `RateLimiter`), so each endpoint shows the
/// same figures: the server token's current window for `server_side`, and for the client
/// platforms the budget each user starts a window with (users are not told apart by platform).
struct RateLimitRoutes {
    let limiter: RateLimiter
    static let platforms = ["server_side", "android", "ios", "web"]

    func add(to router: Router<ServerContext>) {
        router.get("rate_limits") { request, context in try await rateLimits(request, context) }
    }

    private func rateLimits(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "GetRateLimits"
        let query = request.uri.queryParameters
        for name in query.map({ String($0.key) }) where !(Self.platforms + ["endpoints", "api_key"]).contains(name) {
            throw StreamAPIError.input(operation, "\(name) is not supported by the local server")
        }
        let asked = Self.platforms.filter { query.get($0).map { $0.lowercased() == "true" } ?? false }
        let known = RouteCatalogue.operations.filter { $0.isServed && !$0.id.contains(" ") }.map(\.id)
        var endpoints = known
        if let list = query.get("endpoints").map({ String($0) }), !list.isEmpty {
            endpoints = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            for name in endpoints where !known.contains(name) {
                throw StreamAPIError.input(operation, "endpoint \(name) is not one the local server serves")
            }
        }
        let now = Int64(Date().timeIntervalSince1970)
        var answer = JSONObject()
        for platform in asked.isEmpty ? Self.platforms : asked {
            let budget =
                platform == "server_side"
                ? await limiter.budget(of: RateLimiter.serverCaller, now: now)
                : RateLimiter.Budget(limit: limiter.limit, remaining: limiter.limit, reset: now + 60)
            let figures: JSONValue = ["limit": .int(budget.limit), "remaining": .int(budget.remaining), "reset": .int(Int(budget.reset))]
            var byEndpoint = JSONObject()
            for endpoint in endpoints { byEndpoint[endpoint] = figures }
            answer[platform] = .object(byEndpoint)
        }
        return JSONResponse.ok(answer, context: context)
    }
}
