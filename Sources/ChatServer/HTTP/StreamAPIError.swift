import ChatModel

/// An error in Stream's shape: an HTTP status, Stream's numeric code, and a message that
/// follows Stream's "<Operation> failed with error: "<reason>"" convention.
public struct StreamAPIError: Error, Sendable, Equatable {
    public var status: Int
    public var code: Int
    public var message: String

    public init(status: Int, code: Int, message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    /// 400 / 4: the request is wrong.
    public static func input(_ operation: String, _ reason: String) -> StreamAPIError {
        StreamAPIError(status: 400, code: 4, message: "\(operation) failed with error: \"\(reason)\"")
    }

    /// 400 / 4 for a breach of an import rule: the rule's text, without its "Validation error: "
    /// prefix; a text over the channel type's limit is Stream's 400 / 20 (MessageTooLong).
    public static func rule(_ operation: String, _ ruleError: String) -> StreamAPIError {
        var reason = ruleError
        for prefix in ["Validation error: ", "Parse error: "] where reason.hasPrefix(prefix) {
            reason = String(reason.dropFirst(prefix.count))
        }
        var error = input(operation, reason)
        if reason.hasPrefix("max message text length exceeded") { error.code = 20 }
        return error
    }

    /// 401 with an auth code (2 key, 5 auth, 40 expired, 41 not yet valid, 42 before iat, 43 signature).
    public static func auth(_ code: Int, _ reason: String) -> StreamAPIError {
        StreamAPIError(status: 401, code: code, message: "JWTAuth failed with error: \"\(reason)\"")
    }

    /// 403 / 17: not allowed.
    public static func notAllowed(_ operation: String, _ reason: String) -> StreamAPIError {
        StreamAPIError(status: 403, code: 17, message: "\(operation) failed with error: \"\(reason)\"")
    }

    /// 404 / 16: no such thing, or a route this server does not have.
    public static func notFound(_ operation: String, _ reason: String) -> StreamAPIError {
        StreamAPIError(status: 404, code: 16, message: "\(operation) failed with error: \"\(reason)\"")
    }

    /// 413 / 22: the body is too large.
    public static func tooBig(limit: Int) -> StreamAPIError {
        StreamAPIError(status: 413, code: 22, message: "request body is larger than \(limit) bytes")
    }

    /// The body Stream sends with an error (OpenAPI `APIError`).
    public func json(duration: String) -> JSONValue {
        [
            "code": .int(code), "message": .string(message), "StatusCode": .int(status), "duration": .string(duration),
            "more_info": "https://getstream.io/chat/docs/api_errors_response", "details": [],
        ]
    }
}
