import ChatImport
import ChatModel
import ChatTestSupport
import Foundation
import XCTest

/// The Slack converter on the fixture export (`Tests/Fixtures/slack-export`): every mapping
/// row, each pitfall, and the output passing the validator.
final class SlackConverterTests: ConversionTestCase {
    private func converted() throws -> Converted { try convert(try SlackExport(path: ExportFixtures.slackFolder)) }

    /// An export of one user, U1 (Ann), in one channel, C1 (`c`), with one day file of
    /// `day`'s messages; its folder.
    private func oneChannelExport(_ name: String, day: String) throws -> String {
        let folder = directory.file(name)
        try FileManager.default.createDirectory(atPath: folder + "/c", withIntermediateDirectories: true)
        directory.write("\(name)/users.json", text: #"[{"id":"U1","name":"a","real_name":"Ann"}]"#)
        directory.write("\(name)/channels.json", text: #"[{"id":"C1","name":"c","creator":"U1","members":["U1"]}]"#)
        directory.write("\(name)/c/2024-01-01.json", text: day)
        return folder
    }

    func testUsersKeepTheirIdsNamesImagesAndRoles() throws {
        let out = try converted()
        let alice = try XCTUnwrap(out.user("U01ALICE"))
        XCTAssertEqual(alice["name"], "Ali", "profile.display_name comes first")
        XCTAssertEqual(alice["image"], "https://avatars.slack-edge.com/2024-01-01/alice_512.png")
        XCTAssertEqual(alice["role"], "admin")
        XCTAssertEqual(alice["slack_username"], "alice")
        XCTAssertNil(alice["slack_id"], "a valid id is kept as it is")
        XCTAssertEqual(out.user("U02BOB")?["name"], "Bob Stone", "an empty display name falls back to real_name")
        XCTAssertEqual(out.user("U03ZOE")?["name"], "佐藤 Zoë")
        XCTAssertEqual(out.user("U03ZOE")?["role"], "admin", "owners are admins")
        XCTAssertNil(out.user("USLACKBOT")?["role"])
        XCTAssertEqual(out.user("U04HELPER")?["is_bot"], true)
        XCTAssertNil(out.user("USLACKBOT")?["is_bot"], "Slackbot says is_bot: false")
    }

    func testDeletedUsersAreDeactivatedWithAReason() throws {
        let out = try converted()
        XCTAssertEqual(out.user("U02BOB")?["deactivated_at"], .string(Timestamp(seconds: 1_705_000_000).rfc3339))
        XCTAssertNil(out.user("U02BOB")?["deleted_at"], "deactivated, not deleted: the history keeps its author")
        XCTAssertEqual(out.changes("U02BOB").map(\.action), [.mapped])
        XCTAssertTrue(out.changes("U02BOB")[0].reason.contains("deactivated"))
    }

    func testInvalidIdsAreMappedAndKeptAsSlackID() throws {
        let out = try converted()
        let changed = try XCTUnwrap(out.report.changedIds.first { $0.sourceId == "W07.EXT" })
        XCTAssertTrue(changed.streamId.hasPrefix("W07_EXT-"), changed.streamId)
        XCTAssertEqual(out.user(changed.streamId)?["slack_id"], "W07.EXT")
        XCTAssertEqual(out.message("G01SECRET-1709660060.000200")?["user"], .string(changed.streamId), "references follow the mapped id")
    }

    func testBotsAndUsersNamedButNotExportedBecomeUsers() throws {
        let out = try converted()
        let bot = try XCTUnwrap(out.user("B0DEPLOY"))
        XCTAssertEqual(bot["name"], "Deploy Bot", "bot_profile.name")
        XCTAssertEqual(bot["is_bot"], true)
        XCTAssertEqual(out.message("C01GENERAL-1709640180.000400")?["user"], "B0DEPLOY")
        XCTAssertEqual(out.message("C01GENERAL-1709640180.000400")?["slack_bot_username"], "deploybot")
        let gone = try XCTUnwrap(out.user("U09GONE"))
        XCTAssertEqual(gone["slack_placeholder"], true)
        XCTAssertEqual(gone["name"], "gone", "a later message's user_profile names a user a reaction named first")
        XCTAssertEqual(out.report.placeholders.map(\.sourceId), ["U09GONE"])
        XCTAssertEqual(out.report.placeholders.first?.referencedBy, "message C01GENERAL/1709640000.000100 reactions")
        XCTAssertEqual(out.channel("C03CAFE")?["created_by"], "U09GONE", "a creator not exported is a placeholder")
    }

    /// A channel's `pins` (some exports have it) says who pinned a message and when, and pins
    /// a message whose own `pinned_to` is missing; a pinner not in the export is a placeholder.
    func testAChannelsPinsGiveThePinnerAndTime() throws {
        let folder = TemporaryDirectory()
        let export = folder.file("slack-export")
        try FileManager.default.copyItem(atPath: ExportFixtures.slackFolder, toPath: export)
        let channels = export + "/channels.json"
        var list = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: channels))) as? [[String: Any]])
        let general = try XCTUnwrap(list.firstIndex { $0["id"] as? String == "C01GENERAL" })
        list[general]["pins"] = [
            ["id": "1709640000.000100", "type": "C", "user": "U02BOB", "created": 1_709_641_000],
            ["id": "1709640180.000400", "type": "C", "user": "U08PINNER", "created": "1709642000"],
        ]
        try JSONSerialization.data(withJSONObject: list).write(to: URL(fileURLWithPath: channels))
        let out = try convert(try SlackExport(path: export))
        let first = try XCTUnwrap(out.message("C01GENERAL-1709640000.000100"))
        XCTAssertEqual(first["pinned_at"], .string(Timestamp(seconds: 1_709_641_000).rfc3339))
        XCTAssertEqual(first["pinned_by_id"], "U02BOB")
        let deploy = try XCTUnwrap(out.message("C01GENERAL-1709640180.000400"))
        XCTAssertEqual(deploy["pinned_at"], .string(Timestamp(seconds: 1_709_642_000).rfc3339), "pinned by the channel's pins alone")
        XCTAssertEqual(deploy["pinned_by_id"], "U08PINNER")
        XCTAssertEqual(out.user("U08PINNER")?["slack_placeholder"], true)
        XCTAssertTrue(out.report.placeholders.contains { $0.sourceId == "U08PINNER" && $0.referencedBy == "channel C01GENERAL pins" })
        XCTAssertNil(out.message("C01GENERAL-1709640060.000200")?["pinned_at"], "a message neither pins nor pinned_to names")
    }

    func testChannelsAndPrivateGroupsAreTeamChannels() throws {
        let out = try converted()
        let general = try XCTUnwrap(out.channel("C01GENERAL"))
        XCTAssertEqual(general["type"], "team")
        XCTAssertEqual(general["name"], "general")
        XCTAssertEqual(general["topic"], "Company-wide")
        XCTAssertEqual(general["purpose"], "Everyone & everything")
        XCTAssertEqual(general["created_by"], "U01ALICE")
        XCTAssertEqual(general["created_at"], .string(Timestamp(seconds: 1_700_000_000).rfc3339))
        XCTAssertEqual(out.channel("C02OLD")?["created_at"], .string(Timestamp(seconds: 1_690_000_000).rfc3339), "created as a string")
        XCTAssertEqual(out.channel("C03CAFE")?["name"], "café-思考")
        XCTAssertEqual(out.channel("G01SECRET")?["type"], "team")
        XCTAssertEqual(out.channel("G01SECRET")?["slack_private"], true)
        let members = out.all("member").filter { $0["channel_id"] == "C01GENERAL" }.compactMap { $0["user_id"]?.stringValue }
        XCTAssertEqual(members, ["U01ALICE", "U02BOB", "U03ZOE"])
    }

    func testArchivedChannelsAreFrozenWithTheReason() throws {
        let out = try converted()
        XCTAssertEqual(out.channel("C02OLD")?["frozen"], true)
        XCTAssertNil(out.channel("C01GENERAL")?["frozen"])
        XCTAssertTrue(out.changes("C02OLD").contains { $0.action == .mapped && $0.reason.contains("archived") })
    }

    func testDirectAndGroupMessagesAreDistinctMessagingChannels() throws {
        let out = try converted()
        let distinct = out.all("channel").filter { $0["type"] == "messaging" }
        XCTAssertEqual(distinct.map { $0["slack_id"] }, ["G02MPIM", "D01AB", "D02SELF"])
        XCTAssertTrue(distinct.allSatisfy { $0["id"] == nil })
        XCTAssertEqual(distinct[0]["member_ids"], ["U01ALICE", "U02BOB", "U03ZOE"])
        XCTAssertEqual(distinct[0]["slack_name"], "mpdm-alice--bob--zoe-1")
        XCTAssertEqual(distinct[2]["member_ids"], ["U03ZOE"], "a self-DM lists its one member once")
        XCTAssertNil(distinct[2]["created_at"], "Slack's created: 1 on old DMs is no time")
        let lunch = try XCTUnwrap(out.message("D01AB-1709670000.000100"))
        XCTAssertEqual(lunch["channel_type"], "messaging")
        XCTAssertEqual(lunch["channel_member_ids"], ["U01ALICE", "U02BOB"])
        XCTAssertNil(lunch["channel_id"])
    }

    func testMessageIdsTimesAndMarkup() throws {
        let out = try converted()
        let first = try XCTUnwrap(out.message("C01GENERAL-1709640000.000100"))
        XCTAssertEqual(first["created_at"], "2024-03-05T12:00:00.0001Z", "ts kept to the microsecond")
        XCTAssertEqual(first["user"], "U01ALICE")
        XCTAssertEqual(first["type"], "regular")
        XCTAssertEqual(first["text"], "hey @Bob Stone & #old-stuff: see [the site](https://example.com/a?b=1&c=2) <3 @here")
        XCTAssertEqual(first["mentioned_users_ids"], ["U02BOB"])
        XCTAssertEqual(first["mentioned_here"], true)
        XCTAssertEqual(first["message_text_updated_at"], .string(Timestamp(seconds: 1_709_640_100).rfc3339), "edited.ts")
        XCTAssertEqual(first["slack_edited_by"], "U01ALICE")
        XCTAssertEqual(first["pinned_at"], first["created_at"])
        XCTAssertEqual(first["pinned_by_id"], "U01ALICE")
        XCTAssertNil(first["reply_count"], "reserved by Stream")
        XCTAssertEqual(out.message("C03CAFE-1709650000.000100")?["text"], "¿qué tal? 你好 @gone")
        XCTAssertEqual(out.message("C01GENERAL-1709640180.000400")?["text"], "deployed v1.2 to https://prod.example.com")
        // Day files are not in ts order; the output is.
        let general = out.all("message").filter { $0["channel_id"] == "C01GENERAL" }.compactMap { $0["id"]?.stringValue }
        XCTAssertEqual(general, general.sorted())
    }

    func testThreadsBroadcastsAndDeletedParents() throws {
        let out = try converted()
        let reply = try XCTUnwrap(out.message("C01GENERAL-1709640060.000200"))
        XCTAssertEqual(reply["type"], "reply")
        XCTAssertEqual(reply["parent_id"], "C01GENERAL-1709640000.000100")
        XCTAssertNil(reply["show_in_channel"])
        let broadcast = try XCTUnwrap(out.message("C01GENERAL-1709640120.000300"))
        XCTAssertEqual(broadcast["parent_id"], "C01GENERAL-1709640000.000100")
        XCTAssertEqual(broadcast["show_in_channel"], true)
        XCTAssertEqual(broadcast["text"], "@channel shipping it")
        XCTAssertEqual(broadcast["mentioned_channel"], true)
        let tombstone = try XCTUnwrap(out.message("C01GENERAL-1709726400.000100"))
        XCTAssertEqual(tombstone["type"], "deleted")
        XCTAssertEqual(tombstone["deleted_at"], tombstone["created_at"])
        XCTAssertNil(tombstone["text"])
        XCTAssertEqual(out.message("C01GENERAL-1709726460.000200")?["parent_id"], "C01GENERAL-1709726400.000100")
        let orphan = try XCTUnwrap(out.message("C01GENERAL-1709726520.000300"))
        XCTAssertNil(orphan["parent_id"], "its parent is not in the export")
        XCTAssertEqual(orphan["slack_thread_ts"], "1600000000.000100")
        XCTAssertEqual(out.changes("C01GENERAL/1709726520.000300").map(\.field), ["thread_ts"])
    }

    func testSubtypesBecomeSystemMessagesOrAreDroppedWithAReason() throws {
        let out = try converted()
        let join = try XCTUnwrap(out.message("C01GENERAL-1709640240.000500"))
        XCTAssertEqual(join["type"], "system")
        XCTAssertEqual(join["text"], "@佐藤 Zoë has joined the channel")
        XCTAssertEqual(out.message("C01GENERAL-1709726580.000400")?["text"], "_waves_", "me_message")
        XCTAssertNil(out.message("C01GENERAL-1709640360.000700"), "pinned_item")
        XCTAssertNil(out.message("C01GENERAL-1709640480.000900"), "huddle_thread")
        let messages = out.tally("messages")
        XCTAssertEqual(messages.source, 22)
        XCTAssertEqual(messages.converted, 19)
        XCTAssertEqual(messages.count("pin notice (pins come from pinned_to)"), 1)
        XCTAssertEqual(messages.count("subtype huddle_thread has no Stream equivalent"), 1)
        XCTAssertEqual(messages.count("no author (neither user nor bot_id)"), 1)
    }

    func testReactionsOnePerUserWithEmojiNamesThatFit() throws {
        let out = try converted()
        let reactions = out.reactions(on: "C01GENERAL-1709640000.000100")
        XCTAssertEqual(reactions.map { "\($0["type"]!.stringValue!) \($0["user_id"]!.stringValue!)" }.count, 4)
        XCTAssertEqual(reactions.filter { $0["type"] == "+1::skin-tone-2" }.map(\.["user_id"]), ["U02BOB", "U09GONE"])
        let long = try XCTUnwrap(reactions.first { $0["slack_emoji"] != nil })
        XCTAssertEqual(long["slack_emoji"], "party_parrot_but_a_much_longer_custom_name")
        let type = try XCTUnwrap(long["type"]?.stringValue)
        XCTAssertLessThanOrEqual(type.count, 30)
        XCTAssertTrue(type.hasPrefix("party_parrot_but_a_"), type)
        XCTAssertEqual(reactions.filter { $0["type"] == "rocket" }.count, 1, "the same user twice is one reaction")
        XCTAssertTrue(reactions.allSatisfy { $0["created_at"] == "2024-03-05T12:00:00.0001Z" }, "Slack keeps no reaction time")
        XCTAssertEqual(out.tally("reactions").source, 6)
        XCTAssertEqual(out.tally("reactions").converted, 5)
    }

    func testFilesBecomeAttachmentsByMimeTypeAndTheirLinksAreReported() throws {
        let out = try converted()
        let message = try XCTUnwrap(out.message("C01GENERAL-1709640300.000600"))
        XCTAssertNil(message["text"], "a message with only files")
        let attachments = try XCTUnwrap(message["attachments"]?.arrayValue?.compactMap(\.objectValue))
        XCTAssertEqual(attachments.map(\.["type"]), ["image", "file", "video"])
        XCTAssertEqual(attachments[0]["image_url"], "https://files.slack.com/files-pri/T01-F01PNG/chart.png")
        XCTAssertEqual(attachments[0]["thumb_url"], "https://files.slack.com/files-tmb/T01-F01PNG/chart_360.png")
        XCTAssertEqual(attachments[0]["title"], "Q1 chart")
        XCTAssertEqual(attachments[0]["mime_type"], "image/png")
        XCTAssertEqual(attachments[0]["file_size"], 1234)
        XCTAssertEqual(attachments[1]["asset_url"], "https://files.slack.com/files-pri/T01-F03PDF/notes.pdf")
        XCTAssertTrue(attachments.allSatisfy { $0["slack_url_auth"] == "token" })
        XCTAssertEqual(out.report.linksTotal, 3)
        XCTAssertTrue(out.report.links.allSatisfy { $0.messageId == "C01GENERAL-1709640300.000600" && $0.reason.contains("token") })
        XCTAssertEqual(out.changes("C01GENERAL/1709640300.000600").map(\.field), ["files[1]"], "the deleted file's stub")
    }

    func testEveryRecordIsAccountedFor() throws {
        let out = try converted()
        XCTAssertEqual(out.tally("users").source, 7, "users.json and the bot that posted")
        XCTAssertEqual(out.tally("users").converted, 7)
        XCTAssertEqual(out.tally("channels").converted, 7)
        XCTAssertEqual(out.tally("day_files").count("folder matches no conversation in the export's channel lists"), 1)
        XCTAssertEqual(out.report.countsOut["message"], 19)
        XCTAssertEqual(out.report.countsOut["user"], 8, "with the placeholder")
    }

    func testTheZipAndTheFolderConvertAlike() throws {
        let folder = try converted()
        let zip = try convert(try SlackExport(path: ExportFixtures.slackZip))
        XCTAssertEqual(zip.items.map(\.data), folder.items.map(\.data))
        XCTAssertEqual(zip.report.accounting, folder.report.accounting)
    }

    func testEscapedMarkupStaysTextAndOtherTokensShowTheirLabels() throws {
        let folder = try oneChannelExport(
            "small",
            day:
                #"[{"user":"U1","ts":"1704067200.000001","text":"&lt;@U1&gt; <mailto:b@x.example|b@x.example> <!subteam^S1|@devs> <#C9> <@U1|old>"}]"#
        )
        let out = try convert(try SlackExport(path: folder))
        let message = try XCTUnwrap(out.message("C1-1704067200.000001"))
        XCTAssertEqual(message["text"], "<@U1> b@x.example @devs #C9 @Ann", "a typed &lt;@U1&gt; is not a mention")
        XCTAssertEqual(message["mentioned_users_ids"], ["U1"], "only the real token mentions")
        XCTAssertEqual(message["created_at"], "2024-01-01T00:00:00.000001Z")
    }

    /// An integration's card (Slack's legacy `attachments`) is often the whole message: its
    /// text, links, colour and fields become a Stream attachment, instead of an empty message.
    func testBotCardsBecomeAttachments() throws {
        let folder = try oneChannelExport(
            "cards",
            day: #"""
                [{"type":"message","subtype":"bot_message","bot_id":"B1","username":"CI","text":"","ts":"1704067200.000100",
                  "attachments":[{"fallback":"Build 12 passed","pretext":"CI","title":"Build #12","title_link":"https://ci.example/12",
                  "text":"All green","color":"good","image_url":"http://ci.example/badge.png","fields":[{"title":"Branch","value":"main"}],
                  "actions":[{"type":"button","text":"Rerun"}]}]}]
                """#
        )
        let out = try convert(try SlackExport(path: folder))
        let message = try XCTUnwrap(out.message("C1-1704067200.000100"))
        let cards = try XCTUnwrap(message["attachments"]?.arrayValue?.compactMap(\.objectValue))
        XCTAssertEqual(cards.count, 1)
        let card = try XCTUnwrap(cards.first)
        XCTAssertEqual(card["title"], "Build #12")
        XCTAssertEqual(card["title_link"], "https://ci.example/12")
        XCTAssertEqual(card["pretext"], "CI")
        XCTAssertEqual(card["fallback"], "Build 12 passed")
        XCTAssertEqual(card["color"], "good")
        XCTAssertEqual(card["text"], "All green\nBranch: main", "the fields, which Stream reserves, as lines of the text")
        XCTAssertNil(card["image_url"], "not https")
        XCTAssertNil(card["actions"])
        XCTAssertEqual(Set(out.changes("C1/1704067200.000100").map(\.field)), ["attachments[0].image_url", "attachments[0].actions"])
    }
}
