import ChatImport
import ChatModel
import ChatTestSupport
import XCTest

@testable import ChatStore

/// Truncating and deleting channels, channel mutes, mark-all-read and deleting users, on a small import.
final class ChannelLifecycleTests: XCTestCase {
    let directory = TemporaryDirectory()

    private func store() throws -> ChatStore {
        let msg = { (id: String, channel: String, user: String, time: String) in
            #"{"type":"message","data":{"id":"\#(id)","channel_type":"messaging","channel_id":"\#(channel)","user":"\#(user)","text":"t","created_at":"2020-01-01T\#(time)Z"}}"#
        }
        let lines = [
            #"{"type":"user","data":{"id":"alice"}}"#,
            #"{"type":"user","data":{"id":"bob"}}"#,
            #"{"type":"channel","data":{"id":"general","type":"messaging","created_by":"alice"}}"#,
            #"{"type":"channel","data":{"id":"random","type":"messaging","created_by":"alice"}}"#,
            #"{"type":"member","data":{"channel_type":"messaging","channel_id":"general","user_id":"alice","last_read":"2020-01-01T00:00:00Z"}}"#,
            #"{"type":"member","data":{"channel_type":"messaging","channel_id":"general","user_id":"bob"}}"#,
            #"{"type":"member","data":{"channel_type":"messaging","channel_id":"random","user_id":"alice","last_read":"2020-01-01T00:00:00Z"}}"#,
            msg("g1", "general", "bob", "09:00:00"),
            msg("g2", "general", "bob", "10:00:00"),
            msg("g3", "general", "bob", "11:00:00"),
            msg("r1", "random", "bob", "09:00:00"),
            #"{"type":"reaction","data":{"message_id":"g1","type":"like","user_id":"alice","created_at":"2020-01-01T12:00:00Z"}}"#,
            #"{"type":"reaction","data":{"message_id":"r1","type":"like","user_id":"alice","created_at":"2020-01-01T12:00:00Z"}}"#,
        ]
        let store = try TestStore.open(directory.file("life.sqlite"))
        let path = directory.write("life.jsonl", lines: lines)
        let task = try store.runImport(path: path, mode: .upsert) { try ImportAnalyzer(existing: $0, sink: $1).run(path: path) }
        XCTAssertEqual(task.state, .completed, "\(task.result ?? .null)")
        return store
    }

    func testTruncateRemovesMessagesUpToTheTimeAndTheirReactions() throws {
        let store = try store()
        let cut = try XCTUnwrap(Timestamp(rfc3339: "2020-01-01T10:00:00Z"))
        XCTAssertEqual(try store.truncate(cid: "messaging:general", at: cut), 2)
        XCTAssertEqual(try store.messages(cid: "messaging:general", viewer: "alice", limit: 10).map(\.message.id), ["g3"])
        XCTAssertEqual(try store.reactions(messageID: "g1", limit: 10, offset: 0), [])
        XCTAssertEqual(try store.channel(cid: "messaging:general")?.truncatedAt, cut)
        XCTAssertEqual(
            try store.messages(cid: "messaging:random", viewer: "alice", limit: 10).map(\.message.id),
            ["r1"],
            "other channels keep theirs"
        )
    }

    func testAnUpdateMovesUpdatedAtAndAnImportLeavesItUnset() throws {
        let store = try store()
        var channel = try XCTUnwrap(try store.channel(cid: "messaging:general"))
        XCTAssertNil(channel.updatedAt, "an imported channel reads as never updated")
        channel.custom["topic"] = "news"
        let before = Timestamp.now()
        try store.update(channel: channel)
        let updated = try XCTUnwrap(try store.channel(cid: "messaging:general"))
        XCTAssertEqual(updated.custom["topic"], "news")
        XCTAssertGreaterThanOrEqual(try XCTUnwrap(updated.updatedAt), before)
        XCTAssertNil(try store.channel(cid: "messaging:random")?.updatedAt, "other channels keep theirs")
    }

    func testChannelsOrderByTheirUpdateAndByTheLaterOfUpdateAndLastMessage() async throws {
        let store = try store()
        let order = { (by: ChannelOrder) in try self.order(of: store, by: by) }
        XCTAssertEqual(try order(.lastMessage), ["messaging:general", "messaging:random"])
        var random = try XCTUnwrap(try store.channel(cid: "messaging:random"))
        random.custom["topic"] = "news"
        try store.update(channel: random)
        XCTAssertEqual(try order(.updated), ["messaging:random", "messaging:general"])
        XCTAssertEqual(try order(.lastUpdated), ["messaging:random", "messaging:general"])
        XCTAssertEqual(try order(.lastMessage), ["messaging:general", "messaging:random"], "an update is no message")
        var message = Message(id: "g4", channelType: "messaging", channelID: "general", userID: "bob", text: "later")
        message.createdAt = .now()
        let inserted = try await store.insert(message: message)
        XCTAssertTrue(inserted)
        XCTAssertEqual(try order(.lastUpdated), ["messaging:general", "messaging:random"], "a message after the update")
        XCTAssertEqual(try order(.updated), ["messaging:random", "messaging:general"])
    }

