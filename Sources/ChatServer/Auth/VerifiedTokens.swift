import ChatModel

/// Tokens whose signature this server has checked, by their text: a client sends the same token
/// with every request, and decoding it (base64, two JSON parses, an HMAC) was a few percent of a
/// channel query. Only a token's times are checked again at each use, so a cached token still
/// expires; one that fails its signature or shape is never kept. The app secret never changes
/// while the server runs, so a kept token stays signed.
final class VerifiedTokens: Sendable {
    /// More distinct tokens than this start the cache again (a server has a few clients).
    static let capacity = 1024

    private let secret: String
    private let claims = Locked<[String: StreamToken.Claims]>([:])

    init(secret: String) { self.secret = secret }

    /// Who `token` speaks for at `now` (Unix seconds), or Stream's error, as `StreamToken.verify`.
    func actor(for token: String, now: Int64) throws(StreamAPIError) -> StreamToken.Actor {
        if let known = claims.withLock({ $0[token] }) { return try known.check(now: now) }
        let decoded = try StreamToken.claims(token, secret: secret)
        claims.withLock { claims in
            if claims.count >= Self.capacity { claims.removeAll(keepingCapacity: true) }
            claims[token] = decoded
        }
        return try decoded.check(now: now)
    }

    /// How many tokens are kept (for tests).
    var count: Int { claims.withLock { $0.count } }
}
