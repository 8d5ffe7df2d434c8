import ChatImport
import ChatModel
import ChatTestSupport
import XCTest

/// Stream's March 2026 import schema: `mentioned_roles`, `mentioned_here`, `mentioned_channel`,
/// `restricted_visibility` on messages, custom fields on attachments, `reason` on
/// `future_channel_ban`. Good lines pass and keep every field; bad lines get Stream's wording
/// on their own line.
final class MessageFields2026Tests: ValidationTestCase {
    private func message(_ fields: String) -> String {
        #"{"type":"message","data":{"id":"m2","channel_type":"messaging","channel_id":"general","user":"bob","text":"@here look"\#(fields)}}"#
    }

    func testTheNewMessageFieldsAreReadAndKept() throws {
        let sink = RecordingSink()
        let lines = base(
            message(
                #","mentioned_roles":["admin","moderator"],"mentioned_here":true,"mentioned_channel":false,"restricted_visibility":["alice"]"#
            )
        )
        let result = try ImportAnalyzer(sink: sink).run(path: directory.write("items.jsonl", lines: lines))
        XCTAssertEqual(result.errors, [])
        let written = try XCTUnwrap(messages(sink).first { $0.id == "m2" })
        XCTAssertEqual(written.mentionedRoles, ["admin", "moderator"])
        XCTAssertEqual(written.mentionedHere, true)
        XCTAssertEqual(written.mentionedChannel, false)
        XCTAssertEqual(written.restrictedVisibility, ["alice"])
        XCTAssertEqual(written.custom, [:], "the new fields are standard, not custom data")
    }

    func testWrongTypesGetStreamsWordingAndTheirLine() throws {
        let lines = base(
            message(#","mentioned_here":"yes""#),
            #"{"type":"message","data":{"id":"m3","channel_type":"messaging","channel_id":"general","user":"bob","mentioned_channel":1}}"#,
            #"{"type":"message","data":{"id":"m4","channel_type":"messaging","channel_id":"general","user":"bob","mentioned_roles":["admin",7]}}"#,
            #"{"type":"message","data":{"id":"m5","channel_type":"messaging","channel_id":"general","user":"bob","restricted_visibility":"alice"}}"#,
            #"{"type":"message","data":{"id":"m6","channel_type":"messaging","channel_id":"general","user":"bob","restricted_visibility":["bad id!"]}}"#
        )
        let result = try analyze(lines)
        XCTAssertEqual(
            result.errors.map(\.error),
            [
                "Parse error: json: cannot unmarshal string into field message.mentioned_here of type bool",
                "Parse error: json: cannot unmarshal number into field message.mentioned_channel of type bool",
                "Parse error: json: cannot unmarshal number into field message.mentioned_roles of type []string",
                "Parse error: json: cannot unmarshal string into field message.restricted_visibility of type []string",
                "Validation error: 'bad id!' is not a valid message.restricted_visibility (allowed: letters, digits, @, _ and -)",
            ]
        )
        XCTAssertEqual(result.errors.map(\.line), [7, 8, 9, 10, 11])
        XCTAssertEqual(result.errors.map(\.itemType), Array(repeating: "message", count: 5))
    }

    /// `restricted_visibility` names users as `mentioned_users_ids` does, so the same rule holds:
    /// each must be a user of the file (or the store), or the message would be for nobody.
    func testRestrictedVisibilityMustNameUsersOfTheFile() throws {
        try assertValid(base(message(#","restricted_visibility":["alice","bob"]"#)))
        try assertErrors(
            base(message(#","restricted_visibility":["alice","zed"]"#)),
            [
                #"Validation error: restricted_visibility user id "zed" doesn't exist (message "m2"). please include all users as separate user entries"#
            ]
        )
    }

    func testAttachmentsTakeCustomFieldsButKeepTheirTypedOnes() throws {
        let sink = RecordingSink()
        let custom =
            #","attachments":[{"type":"image","image_url":"https://cdn.example.com/a.png","caption":"the view","exif":{"iso":200}}]"#
        let result = try ImportAnalyzer(sink: sink).run(path: directory.write("items.jsonl", lines: base(message(custom))))
        XCTAssertEqual(result.errors, [])
        let attachment = try XCTUnwrap(messages(sink).first { $0.id == "m2" }?.attachments.first)
        XCTAssertEqual(attachment.custom, ["caption": "the view", "exif": ["iso": 200]])
        XCTAssertEqual(attachment.imageURL, "https://cdn.example.com/a.png")

        try assertErrors(
            base(message(#","attachments":[{"type":3,"note":"x"},{"type":"file","actions":[]}]"#)),
            [
                "Parse error: attachments[0]: json: cannot unmarshal number into field attachment.type of type string",
                #"Validation error: attachments[1]: "actions" is a reserved field"#,
            ]
        )
        try assertErrors(
            base(message(#","attachments":[{"type":"image","image_url":"http://cdn.example.com/a.png","caption":"x"}]"#)),
            [
                "Validation error: attachments[0]: 'http://cdn.example.com/a.png' is not a valid attachment.image_url (attachment URLs must be https:// URLs)"
            ]
        )
        let big = String(repeating: "x", count: 5 * 1024)
        XCTAssertEqual(
            try errors(base(message(#","attachments":[{"type":"file","note":"\#(big)"}]"#))).first?.hasPrefix(
                "Validation error: attachments[0]: custom data of attachment is"
            ),
            true
        )
    }

    func testFutureChannelBanReasonIsATypedString() throws {
        let sink = RecordingSink()
        let ban = #"{"type":"future_channel_ban","data":{"target_id":"bob","created_by":"alice","reason":"spam links"}}"#
        let result = try ImportAnalyzer(sink: sink).run(path: directory.write("items.jsonl", lines: base(ban)))
        XCTAssertEqual(result.errors, [])
        XCTAssertEqual(bans(sink).map(\.reason), ["spam links"])
        try assertErrors(
            base(#"{"type":"future_channel_ban","data":{"target_id":"bob","created_by":"alice","reason":5}}"#),
            ["Parse error: json: cannot unmarshal number into field future_channel_ban.reason of type string"]
        )
    }

    private func messages(_ sink: RecordingSink) -> [Message] {
        sink.items.compactMap { if case .message(let m) = $0 { m } else { nil } }
    }

    private func bans(_ sink: RecordingSink) -> [FutureChannelBan] {
        sink.items.compactMap { if case .futureChannelBan(let b) = $0 { b } else { nil } }
    }
}
