import ChatModel

/// Where a server speaking Stream's API is, and who talks to it: the API key and a JWT
/// (a user token, or a server token for tools such as the benchmarks).
public struct StreamEndpoint: Sendable, Equatable {
    /// `http://host:port`, no trailing slash.
    public var baseURL: String
    public var apiKey: String
    public var token: String

    public init(baseURL: String, apiKey: String, token: String) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.apiKey = apiKey
        self.token = token
    }

    /// The same server and key, another identity.
    public func with(token: String) -> StreamEndpoint { StreamEndpoint(baseURL: baseURL, apiKey: apiKey, token: token) }
}

/// An error answer in Stream's shape (`code`, `message`, `StatusCode`), or a transport failure.
public struct StreamAPIFailure: Error, CustomStringConvertible, Sendable, Equatable {
    public var status: Int
    public var code: Int
    public var message: String
    /// The error answer as the server sent it (`more_info`, `details`…), for showing it whole.
    public var body: JSONObject

    public init(status: Int, code: Int, message: String, body: JSONObject = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.body = body
    }

    public var description: String { status == 0 ? message : "\(message) (HTTP \(status), code \(code))" }
}
