import ChatModel
import Crypto
import Foundation

/// Stream's tokens: HS256 JWTs signed with the app secret. `{"server": true}` acts for the
/// app; `{"user_id": …}` acts as that user. Nothing but HS256 is accepted (no `alg: none`).
public enum StreamToken {
    /// Who a verified token speaks for.
    public enum Actor: Sendable, Equatable {
        case server
        case user(String)
    }

    public static func sign(_ claims: JSONObject, secret: String) -> String {
        let header = base64URL(Data(#"{"alg":"HS256","typ":"JWT"}"#.utf8))
        let payload = base64URL(Data(JSONWriter().bytes(.object(claims))))
        let input = header + "." + payload
        let mac = HMAC<SHA256>.authenticationCode(for: Data(input.utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return input + "." + base64URL(Data(mac))
    }

    public static func userToken(_ userID: String, secret: String, expiresAt: Int64? = nil) -> String {
        var claims: JSONObject = ["user_id": .string(userID)]
        if let expiresAt { claims["exp"] = .number(String(expiresAt)) }
        return sign(claims, secret: secret)
    }

    /// Checks signature and times; `now` is Unix seconds. Errors carry Stream's codes.
    public static func verify(_ token: String, secret: String, now: Int64) throws(StreamAPIError) -> Actor {
        try claims(token, secret: secret).check(now: now)
    }

    /// What a token's signature vouches for. Its times are checked against a clock by `check`,
    /// so one decoded token may be checked again at each use (`VerifiedTokens`).
    public struct Claims: Sendable {
        /// Nil when the token names neither the server nor a user (refused by `check`).
        var actor: Actor?
        var expiresAt: Int64?
        var notBefore: Int64?
        var issuedAt: Int64?

        /// Who the token speaks for at `now` (Unix seconds), or Stream's error for its times.
        public func check(now: Int64) throws(StreamAPIError) -> Actor {
            if let expiresAt, expiresAt <= now { throw .auth(40, "token is expired") }
            if let notBefore, notBefore > now { throw .auth(41, "token is not valid yet") }
            // A little leeway for clocks; more than that is a token from the future.
            if let issuedAt, issuedAt > now + 5 { throw .auth(42, "token used before issue at (iat)") }
            guard let actor else { throw .auth(5, "token has neither \"server\": true nor a user_id claim") }
            return actor
        }
    }

    /// The claims of a well-formed HS256 token signed with `secret`; times unchecked.
    public static func claims(_ token: String, secret: String) throws(StreamAPIError) -> Claims {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let headerData = decodeBase64URL(parts[0]), let payloadData = decodeBase64URL(parts[1]),
            let header = try? JSONParser.parse(headerData).objectValue, let payload = try? JSONParser.parse(payloadData).objectValue
        else { throw .auth(5, "token is malformed: it must be a JWT (header.payload.signature)") }
        guard header["alg"]?.stringValue == "HS256" else {
            throw .auth(5, "token algorithm \(header["alg"]?.stringValue ?? "none") is not accepted: use HS256")
        }
        guard let signature = decodeBase64URL(parts[2]),
            HMAC<SHA256>.isValidAuthenticationCode(
                signature,
                authenticating: Data((parts[0] + "." + parts[1]).utf8),
                using: SymmetricKey(data: Data(secret.utf8))
            )
        else { throw .auth(43, "token signature is invalid") }
        let actor: Actor? =
            if payload["server"]?.boolValue == true {
                .server
            } else if let user = payload["user_id"]?.stringValue, !user.isEmpty {
                .user(user)
            } else {
                nil
            }
        return Claims(
            actor: actor,
            expiresAt: payload["exp"]?.intValue.map(Int64.init),
            notBefore: payload["nbf"]?.intValue.map(Int64.init),
            issuedAt: payload["iat"]?.intValue.map(Int64.init)
        )
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func decodeBase64URL(_ text: Substring) -> Data? {
        var s = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while s.count % 4 != 0 { s += "=" }
        return Data(base64Encoded: s)
    }
}
