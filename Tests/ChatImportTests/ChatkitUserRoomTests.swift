import ChatImport
import ChatModel
import XCTest

/// Chatkit users and rooms → Stream users, channels and members (reference §8.1–8.3).
final class ChatkitUserRoomTests: ChatkitTestCase {
    func testUserFieldsMapToStreamFields() throws {
        let out = try convert(
            export(users: [
                #"{"id":"alice","name":"Alice A","avatar_url":"https://example.com/a.png","custom_data":{"email":"alice@example.com","level":3},"created_at":"2017-03-23T11:36:42Z","updated_at":"2017-04-23T11:36:42Z"}"#,
                #"{"id":"bob","created_at":"2017-03-23T11:36:42Z","updated_at":"2017-03-23T11:36:42Z","deleted_at":"2017-05-23T11:36:42Z"}"#,
            ])
        )
        let alice = try XCTUnwrap(out.user("alice"))
        XCTAssertEqual(alice["name"], "Alice A")
        XCTAssertEqual(alice["image"], "https://example.com/a.png")
        XCTAssertEqual(alice["email"], "alice@example.com", "custom_data is spread into custom fields")
        XCTAssertEqual(alice["level"], 3)
        XCTAssertEqual(alice["created_at"], "2017-03-23T11:36:42Z")
        XCTAssertEqual(alice["chatkit_updated_at"], "2017-04-23T11:36:42Z", "updated_at has no import field; kept when it differs")
        XCTAssertNil(alice["chatkit_id"], "an id Stream accepts is kept as it is")
        let bob = try XCTUnwrap(out.user("bob"))
        XCTAssertEqual(bob["name"], "bob", "a user without a name is called by its id")
        XCTAssertEqual(bob["deleted_at"], "2017-05-23T11:36:42Z", "a deleted user is imported deleted, so history keeps its author")
        XCTAssertNil(bob["chatkit_updated_at"])
    }

