import ChatModel
import ChatStore
import ChatTestSupport
import Foundation
import XCTest

/// `chatterm export`: a store back to an import file that validates and imports into the same rows.
final class ExportCommandTests: XCTestCase {
    let directory = TemporaryDirectory()

    @discardableResult
    func run(_ arguments: [String]) throws -> ChattermCommand.Outcome {
        try ChattermCommand(dataHome: directory.file("xdg")).run(arguments)
    }

    /// Every item type and the fields that are easy to lose: a distinct channel (named by its
    /// members), custom data nested and unicode, times with an offset and nanoseconds, an
    /// attachment's custom fields, a thread, a quote of a later message, a pin, a deletion.
    static let everyKind = [
        #"{"type":"user","data":{"id":"ana","name":"Ana Ñúñez","role":"admin","teams":["red"],"teams_role":{"red":"admin"},"user_mutes":["bo"],"channel_mutes":["messaging:general"],"privacy_settings":{"typing_indicators":{"enabled":false}},"profile":{"langs":["pt","en"],"score":1.5e3,"x":null},"created_at":"2020-01-01T10:00:00.123456789+02:00"}}"#,
        #"{"type":"user","data":{"id":"bo","teams":["red"],"invisible":true,"deactivated_at":"2021-05-05T05:05:05Z"}}"#,
        #"{"type":"device","data":{"id":"dev-1","user_id":"ana","push_provider_type":"apn","push_provider_name":"prod","created_at":"2020-02-02T02:02:02.5Z"}}"#,
        #"{"type":"future_channel_ban","data":{"target_id":"bo","created_by":"ana","reason":"spam","shadow":true,"created_at":"2020-03-03T03:03:03Z"}}"#,
        #"{"type":"channel","data":{"id":"general","type":"messaging","created_by":"ana","team":"red","frozen":true,"topic":{"text":"🚀 launch","pinned":[1,2]},"created_at":"2020-01-02T00:00:00Z"}}"#,
        #"{"type":"channel","data":{"member_ids":["ana","bo"],"type":"messaging","created_by":"bo"}}"#,
        #"{"type":"member","data":{"channel_type":"messaging","channel_id":"general","user_id":"ana","channel_role":"channel_moderator","last_read":"2020-04-04T04:04:04.000000001Z","nickname":"A"}}"#,
        #"{"type":"member","data":{"channel_type":"messaging","channel_id":"general","user_id":"bo","invited":true,"invite_accepted_at":"2020-01-03T00:00:00Z"}}"#,
        #"{"type":"member","data":{"channel_type":"messaging","channel_member_ids":["ana","bo"],"user_id":"ana"}}"#,
        #"{"type":"member","data":{"channel_type":"messaging","channel_member_ids":["ana","bo"],"user_id":"bo","hide_channel":true}}"#,
        #"{"type":"message","data":{"id":"m1","channel_type":"messaging","channel_id":"general","user":"ana","text":"hello @bo","html":"<p>hello</p>","mentioned_users_ids":["bo"],"mentioned_roles":["admin"],"mentioned_here":true,"quoted_message_id":"m3","attachments":[{"type":"image","image_url":"https://example.com/a.png","caption":{"lang":"en"}}],"created_at":"2020-05-05T05:05:05.999999999-03:00"}}"#,
        #"{"type":"message","data":{"id":"m2","channel_type":"messaging","channel_id":"general","user":"bo","text":"reply","parent_id":"m1","show_in_channel":true,"restricted_visibility":["ana"],"created_at":"2020-05-05T09:00:00Z"}}"#,
        #"{"type":"message","data":{"id":"m3","channel_type":"messaging","channel_id":"general","user":"ana","text":"@channel pinned","mentioned_channel":true,"pinned_at":"2020-05-06T00:00:00Z","pinned_by_id":"bo","pin_expires":"2030-01-01T00:00:00Z","created_at":"2020-05-05T10:00:00Z"}}"#,
        #"{"type":"message","data":{"id":"m4","channel_type":"messaging","channel_member_ids":["ana","bo"],"user":"bo","type":"deleted","text":"gone","deleted_at":"2020-06-06T00:00:00Z","created_at":"2020-06-01T00:00:00Z"}}"#,
        #"{"type":"message","data":{"id":"m5","channel_type":"messaging","channel_id":"general","user":"ana","type":"system","text":"ana froze the channel","created_at":"2020-06-02T00:00:00Z"}}"#,
        #"{"type":"message","data":{"id":"m6","channel_type":"messaging","channel_id":"general","user":"ana","text":"vote!","poll_id":"p1","created_at":"2020-06-03T00:00:00Z"}}"#,
        #"{"type":"reaction","data":{"message_id":"m1","type":"love","user_id":"bo","score":3,"created_at":"2020-05-05T11:00:00Z"}}"#,
        #"{"type":"poll","data":{"id":"p1","name":"Lunch?","description":"Friday","created_by_id":"ana","voting_visibility":"anonymous","enforce_unique_vote":true,"max_votes_allowed":1,"allow_answers":true,"allow_user_suggested_options":true,"is_closed":true,"options":[{"id":"o2","text":"Tacos","spice":{"level":3}},{"id":"o1","text":"Pho"}],"created_at":"2020-06-03T00:00:00.000000001Z","updated_at":"2020-06-04T00:00:00Z","tag":["food"]}}"#,
        #"{"type":"poll","data":{"id":"p2","name":"No message, no options"}}"#,
        #"{"type":"poll_vote","data":{"id":"v1","poll_id":"p1","option_id":"o2","user_id":"bo","created_at":"2020-06-03T01:00:00Z"}}"#,
        #"{"type":"poll_vote","data":{"id":"v2","poll_id":"p1","is_answer":true,"answer_text":"Pizza 🍕","user_id":"ana","created_at":"2020-06-03T02:00:00+01:00","updated_at":"2020-06-03T03:00:00Z"}}"#,
    ]

