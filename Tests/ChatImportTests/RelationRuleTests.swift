import ChatImport
import ChatModel
import ChatTestSupport
import XCTest

/// Rules that span items: order, duplicates, references, distinct channels, threads, teams.
final class RelationRuleTests: ValidationTestCase {
    func testItemOrder() throws {
        try assertErrors(
            SampleImports.base + [#"{"type":"user","data":{"id":"late"}}"#],
            [
                #"Validation error: item type "user" must come before "message" items (order: user, device, future_channel_ban, channel, member, message, reaction, poll, poll_vote)"#
            ]
        )
        try assertErrors(
            [
                #"{"type":"user","data":{"id":"a"}}"#,
                #"{"type":"channel","data":{"id":"c","type":"messaging","created_by":"a"}}"#,
                #"{"type":"future_channel_ban","data":{"created_by":"a","target_id":"a"}}"#,
            ],
            [
                #"Validation error: item type "future_channel_ban" must come before "channel" items (order: user, device, future_channel_ban, channel, member, message, reaction, poll, poll_vote)"#
            ]
        )
    }

    func testDuplicates() throws {
        try assertErrors(
            [#"{"type":"user","data":{"id":"a"}}"#, #"{"type":"user","data":{"id":"a"}}"#],
            [#"Validation error: duplicated item "a""#]
        )
        try assertErrors(
            base(#"{"type":"channel","data":{"id":"general","type":"messaging","created_by":"bob"}}"#),
            [#"Validation error: duplicated item "messaging:general""#]
        )
        try assertErrors(
            base(#"{"type":"member","data":{"channel_type":"messaging","channel_id":"general","user_id":"bob"}}"#),
            [#"Validation error: duplicated item "messaging:general/bob""#]
        )
        try assertErrors(
            base(#"{"type":"message","data":{"id":"m1","channel_type":"messaging","channel_id":"general","user":"bob"}}"#),
            [#"Validation error: duplicated item "m1""#]
        )
        let reaction = #"{"type":"reaction","data":{"message_id":"m1","type":"like","user_id":"bob","created_at":"2020-01-01T10:00:00Z"}}"#
        try assertErrors(base(reaction, reaction), [#"Validation error: duplicated item "m1:like:bob""#])
        let device = #"{"type":"device","data":{"id":"d1","user_id":"bob","push_provider_type":"apn"}}"#
        try assertErrors((base(device, device)), [#"Validation error: duplicated item "d1""#])
        // The same channel id under another type is another channel.
        try assertValid(base(#"{"type":"channel","data":{"id":"general","type":"team","created_by":"bob"}}"#))
    }

    func testReferencesMustResolve() throws {
        try assertErrors(
            base(#"{"type":"channel","data":{"id":"c2","type":"messaging","created_by":"ghost"}}"#),
            [
                #"Validation error: created_by user id "ghost" doesn't exist (channel "messaging:c2"). please include all users as separate user entries"#
            ]
        )
        try assertErrors(
            base(#"{"type":"message","data":{"id":"m2","channel_type":"messaging","channel_id":"general","user":"ghost"}}"#),
            [#"Validation error: user user id "ghost" doesn't exist (message "m2"). please include all users as separate user entries"#]
        )
        try assertErrors(
            base(#"{"type":"message","data":{"id":"m2","channel_type":"messaging","channel_id":"nowhere","user":"bob"}}"#),
            [
                #"Validation error: channel "messaging:nowhere" doesn't exist (message "m2"). please include all channels as separate channel entries"#
            ]
        )
        try assertErrors(
            base(#"{"type":"member","data":{"channel_type":"team","channel_id":"general","user_id":"bob"}}"#),
            [
                #"Validation error: channel "team:general" doesn't exist (member "team:general/bob"). please include all channels as separate channel entries"#
            ]
        )
        try assertErrors(
            base(#"{"type":"reaction","data":{"message_id":"m9","type":"like","user_id":"bob","created_at":"2020-01-01T10:00:00Z"}}"#),
            [
                #"Validation error: message_id message "m9" doesn't exist (reaction "m9:like:bob"). please include all messages as separate message entries"#
            ]
        )
        try assertErrors(
            base(
                #"{"type":"message","data":{"id":"m2","channel_type":"messaging","channel_id":"general","user":"bob","mentioned_users_ids":["alice","zed"]}}"#
            ),
            [
                #"Validation error: mentioned_users_ids user id "zed" doesn't exist (message "m2"). please include all users as separate user entries"#
            ]
        )
        try assertErrors(
            base(#"{"type":"device","data":{"id":"d1","user_id":"zed","push_provider_type":"apn"}}"#),
            [#"Validation error: user_id user id "zed" doesn't exist (device "d1"). please include all users as separate user entries"#]
        )
        try assertErrors(
            [#"{"type":"user","data":{"id":"a","user_mutes":["b"],"channel_mutes":["messaging:nowhere"]}}"#],
            [
                #"Validation error: user_mutes user id "b" doesn't exist (user "a"). please include all users as separate user entries"#,
                #"Validation error: channel_mutes channel "messaging:nowhere" doesn't exist (user "a"). please include all channels as separate channel entries"#,
            ]
        )
        // A user may mute one listed after them.
        try assertValid([#"{"type":"user","data":{"id":"a","user_mutes":["b"]}}"#, #"{"type":"user","data":{"id":"b"}}"#])
    }

    func testReferencesMayPointIntoTheStore() throws {
        struct Existing: ExistingItems {
            func userTeams(_ id: String) -> [String]? { id == "stored-user" ? [] : nil }
            func channelTeam(cid: String) -> String? { cid == "messaging:stored" ? "" : nil }
            func message(_ id: String) -> (cid: String, isReply: Bool)? { id == "stored-msg" ? ("messaging:stored", false) : nil }
        }
        let lines = [
            #"{"type":"member","data":{"channel_type":"messaging","channel_id":"stored","user_id":"stored-user"}}"#,
            #"{"type":"message","data":{"id":"new","channel_type":"messaging","channel_id":"stored","user":"stored-user","parent_id":"stored-msg"}}"#,
            #"{"type":"reaction","data":{"message_id":"stored-msg","type":"like","user_id":"stored-user","created_at":"2020-01-01T10:00:00Z"}}"#,
        ]
        XCTAssertEqual(try errors(lines, existing: Existing()), [])
        XCTAssertEqual(try errors(lines).count, 7)
    }

    /// A store that looks ahead is asked once a batch about the messages its items refer to that
    /// the file has not had: not about the file's own, nor once per reference.
    func testAStoreThatLooksAheadIsAskedOnceABatchAboutTheMessagesTheFileLacks() throws {
        final class Existing: ExistingItems {
            var askedAhead: [[String]] = []
            func userTeams(_ id: String) -> [String]? { ["stored-user", "alice", "bob"].contains(id) ? [] : nil }
            func channelTeam(cid: String) -> String? { nil }
            func message(_ id: String) -> (cid: String, isReply: Bool)? { id.hasPrefix("stored") ? ("messaging:general", false) : nil }
            var looksAhead: Bool { true }
            func lookAhead(messages ids: [String]) { askedAhead.append(ids.sorted()) }
        }
        let reaction = { (message: String, user: String) in
            #"{"type":"reaction","data":{"message_id":"\#(message)","type":"like","user_id":"\#(user)","created_at":"2020-01-01T10:00:00Z"}}"#
        }
        let reply =
            #"{"type":"message","data":{"id":"r","channel_type":"messaging","channel_id":"general","user":"bob","parent_id":"stored-2","quoted_message_id":"m1"}}"#
        let existing = Existing()
        XCTAssertEqual(
            try errors(
                base(reply, reaction("stored-1", "bob"), reaction("stored-1", "alice"), reaction("m1", "bob"), reaction("r", "bob")),
                existing: existing
            ),
            []
        )
        XCTAssertEqual(existing.askedAhead, [["stored-1", "stored-2"]])
    }

    func testTheStoresChannelTypesAndLimitsApply() throws {
        struct Existing: ExistingItems {
            func userTeams(_ id: String) -> [String]? { nil }
            func channelTeam(cid: String) -> String? { nil }
            func message(_ id: String) -> (cid: String, isReply: Bool)? { nil }
            func channelTypes() -> ImportChannelTypes {
                ImportChannelTypes(custom: ["support"], maxMessageLength: ["support": 10, "team": 8000])
            }
        }
        let channel = { (type: String) in #"{"type":"channel","data":{"id":"c","type":"\#(type)","created_by":"alice"}}"# }
        let message = { (type: String, length: Int) in
            #"{"type":"message","data":{"id":"m","channel_type":"\#(type)","channel_id":"c","user":"alice","text":"\#(String(repeating: "x", count: length))"}}"#
        }
        XCTAssertEqual(try errors(base(channel("support"), message("support", 10)), existing: Existing()), [])
        XCTAssertEqual(
            try errors(base(channel("support"), message("support", 11)), existing: Existing()),
            ["Validation error: max message text length exceeded (10): 11 characters"]
        )
        XCTAssertEqual(
            try errors(base(channel("team"), message("team", 6000)), existing: Existing()),
            [],
            "a built-in type's limit as the store changed it"
        )
        XCTAssertEqual(
            try errors(base(channel("team"), message("team", 6000))),
            ["Validation error: max message text length exceeded (5000): 6000 characters"]
        )
        XCTAssertEqual(
            try errors(base(channel("support"), message("support", 1))).first?.hasPrefix(
                #"Validation error: channel type "support" doesn't exist"#
            ),
            true,
            "a file checked on its own knows only the built-in types"
        )
    }

    func testChannelIDXorMemberIDs() throws {
        try assertErrors(
            base(#"{"type":"channel","data":{"id":"dm","member_ids":["alice","bob"],"type":"messaging","created_by":"alice"}}"#),
            ["Validation error: either channel.id or channel.member_ids should be provided, but not both"]
        )
        try assertErrors(
            base(#"{"type":"channel","data":{"type":"messaging","created_by":"alice"}}"#),
            ["Validation error: channel.id or channel.member_ids required, but not both"]
        )
        try assertErrors(
            base(
                #"{"type":"member","data":{"channel_type":"messaging","channel_id":"general","channel_member_ids":["alice"],"user_id":"bob"}}"#
            ),
            ["Validation error: either member.channel_id or member.channel_member_ids should be provided, but not both"]
        )
        try assertErrors(
            base(#"{"type":"message","data":{"id":"m2","channel_type":"messaging","user":"bob"}}"#),
            ["Validation error: message.channel_id or message.channel_member_ids required, but not both"]
        )
    }

    func testDistinctChannelsUseTheDerivedID() throws {
        let lines = [
            #"{"type":"user","data":{"id":"u1"}}"#, #"{"type":"user","data":{"id":"u2"}}"#,
            #"{"type":"channel","data":{"member_ids":["u2","u1"],"type":"messaging","created_by":"u1"}}"#,
            #"{"type":"member","data":{"channel_type":"messaging","channel_member_ids":["u1","u2"],"user_id":"u1"}}"#,
            #"{"type":"member","data":{"channel_type":"messaging","channel_member_ids":["u2","u1"],"user_id":"u2"}}"#,
            #"{"type":"message","data":{"id":"dm1","channel_type":"messaging","channel_member_ids":["u1","u2"],"user":"u2","text":"hey"}}"#,
        ]
        let sink = RecordingSink()
        let result = try ImportAnalyzer(sink: sink).run(path: directory.write("dm.jsonl", lines: lines))
        XCTAssertEqual(result.errors.map(\.error), [])
        guard case .channel(let channel) = sink.items[2], case .message(let message) = sink.items[5] else { return XCTFail("items") }
        XCTAssertEqual(channel.id, "!members-uV0W53lINRALKuRJWgwtHDwrKdiwny4F95PBIp7ltTA")
        XCTAssertEqual(message.cid, "messaging:!members-uV0W53lINRALKuRJWgwtHDwrKdiwny4F95PBIp7ltTA")
        // Every user of a distinct channel must come back as a member item.
        try assertErrors(
            Array(lines.prefix(4)),
            [
                #"Validation error: member_ids user "u2" of distinct channel "messaging:!members-uV0W53lINRALKuRJWgwtHDwrKdiwny4F95PBIp7ltTA" has no member item. please include all members of distinct channels as separate member entries"#
            ]
        )
        // Members of another pair point at another channel.
        try assertErrors(
            Array(lines.prefix(5)) + [
                #"{"type":"message","data":{"id":"dm2","channel_type":"messaging","channel_member_ids":["u1","u3"],"user":"u1"}}"#
            ],
            [
                #"Validation error: channel "messaging:!members-NuHHv81G2fP9gHjdnX59KPWNdMz0DxI15G5o-MnoSVY" doesn't exist (message "dm2"). please include all channels as separate channel entries"#
            ]
        )
    }

    func testThreadsNeedAParentAndOneLevel() throws {
        try assertErrors(
            base(#"{"type":"message","data":{"id":"m2","channel_type":"messaging","channel_id":"general","user":"bob","type":"reply"}}"#),
            ["Validation error: a message of type reply requires parent_id"]
        )
        try assertErrors(
            base(
                #"{"type":"message","data":{"id":"m2","channel_type":"messaging","channel_id":"general","user":"bob","show_in_channel":true}}"#
            ),
            ["Validation error: show_in_channel requires parent_id"]
        )
        let reply =
            #"{"type":"message","data":{"id":"r1","channel_type":"messaging","channel_id":"general","user":"bob","type":"reply","parent_id":"m1"}}"#
        try assertValid(base(reply))
        try assertErrors(
            base(
                reply,
                #"{"type":"message","data":{"id":"r2","channel_type":"messaging","channel_id":"general","user":"bob","parent_id":"r1"}}"#
            ),
            [#"Validation error: parent_id message "r1" is itself a reply: only one level of threads is allowed (message "r2")"#]
        )
        // A parent later in the file is fine; a missing one is not; nor one in another channel.
        try assertValid(Array(SampleImports.base.dropLast()) + [reply, SampleImports.base.last!])
        try assertErrors(
            base(
                #"{"type":"message","data":{"id":"r3","channel_type":"messaging","channel_id":"general","user":"bob","parent_id":"gone"}}"#
            ),
            [
                #"Validation error: parent_id message "gone" doesn't exist (message "r3"). please include all messages as separate message entries"#
            ]
        )
        try assertErrors(
            base(
                #"{"type":"channel","data":{"id":"other","type":"messaging","created_by":"bob"}}"#,
                #"{"type":"member","data":{"channel_type":"messaging","channel_id":"other","user_id":"bob"}}"#,
                #"{"type":"message","data":{"id":"x1","channel_type":"messaging","channel_id":"other","user":"bob","quoted_message_id":"m1"}}"#
            ),
            [
                #"Validation error: quoted_message_id message "m1" is in channel "messaging:general", not in "messaging:other" (message "x1")"#
            ]
        )
    }

    func testDeletedNeedsDeletedAtAndBack() throws {
        try assertErrors(
            base(#"{"type":"message","data":{"id":"m2","channel_type":"messaging","channel_id":"general","user":"bob","type":"deleted"}}"#),
            ["Validation error: a message of type deleted requires deleted_at"]
        )
        try assertErrors(
            base(
                #"{"type":"message","data":{"id":"m2","channel_type":"messaging","channel_id":"general","user":"bob","deleted_at":"2020-01-01T00:00:00Z"}}"#
            ),
            ["Validation error: deleted_at is only allowed on a message of type deleted"]
        )
        try assertValid(
            base(
                #"{"type":"message","data":{"id":"m2","channel_type":"messaging","channel_id":"general","user":"bob","type":"deleted","deleted_at":"2020-01-01T00:00:00Z"}}"#
            )
        )
    }

    func testPinFieldsGoTogether() throws {
        let msg = { (pin: String) in
            #"{"type":"message","data":{"id":"m2","channel_type":"messaging","channel_id":"general","user":"bob"\#(pin)}}"#
        }
        try assertErrors(
            base(msg(#","pinned_at":"2020-01-01T00:00:00Z""#)),
            ["Validation error: pinned_at and pinned_by_id must be provided together"]
        )
        try assertErrors(base(msg(#","pinned_by_id":"alice""#)), ["Validation error: pinned_at and pinned_by_id must be provided together"])
        try assertErrors(
            base(msg(#","pin_expires":"2020-01-01T00:00:00Z""#)),
            ["Validation error: pin_expires requires pinned_at and pinned_by_id"]
        )
        try assertValid(base(msg(#","pinned_at":"2020-01-01T00:00:00Z","pinned_by_id":"alice","pin_expires":"2021-01-01T00:00:00Z""#)))
        try assertErrors(
            base(msg(#","pinned_at":"2020-01-01T00:00:00Z","pinned_by_id":"ghost""#)),
            [
                #"Validation error: pinned_by_id user id "ghost" doesn't exist (message "m2"). please include all users as separate user entries"#
            ]
        )
    }

    func testAttachmentsAtMostThirtyWithHTTPSURLs() throws {
        let image = #"{"type":"image","image_url":"https://cdn.example.com/a.png"}"#
        let msg = { (attachments: String) in
            #"{"type":"message","data":{"id":"m2","channel_type":"messaging","channel_id":"general","user":"bob","attachments":[\#(attachments)]}}"#
        }
        try assertValid(base(msg(Array(repeating: image, count: 30).joined(separator: ","))))
        try assertErrors(
            base(msg(Array(repeating: image, count: 31).joined(separator: ","))),
            ["Validation error: a message can have at most 30 attachments, this one has 31"]
        )
        try assertErrors(
            base(msg(#"{"type":"image","image_url":"http://cdn.example.com/a.png"}"#)),
            [
                "Validation error: attachments[0]: 'http://cdn.example.com/a.png' is not a valid attachment.image_url (attachment URLs must be https:// URLs)"
            ]
        )
        try assertErrors(
            base(msg(#"{"type":"video","asset_url":"https://"},{"thumb_url":"https:// spaced"}"#)),
            [
                "Validation error: attachments[0]: 'https://' is not a valid attachment.asset_url (attachment URLs must be https:// URLs)",
                "Validation error: attachments[1]: 'https:// spaced' is not a valid attachment.thumb_url (attachment URLs must be https:// URLs)",
            ]
        )
    }

    func testMembersMustShareTheChannelsTeam() throws {
        let lines = [
            #"{"type":"user","data":{"id":"red1","teams":["red"]}}"#,
            #"{"type":"user","data":{"id":"blue1","teams":["blue"],"teams_role":{"blue":"admin"}}}"#,
            #"{"type":"channel","data":{"id":"c","type":"team","team":"red","created_by":"red1"}}"#,
            #"{"type":"member","data":{"channel_type":"team","channel_id":"c","user_id":"red1"}}"#,
        ]
        try assertValid(lines)
        try assertErrors(
            lines + [#"{"type":"member","data":{"channel_type":"team","channel_id":"c","user_id":"blue1"}}"#],
            [#"Validation error: user id "blue1" with teams [blue] cannot be a member of channel "team:c" with team "red""#]
        )
        try assertErrors(
            [#"{"type":"user","data":{"id":"x","teams":["a"],"teams_role":{"b":"admin"}}}"#],
            [#"Validation error: teams_role names team "b", which is not in the user's teams"#]
        )
    }

    func testParseErrorsAndUnknownTypes() throws {
        try assertErrors([#"{"type":"foobar","data":{"id":"x"}}"#], [#"Parse error: invalid item type "foobar""#])
        try assertErrors(
            [#"{"type":"user","data":{"id":"x",}}"#],
            ["Parse error: invalid character '}' looking for beginning of object key string"]
        )
        try assertErrors(
            [#""just text""#],
            [#"Parse error: json: cannot unmarshal string into an import item (expected {"type":…,"data":{…}})"#]
        )
        try assertErrors([#"{"data":{"id":"x"}}"#], [#"Validation error: "type" required"#])
    }

    func testErrorsCarryTypeItemAndLine() throws {
        let result = try analyze(["", #"{"type":"user","data":{"id":"ok"}}"#, #"{"type":"user","data":{"id":"bad id"}}"#])
        XCTAssertEqual(result.errors.count, 1)
        XCTAssertEqual(result.errors[0].line, 3)
        XCTAssertEqual(result.errors[0].itemType, "user")
        XCTAssertEqual(result.errors[0].item, ["id": "bad id"])
        XCTAssertEqual(result.errors[0].json.objectValue?.keys, ["error", "item_type", "item"])
    }

    func testErrorListIsCappedButEveryErrorCounted() throws {
        let lines = (0..<40).map { #"{"type":"user","data":{"id":"bad \#($0)"}}"# }
        let result = try analyze(lines, maxErrors: 25)
        XCTAssertEqual(result.errors.count, 25)
        XCTAssertEqual(result.errorCount, 40)
        XCTAssertEqual(result.total[.user], 40)
        XCTAssertFalse(result.isValid)
    }
}
