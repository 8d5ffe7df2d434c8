import ChatImport
import ChatModel
import ChatTestSupport
import XCTest

@testable import ChatStore

/// A member an import gave no `last_read` has read all the import held (Stream's rule); the
/// first message others see after it is their first unread (`ChatStore.arrived`), in a channel
/// with history and in an empty one, sent or committed from pending. An invitee who has not
/// accepted counts nothing.
final class ImportedReadPositionTests: XCTestCase {
    let directory = TemporaryDirectory()

    /// `hall` with history, `empty` without; ann, bo, and cy invited (not accepted) in both.
    private func store() throws -> ChatStore {
        var lines = [
            #"{"type":"user","data":{"id":"ann"}}"#, #"{"type":"user","data":{"id":"bo"}}"#, #"{"type":"user","data":{"id":"cy"}}"#,
        ]
        for channel in ["hall", "empty"] {
            lines.append(#"{"type":"channel","data":{"id":"\#(channel)","type":"messaging","created_by":"ann"}}"#)
        }
        for channel in ["hall", "empty"] {
            for user in ["ann", "bo"] {
                lines.append(#"{"type":"member","data":{"channel_type":"messaging","channel_id":"\#(channel)","user_id":"\#(user)"}}"#)
            }
            lines.append(#"{"type":"member","data":{"channel_type":"messaging","channel_id":"\#(channel)","user_id":"cy","invited":true}}"#)
        }
        lines.append(
            #"{"type":"message","data":{"id":"old","channel_type":"messaging","channel_id":"hall","user":"ann","text":"t","created_at":"2020-01-01T10:00:00Z"}}"#
        )
        let store = try TestStore.open(directory.file("read.sqlite"))
        let path = directory.write("read.jsonl", lines: lines)
        let task = try store.runImport(path: path, mode: .upsert) { try ImportAnalyzer(existing: $0, sink: $1).run(path: path) }
        XCTAssertEqual(task.state, .completed, "\(task.result ?? .null)")
        return store
    }

    private func unread(_ store: ChatStore, _ user: String, _ channel: String) throws -> Int? {
        try store.channels(for: user).first { $0.channel.id == channel }?.unreadCount
    }

    private func message(_ id: String, in channel: String) -> Message {
        var message = Message(id: id, channelType: "messaging", channelID: channel, userID: "ann", text: id)
        message.createdAt = .now()
        return message
    }

    func testTheFirstMessageAfterTheImportIsTheFirstUnread() async throws {
        let store = try store()
        XCTAssertEqual(try unread(store, "bo", "hall"), 0, "the import's messages are read")
        for (id, channel) in [("new1", "hall"), ("new2", "hall"), ("first", "empty")] {
            let inserted = try await store.insert(message: message(id, in: channel))
            XCTAssertTrue(inserted)
        }
        XCTAssertEqual(try unread(store, "bo", "hall"), 2)
        XCTAssertEqual(try unread(store, "bo", "empty"), 1, "a channel that had no message: the first one counts")
        XCTAssertEqual(try unread(store, "ann", "hall"), 0, "one's own messages never count")
        XCTAssertEqual(try store.readStates(cid: "messaging:hall").first { $0.userID == "bo" }?.lastRead.seconds, 1_577_872_800)
        let invitee = try store.backend.read { db in
            try db.row("SELECT last_read FROM members WHERE cid = 'messaging:hall' AND user_id = 'cy'")
        }
        XCTAssertNil(invitee?["last_read"] as String?, "an invitee who has not accepted starts no read position")
    }

    func testAPendingMessageStartsThePositionWhenCommitted() async throws {
        let store = try store()
        let inserted = try await store.insert(message: message("later", in: "hall"), pendingMetadata: ["k": "v"])
        XCTAssertTrue(inserted)
        XCTAssertEqual(try unread(store, "bo", "hall"), 0, "a pending message is its author's alone")
        XCTAssertEqual(try store.commitPending(messageID: "later"), .committed)
        XCTAssertEqual(try unread(store, "bo", "hall"), 1)
    }
}
