import ChatImport
import ChatModel
import ChatTestSupport
import Foundation
import XCTest

/// The forms an export comes in, Pusher's own sample, and input the converter refuses.
final class ChatkitExportReadingTests: ChatkitTestCase {
    func testPusherSampleExportConverts() throws {
        let out = try convert(ChatkitSamples.writeExport(ChatkitSamples.pusherSample, in: directory))
        XCTAssertEqual(out.report.countsIn.users, 2)
        XCTAssertEqual(out.report.countsIn.rooms, 2)
        XCTAssertEqual(out.report.countsIn.messages, 3)
        // Message 43 is in two rooms; one of them (bob_x_carol) and carol are not exported.
        XCTAssertEqual(out.message("general-43")?["text"], "Hello Everyone!")
        XCTAssertEqual(out.message("bob_x_carol-43")?["text"], "Hello Carol!")
        XCTAssertEqual(out.report.placeholderUsers.map(\.chatkitId), ["carol"])
        XCTAssertEqual(out.report.placeholderRooms.map(\.chatkitId), ["bob_x_carol"])
        XCTAssertEqual(out.channel("bob_x_carol")?["chatkit_placeholder"], true)
        XCTAssertNotNil(out.member("bob_x_carol", "bob"))
        let hello = try XCTUnwrap(out.message("alice_x_bob-42"))
        XCTAssertEqual(hello["text"], "Hello Bob!")
        XCTAssertEqual(hello["attachments"]?.arrayValue?.count, 2)
        XCTAssertEqual(out.report.expiringLinks.map(\.url), ["https://example.com/hello.mp4"])
        XCTAssertEqual(out.channel("alice_x_bob")?["type"], "messaging")
        XCTAssertEqual(out.channel("general")?["type"], "team")
        XCTAssertEqual(
            out.report.accounting.map { "\($0.kind) \($0.source) \($0.converted)" },
            ["users 2 2", "rooms 2 2", "messages 3 3", "cursors 0 0"]
        )
    }

    func testJSONLinesArraysAndEveryExtensionRead() throws {
        let path = ChatkitSamples.writeExport(
            [
                "users.jsonl": #"{"id":"alice"}"# + "\n\n" + #"{"id":"bob"}"# + "\r\n",
                "rooms.json": #"[{"id":"general","created_by_id":"alice","private":false,"member_ids":["alice","bob"]}]"#,
                "messages.ndjson": "[\n" + textMessage(1) + ",\n" + textMessage(2) + "\n]\n",
            ],
            in: directory
        )
        let out = try convert(path)
        XCTAssertEqual(out.all("user").count, 2)
        XCTAssertEqual(out.all("message").count, 2)
    }

    func testABundleFileWithEveryKey() throws {
        let bundle = directory.write(
            "bundle.json",
            text: """
                {"users":[{"id":"alice"},{"id":"bob"}],
                 "rooms":[{"id":"general","created_by_id":"alice","private":true}],
                 "memberships":[{"room_id":"general","user_ids":["alice","bob"]}],
                 "messages":[\(textMessage(1))],
                 "cursors":[{"room_id":"general","user_id":"bob","cursor_type":0,"position":1}],
                 "roles":[{"name":"admin","scope":"global","permissions":[]}],
                 "user_roles":[{"user_id":"alice","role_name":"admin","scope":"global"}]}
                """
        )
        let out = try convert(bundle)
        XCTAssertEqual(out.user("alice")?["role"], "admin")
        XCTAssertEqual(out.member("general", "bob")?["last_read"], "2020-03-25T12:00:00Z")
        let counts = out.report.countsIn
        XCTAssertEqual(
            [counts.users, counts.rooms, counts.messages, counts.cursors, counts.memberships, counts.roles, counts.userRoles],
            [2, 1, 1, 1, 1, 1, 1]
        )
    }

    func testTheReportIsSnakeCaseJSONThatReadsBack() throws {
        let out = try convert(ChatkitSamples.writeExport(ChatkitSamples.pusherSample, in: directory))
        let data = try out.report.jsonData()
        let text = String(decoding: data, as: UTF8.self)
        for key in [
            "\"counts_in\"", "\"placeholder_users\"", "\"chatkit_id\"", "\"expiring_links_total\"", "\"not_converted\"",
            "\"referenced_by\"",
        ] {
            XCTAssertTrue(text.contains(key), key)
        }
        XCTAssertEqual(try ChatkitConversionReport(jsonData: data), out.report)
    }

    // MARK: Input it refuses, writing nothing

    private func assertRefused(_ export: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        let output = directory.file("refused.jsonl")
        try? "earlier content\n".write(toFile: output, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(
            try ChatkitConverter.convert(export: URL(fileURLWithPath: export), to: URL(fileURLWithPath: output)),
            file: file,
            line: line
        ) { error in
            XCTAssertTrue(error is ChatkitExportError, "\(error)", file: file, line: line)
            XCTAssertTrue("\(error)".contains(expected), "\(error)", file: file, line: line)
        }
        XCTAssertEqual(
            try? String(contentsOfFile: output, encoding: .utf8),
            "earlier content\n",
            "the output is left as it was",
            file: file,
            line: line
        )
        let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains("partial") }) ?? []
        XCTAssertEqual(leftovers, [], "no partial file is left behind", file: file, line: line)
    }

    func testAMissingUsersFileIsAnError() throws {
        let path = export()
        try FileManager.default.removeItem(atPath: path + "/users.ndjson")
        assertRefused(path, "missing users file")
    }

    func testAMissingExportIsAnError() {
        assertRefused(directory.file("nope"), "no such file or directory")
    }

    func testAMalformedRecordIsAnErrorWithItsLine() {
        assertRefused(
            export(messages: [textMessage(1), #"{"id":2,"sender_id":"alice",,}"#]),
            "messages.ndjson:2: malformed JSON: invalid character ','"
        )
    }

    func testAMessageWithoutAnIntegerIDIsAnError() {
        assertRefused(
            export(messages: [#"{"id":"x1","sender_id":"alice","room_id":"general","created_at":"2020-01-01T00:00:00Z"}"#]),
            "integer \"id\""
        )
    }

    func testABadTimestampIsAnError() {
        assertRefused(export(users: [#"{"id":"alice","created_at":"yesterday"}"#]), "\"created_at\" is not an RFC 3339 time: yesterday")
    }

    func testARoomWithoutPrivateIsAnError() {
        assertRefused(export(rooms: [#"{"id":"general","created_by_id":"alice"}"#]), "has no \"private\"")
    }

    func testARecordThatIsNotAnObjectIsAnError() {
        assertRefused(export(users: [#"{"id":"alice"}"#, "[1,2]"]), "users.ndjson:2: a record must be a JSON object, not array")
    }

    func testABundleWithoutMessagesIsAnError() {
        assertRefused(directory.write("b.json", text: #"{"users":[],"rooms":[]}"#), "the bundle has no \"messages\" array")
    }

    func testTwoFilesForOneKindIsAnError() {
        let path = export()
        directory.write("export\(1)/users.jsonl", text: "")
        assertRefused(path, "keep one")
    }
}