    func testAReplyKeptInItsThreadDoesNotMoveItsChannelInTheLastMessageOrder() async throws {
        let store = try store()
        var reply = Message(id: "r2", channelType: "messaging", channelID: "random", userID: "bob", text: "in the thread")
        reply.parentID = "r1"
        reply.createdAt = .now()
        let kept = try await store.insert(message: reply)
        XCTAssertTrue(kept)
        XCTAssertEqual(try order(of: store, by: .lastMessage), ["messaging:general", "messaging:random"])
        reply.id = "r3"
        reply.showInChannel = true
        let shown = try await store.insert(message: reply)
        XCTAssertTrue(shown)
        XCTAssertEqual(try order(of: store, by: .lastMessage), ["messaging:random", "messaging:general"])
    }

    /// Every channel's cid, newest first by `by`.
    private func order(of store: ChatStore, by: ChannelOrder) throws -> [String] {
        try store.queryChannels(cids: nil, types: nil, memberOf: nil, frozen: nil, order: by, limit: 10, offset: 0).map(\.cid)
    }

    func testDeleteChannelRemovesEverythingInItAndNothingElse() throws {
        let store = try store()
        try store.deleteChannel(cid: "messaging:general")
        XCTAssertNil(try store.channel(cid: "messaging:general"))
        XCTAssertEqual(try store.members(cid: "messaging:general").count, 0)
        XCTAssertNil(try store.message(id: "g1", viewer: "alice"))
        XCTAssertEqual(try store.channels(for: "alice").map(\.channel.cid), ["messaging:random"])
        XCTAssertEqual(try store.reactions(messageID: "r1", limit: 10, offset: 0).count, 1)
    }

    func testChannelMuteTogglesTheChannelListFlag() throws {
        let store = try store()
        XCTAssertTrue(try store.setChannelMuted(userID: "alice", cid: "messaging:random", muted: true))
        XCTAssertEqual(try store.channels(for: "alice").filter(\.muted).map(\.channel.cid), ["messaging:random"])
        XCTAssertTrue(try store.setChannelMuted(userID: "alice", cid: "messaging:random", muted: false))
        XCTAssertEqual(try store.channels(for: "alice").filter(\.muted).count, 0)
        XCTAssertFalse(try store.setChannelMuted(userID: "nobody", cid: "messaging:random", muted: true))
    }

    func testMarkAllReadClearsEveryChannel() throws {
        let store = try store()
        XCTAssertEqual(try store.channels(for: "alice").map(\.unreadCount).reduce(0, +), 4)
        XCTAssertEqual(try store.markAllRead(userID: "alice", at: .now()), ["messaging:general", "messaging:random"])
        XCTAssertEqual(try store.channels(for: "alice").map(\.unreadCount).reduce(0, +), 0)
    }

    func testDeleteUserSoftKeepsThemAndHardRemovesTheirTraces() throws {
        let store = try store()
        let soft = try XCTUnwrap(try store.deleteUser(id: "bob", hard: false, messages: .softDelete, at: .now()))
        XCTAssertNotNil(soft.deletedAt)
        XCTAssertNotNil(try store.user(id: "bob"))
        XCTAssertEqual(try store.message(id: "g1", viewer: "alice")?.message.type, .deleted)

        _ = try store.deleteUser(id: "alice", hard: true, messages: .keep, at: .now())
        XCTAssertNil(try store.user(id: "alice"))
        XCTAssertEqual(try store.channels(for: "alice").count, 0)
        XCTAssertEqual(try store.reactions(messageID: "r1", limit: 10, offset: 0).count, 0)
        XCTAssertNil(try store.deleteUser(id: "alice", hard: true, messages: .keep, at: .now()))
    }
}

/// The server acknowledges a write after its commit; that commit must survive a power cut.
final class StoreDurabilityTests: XCTestCase {
    func testTheWriterSyncsEveryCommit() throws {
        let directory = TemporaryDirectory()
        let store = try ChatStore(path: directory.file("durable.sqlite"))
        let mode = try store.inspect("PRAGMA synchronous").first?.values.first
        XCTAssertEqual(mode, .int(2), "synchronous=FULL")
    }
}
