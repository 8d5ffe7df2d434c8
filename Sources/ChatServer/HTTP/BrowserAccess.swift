import HTTPTypes
import Hummingbird

/// Lets web apps reach the server from a browser, as they reach Stream's API (CORS).
/// stream-chat-js sends `Authorization`, `stream-auth-type` and `X-Stream-Client`, so a browser
/// first asks whether it may (an `OPTIONS` preflight, which carries no token) and then reads no
/// answer that does not allow the page's origin. The preflight is answered here, before
/// authentication, allowing the headers it names; every answer to a request with an `Origin`
/// allows any origin, since what it may do is decided by the token it carries, never by a cookie.
struct BrowserAccess: RouterMiddleware {
    typealias Context = ServerContext

    /// The headers a page's script may read: the rate limit the SDKs report.
    static let exposed = "x-ratelimit-limit, x-ratelimit-remaining, x-ratelimit-reset"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.headers[.origin] != nil else { return try await next(request, context) }
        if request.method == .options, request.headers[.accessControlRequestMethod] != nil {
            var response = Response(status: .noContent)
            response.headers[.accessControlAllowOrigin] = "*"
            response.headers[.accessControlAllowMethods] = "GET, POST, PUT, PATCH, DELETE"
            if let asked = request.headers[.accessControlRequestHeaders] { response.headers[.accessControlAllowHeaders] = asked }
            response.headers[.accessControlMaxAge] = "86400"
            return response
        }
        var response = try await next(request, context)
        response.headers[.accessControlAllowOrigin] = "*"
        response.headers[.accessControlExposeHeaders] = Self.exposed
        return response
    }
}
