import ChatModel
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Authenticates every request the way Stream does (`api_key` query parameter, a raw JWT in
/// `Authorization`, `stream-auth-type: jwt`) and answers every failure in Stream's error shape,
/// so a client never sees a bare status or a crash. A 5xx answer is logged, and with
/// `logRequests` (`serve --log-requests`) every answer: what an SDK asked, what it got and, for
/// an error, Stream's code and words, which an app's developer otherwise digs out of the SDK.
struct StreamAPIMiddleware: RouterMiddleware {
    typealias Context = ServerContext
    let credentials: ServerCredentials
    let tokens: VerifiedTokens
    let limiter: RateLimiter
    let presence: PresenceBoard
    var logRequests = false

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        var failure: StreamAPIError?
        var caller: StreamToken.Actor?
        let response = await answer(request, context: context, next: next, failure: &failure, caller: &caller)
        let status = Int(response.status.code)
        if status >= 500 || logRequests {
            let elapsed = (ContinuousClock.now - started) / .microseconds(1) / 1000
            var line = "\(request.method.rawValue) \(request.uri.path) \(status) \(String(format: "%.1f", elapsed)) ms"
            switch caller {
            case .user(let id)?: line += " user \(id)"
            case .some: line += " server"
            case nil: break
            }
            if let failure { line += " · code \(failure.code): \(failure.message)" }
            if status >= 500 { context.logger.error("\(line)") } else { context.logger.info("\(line)") }
        }
        return response
    }

    private func answer(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response,
        failure: inout StreamAPIError?,
        caller actor: inout StreamToken.Actor?
    ) async -> Response {
        var context = context
        context.presence = presence
        var budget: RateLimiter.Budget?
        let refusal: StreamAPIError
        do {
            // A pre-signed upload carries no Stream auth: its one-use URL is the permission. An
            // uploaded file is fetched by its URL (an unguessable id), as from Stream's CDN.
            if !(request.method == .put && request.uri.path.hasPrefix("/uploads/"))
                && !(request.method == .get && request.uri.path.hasPrefix("/files/"))
            {
                let who = try authenticate(request)
                actor = who
                context.actor = who
                let caller: String
                switch who {
                case .user(let id): caller = "user:" + id
                default: caller = RateLimiter.serverCaller
                }
                let (left, allowed) = await limiter.take(caller, now: Int64(Date().timeIntervalSince1970))
                budget = left
                guard allowed else {
                    throw StreamAPIError(
                        status: 429,
                        code: 9,
                        message: "Too many requests, check response headers for the rate limit reset time"
                    )
                }
            }
            return Self.stamped(try await next(request, context), budget)
        } catch let error as StreamAPIError {
            refusal = error
        } catch let error as HTTPError {
            refusal = translate(error, request)
        } catch {
            refusal = StreamAPIError(status: 500, code: -1, message: "internal error: \(error)")
        }
        failure = refusal
        return Self.stamped(JSONResponse.error(refusal, context: context), budget)
    }

    /// The `x-ratelimit-*` headers the SDKs read, for a caller whose budget is known.
    private static func stamped(_ response: Response, _ budget: RateLimiter.Budget?) -> Response {
        guard let budget else { return response }
        var response = response
        response.headers[HTTPField.Name("x-ratelimit-limit")!] = String(budget.limit)
        response.headers[HTTPField.Name("x-ratelimit-remaining")!] = String(budget.remaining)
        response.headers[HTTPField.Name("x-ratelimit-reset")!] = String(budget.reset)
        return response
    }

    private func authenticate(_ request: Request) throws(StreamAPIError) -> StreamToken.Actor {
        guard request.uri.queryParameters.get("api_key") == credentials.apiKey else {
            throw StreamAPIError(status: 401, code: 2, message: "api_key not valid")
        }
        guard let token = request.headers[.authorization], !token.isEmpty else {
            throw .auth(5, "missing Authorization header: send a JWT signed with the app secret")
        }
        let type = request.headers[HTTPField.Name("stream-auth-type")!]?.lowercased() ?? "jwt"
        guard type == "jwt" else { throw .auth(5, "stream-auth-type \(type) is not supported: use jwt") }
        return try tokens.actor(for: token, now: Int64(Date().timeIntervalSince1970))
    }

    /// Hummingbird's own errors (no route, body too large) in Stream's terms.
    private func translate(_ error: HTTPError, _ request: Request) -> StreamAPIError {
        switch error.status {
        case .notFound:
            // One of Stream's operations the server does not serve says which, and why.
            if let operation = RouteCatalogue.operation(method: request.method.rawValue, path: request.uri.path),
                let reason = operation.unservedReason
            {
                return .notFound(operation.id, reason)
            }
            return .notFound("\(request.method.rawValue) \(request.uri.path)", "this route is not supported by the local server")
        case .contentTooLarge:
            return .tooBig(limit: ChatServerApp.maxBodyBytes)
        default:
            return StreamAPIError(status: Int(error.status.code), code: 4, message: error.body ?? error.status.reasonPhrase)
        }
    }
}
