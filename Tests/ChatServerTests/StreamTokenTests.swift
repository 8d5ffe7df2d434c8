import ChatModel
import ChatServer
import ChatTestSupport
import Foundation
import XCTest

final class StreamTokenTests: XCTestCase {
    private let secret = String(repeating: "k", count: 32)

    /// The same bytes PyJWT (which the Python SDK uses) produces for the same claims and secret.
    func testSignsLikePyJWT() {
        XCTAssertEqual(
            StreamToken.sign(["user_id": "u1"], secret: secret),
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1c2VyX2lkIjoidTEifQ.bYvAHFQCkqQ8LMnGf4xBEJYGSLh3wOQh3lFo8FbShdo"
        )
        XCTAssertEqual(
            StreamToken.sign(["server": true], secret: secret),
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzZXJ2ZXIiOnRydWV9.WLJ3t0gFbeLOtgbCbfM7BP0R52fXymLRcs0CpCAOM6I"
        )
    }

    func testVerifiesServerAndUserTokens() throws {
        XCTAssertEqual(try StreamToken.verify(StreamToken.sign(["server": true], secret: secret), secret: secret, now: 0), .server)
        XCTAssertEqual(
            try StreamToken.verify(StreamToken.userToken("ada", secret: secret, expiresAt: 100), secret: secret, now: 99),
            .user("ada")
        )
    }

    func testRefusesWithStreamsCodes() {
        func code(_ token: String, now: Int64 = 1_000) -> Int? {
            do {
                _ = try StreamToken.verify(token, secret: secret, now: now)
                return nil
            } catch {
                return error.code
            }
        }
        let header = StreamToken.sign([:], secret: secret).split(separator: ".")[0]
        XCTAssertEqual(code(StreamToken.userToken("a", secret: secret, expiresAt: 1_000)), 40, "expired at now")
        XCTAssertEqual(code(StreamToken.sign(["user_id": "a", "nbf": .int(2_000)], secret: secret)), 41)
        XCTAssertEqual(code(StreamToken.sign(["user_id": "a", "iat": .int(5_000)], secret: secret)), 42)
        XCTAssertEqual(code(StreamToken.sign(["user_id": "a"], secret: String(repeating: "z", count: 32))), 43)
        XCTAssertEqual(code("eyJhbGciOiJub25lIn0.eyJzZXJ2ZXIiOnRydWV9."), 5, "alg none")
        XCTAssertEqual(code("\(header).eyJ1c2VyX2lkIjoiYSJ9"), 5, "two parts")
        XCTAssertEqual(code(StreamToken.sign(["name": "x"], secret: secret)), 5, "neither server nor user_id")
        XCTAssertEqual(code("a.b.c"), 5)
    }
}

final class ServerCredentialsTests: XCTestCase {
    let directory = TemporaryDirectory()

    func testShortSecretsAreRefused() {
        XCTAssertThrowsError(try ServerCredentials(apiKey: "k", apiSecret: String(repeating: "s", count: 31)))
        XCTAssertThrowsError(try ServerCredentials(apiKey: "", apiSecret: String(repeating: "s", count: 32)))
        XCTAssertNoThrow(try ServerCredentials(apiKey: "k", apiSecret: String(repeating: "s", count: 32)))
    }

    func testCreatedOnceKeptPrivateAndReadBack() throws {
        let store = directory.file("chat.sqlite")
        let first = try ServerCredentials.loadOrCreate(forStore: store)
        XCTAssertGreaterThanOrEqual(first.apiSecret.utf8.count, ServerCredentials.minimumSecretLength)
        XCTAssertEqual(try ServerCredentials.loadOrCreate(forStore: store), first)
        let mode = try FileManager.default.attributesOfItem(atPath: ServerCredentials.path(forStore: store))[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
        directory.write("other.sqlite.app.json", text: "{nope")
        XCTAssertThrowsError(try ServerCredentials.loadOrCreate(forStore: directory.file("other.sqlite")))
    }
}
