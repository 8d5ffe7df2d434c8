import ChatCore
import ChatModel
import XCTest

@testable import ChatClient

/// The presence of a direct conversation's partner, against the real server in this process:
/// asked once the channels are watched (`query_users` with `presence: true`), then followed
/// through `user.presence.changed` as the partner connects and goes.
final class StreamBackendPresenceTests: XCTestCase {
    private var server: LocalServer!

    override func setUpWithError() throws {
        server = try LocalServer()
        try server.start()
        try server.call("POST", "users", ["users": ["alice": ["id": "alice"], "bob": ["id": "bob"], "carol": ["id": "carol"]]])
        // A one-to-one conversation (made distinct from its members, as Stream names it), and a
        // group one, whose three members have no single partner to show.
        try server.call("POST", "channels/messaging/query", ["data": ["created_by_id": "alice", "members": ["alice", "bob"]]])
        try server.call("POST", "channels/messaging/query", ["data": ["created_by_id": "alice", "members": ["alice", "bob", "carol"]]])
    }

    override func tearDownWithError() throws {
        try server.stop()
    }

    private func presence(_ log: EventLog, from start: Int = 0, _ what: String) throws -> [String: Bool] {
        try log.wait(for: what, from: start) { if case .presenceChanged(let online) = $0 { online } else { nil } }
    }

    func testThePartnersPresenceAtConnectThenAsItChanges() throws {
        let alice = server.backend(for: "alice")
        let log = EventLog()
        alice.connect(userID: "alice", deliver: log.deliver)
        defer { alice.disconnect() }
        XCTAssertEqual(try presence(log, "bob's presence at connect"), ["bob": false], "bob only: carol shares no one-to-one with alice")

        let bob = server.backend(for: "bob")
        let bobLog = EventLog()
        let before = log.count
        bob.connect(userID: "bob", deliver: bobLog.deliver)
        try bobLog.wait(for: .connected)
        XCTAssertEqual(try presence(log, from: before, "bob coming online"), ["bob": true])
        let online = log.count
        bob.disconnect()
        XCTAssertEqual(try presence(log, from: online, "bob going"), ["bob": false])
    }
}
