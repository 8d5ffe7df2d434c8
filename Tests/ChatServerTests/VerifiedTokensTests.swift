import ChatModel
import XCTest

@testable import ChatServer

/// The cache of checked tokens answers as `StreamToken.verify` would at each use: a token kept
/// still expires, one not yet valid becomes valid, and a bad one is never kept.
final class VerifiedTokensTests: XCTestCase {
    private let secret = String(repeating: "k", count: 32)

    private func code(_ tokens: VerifiedTokens, _ token: String, now: Int64) -> Int? {
        do {
            _ = try tokens.actor(for: token, now: now)
            return nil
        } catch {
            return error.code
        }
    }

    func testAKeptTokenIsRefusedOnceExpired() throws {
        let tokens = VerifiedTokens(secret: secret)
        let token = StreamToken.userToken("ada", secret: secret, expiresAt: 1_000)
        XCTAssertEqual(try tokens.actor(for: token, now: 900), .user("ada"))
        XCTAssertEqual(try tokens.actor(for: token, now: 999), .user("ada"))
        XCTAssertEqual(tokens.count, 1)
        XCTAssertEqual(code(tokens, token, now: 1_000), 40, "expired at exp, though kept")
        XCTAssertEqual(code(tokens, token, now: 5_000), 40)
    }

    func testTimesAreCheckedAtEachUse() throws {
        let tokens = VerifiedTokens(secret: secret)
        let early = StreamToken.sign(["user_id": "a", "nbf": .int(2_000)], secret: secret)
        XCTAssertEqual(code(tokens, early, now: 1_000), 41)
        XCTAssertEqual(try tokens.actor(for: early, now: 2_000), .user("a"))
        let future = StreamToken.sign(["user_id": "a", "iat": .int(5_000)], secret: secret)
        XCTAssertEqual(code(tokens, future, now: 1_000), 42)
        XCTAssertEqual(try tokens.actor(for: future, now: 4_995), .user("a"))
        let nobody = StreamToken.sign(["name": "x", "exp": .int(100)], secret: secret)
        XCTAssertEqual(code(tokens, nobody, now: 1_000), 40, "times first, as verify")
        XCTAssertEqual(code(tokens, nobody, now: 10), 5)
    }

    func testABadTokenIsRefusedEveryTimeAndNeverKept() {
        let tokens = VerifiedTokens(secret: secret)
        let forged = StreamToken.sign(["server": true], secret: String(repeating: "z", count: 32))
        XCTAssertEqual(code(tokens, forged, now: 0), 43)
        XCTAssertEqual(code(tokens, forged, now: 0), 43)
        XCTAssertEqual(code(tokens, "a.b.c", now: 0), 5)
        XCTAssertEqual(tokens.count, 0)
        // A kept token's signature is the secret's: another server's cache refuses it.
        let good = StreamToken.sign(["server": true], secret: secret)
        XCTAssertEqual(try tokens.actor(for: good, now: 0), .server)
        XCTAssertEqual(code(VerifiedTokens(secret: String(repeating: "z", count: 32)), good, now: 0), 43)
    }

    func testTheCacheIsBounded() throws {
        let tokens = VerifiedTokens(secret: secret)
        for n in 0..<VerifiedTokens.capacity { _ = try tokens.actor(for: StreamToken.userToken("u\(n)", secret: secret), now: 0) }
        XCTAssertEqual(tokens.count, VerifiedTokens.capacity)
        XCTAssertEqual(try tokens.actor(for: StreamToken.userToken("one more", secret: secret), now: 0), .user("one more"))
        XCTAssertEqual(tokens.count, 1)
        XCTAssertEqual(try tokens.actor(for: StreamToken.userToken("u0", secret: secret), now: 0), .user("u0"))
    }
}
