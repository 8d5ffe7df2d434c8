import ChatImport
import ChatModel
import ChatTestSupport
import XCTest

@testable import ChatStore

final class ChatReadsTests: XCTestCase {
    let directory = TemporaryDirectory()

    /// alice read `general` up to 10:00; after it come messages that do and do not count.
    private func store() throws -> ChatStore {
        let msg = { (id: String, user: String, time: String, extra: String) in
            #"{"type":"message","data":{"id":"\#(id)","channel_type":"messaging","channel_id":"general","user":"\#(user)","text":"t \#(id)","created_at":"2020-01-01T\#(time)Z"\#(extra)}}"#
        }
        let lines = [
            #"{"type":"user","data":{"id":"alice","name":"Alice","channel_mutes":["team:quiet"]}}"#,
            #"{"type":"user","data":{"id":"bob","name":"Bob"}}"#,
            #"{"type":"channel","data":{"id":"general","type":"messaging","created_by":"alice","name":"General"}}"#,
            #"{"type":"channel","data":{"id":"quiet","type":"team","created_by":"alice"}}"#,
            #"{"type":"channel","data":{"member_ids":["alice","bob"],"type":"messaging","created_by":"alice"}}"#,
            #"{"type":"member","data":{"channel_type":"messaging","channel_id":"general","user_id":"alice","last_read":"2020-01-01T10:00:00Z"}}"#,
            #"{"type":"member","data":{"channel_type":"messaging","channel_id":"general","user_id":"bob"}}"#,
            #"{"type":"member","data":{"channel_type":"team","channel_id":"quiet","user_id":"alice"}}"#,
            #"{"type":"member","data":{"channel_type":"messaging","channel_member_ids":["alice","bob"],"user_id":"alice"}}"#,
            #"{"type":"member","data":{"channel_type":"messaging","channel_member_ids":["alice","bob"],"user_id":"bob"}}"#,
            msg("old", "bob", "09:00:00", ""),
            msg("new1", "bob", "10:00:01", #","mentioned_users_ids":["alice"]"#),
            msg("new2", "bob", "10:00:02", #","quoted_message_id":"old""#),
            msg("mine", "alice", "10:00:03", ""),
            msg("gone", "bob", "10:00:04", #","type":"deleted","deleted_at":"2020-01-01T10:05:00Z","mentioned_users_ids":["alice"]"#),
            msg("hidden-reply", "bob", "10:00:05", #","parent_id":"old","mentioned_users_ids":["alice"]"#),
            msg("shown-reply", "bob", "10:00:06", #","parent_id":"old","show_in_channel":true"#),
            msg("at-read", "bob", "10:00:00", ""),
            #"{"type":"reaction","data":{"message_id":"old","type":"like","user_id":"alice","created_at":"2020-01-01T09:01:00Z"}}"#,
            #"{"type":"reaction","data":{"message_id":"old","type":"like","user_id":"bob","created_at":"2020-01-01T09:02:00Z","score":4}}"#,
            #"{"type":"reaction","data":{"message_id":"old","type":"fire","user_id":"bob","created_at":"2020-01-01T09:03:00Z"}}"#,
        ]
        return try imported(lines, name: "reads")
    }

    private func imported(_ lines: [String], name: String) throws -> ChatStore {
        let store = try TestStore.open(directory.file("\(name).sqlite"))
        let path = directory.write("\(name).jsonl", lines: lines)
        let task = try store.runImport(path: path, mode: .upsert) { try ImportAnalyzer(existing: $0, sink: $1).run(path: path) }
        XCTAssertEqual(task.state, .completed, "\(task.result ?? .null)")
        return store
    }

    /// `mentioned_here` / `mentioned_channel` call on every member who may see the message, as
    /// a mention by name does; not on its author, and not through `restricted_visibility`.
    func testHereAndChannelMessagesCountAsMentionsForEveryMember() throws {
        let msg = { (id: String, user: String, minute: Int, extra: String) in
            #"{"type":"message","data":{"id":"\#(id)","channel_type":"messaging","channel_id":"general","user":"\#(user)","text":"t","created_at":"2020-01-01T10:0\#(minute):00Z"\#(extra)}}"#
        }
        let store = try imported(
            [
                #"{"type":"user","data":{"id":"alice"}}"#, #"{"type":"user","data":{"id":"bob"}}"#,
                #"{"type":"channel","data":{"id":"general","type":"messaging","created_by":"alice"}}"#,
                #"{"type":"member","data":{"channel_type":"messaging","channel_id":"general","user_id":"alice","last_read":"2020-01-01T10:00:00Z"}}"#,
                #"{"type":"member","data":{"channel_type":"messaging","channel_id":"general","user_id":"bob","last_read":"2020-01-01T10:00:00Z"}}"#,
                msg("here", "bob", 1, #","mentioned_here":true"#), msg("all", "bob", 2, #","mentioned_channel":true"#),
                msg("plain", "bob", 3, ""), msg("secret", "bob", 4, #","mentioned_channel":true,"restricted_visibility":["bob"]"#),
                msg("own", "alice", 5, #","mentioned_here":true,"mentioned_channel":false"#),
            ],
            name: "calls"
        )
        let alice = try XCTUnwrap(store.channels(for: "alice").first)
        XCTAssertEqual([alice.unreadCount, alice.mentionCount], [3, 2])
        let bob = try XCTUnwrap(store.channels(for: "bob").first)
        XCTAssertEqual([bob.unreadCount, bob.mentionCount], [1, 1], "alice's @here calls on bob; his own messages do not")
    }

    func testUnreadAndMentionCountsFollowStream() throws {
        let channels = try store().channels(for: "alice")
        let general = try XCTUnwrap(channels.first { $0.channel.id == "general" })
        // new1, new2 and shown-reply: not old or at-read (read), mine (own), gone (deleted), hidden-reply (thread only).
        XCTAssertEqual(general.unreadCount, 3)
        XCTAssertEqual(general.mentionCount, 1)
        XCTAssertEqual(general.title, "General")
        XCTAssertEqual(general.memberCount, 2)
        XCTAssertFalse(general.muted)
        let quiet = try XCTUnwrap(channels.first { $0.channel.id == "quiet" })
        XCTAssertTrue(quiet.muted)
        XCTAssertEqual(quiet.unreadCount, 0)
        let dm = try XCTUnwrap(channels.first { $0.isDirect })
        XCTAssertEqual(dm.title, "Bob")
        // bob has no last_read: everything is read.
        XCTAssertEqual(try store().channels(for: "bob").first { $0.channel.id == "general" }?.unreadCount, 0)
    }

    /// Slack's and Mattermost's notes to self migrate as a distinct channel of one member: it
    /// is named after that member, not shown as its `!members-…` id.
    func testAConversationWithOneselfIsNamedAfterItsOneMember() throws {
        let store = try imported(
            [
                #"{"type":"user","data":{"id":"alice","name":"Alice Archer"}}"#,
                #"{"type":"channel","data":{"member_ids":["alice"],"type":"messaging","created_by":"alice"}}"#,
                #"{"type":"member","data":{"channel_type":"messaging","channel_member_ids":["alice"],"user_id":"alice"}}"#,
            ],
            name: "self"
        )
        let notes = try XCTUnwrap(store.channels(for: "alice").first)
        XCTAssertEqual(notes.title, "Alice Archer")
    }

    /// `open --user jane.doe` after a Mattermost migration: the user is found by the name the
    /// export gave them, which Stream refused as an id; a name two users share finds neither.
    func testAMigratedUserIsFoundByTheNameTheExportGaveThem() throws {
        let store = try imported(
            [
                #"{"type":"user","data":{"id":"jane_doe-9f9fcb65","name":"Jane Doe","mm_username":"jane.doe"}}"#,
                #"{"type":"user","data":{"id":"leo_m-871824a8","chatkit_id":"leo.m@example.com"}}"#,
                #"{"type":"user","data":{"id":"a-1","mm_username":"twin"}}"#,
                #"{"type":"user","data":{"id":"a-2","slack_id":"twin"}}"#,
            ],
            name: "migrated"
        )
        XCTAssertEqual(try store.user(migratedFrom: "jane.doe")?.id, "jane_doe-9f9fcb65")
        XCTAssertEqual(try store.user(migratedFrom: "leo.m@example.com")?.id, "leo_m-871824a8")
        XCTAssertNil(try store.user(migratedFrom: "twin"))
        XCTAssertNil(try store.user(migratedFrom: "nobody"))
    }

    /// A conversation with a deactivated user says so: nobody will read what is sent there.
    func testAConversationWithADeactivatedUserSaysSo() throws {
        let store = try imported(
            [
                #"{"type":"user","data":{"id":"alice","name":"Alice"}}"#,
                #"{"type":"user","data":{"id":"bob","name":"Bob","deactivated_at":"2020-01-01T00:00:00Z"}}"#,
                #"{"type":"channel","data":{"member_ids":["alice","bob"],"type":"messaging","created_by":"alice"}}"#,
                #"{"type":"member","data":{"channel_type":"messaging","channel_member_ids":["alice","bob"],"user_id":"alice"}}"#,
                #"{"type":"member","data":{"channel_type":"messaging","channel_member_ids":["alice","bob"],"user_id":"bob"}}"#,
            ],
            name: "deactivated"
        )
        XCTAssertEqual(try store.channels(for: "alice").first?.title, "Bob (deactivated)")
        XCTAssertEqual(try store.channels(for: "bob").first?.title, "Alice")
    }

    func testMessagePagesWalkBackwardsWithoutGapsOrRepeats() throws {
        let store = try store()
        let newest = try store.messages(cid: "messaging:general", viewer: "alice", limit: 3)
        XCTAssertEqual(newest.map(\.id), ["mine", "gone", "shown-reply"])
        let first = try XCTUnwrap(newest.first?.message)
        let older = try store.messages(
            cid: "messaging:general",
            viewer: "alice",
            before: MessageCursor(createdAt: first.createdAt!, id: first.id),
            limit: 10
        )
        XCTAssertEqual(older.map(\.id), ["old", "at-read", "new1", "new2"])
        let after = try store.messages(
            cid: "messaging:general",
            viewer: "alice",
            after: MessageCursor(createdAt: first.createdAt!, id: first.id),
            limit: 10
        )
        XCTAssertEqual(after.map(\.id), ["gone", "shown-reply"])
    }

    func testRowsCarryRepliesReactionsAndQuotes() throws {
        let store = try store()
        let page = try store.messages(cid: "messaging:general", viewer: "alice", limit: 50)
        let old = try XCTUnwrap(page.first { $0.id == "old" })
        XCTAssertEqual(old.authorName, "Bob")
        XCTAssertEqual(old.replyCount, 2)
        XCTAssertEqual(
            old.reactions,
            [
                .init(
                    type: "like",
                    count: 2,
                    includesMine: true,
                    scores: 5,
                    firstAt: Timestamp(rfc3339: "2020-01-01T09:01:00Z"),
                    lastAt: Timestamp(rfc3339: "2020-01-01T09:02:00Z")
                ),
                .init(
                    type: "fire",
                    count: 1,
                    includesMine: false,
                    firstAt: Timestamp(rfc3339: "2020-01-01T09:03:00Z"),
                    lastAt: Timestamp(rfc3339: "2020-01-01T09:03:00Z")
                ),
            ],
            "a reaction scores 1 unless it says otherwise"
        )
        // Reply counts and reaction sums come from one statement: a message with neither gets none.
        let plain = try XCTUnwrap(page.first { $0.id == "new1" })
        XCTAssertEqual(plain.replyCount, 0)
        XCTAssertEqual(plain.reactions, [])
        let quoting = try XCTUnwrap(page.first { $0.id == "new2" })
        XCTAssertEqual(quoting.quoted, .init(messageID: "old", authorName: "Bob", text: "t old", deleted: false))
        XCTAssertEqual(try store.replies(to: "old", viewer: "alice", limit: 10).map(\.id), ["hidden-reply", "shown-reply"])
        XCTAssertEqual(try store.replies(to: "old", viewer: "alice", limit: 1).map(\.id), ["shown-reply"])
        XCTAssertEqual(try store.reactions(messageID: "old").map(\.userID), ["alice", "bob", "bob"])
        XCTAssertEqual(try store.members(cid: "messaging:general").map(\.user.displayName), ["Alice", "Bob"])
    }

    /// A page's context takes the users it is given as they are and reads the others (a
    /// channel's state gives it the members it read in the same transaction).
    func testContextReadsOnlyTheUsersItIsNotGiven() throws {
        let store = try store()
        let page = try store.messages(cid: "messaging:general", viewer: "", limit: 50)
        var given = User(id: "bob")
        given.custom["name"] = "Given Bob"
        let context = try store.context(of: page, viewer: "", latest: 10, own: 10, known: ["bob": given])
        XCTAssertEqual(context.users["bob"]?.displayName, "Given Bob")
        // alice wrote one message of the page and reacted to another: read from the store.
        XCTAssertEqual(context.users["alice"]?.displayName, "Alice")
        XCTAssertEqual(try store.context(of: page, viewer: "", latest: 10, own: 10).users["bob"]?.displayName, "Bob")
    }

    /// A server call's page shows which messages are shadowed: from the flag its rows were read
    /// with, or, for rows made without it, from the store; nobody else's page shows any.
    func testContextTakesShadowedFromTheRowsOrReadsIt() throws {
        let store = try store()
        try store.backend.write { db in try db.execute("UPDATE messages SET shadowed = 1 WHERE id = 'new1'") }
        let page = try store.messages(cid: "messaging:general", viewer: "", limit: 50)
        XCTAssertEqual(page.filter { $0.shadowed == true }.map(\.id), ["new1"])
        XCTAssertEqual(page.filter { $0.shadowed == nil }.map(\.id), [])
        XCTAssertEqual(try store.context(of: page, viewer: "", latest: 10, own: 10).shadowed, ["new1"])
        let unflagged = page.map { row in
            var row = row
            row.shadowed = nil
            return row
        }
        XCTAssertEqual(try store.context(of: unflagged, viewer: "", latest: 10, own: 10).shadowed, ["new1"])
        XCTAssertEqual(try store.context(of: page, viewer: "bob", latest: 10, own: 10).shadowed, [])
    }

    /// A page takes its authors' names (quoted ones too) from the users it is given and reads
    /// the others (a channel state gives it the members it read in the same transaction).
    func testPageReadsOnlyTheAuthorsItIsNotGiven() throws {
        let store = try store()
        var given = User(id: "bob")
        given.custom["name"] = "Given Bob"
        let page = try store.messages(cid: "messaging:general", viewer: "alice", before: nil, limit: 50, known: ["bob": given])
        XCTAssertEqual(page.first { $0.id == "old" }?.authorName, "Given Bob")
        XCTAssertEqual(page.first { $0.id == "new2" }?.quoted?.authorName, "Given Bob")
        XCTAssertEqual(page.first { $0.id == "mine" }?.authorName, "Alice")
        let old = try XCTUnwrap(page.first { $0.id == "old" }?.message.createdAt)
        let after = try store.messages(
            cid: "messaging:general",
            viewer: "alice",
            after: MessageCursor(createdAt: old, id: "old"),
            limit: 50,
            known: ["alice": User(id: "alice")]
        )
        XCTAssertEqual(after.first { $0.id == "mine" }?.authorName, "alice")
        XCTAssertEqual(after.first { $0.id == "new1" }?.authorName, "Bob")
        XCTAssertEqual(try store.messages(cid: "messaging:general", viewer: "alice", limit: 50).first?.authorName, "Bob")
    }
}