    /// Import A → export B → `validate B` is clean → import B into a new store: the same rows, table by table.
    /// `imported`: `source` is a store already, not a file.
    private func assertRoundTrip(_ source: String, name: String, imported: Bool = false) throws -> String {
        let a = imported ? source : directory.file("\(name)-a.sqlite")
        if !imported { try ChattermProcess.importFile(source, db: a) }
        let exported = directory.file("\(name)-b.jsonl")
        let export = try run(["export", "--db", a, "-o", exported])
        XCTAssertEqual(export.status, 0, export.stderr)
        XCTAssertTrue(export.stderr.contains("wrote \(exported):"), export.stderr)
        let validate = try run(["validate", exported])
        XCTAssertEqual(validate.status, 0, validate.stdout)
        let c = directory.file("\(name)-c.sqlite")
        try ChattermProcess.importFile(exported, db: c)
        try StoreTables.assertSame(a, c)
        return exported
    }

    func testEveryItemKindRoundTripsWithCustomFieldsWholeAndTimesExact() throws {
        let source = directory.write("every.jsonl", lines: Self.everyKind)
        let exported = try assertRoundTrip(source, name: "every")
        let lines = try String(contentsOfFile: exported, encoding: .utf8).split(separator: "\n").map {
            try JSONParser.parse(String($0)).objectValue ?? [:]
        }
        XCTAssertEqual(
            lines.map { $0["type"]?.stringValue ?? "" },
            Self.everyKind.map { try! JSONParser.parse($0).objectValue!["type"]!.stringValue! }
        )
        let data = lines.map { $0["data"]?.objectValue ?? [:] }
        let ana = data[0]
        // The same instant in UTC, every nanosecond kept; the custom object as it came.
        XCTAssertEqual(ana["created_at"]?.stringValue, "2020-01-01T08:00:00.123456789Z")
        XCTAssertEqual(ana["profile"], try JSONParser.parse(#"{"langs":["pt","en"],"score":1.5e3,"x":null}"#))
        XCTAssertEqual(ana["name"]?.stringValue, "Ana Ñúñez")
        // The distinct channel, its members and its message are named by member ids, as the rules require.
        let distinct = try XCTUnwrap(data.first { $0["member_ids"] != nil && $0["created_by"]?.stringValue == "bo" })
        XCTAssertEqual(distinct["member_ids"], .array([.string("ana"), .string("bo")]))
        XCTAssertNil(distinct["id"])
        XCTAssertNotNil(data.first { $0["id"]?.stringValue == "m4" }?["channel_member_ids"])
        let m1 = try XCTUnwrap(data.first { $0["id"]?.stringValue == "m1" })
        XCTAssertEqual(m1["created_at"]?.stringValue, "2020-05-05T08:05:05.999999999Z")
        XCTAssertEqual(m1["attachments"]?.arrayValue?.first?.objectValue?["caption"], .object(["lang": "en"]))
        // The March 2026 fields, each kept; a flag that is not set is not written.
        XCTAssertEqual(m1["mentioned_roles"], .array(["admin"]))
        XCTAssertEqual(m1["mentioned_here"], true)
        XCTAssertNil(m1["mentioned_channel"])
        XCTAssertEqual(data.first { $0["id"]?.stringValue == "m2" }?["restricted_visibility"], .array(["ana"]))
        XCTAssertEqual(data.first { $0["id"]?.stringValue == "m3" }?["mentioned_channel"], true)
        XCTAssertEqual(data.first { $0["target_id"]?.stringValue == "bo" }?["reason"], "spam")
        // A parent is written before its reply, whatever their times.
        let ids = data.compactMap { $0["parent_id"] == nil ? nil : $0["id"]?.stringValue }
        XCTAssertEqual(ids, ["m2"])
        XCTAssertLessThan(data.firstIndex { $0["id"]?.stringValue == "m1" }!, data.firstIndex { $0["id"]?.stringValue == "m2" }!)
        // A poll keeps its option order (not the ids'), its options' custom fields and its own.
        let p1 = try XCTUnwrap(data.first { $0["id"]?.stringValue == "p1" })
        XCTAssertEqual(p1["options"], try JSONParser.parse(#"[{"id":"o2","text":"Tacos","spice":{"level":3}},{"id":"o1","text":"Pho"}]"#))
        XCTAssertEqual(p1["tag"], .array(["food"]))
        XCTAssertEqual(p1["max_votes_allowed"]?.intValue, 1)
        XCTAssertEqual(p1["created_at"]?.stringValue, "2020-06-03T00:00:00.000000001Z")
        XCTAssertEqual(data.first { $0["id"]?.stringValue == "m6" }?["poll_id"], "p1")
        let answer = try XCTUnwrap(data.first { $0["id"]?.stringValue == "v2" })
        XCTAssertEqual(answer["answer_text"], "Pizza 🍕")
        XCTAssertEqual(answer["is_answer"], true)
        XCTAssertNil(answer["option_id"])
    }

    func testDemoDataAndAGeneratedFileRoundTrip() throws {
        _ = try assertRoundTrip(packageRoot + "/demo-data/demo.jsonl", name: "demo")
        let generated = directory.file("generated.jsonl")
        XCTAssertEqual(try run(["generate", "--users", "40", "--channels", "8", "--messages", "1500", "-o", generated]).status, 0)
        _ = try assertRoundTrip(generated, name: "generated")
    }

    func testStandardOutputAndJSONSummary() throws {
        let a = directory.file("small.sqlite")
        try ChattermProcess.importFile(directory.write("small.jsonl", lines: SampleImports.base), db: a)
        let toStdout = try run(["export", "--db", a, "-o", "-"])
        XCTAssertEqual(toStdout.status, 0, toStdout.stderr)
        XCTAssertEqual(toStdout.stdout.split(separator: "\n").count, SampleImports.base.count)
        let json = try run(["export", "--db", a, "-o", directory.file("small-out.jsonl"), "--format", "json"])
        XCTAssertEqual(json.json?.objectValue?["total"]?.objectValue?["members"]?.intValue, 2, json.stdout)
        XCTAssertEqual(try run(["export", "--db", a, "-o", "-", "--format", "json"]).status, 64)
    }

    /// What people did through the local server (a new message with an attachment's custom
    /// fields, a reaction, a new channel with members) is exported as valid import items.
    func testDataChangedThroughTheServerExportsAsAValidFile() throws {
        let a = directory.file("served.sqlite")
        try ChattermProcess.importFile(packageRoot + "/demo-data/demo.jsonl", db: a)
        let server = ServeProcess(db: a, directory: directory)
        let url = try server.start()
        let message =
            #"{"message":{"text":"hello @grace","mentioned_users":["grace"],"attachments":[{"type":"file","asset_url":"https://files.example/a.pdf","note":{"pages":3}}]}}"#
        let sent = try server.call("POST", "channels/team/engineering/message", message, as: "maya", url: url)
        XCTAssertEqual(sent.status, 201)
        let id = try XCTUnwrap(sent.json?.objectValue?["message"]?.objectValue?["id"]?.stringValue)
        XCTAssertEqual(
            try server.call("POST", "messages/\(id)/reaction", #"{"reaction":{"type":"like"}}"#, as: "grace", url: url).status,
            201
        )
        let created = try server.call(
            "POST",
            "channels/messaging/launch-room/query",
            #"{"data":{"members":["maya","grace"],"topic":"launch"}}"#,
            as: "maya",
            url: url
        )
        XCTAssertEqual(created.status, 201)
        server.stop()

        let exported = try assertRoundTrip(a, name: "served", imported: true)
        let text = try String(contentsOfFile: exported, encoding: .utf8)
        XCTAssertTrue(text.contains(#""id":"\#(id)""#))
        XCTAssertTrue(text.contains(#""note":{"pages":3}"#))
        XCTAssertTrue(text.contains(#""id":"launch-room""#) && text.contains(#""topic":"launch""#))
    }

    /// An edit survives the way to Stream and back: one the file states (`message_text_updated_at`,
    /// as the Slack and Mattermost converters write it) and one made through the server are
    /// both the store's edits (the report counts them) and both exported, so a store made from
    /// the export shows them edited too.
    func testEditsFromTheFileAndTheServerRoundTrip() throws {
        let a = directory.file("edits.sqlite")
        var lines = SampleImports.base
        lines.append(
            #"{"type":"message","data":{"id":"m2","channel_type":"messaging","channel_id":"general","user":"bob","text":"fixed typo","created_at":"2020-01-01T11:00:00Z","message_text_updated_at":"2020-01-01T11:05:00.5Z"}}"#
        )
        try ChattermProcess.importFile(directory.write("edits.jsonl", lines: lines), db: a)
        let server = ServeProcess(db: a, directory: directory)
        let url = try server.start()
        let edit = try server.call("POST", "messages/m1", #"{"message":{"text":"hi, edited"}}"#, as: "alice", url: url)
        XCTAssertEqual(edit.status, 200, "\(String(describing: edit.json))")
        server.stop()
        XCTAssertEqual(try editedCount(a), 2)

        let exported = try assertRoundTrip(a, name: "edits", imported: true)
        let messages = try String(contentsOfFile: exported, encoding: .utf8).split(separator: "\n").compactMap {
            try JSONParser.parse(String($0)).objectValue?["data"]?.objectValue
        }.filter { $0["text"] != nil }
        let m2 = try XCTUnwrap(messages.first { $0["id"] == "m2" })
        XCTAssertEqual(m2["message_text_updated_at"], "2020-01-01T11:05:00.5Z")
        XCTAssertNotNil(messages.first { $0["id"] == "m1" }?["message_text_updated_at"]?.stringValue, "the server's edit")
        XCTAssertEqual(try editedCount(directory.file("edits-c.sqlite")), 2)
    }

    private func editedCount(_ db: String) throws -> Int? {
        let report = try run(["report", "--db", db, "--format", "json"])
        return report.json?.objectValue?["figures"]?.objectValue?["messages"]?.objectValue?["edited"]?.intValue
    }

    /// `--database`: the same store on PostgreSQL exports to the same bytes as on SQLite.
    func testAPostgreSQLStoreExportsTheSameFileAsSQLite() throws {
        guard let server = TestStore.postgresServer else { throw XCTSkip("set CHATTERM_TEST_POSTGRES to run against PostgreSQL") }
        let source = try SplitCommandTests.timed(directory.write("every.jsonl", lines: Self.everyKind), in: directory)
        let database = try PostgresBackend.ensureDatabase("export_" + UUID().uuidString.prefix(8).lowercased(), onServerOf: server)
        XCTAssertEqual(try run(["import", source, "--database", database]).status, 0)
        let fromPostgres = directory.file("postgres.jsonl")
        let export = try run(["export", "--database", database, "-o", fromPostgres])
        XCTAssertEqual(export.status, 0, export.stderr)
        let sqlite = directory.file("sqlite.sqlite")
        try ChattermProcess.importFile(source, db: sqlite)
        let fromSQLite = directory.file("sqlite.jsonl")
        XCTAssertEqual(try run(["export", "--db", sqlite, "-o", fromSQLite]).status, 0)
        XCTAssertEqual(try String(contentsOfFile: fromPostgres, encoding: .utf8), try String(contentsOfFile: fromSQLite, encoding: .utf8))
        XCTAssertEqual(try String(contentsOfFile: fromSQLite, encoding: .utf8), try String(contentsOfFile: source, encoding: .utf8))
    }

    func testMissingStoreAndUnwritableOutputAreClearErrorsAndLeaveNoFile() throws {
        let missing = try run(["export", "--db", directory.file("none.sqlite"), "-o", directory.file("x.jsonl")])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("no store at"), missing.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.file("none.sqlite")))

        let a = directory.file("w.sqlite")
        try ChattermProcess.importFile(directory.write("w.jsonl", lines: SampleImports.base), db: a)
        let target = directory.file("no-such-dir/out.jsonl")
        let unwritable = try run(["export", "--db", a, "-o", target])
        XCTAssertEqual(unwritable.status, 2)
        XCTAssertTrue(unwritable.stderr.contains("cannot write \(target): no such file or directory"), unwritable.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".partial") }, [])

    }
}
