import ChatImport
import ChatModel
import ChatStore
import ChatTestSupport
import XCTest

/// The mentions view's query: the messages that call on a user across their channels, newest
/// first, as `Message.mentions` says (and, for the server's `mentioned_users.id`, by name only).
final class MentionReadsTests: XCTestCase {
    let directory = TemporaryDirectory()

    private func store() throws -> ChatStore {
        let msg = { (id: String, cid: String, user: String, second: Int, extra: String) in
            let (type, channel) = (cid.split(separator: ":")[0], cid.split(separator: ":")[1])
            return
                #"{"type":"message","data":{"id":"\#(id)","channel_type":"\#(type)","channel_id":"\#(channel)","user":"\#(user)","text":"t \#(id)","created_at":"2020-01-01T10:00:\#(second)Z"\#(extra)}}"#
        }
        let member = { (cid: String, user: String, extra: String) in
            let (type, channel) = (cid.split(separator: ":")[0], cid.split(separator: ":")[1])
            return #"{"type":"member","data":{"channel_type":"\#(type)","channel_id":"\#(channel)","user_id":"\#(user)"\#(extra)}}"#
        }
        let lines =
            [
                #"{"type":"user","data":{"id":"alice"}}"#, #"{"type":"user","data":{"id":"bob"}}"#,
                #"{"type":"channel","data":{"id":"general","type":"messaging","created_by":"alice"}}"#,
                #"{"type":"channel","data":{"id":"ops","type":"team","created_by":"bob"}}"#,
                #"{"type":"channel","data":{"id":"hidden","type":"team","created_by":"bob"}}"#,
                #"{"type":"channel","data":{"id":"elsewhere","type":"team","created_by":"bob"}}"#,
                member("messaging:general", "alice", ""), member("messaging:general", "bob", ""),
                member("team:ops", "alice", ""), member("team:ops", "bob", ""),
                member("team:hidden", "alice", #","hide_channel":true"#), member("team:elsewhere", "bob", ""),
            ] + [
                msg("named", "messaging:general", "bob", 10, #","mentioned_users_ids":["alice"]"#),
                msg("here", "team:ops", "bob", 20, #","mentioned_here":true"#),
                msg("everyone", "messaging:general", "bob", 30, #","mentioned_channel":true"#),
                msg("plain", "team:ops", "bob", 40, ""),
                msg("own", "team:ops", "alice", 41, #","mentioned_channel":true,"mentioned_users_ids":["alice"]"#),
                msg(
                    "gone",
                    "team:ops",
                    "bob",
                    42,
                    #","type":"deleted","deleted_at":"2020-01-01T10:01:00Z","mentioned_users_ids":["alice"]"#
                ),
                msg("secret", "team:ops", "bob", 43, #","mentioned_users_ids":["alice"],"restricted_visibility":["bob"]"#),
                msg("in-hidden", "team:hidden", "bob", 44, #","mentioned_users_ids":["alice"]"#),
                msg("not-mine", "team:elsewhere", "bob", 45, #","mentioned_users_ids":["alice"]"#),
                msg("reply", "team:ops", "bob", 50, #","parent_id":"plain","mentioned_users_ids":["alice"]"#),
            ]
        let store = try TestStore.open(directory.file("mentions.sqlite"))
        let path = directory.write("mentions.jsonl", lines: lines)
        let task = try store.runImport(path: path, mode: .upsert) { try ImportAnalyzer(existing: $0, sink: $1).run(path: path) }
        XCTAssertEqual(task.state, .completed, "\(task.result ?? .null)")
        return store
    }

    func testMentionsAcrossTheUsersChannelsNewestFirst() throws {
        let store = try store()
        XCTAssertEqual(try store.mentions(of: "alice", limit: 50).map(\.id), ["reply", "everyone", "here", "named"])
        XCTAssertEqual(try store.mentions(of: "alice", limit: 2).map(\.id), ["reply", "everyone"])
        XCTAssertEqual(try store.mentions(of: "bob", limit: 50).map(\.id), ["own"], "alice's own @channel calls on bob")
        // Every row is one `Message.mentions` agrees with.
        for row in try store.mentions(of: "alice", limit: 50) { XCTAssertTrue(row.message.mentions("alice"), row.id) }
    }

    func testByNameOnlyInTheGivenChannelsAPageAtATime() throws {
        let store = try store()
        let cids = ["messaging:general", "team:ops", "team:elsewhere"]
        let named = { (offset: Int, limit: Int) in
            try store.mentions(of: "alice", in: cids, broadcasts: false, viewer: "alice", limit: limit, offset: offset).map(\.id)
        }
        XCTAssertEqual(try named(0, 10), ["reply", "not-mine", "named"])
        XCTAssertEqual(try named(1, 1), ["not-mine"])
        XCTAssertEqual(try store.mentions(of: "alice", in: [], broadcasts: true, viewer: "alice", limit: 10, offset: 0), [])
        XCTAssertEqual(
            try store.mentions(of: "alice", in: ["team:ops"], broadcasts: false, viewer: "", limit: 10, offset: 0).map(\.id),
            ["reply", "secret"],
            "a server call sees restricted messages too"
        )
    }
}
