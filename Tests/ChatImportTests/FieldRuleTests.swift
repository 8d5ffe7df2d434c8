import ChatImport
import ChatModel
import ChatTestSupport
import XCTest

/// Rules on single items: required fields, id shapes, enums, timestamps, reserved and custom data.
final class FieldRuleTests: ValidationTestCase {
    func testStreamDocsExampleIsValidWithItsCounts() throws {
        let result = try analyze(SampleImports.streamDocsExample)
        XCTAssertEqual(result.errors, [])
        // The example predates bans and polls.
        for type in ItemType.allCases {
            XCTAssertEqual(result.total[type], [.futureChannelBan, .poll, .pollVote].contains(type) ? 0 : 1, type.name)
        }
    }

    func testRequiredFields() throws {
        try assertErrors([#"{"type":"user","data":{"name":"x"}}"#], [#"Validation error: "id" required"#])
        try assertErrors([#"{"type":"user","data":{"id":""}}"#], [#"Validation error: "id" required"#])
        try assertErrors(base(#"{"type":"channel","data":{"id":"c2","created_by":"alice"}}"#), [#"Validation error: "type" required"#])
        try assertErrors(base(#"{"type":"channel","data":{"id":"c2","type":"messaging"}}"#), [#"Validation error: "created_by" required"#])
        try assertErrors(
            base(#"{"type":"message","data":{"id":"m2","channel_type":"messaging","channel_id":"general"}}"#),
            [#"Validation error: "user" required"#]
        )
        try assertErrors(
            base(#"{"type":"message","data":{"channel_type":"messaging","channel_id":"general","user":"bob"}}"#),
            [#"Validation error: "id" required"#]
        )
        try assertErrors(
            base(#"{"type":"member","data":{"channel_id":"general","user_id":"bob"}}"#),
            [#"Validation error: "channel_type" required"#]
        )
        try assertErrors(
            base(#"{"type":"reaction","data":{"message_id":"m1","type":"like","user_id":"bob"}}"#),
            [#"Validation error: "created_at" required"#]
        )
        try assertErrors(
            base(#"{"type":"device","data":{"id":"d1","user_id":"bob"}}"#),
            [#"Validation error: "push_provider_type" required"#]
        )
        try assertErrors(
            base(#"{"type":"future_channel_ban","data":{"created_by":"alice"}}"#),
            [#"Validation error: "target_id" required"#]
        )
        try assertErrors([#"{"type":"user"}"#], [#"Validation error: "data" required"#])
    }

    func testANulInAStandardTextFieldIsRefusedButCustomFieldsKeepIt() throws {
        try assertErrors(
            base(
                #"{"type":"message","data":{"id":"m2","channel_type":"messaging","channel_id":"general","user":"bob","text":"a\u0000b"}}"#
            ),
            [#"Validation error: "text" contains a NUL character (U+0000), which would cut it short"#]
        )
        try assertValid(
            base(#"{"type":"message","data":{"id":"m2","channel_type":"messaging","channel_id":"general","user":"bob","note":"a\u0000b"}}"#)
        )
    }

    func testUserIDShapeAndLength() throws {
        try assertErrors(
            [#"{"type":"user","data":{"id":"bad id!"}}"#],
            ["Validation error: 'bad id!' is not a valid user.id (allowed: letters, digits, @, _ and -)"]
        )
        try assertErrors(
            [#"{"type":"user","data":{"id":"émile"}}"#],
            ["Validation error: 'émile' is not a valid user.id (allowed: letters, digits, @, _ and -)"]
        )
        try assertValid([#"{"type":"user","data":{"id":"@handle_with-dash"}}"#])
        try assertValid([#"{"type":"user","data":{"id":"\#(String(repeating: "u", count: 255))"}}"#])
        try assertErrors(
            [#"{"type":"user","data":{"id":"\#(String(repeating: "u", count: 256))"}}"#],
            ["Validation error: max userID length exceeded (255)"]
        )
    }

    func testChannelIDAndTypeShapeAndLength() throws {
        let long = String(repeating: "waytoolong", count: 7)
        try assertErrors(
            base(#"{"type":"channel","data":{"id":"\#(long)","type":"messaging","created_by":"alice"}}"#),
            ["Validation error: max channelID length exceeded (64)"]
        )
        try assertValid(
            base(#"{"type":"channel","data":{"id":"\#(String(repeating: "c", count: 64))","type":"messaging","created_by":"alice"}}"#)
        )
        try assertErrors(
            base(#"{"type":"channel","data":{"id":"a:b","type":"messaging","created_by":"alice"}}"#),
            ["Validation error: 'a:b' is not a valid channel.id (allowed: letters, digits, _ and -)"]
        )
        try assertErrors(
            base(#"{"type":"channel","data":{"id":"c2","type":"\#(String(repeating: "t", count: 65))","created_by":"alice"}}"#),
            ["Validation error: max channelType length exceeded (64)"]
        )
        try assertErrors(
            base(#"{"type":"channel","data":{"id":"c2","type":"voice","created_by":"alice"}}"#),
            [#"Validation error: channel type "voice" doesn't exist (built-in types: messaging, team, livestream, gaming, commerce)"#]
        )
    }

    func testMessageIDAndReactionTypeLength() throws {
        let longID = String(repeating: "m", count: 256)
        try assertErrors(
            base(#"{"type":"message","data":{"id":"\#(longID)","channel_type":"messaging","channel_id":"general","user":"bob"}}"#),
            ["Validation error: max messageID length exceeded (255)"]
        )
        try assertErrors(
            base(
                #"{"type":"reaction","data":{"message_id":"m1","type":"\#(String(repeating: "r", count: 31))","user_id":"bob","created_at":"2020-01-01T10:00:00Z"}}"#
            ),
            ["Validation error: max reactionType length exceeded (30)"]
        )
        try assertValid(
            base(
                #"{"type":"reaction","data":{"message_id":"m1","type":"+1:thumbs.up_x-y","user_id":"bob","created_at":"2020-01-01T10:00:00Z"}}"#
            )
        )
    }

    func testEnumsAndRoles() throws {
        try assertErrors(
            base(#"{"type":"device","data":{"id":"d1","user_id":"bob","push_provider_type":"blackberry"}}"#),
            ["Validation error: 'blackberry' is not a valid device.push_provider_type (one of: firebase, apn, huawei, xiaomi)"]
        )
        try assertErrors(
            [#"{"type":"user","data":{"id":"x","role":"channel_member"}}"#],
            ["Validation error: 'channel_member' is not a valid user.role (one of: admin, anonymous, guest, moderator, user)"]
        )
        try assertErrors(
            base(#"{"type":"member","data":{"channel_type":"messaging","channel_id":"general","user_id":"alice","channel_role":"admin"}}"#)
                .filter { !$0.contains(#""user_id":"alice"}"#) },
            ["Validation error: 'admin' is not a valid member.channel_role (one of: channel_member, channel_moderator)"]
        )
        try assertErrors(
            base(
                #"{"type":"message","data":{"id":"m2","channel_type":"messaging","channel_id":"general","user":"bob","type":"ephemeral"}}"#
            ),
            ["Validation error: 'ephemeral' is not a valid message.type (regular, reply, deleted or system)"]
        )
    }

    func testDevicesAndBansTakeNoCustomFields() throws {
        try assertErrors(
            base(#"{"type":"device","data":{"id":"d1","user_id":"bob","push_provider_type":"apn","color":"red"}}"#),
            [
                #"Validation error: "color" is not a valid device field (allowed: id, user_id, push_provider_type, push_provider_name, created_at)"#
            ]
        )
    }

    func testWrongJSONTypes() throws {
        try assertErrors(
            base(#"{"type":"channel","data":{"id":"c2","type":"messaging","created_by":"alice","frozen":"yes"}}"#),
            ["Parse error: json: cannot unmarshal string into field channel.frozen of type bool"]
        )
        try assertErrors(
            [#"{"type":"user","data":{"id":42}}"#],
            ["Parse error: json: cannot unmarshal number into field user.id of type string"]
        )
        try assertErrors([#"{"type":"user","data":["x"]}"#], ["Parse error: json: cannot unmarshal array into field data of type object"])
    }

    func testTimestampsMustBeRFC3339Everywhere() throws {
        let hint = "(expected an RFC 3339 time such as 1985-04-12T23:20:50.52Z)"
        try assertErrors(
            [#"{"type":"user","data":{"id":"x","created_at":"yesterday"}}"#],
            ["Validation error: 'yesterday' is not a valid created_at \(hint)"]
        )
        try assertErrors(
            base(
                #"{"type":"member","data":{"channel_type":"messaging","channel_id":"general","user_id":"alice","last_read":"2020-01-01 10:00"}}"#
            ).filter { !$0.contains(#""user_id":"alice"}"#) },
            ["Validation error: '2020-01-01 10:00' is not a valid last_read \(hint)"]
        )
        try assertErrors(
            base(
                #"{"type":"message","data":{"id":"m2","channel_type":"messaging","channel_id":"general","user":"bob","created_at":"2020-02-30T00:00:00Z"}}"#
            ),
            ["Validation error: '2020-02-30T00:00:00Z' is not a valid created_at \(hint)"]
        )
        try assertErrors(
            base(#"{"type":"channel","data":{"id":"c2","type":"messaging","created_by":"alice","truncated_at":"1577836800"}}"#),
            ["Validation error: '1577836800' is not a valid truncated_at \(hint)"]
        )
    }

    func testReservedFields() throws {
        try assertErrors(
            base(#"{"type":"channel","data":{"id":"c2","type":"messaging","created_by":"alice","cid":"messaging:c2"}}"#),
            [#"Validation error: "cid" is a reserved field"#]
        )
        try assertErrors([#"{"type":"user","data":{"id":"x","online":true}}"#], [#"Validation error: "online" is a reserved field"#])
        try assertErrors(
            base(#"{"type":"message","data":{"id":"m2","channel_type":"messaging","channel_id":"general","user":"bob","reply_count":3}}"#),
            [#"Validation error: "reply_count" is a reserved field"#]
        )
        try assertErrors(
            base(
                #"{"type":"reaction","data":{"message_id":"m1","type":"like","user_id":"bob","created_at":"2020-01-01T10:00:00Z","user":{"id":"bob"}}}"#
            ),
            [#"Validation error: "user" is a reserved field"#]
        )
        try assertErrors(
            base(
                #"{"type":"message","data":{"id":"m2","channel_type":"messaging","channel_id":"general","user":"bob","attachments":[{"type":"image","actions":[]}]}}"#
            ),
            [#"Validation error: attachments[0]: "actions" is a reserved field"#]
        )
    }

    func testCustomDataLimitIsFiveKiB() throws {
        let fits = String(repeating: "x", count: 5 * 1024 - #"{"bio":""}"#.utf8.count)
        try assertValid([#"{"type":"user","data":{"id":"x","bio":"\#(fits)"}}"#])
        try assertErrors(
            [#"{"type":"user","data":{"id":"x","bio":"\#(fits)y"}}"#],
            ["Validation error: custom data of user is 5121 bytes, over the 5KiB limit"]
        )
    }

    func testCustomFieldsAreKeptFlatAndWhole() throws {
        let lines = [#"{"type":"user","data":{"id":"x","name":"X","nested":{"a":[1,2.50]},"big":12345678901234567890}}"#]
        let sink = RecordingSink()
        _ = try ImportAnalyzer(sink: sink).run(path: directory.write("c.jsonl", lines: lines))
        guard case .user(let user) = sink.items.first else { return XCTFail("no user written") }
        XCTAssertEqual(user.custom, ["name": "X", "nested": ["a": [1, .number("2.50")]], "big": .number("12345678901234567890")])
    }

    func testMessageTextLengthFollowsTheChannelType() throws {
        let emoji = String(repeating: "🚀", count: 5000)  // 5,000 runes, 20,000 bytes: fits
        try assertValid(
            base(
                #"{"type":"message","data":{"id":"m2","channel_type":"messaging","channel_id":"general","user":"bob","text":"\#(emoji)"}}"#
            )
        )
        try assertErrors(
            base(
                #"{"type":"message","data":{"id":"m2","channel_type":"messaging","channel_id":"general","user":"bob","text":"\#(emoji)!"}}"#
            ),
            ["Validation error: max message text length exceeded (5000): 5001 characters"]
        )
    }

    func testInviteTimesNeedInvited() throws {
        let member = { (extra: String) in
            #"{"type":"member","data":{"channel_type":"messaging","channel_id":"general","user_id":"carol"\#(extra)}}"#
        }
        let carol = #"{"type":"user","data":{"id":"carol"}}"#
        try assertErrors(
            base(carol, member(#","invite_accepted_at":"2020-01-01T00:00:00Z""#)),
            ["Validation error: invite_accepted_at is only allowed when invited is true"]
        )
        try assertErrors(
            base(carol, member(#","invited":false,"invite_rejected_at":"2020-01-01T00:00:00Z""#)),
            ["Validation error: invite_rejected_at is only allowed when invited is true"]
        )
        try assertValid(base(carol, member(#","invited":true,"invited_accepted_at":"2020-01-01T00:00:00Z""#)))
    }
}

/// A sink that keeps what it is given.
final class RecordingSink: ImportSink {
    var items: [ImportItem] = []
    func write(_ item: ImportItem) throws -> ImportWriteOutcome {
        items.append(item)
        return .written
    }
}
