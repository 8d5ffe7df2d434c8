/// One operation of Stream's chat API as the OpenAPI spec names it (`GET /app` is `GetApp`),
/// and whether the local server serves it: `unservedReason` nil when it does, else why it
/// answers 404 / 16 (the reason is the error's text, so a client learns why).
public struct StreamOperation: Sendable, Equatable {
    public var method: String
    /// The spec's path, captures in braces: `/channels/{type}/{id}/file`.
    public var path: String
    public var id: String
    public var unservedReason: String?

    public var isServed: Bool { unservedReason == nil }

    /// The path with every capture as `{}`, so `/messages/{id}` and `/messages/{parent_id}` compare equal.
    public var pattern: String { Self.pattern(path) }

    /// How many segments are captures.
    var captures: Int { path.split(separator: "/").filter { $0.hasPrefix("{") }.count }

    static func served(_ method: String, _ path: String, _ id: String) -> StreamOperation {
        StreamOperation(method: method, path: path, id: id, unservedReason: nil)
    }

    static func unserved(_ method: String, _ path: String, _ id: String, _ reason: String) -> StreamOperation {
        StreamOperation(method: method, path: path, id: id, unservedReason: reason)
    }

    static func pattern(_ path: String) -> String {
        path.split(separator: "/").map { $0.hasPrefix("{") && $0.hasSuffix("}") ? "{}" : String($0) }.joined(separator: "/")
    }

    /// Whether a request's concrete path is this operation's (a capture takes any one segment).
    func matches(method: String, path requested: String) -> Bool {
        guard method == self.method else { return false }
        let want = path.split(separator: "/")
        let got = requested.split(separator: "/")
        guard want.count == got.count else { return false }
        return zip(want, got).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
    }
}
