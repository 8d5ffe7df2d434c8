import ChatCore
import ChatModel
import XCTest

@testable import ChatClient

/// Flags through `StreamBackend` against the real server in this process: a message flag and a
/// user flag reach the server's moderation queue with their reason, and a refusal keeps the
/// server's words.
final class StreamBackendFlagTests: XCTestCase {
    private var server: LocalServer!

    override func setUpWithError() throws {
        server = try LocalServer()
        try server.start()
        try server.call("POST", "users", ["users": ["alice": ["id": "alice"], "bob": ["id": "bob"]]])
        try server.call("POST", "channels/messaging/general/query", ["data": ["created_by_id": "alice", "members": ["alice", "bob"]]])
    }

    override func tearDownWithError() throws { try server.stop() }

    func testFlagsReachTheServerAndRefusalsKeepItsWords() throws {
        let sent = try server.call(as: "bob", "POST", "channels/messaging/general/message", ["message": ["text": "buy now"]])
        let id = try XCTUnwrap(sent["message"]?.objectValue?["id"]?.stringValue)
        let alice = server.backend(for: "alice")
        let log = EventLog()
        alice.connect(userID: "alice", deliver: log.deliver)
        defer { alice.disconnect() }
        let up = try log.wait(for: .connected)

        alice.perform(.flag(.message(id), reason: "spam"))
        let flagged = try log.wait(for: "the message flag's answer", from: up) { if case .flagged(let target) = $0 { target } else { nil } }
        XCTAssertEqual(flagged, .message(id))
        let payload = #"{"filter_conditions":{"message_id":"\#(id)"}}"#
        let flags = try server.call("GET", "moderation/flags/message", nil, query: ["payload": payload])["flags"]?.arrayValue ?? []
        XCTAssertEqual(flags.count, 1)
        let flag = try XCTUnwrap(flags.first?.objectValue)
        XCTAssertEqual(flag["user"]?.objectValue?["id"]?.stringValue, "alice")
        XCTAssertEqual(flag["reason"]?.stringValue, "spam")

        var mark = log.count
        alice.perform(.flag(.user("bob"), reason: nil))
        let user = try log.wait(for: "the user flag's answer", from: mark) { if case .flagged(let t) = $0 { t } else { nil } }
        XCTAssertEqual(user, FlagTarget.user("bob"))

        // A second flag of the same message is refused by the server, in its words.
        mark = log.count
        alice.perform(.flag(.message(id), reason: nil))
        let error = try log.wait(for: "the refusal", from: mark) { if case .failed(let text) = $0 { text } else { nil } }
        XCTAssertTrue(error.hasPrefix("Could not flag the message: "), error)
        XCTAssertTrue(error.contains("flagged by alice already"), error)
        mark = log.count
        alice.perform(.flag(.user("nobody"), reason: nil))
        let missing = try log.wait(for: "an unknown user", from: mark) { if case .failed(let text) = $0 { text } else { nil } }
        XCTAssertTrue(missing.hasPrefix("Could not flag @nobody: "), missing)
    }
}