    func testCustomKeysStreamReservesAreRenamed() throws {
        let out = try convert(
            export(
                users: [
                    #"{"id":"alice","name":"Alice","custom_data":{"role":"captain","online":true,"name":"Ally","chatkit_name":"x"}}"#,
                    #"{"id":"bob"}"#,
                ],
                rooms: [#"{"id":"general","created_by_id":"alice","private":false,"custom_data":{"members":5,"cid":"x","topic":"t"}}"#]
            )
        )
        let alice = try XCTUnwrap(out.user("alice"))
        XCTAssertNil(alice["role"], "a custom `role` must not become the Stream role")
        XCTAssertEqual(alice["chatkit_role"], "captain")
        XCTAssertEqual(alice["chatkit_online"], true)
        XCTAssertEqual(alice["name"], "Alice")
        XCTAssertEqual(alice["chatkit_name"], "Ally")
        XCTAssertEqual(alice["chatkit_chatkit_name"], "x", "a key that collides with a rename is renamed in turn; nothing is overwritten")
        let general = try XCTUnwrap(out.channel("general"))
        XCTAssertEqual(general["chatkit_members"], 5)
        XCTAssertEqual(general["chatkit_cid"], "x")
        XCTAssertEqual(general["topic"], "t")
        XCTAssertTrue(out.changes("alice").contains { $0.action == .renamed && $0.field == "custom_data.role" })
        XCTAssertTrue(out.changes("general").contains { $0.action == .renamed && $0.field == "custom_data.members" })
    }

    func testCustomDataOver5KiBDropsTheLargestKeysAndSaysSo() throws {
        let bio = String(repeating: "b", count: 6000)
        let out = try convert(
            export(users: [#"{"id":"alice","name":"Alice","custom_data":{"bio":"\#(bio)","colour":"red"}}"#, #"{"id":"bob"}"#])
        )
        let alice = try XCTUnwrap(out.user("alice"))
        XCTAssertNil(alice["bio"])
        XCTAssertEqual(alice["colour"], "red", "only what must go goes")
        let change = try XCTUnwrap(out.changes("alice").first { $0.field == "custom_data.bio" })
        XCTAssertEqual(change.action, .dropped)
        XCTAssertTrue(change.reason.contains("5 KiB"), change.reason)
    }

    func testEmailStyleUserIDIsMappedAndEveryReferenceFollows() throws {
        let out = try convert(
            export(
                users: [#"{"id":"zan@pusher.com","name":"Zan"}"#, #"{"id":"bob"}"#],
                rooms: [#"{"id":"general","created_by_id":"zan@pusher.com","private":true,"member_ids":["zan@pusher.com","bob"]}"#],
                messages: [textMessage(1, sender: "zan@pusher.com")],
                extra: ["cursors": [#"{"room_id":"general","user_id":"zan@pusher.com","cursor_type":0,"position":1}"#]]
            )
        )
        let changed = try XCTUnwrap(out.report.changedIds.first { $0.chatkitId == "zan@pusher.com" })
        XCTAssertEqual(changed.kind, "user")
        XCTAssertTrue(changed.streamId.hasPrefix("zan@pusher_com-"), changed.streamId)
        XCTAssertTrue(changed.reason.contains("characters"), changed.reason)
        let zan = try XCTUnwrap(out.user(changed.streamId))
        XCTAssertEqual(zan["chatkit_id"], "zan@pusher.com")
        XCTAssertEqual(out.channel("general")?["created_by"]?.stringValue, changed.streamId)
        XCTAssertNotNil(out.member("general", changed.streamId)?["last_read"])
        XCTAssertEqual(out.message("general-1")?["user"]?.stringValue, changed.streamId)
        XCTAssertFalse(
            out.lines.contains { $0.contains("\"zan@pusher.com\"") && !$0.contains("chatkit_id") },
            "no reference keeps the old id"
        )
    }

    func testIDsThatCollideAfterSanitisingStayDistinctAndStable() throws {
        let users = [#"{"id":"a_b"}"#, #"{"id":"a.b"}"#, #"{"id":"a:b"}"#, #"{"id":"a b"}"#]
        let rooms = [#"{"id":"x","created_by_id":"a.b","private":true,"member_ids":["a_b","a.b","a:b","a b"]}"#]
        let first = try convert(export(users: users, rooms: rooms))
        let ids = first.all("user").compactMap { $0["id"]?.stringValue }
        XCTAssertEqual(Set(ids).count, 4, "four Chatkit users stay four Stream users: \(ids)")
        XCTAssertTrue(ids.contains("a_b"), "the id that was already valid keeps its place")
        XCTAssertEqual(first.report.changedIds.map(\.chatkitId), ["a.b", "a:b", "a b"])
        XCTAssertEqual(first.all("member").count, 4)
        let again = try convert(export(users: users.reversed(), rooms: rooms))
        XCTAssertEqual(
            Set(again.report.changedIds.map { "\($0.chatkitId)=\($0.streamId)" }),
            Set(first.report.changedIds.map { "\($0.chatkitId)=\($0.streamId)" }),
            "the mapping does not depend on order"
        )
    }

    func testLongAndNonASCIIIDsFitStreamsLimits() throws {
        let longUser = String(repeating: "u", count: 300)
        let longRoom = String(repeating: "r", count: 100)
        let out = try convert(
            export(
                users: [#"{"id":"\#(longUser)"}"#, #"{"id":"bob"}"#],
                rooms: [
                    #"{"id":"\#(longRoom)","created_by_id":"bob","private":true}"#,
                    #"{"id":"café ☕","created_by_id":"bob","private":true}"#,
                    #"{"id":"has!bang","created_by_id":"bob","private":true}"#,
                ]
            )
        )
        let users = out.all("user").compactMap { $0["id"]?.stringValue }
        XCTAssertTrue(users.allSatisfy { $0.utf8.count <= 255 }, "\(users.map(\.count))")
        let channels = out.all("channel").compactMap { $0["id"]?.stringValue }
        XCTAssertEqual(channels.count, 3)
        for id in channels {
            XCTAssertLessThanOrEqual(id.utf8.count, 64)
            XCTAssertTrue(
                id.utf8.allSatisfy {
                    $0 < 128 && ($0 == 95 || $0 == 45 || (48...57).contains($0) || (65...90).contains($0) || (97...122).contains($0))
                },
                id
            )
        }
        XCTAssertTrue(channels.contains { $0.hasPrefix("caf_") }, "\(channels)")
        XCTAssertEqual(out.all("channel").compactMap { $0["chatkit_id"]?.stringValue }.sorted(), [longRoom, "café ☕", "has!bang"].sorted())
    }

    func testNumericLegacyRoomIDsBecomeStrings() throws {
        let out = try convert(
            export(
                rooms: [#"{"id":6718789,"created_by_id":"alice","private":true,"member_ids":["alice"]}"#],
                messages: [#"{"id":1,"user_id":"alice","room_id":6718789,"created_at":"2020-01-01T00:00:00Z","text":"old"}"#]
            )
        )
        XCTAssertNotNil(out.channel("6718789"))
        XCTAssertEqual(out.message("6718789-1")?["text"], "old")
    }

    func testPrivateRoomsAreMessagingPublicRoomsTeamOrLivestream() throws {
        let rooms = [#"{"id":"dm","created_by_id":"alice","private":true}"#, #"{"id":"lobby","created_by_id":"alice","private":false}"#]
        let team = try convert(export(rooms: rooms))
        XCTAssertEqual(team.channel("dm")?["type"], "messaging")
        XCTAssertEqual(team.channel("lobby")?["type"], "team")
        XCTAssertEqual(team.report.publicRoomType, "team")
        let live = try convert(export(rooms: rooms), options: .init(publicRoomType: .livestream))
        XCTAssertEqual(live.channel("dm")?["type"], "messaging")
        XCTAssertEqual(live.channel("lobby")?["type"], "livestream")
    }

    func testRoomFieldsMapAndLastMessageAtIsLeftToStream() throws {
        let out = try convert(
            export(rooms: [
                #"{"id":"alice_x_bob","created_by_id":"alice","name":"Alice & Bob","member_ids":["alice","bob"],"push_notification_title_override":"Acme","private":true,"custom_data":{"foo":"bar"},"last_message_at":"2020-03-25T11:52:59Z","created_at":"2020-03-25T10:52:59Z","updated_at":"2020-03-26T10:52:59Z"}"#
            ])
        )
        let room = try XCTUnwrap(out.channel("alice_x_bob"))
        XCTAssertEqual(room["name"], "Alice & Bob")
        XCTAssertEqual(room["created_by"], "alice")
        XCTAssertEqual(room["created_at"], "2020-03-25T10:52:59Z")
        XCTAssertEqual(room["push_notification_title_override"], "Acme")
        XCTAssertEqual(room["foo"], "bar")
        XCTAssertEqual(room["chatkit_updated_at"], "2020-03-26T10:52:59Z")
        XCTAssertNil(room["last_message_at"], "reserved in Stream, which computes it")
        XCTAssertNil(room["member_ids"], "explicit ids, never distinct channels")
    }

    func testARoomWhoseCreatorWasNeverExportedGetsAPlaceholderCreator() throws {
        let out = try convert(
            export(rooms: [
                #"{"id":"general","created_by_id":"ghost","private":false,"member_ids":["alice"]}"#,
                #"{"id":"orphan","private":false}"#,
            ])
        )
        XCTAssertEqual(out.channel("general")?["created_by"], "ghost")
        let ghost = try XCTUnwrap(out.user("ghost"))
        XCTAssertEqual(ghost["chatkit_placeholder"], true)
        XCTAssertEqual(ghost["name"], "ghost")
        XCTAssertEqual(out.channel("orphan")?["created_by"], "chatkit-system", "a room with no creator at all")
        XCTAssertEqual(out.report.placeholderUsers.map(\.chatkitId), ["ghost", "chatkit-system"])
        XCTAssertEqual(out.report.placeholderUsers.first?.referencedBy, "room general created_by_id")
        XCTAssertEqual(out.report.countsOut.placeholderUsers, 2)
        XCTAssertEqual(out.report.tally("users")?.converted, 2, "placeholders are not counted as Chatkit users")
    }

    func testADeletedRoomIsLeftOutWithItsMessagesMembersAndCursors() throws {
        let out = try convert(
            export(
                rooms: [
                    #"{"id":"general","created_by_id":"alice","private":false,"member_ids":["alice","bob"]}"#,
                    #"{"id":"old","created_by_id":"alice","private":false,"member_ids":["alice"],"deleted_at":"2020-01-01T00:00:00Z"}"#,
                ],
                messages: [textMessage(1), textMessage(1, room: "old")],
                extra: ["cursors": [#"{"room_id":"old","user_id":"alice","cursor_type":0,"position":1}"#]]
            )
        )
        XCTAssertNil(out.channel("old"))
        XCTAssertEqual(out.all("member").count, 2)
        XCTAssertEqual(out.all("message").count, 1)
        XCTAssertEqual(out.report.tally("rooms")?.count("deleted in Chatkit"), 1)
        XCTAssertEqual(out.report.tally("messages")?.count("room deleted in Chatkit"), 1)
        XCTAssertEqual(out.report.tally("cursors")?.count("room deleted in Chatkit"), 1)
    }

    func testMembersComeFromEveryMembershipShapeOnce() throws {
        let out = try convert(
            export(
                rooms: [
                    #"{"id":"a","created_by_id":"alice","private":true,"member_ids":["alice"]}"#,
                    #"{"id":"b","created_by_id":"alice","private":true,"member_user_ids":["alice","bob"]}"#,
                ],
                extra: ["memberships": [#"{"room_id":"a","user_ids":["alice","bob"]}"#]]
            )
        )
        XCTAssertEqual(
            out.all("member").map { "\($0["channel_id"]!.stringValue!)/\($0["user_id"]!.stringValue!)" },
            ["a/alice", "a/bob", "b/alice", "b/bob"]
        )
        XCTAssertEqual(out.report.countsIn.memberships, 1)
    }

    func testRolesBecomeUserRolesAndChannelRoles() throws {
        let out = try convert(
            export(
                users: [#"{"id":"alice"}"#, #"{"id":"bob"}"#, #"{"id":"carol"}"#],
                rooms: [#"{"id":"general","created_by_id":"alice","private":false,"member_ids":["alice","bob","carol"]}"#],
                extra: [
                    "roles": [
                        #"{"name":"boss","scope":"global","permissions":["room:delete","room:update","message:create"]}"#,
                        #"{"name":"default","scope":"global","permissions":["message:create","room:join"]}"#,
                        #"{"name":"mod","scope":"room","permissions":["room:members:add","room:members:remove"]}"#,
                        #"{"name":"talker","scope":"room","permissions":["message:create"]}"#,
                    ],
                    "user_roles": [
                        #"{"user_id":"alice","role_name":"boss","scope":"global"}"#,
                        #"{"user_id":"bob","role_name":"default","scope":"global"}"#,
                        #"{"user_id":"bob","name":"mod","scope":"room","room_id":"general"}"#,
                        #"{"user_id":"carol","role_name":"talker","scope":"room","room_id":"general"}"#,
                    ],
                ]
            )
        )
        XCTAssertEqual(out.user("alice")?["role"], "admin", "a global role that may update or delete rooms")
        XCTAssertNil(out.user("bob")?["role"], "the default role is Stream's default, user")
        XCTAssertEqual(out.member("general", "bob")?["channel_role"], "channel_moderator")
        XCTAssertEqual(out.member("general", "carol")?["channel_role"], "channel_member")
        XCTAssertNil(out.member("general", "alice")?["channel_role"])
        XCTAssertEqual(
            out.report.roles.map { "\($0.scope) \($0.chatkitRole) \($0.streamRole)" },
            ["global boss admin", "global default user", "room mod channel_moderator", "room talker channel_member"]
        )
    }
}
