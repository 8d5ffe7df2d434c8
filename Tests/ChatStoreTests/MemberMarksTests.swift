import ChatImport
import ChatModel
import ChatStore
import ChatTestSupport
import XCTest

/// The reader's own settings written offline: a pinned or archived channel shows so in the
/// channel list, and "mark unread from here" moves the read position to just before a message.
final class MemberMarksTests: XCTestCase {
    let directory = TemporaryDirectory()

    /// alice in general (read to 10:00, three of bob's messages at 10:00, 10:01 and 10:02) and random.
    private func store() throws -> ChatStore {
        let msg = { (id: String, time: String) in
            #"{"type":"message","data":{"id":"\#(id)","channel_type":"messaging","channel_id":"general","user":"bob","text":"t","created_at":"2020-01-01T\#(time)Z"}}"#
        }
        let lines = [
            #"{"type":"user","data":{"id":"alice","name":"Alice"}}"#,
            #"{"type":"user","data":{"id":"bob","name":"Bob"}}"#,
            #"{"type":"channel","data":{"id":"general","type":"messaging","created_by":"alice"}}"#,
            #"{"type":"channel","data":{"id":"random","type":"messaging","created_by":"alice"}}"#,
            #"{"type":"member","data":{"channel_type":"messaging","channel_id":"general","user_id":"alice","last_read":"2020-01-01T10:05:00Z"}}"#,
            #"{"type":"member","data":{"channel_type":"messaging","channel_id":"random","user_id":"alice"}}"#,
            msg("m0", "10:00:00"), msg("m1", "10:01:00"), msg("m2", "10:02:00"),
        ]
        let store = try TestStore.open(directory.file("marks.sqlite"))
        let path = directory.write("marks.jsonl", lines: lines)
        let task = try store.runImport(path: path, mode: .upsert) { try ImportAnalyzer(existing: $0, sink: $1).run(path: path) }
        XCTAssertEqual(task.state, .completed, "\(task.result ?? .null)")
        return store
    }

    func testPinAndArchiveShowInTheChannelListAndComeOff() throws {
        let store = try store()
        XCTAssertTrue(try store.setPinned(true, cid: "messaging:general", userID: "alice"))
        XCTAssertTrue(try store.setArchived(true, cid: "messaging:random", userID: "alice"))
        var channels = try store.channels(for: "alice")
        let pinned = try XCTUnwrap(channels.first { $0.channel.id == "general" }?.pinnedAt)
        XCTAssertNil(channels.first { $0.channel.id == "general" }?.archivedAt)
        XCTAssertNotNil(channels.first { $0.channel.id == "random" }?.archivedAt)
        // Pinning again keeps the first time, as the server's partial update does.
        XCTAssertTrue(try store.setPinned(true, cid: "messaging:general", userID: "alice"))
        XCTAssertEqual(try store.channels(for: "alice").first { $0.channel.id == "general" }?.pinnedAt, pinned)
        XCTAssertTrue(try store.setPinned(false, cid: "messaging:general", userID: "alice"))
        XCTAssertTrue(try store.setArchived(false, cid: "messaging:random", userID: "alice"))
        channels = try store.channels(for: "alice")
        XCTAssertEqual(channels.compactMap(\.pinnedAt), [])
        XCTAssertEqual(channels.compactMap(\.archivedAt), [])
    }

    func testANonMemberChangesNothing() throws {
        let store = try store()
        XCTAssertFalse(try store.setPinned(true, cid: "messaging:general", userID: "bob"))
        XCTAssertFalse(try store.setArchived(true, cid: "messaging:nowhere", userID: "alice"))
        XCTAssertEqual(try store.member(cid: "messaging:general", userID: "alice")?.member.pinnedAt, nil)
    }

    func testMarkUnreadFromAMessageCountsItAndEverythingAfter() throws {
        let store = try store()
        XCTAssertEqual(try store.channels(for: "alice").first { $0.channel.id == "general" }?.unreadCount, 0)
        XCTAssertTrue(try store.markUnread(cid: "messaging:general", userID: "alice", fromMessageID: "m1"))
        let general = try XCTUnwrap(try store.channels(for: "alice").first { $0.channel.id == "general" })
        XCTAssertEqual(general.unreadCount, 2, "m1 and m2")
        XCTAssertEqual(general.lastRead, Timestamp(rfc3339: "2020-01-01T10:01:00Z")?.justBefore)
        // A message of another channel, or none, moves nothing.
        XCTAssertFalse(try store.markUnread(cid: "messaging:random", userID: "alice", fromMessageID: "m0"))
        XCTAssertFalse(try store.markUnread(cid: "messaging:general", userID: "alice", fromMessageID: "nope"))
        XCTAssertEqual(try store.channels(for: "alice").first { $0.channel.id == "general" }?.unreadCount, 2)
    }
}
