import ChatCore
import ChatModel
import XCTest

@testable import ChatClient

/// `/search` and a find's next match through the real server's `search`: whole words in the
/// reader's channels, and the nearest channel message beyond a cursor, paging with `next`.
final class StreamBackendSearchTests: XCTestCase {
    private var server: LocalServer!

    override func setUpWithError() throws {
        server = try LocalServer.started(users: ["alice", "bob"])
        for (id, members) in [("general", ["alice", "bob"]), ("private", ["bob"])] {
            try server.call(
                "POST",
                "channels/messaging/\(id)/query",
                ["data": ["created_by_id": "bob", "members": .array(members.map(JSONValue.string))]]
            )
        }
    }

    override func tearDownWithError() throws {
        try server.stop()
    }

    @discardableResult
    private func send(_ channelID: String, _ text: String, parent: String? = nil) throws -> MessageRow {
        var message: JSONObject = ["text": .string(text)]
        if let parent { message["parent_id"] = .string(parent) }
        let answer = try server.call(as: "bob", "POST", "channels/messaging/\(channelID)/message", ["message": .object(message)])
        return try XCTUnwrap(answer["message"]?.objectValue.flatMap { StreamItems.messageRow($0, viewer: "alice") })
    }

    private func cursor(_ row: MessageRow) throws -> MessageCursor {
        MessageCursor(createdAt: try XCTUnwrap(row.message.createdAt), id: row.id)
    }

    func testSearchFindsWholeWordsInTheReadersChannelsOnly() throws {
        try send("general", "deploy on friday")
        try send("general", "deployment later")
        try send("private", "deploy in private")
        let backend = server.backend(for: "alice")
        XCTAssertEqual(try backend.search(text: "DEPLOY", userID: "alice", limit: 30).map(\.message.text), ["deploy on friday"])
        XCTAssertEqual(try backend.search(text: "ploy", userID: "alice", limit: 30), [])
    }

    /// More matches than a page of the server's search lie between the cursor and the match
    /// wanted (and a reply kept in its thread is no channel message): the pages are followed.
    func testFindMatchGoesPastPagesOfNearerMatchesAndThreadReplies() throws {
        let oldest = try send("general", "needle at the start")
        let root = try send("general", "hay")
        try send("general", "needle in a thread", parent: root.id)
        let middle = try send("general", "needle in the middle")
        for i in 0..<105 { try send("general", "needle number \(i)") }
        let newest = try send("general", "hay at the end")
        let backend = server.backend(for: "alice")
        let near = try backend.findMatch(text: "needle", cid: "messaging:general", viewer: "alice", beyond: cursor(newest), older: true)
        XCTAssertNotNil(near)
        XCTAssertNotEqual(near, middle.id)
        XCTAssertEqual(
            try backend.findMatch(text: "needle", cid: "messaging:general", viewer: "alice", beyond: cursor(middle), older: true),
            oldest.id,
            "the reply in the thread is skipped"
        )
        XCTAssertNil(try backend.findMatch(text: "needle", cid: "messaging:general", viewer: "alice", beyond: cursor(oldest), older: true))
        XCTAssertEqual(
            try backend.findMatch(text: "needle", cid: "messaging:general", viewer: "alice", beyond: cursor(oldest), older: false),
            middle.id,
            "newer: the oldest after it, past the thread reply"
        )
        // Nothing newer than the newest: every page of matches is read, and none is.
        XCTAssertNil(try backend.findMatch(text: "needle", cid: "messaging:general", viewer: "alice", beyond: cursor(newest), older: false))
    }
}
