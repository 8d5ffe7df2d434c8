import ChatImport
import ChatModel
import ChatStore
import ChatTestSupport
import XCTest

/// The threads list browsing a store (`ChatStore.threadPage`, what `chatterm open --db` lists
/// for `/threads`): the user's threads with their unread replies, unread first, then the
/// latest reply, in pages. Runs on PostgreSQL too (`CHATTERM_TEST_POSTGRES`).
final class ThreadPageTests: XCTestCase {
    let directory = TemporaryDirectory()

    private func at(_ second: Int) -> Timestamp { Timestamp(rfc3339: "2020-01-01T10:00:\(second)Z")! }

    /// alice started a thread in #general (bob answered twice), replied last in bob's, and is
    /// out of bob's thread in #ops; she read both channels before the replies.
    private func store() throws -> ChatStore {
        let msg = { (id: String, cid: String, user: String, second: Int, parent: String?) in
            let (type, channel) = (cid.split(separator: ":")[0], cid.split(separator: ":")[1])
            let reply = parent.map { #","parent_id":"\#($0)""# } ?? ""
            return
                #"{"type":"message","data":{"id":"\#(id)","channel_type":"\#(type)","channel_id":"\#(channel)","user":"\#(user)","text":"t \#(id)","created_at":"2020-01-01T10:00:\#(second)Z"\#(reply)}}"#
        }
        let member = { (cid: String, user: String) in
            let (type, channel) = (cid.split(separator: ":")[0], cid.split(separator: ":")[1])
            return #"{"type":"member","data":{"channel_type":"\#(type)","channel_id":"\#(channel)","user_id":"\#(user)"}}"#
        }
        let lines = [
            #"{"type":"user","data":{"id":"alice","name":"Alice"}}"#, #"{"type":"user","data":{"id":"bob","name":"Bob"}}"#,
            #"{"type":"channel","data":{"id":"general","type":"messaging","created_by":"alice"}}"#,
            #"{"type":"channel","data":{"id":"ops","type":"team","created_by":"bob"}}"#,
            member("messaging:general", "alice"), member("messaging:general", "bob"), member("team:ops", "alice"),
            member("team:ops", "bob"),
            msg("started", "messaging:general", "alice", 10, nil), msg("joined", "messaging:general", "bob", 11, nil),
            msg("theirs", "team:ops", "bob", 12, nil), msg("lonely", "team:ops", "alice", 13, nil),
            msg("r1", "messaging:general", "bob", 20, "started"), msg("r2", "messaging:general", "bob", 21, "started"),
            msg("r3", "messaging:general", "bob", 14, "joined"), msg("r4", "messaging:general", "alice", 22, "joined"),
            msg("r5", "team:ops", "bob", 23, "theirs"),
        ]
        let store = try TestStore.open(directory.file("threads.sqlite"))
        let path = directory.write("threads.jsonl", lines: lines)
        let task = try store.runImport(path: path, mode: .upsert) { try ImportAnalyzer(existing: $0, sink: $1).run(path: path) }
        XCTAssertEqual(task.state, .completed, "\(task.result ?? .null)")
        for cid in ["messaging:general", "team:ops"] { XCTAssertTrue(try store.markRead(cid: cid, userID: "alice", at: at(15))) }
        return store
    }

    func testTheUsersThreadsUnreadFirstWithTheirLatestReply() throws {
        let store = try store()
        let page = try store.threadPage(of: "alice", limit: 10, next: nil)
        XCTAssertEqual(page.rows.map(\.parentID), ["started", "joined"], "hers only (a parent with no reply is no thread), unread first")
        XCTAssertNil(page.next)
        XCTAssertEqual(page.rows.map(\.unreadCount), [2, 0], "bob's reply in the thread she joined came before her read")
        XCTAssertEqual(page.rows.map(\.replyCount), [2, 2])
        XCTAssertEqual(page.rows.map(\.lastReplyAuthor), ["Bob", "Alice"])
        XCTAssertEqual(page.rows.map(\.lastReplyAt), [at(21), at(22)])
        XCTAssertEqual(page.rows[0].parent.message.text, "t started")
    }

    func testPagesByOffset() throws {
        let store = try store()
        let first = try store.threadPage(of: "alice", limit: 1, next: nil)
        XCTAssertEqual(first.rows.map(\.parentID), ["started"])
        let second = try store.threadPage(of: "alice", limit: 1, next: try XCTUnwrap(first.next))
        XCTAssertEqual(second.rows.map(\.parentID), ["joined"])
        XCTAssertNil(second.next)
    }

    func testAThreadReadGoesBackToItsPlaceByItsLatestReply() throws {
        let store = try store()
        try store.markThreadRead(parentID: "started", userID: "alice", at: at(30))
        let page = try store.threadPage(of: "alice", limit: 10, next: nil)
        XCTAssertEqual(page.rows.map(\.parentID), ["joined", "started"], "nothing unread: the latest reply first")
        XCTAssertEqual(page.rows.map(\.unreadCount), [0, 0])
        XCTAssertEqual(try store.unreadThreads(for: "alice"), [])
    }
}
