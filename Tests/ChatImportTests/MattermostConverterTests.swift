import ChatImport
import ChatModel
import ChatTestSupport
import Foundation
import XCTest

/// The Mattermost converter on the fixture bulk export (`Tests/Fixtures/mattermost-export`):
/// every mapping row, the pitfalls, refused input, and the output passing the validator.
final class MattermostConverterTests: ConversionTestCase {
    private func converted() throws -> Converted { try convert(try MattermostExport(path: ExportFixtures.mattermostLines)) }

    /// An export of team eng with its channel hall, then `lines` (its users and posts).
    private func hallExport(_ name: String, _ lines: [String]) -> String {
        directory.write(
            name,
            lines: [
                #"{"type":"version","version":1}"#,
                #"{"type":"team","team":{"name":"eng","display_name":"Eng","type":"O"}}"#,
                #"{"type":"channel","channel":{"team":"eng","name":"hall","display_name":"Hall","type":"O"}}"#,
            ] + lines
        )
    }

    private func id(_ out: Converted, _ username: String) -> String {
        out.report.changedIds.first { $0.sourceId == username }?.streamId ?? username
    }

    func testUsersAndBots() throws {
        let out = try converted()
        let janeID = id(out, "jane.doe")
        XCTAssertTrue(janeID.hasPrefix("jane_doe-"), "a username with . is mapped: \(janeID)")
        let jane = try XCTUnwrap(out.user(janeID))
        XCTAssertEqual(jane["name"], "Jane Doe")
        XCTAssertEqual(jane["mm_username"], "jane.doe")
        XCTAssertEqual(jane["nickname"], "JD")
        XCTAssertEqual(jane["position"], "CTO")
        XCTAssertEqual(jane["teams"], ["acme"])
        XCTAssertEqual(jane["mm_system_admin"], true)
        XCTAssertNil(jane["email"], "personal data stays behind")
        XCTAssertNil(jane["auth_data"])
        let bob = try XCTUnwrap(out.user("bob"))
        XCTAssertEqual(bob["name"], "bob")
        XCTAssertEqual(bob["deactivated_at"], .string(Timestamp(seconds: 1_706_000_000).rfc3339))
        XCTAssertEqual(bob["teams"], ["acme", "beta"])
        XCTAssertEqual(out.user(id(out, "zoë_ext"))?["name"], "Zoë Ångström")
        let bot = try XCTUnwrap(out.user("deploy-bot"))
        XCTAssertEqual(bot["is_bot"], true)
        XCTAssertEqual(bot["name"], "Deploy Bot")
        XCTAssertEqual(bot["mm_bot_owner"], "jane.doe")
        let ghost = try XCTUnwrap(out.user(id(out, "ghost.user")))
        XCTAssertEqual(ghost["mm_placeholder"], true)
        XCTAssertEqual(out.report.placeholders.map(\.referencedBy), ["post line 13 reaction"])
    }

    func testTeamsChannelsAndArchivedChannels() throws {
        let out = try converted()
        let town = try XCTUnwrap(out.channel("acme-town-square"))
        XCTAssertEqual(town["type"], "team")
        XCTAssertEqual(town["team"], "acme")
        XCTAssertEqual(town["name"], "Town Square")
        XCTAssertEqual(town["topic"], "Welcome!")
        XCTAssertEqual(town["purpose"], "Everyone")
        XCTAssertEqual(town["created_by"], .string(id(out, "jane.doe")), "the channel admin")
        XCTAssertEqual(out.channel("beta-town-square")?["team"], "beta", "the same name in another team is another channel")
        XCTAssertEqual(out.channel("acme-secret")?["mm_type"], "P")
        let old = try XCTUnwrap(out.channel("acme-old-news"))
        XCTAssertEqual(old["frozen"], true)
        XCTAssertTrue(out.changes("acme-old-news").contains { $0.action == .mapped && $0.reason.contains("archived") })
        XCTAssertEqual(out.tally("teams").converted, 2)
    }

    func testMembershipsWithLastViewedBecomeLastRead() throws {
        let out = try converted()
        let jane = id(out, "jane.doe")
        let member = { (channel: String, user: String) in
            out.all("member").first { $0["channel_id"]?.stringValue == channel && $0["user_id"]?.stringValue == user }
        }
        XCTAssertEqual(member("acme-town-square", jane)?["last_read"], .string(Timestamp(seconds: 1_709_800_000).rfc3339))
        XCTAssertEqual(member("acme-town-square", jane)?["channel_role"], "channel_moderator")
        XCTAssertEqual(member("acme-town-square", "bob")?["last_read"], .string(Timestamp(seconds: 1_709_700_000).rfc3339))
        XCTAssertNotNil(member("acme-secret", jane))
        XCTAssertNil(member("acme-secret", jane)?["last_read"], "last_viewed_at 0 is never")
        XCTAssertEqual(out.tally("memberships").source, 7)
        XCTAssertEqual(out.tally("memberships").count("channel not in the export"), 1)
    }

    func testDirectChannelsAreDistinctMessagingChannels() throws {
        let out = try converted()
        let jane = id(out, "jane.doe")
        let direct = out.all("channel").filter { $0["type"] == "messaging" }
        XCTAssertEqual(direct.count, 3)
        XCTAssertEqual(direct[0]["member_ids"], .array([.string("bob"), .string(jane)].sorted { $0.stringValue! < $1.stringValue! }))
        XCTAssertEqual(direct[0]["topic"], "DM header")
        XCTAssertEqual(direct[2]["member_ids"], [.string(jane)], "a self-DM, made from its direct post")
        let dm = try XCTUnwrap(out.all("member").first { $0["channel_type"] == "messaging" && $0["user_id"]?.stringValue == jane })
        XCTAssertEqual(dm["last_read"], .string(Timestamp(seconds: 1_709_800_000).rfc3339))
        let psst = try XCTUnwrap(out.message(containing: "psst"))
        XCTAssertEqual(psst["channel_member_ids"], direct[0]["member_ids"])
        XCTAssertEqual(out.message(containing: "yes?")?["parent_id"], psst["id"])
        XCTAssertEqual(out.message(containing: "group hello")?["channel_member_ids"]?.arrayValue?.count, 3)
    }

    func testPostsRepliesAndTheirFields() throws {
        let out = try converted()
        let roots = out.all("message").filter { $0["text"] == "Hello @bob and @here, see the plan" }
        XCTAssertEqual(roots.count, 2, "two posts alike keep two ids")
        XCTAssertNotEqual(roots[0]["id"], roots[1]["id"])
        let root = roots[0]
        XCTAssertTrue(root["id"]?.stringValue?.hasPrefix("mm-") == true)
        XCTAssertEqual(root["created_at"], .string(Timestamp(seconds: 1_709_700_000).rfc3339))
        XCTAssertEqual(root["mentioned_users_ids"], ["bob"])
        XCTAssertEqual(root["mentioned_here"], true)
        XCTAssertEqual(root["pinned_at"], root["created_at"])
        XCTAssertEqual(root["message_text_updated_at"], .string(Timestamp(seconds: 1_709_700_500).rfc3339))
        let reply = try XCTUnwrap(out.message(containing: "on it"))
        XCTAssertEqual(reply["type"], "reply")
        XCTAssertEqual(reply["parent_id"], root["id"])
        XCTAssertEqual(out.message(containing: "me too")?["user"], .string(id(out, "ghost.user")))
        let system = try XCTUnwrap(out.message(containing: "joined the channel"))
        XCTAssertEqual(system["type"], "system")
        XCTAssertEqual(system["mm_post_type"], "system_join_channel")
        XCTAssertEqual(out.message(containing: "准备好了")?["channel_id"], "acme-secret")
        let messages = out.tally("messages")
        XCTAssertEqual(messages.source, 16)
        XCTAssertEqual(messages.converted, 13)
        XCTAssertEqual(messages.count("channel not in the export"), 2, "the post and its reply")
        XCTAssertEqual(messages.count("no create_at"), 1)
    }

    func testAttachmentsAreFlaggedAsFilesNotCarried() throws {
        let out = try converted()
        let files = try XCTUnwrap(out.all("message").first { $0["user"] == "deploy-bot" })
        XCTAssertNil(files["text"], "a message with only files")
        let attachments = try XCTUnwrap(files["attachments"]?.arrayValue?.compactMap(\.objectValue))
        XCTAssertEqual(attachments.map(\.["type"]), ["file", "image"])
        XCTAssertEqual(attachments.map(\.["title"]), ["report.pdf", "photo.JPG"])
        XCTAssertTrue(attachments.allSatisfy { $0["asset_url"] == nil && $0["image_url"] == nil }, "no URL to give")
        XCTAssertEqual(attachments[0]["mm_path"], "20240306/teams/t1/channels/c1/users/u1/f1/report.pdf")
        XCTAssertEqual(out.report.linksTotal, 2)
        XCTAssertTrue(out.report.links.allSatisfy { $0.messageId == files["id"]?.stringValue })
    }

    func testReactionsKeepTheirTimesAndFitTheirNames() throws {
        let out = try converted()
        let root = try XCTUnwrap(out.message(containing: "Hello @bob"))
        let reactions = out.reactions(on: root["id"]!.stringValue!)
        XCTAssertEqual(reactions.count, 2, "bob's second +1 is the same reaction")
        XCTAssertEqual(reactions[0]["created_at"], .string(Timestamp(seconds: 1_709_700_001).rfc3339))
        XCTAssertEqual(reactions[1]["mm_emoji"], "a_very_long_custom_emoji_name_over_thirty_chars")
        XCTAssertLessThanOrEqual(reactions[1]["type"]?.stringValue?.count ?? 99, 30)
        XCTAssertEqual(out.tally("reactions").source, 4)
        XCTAssertEqual(out.tally("reactions").converted, 3)
        XCTAssertEqual(out.tally("other lines").count("emoji lines have no Stream import counterpart"), 1)
    }

    func testBroadcastMentionsAreWholeWordsOnly() throws {
        let export = hallExport(
            "mentions.jsonl",
            [
                #"{"type":"user","user":{"username":"allen","teams":[{"name":"eng","channels":[{"name":"hall"}]}]}}"#,
                #"{"type":"post","post":{"team":"eng","channel":"hall","user":"allen","message":"thanks @allen, see the @channels doc","create_at":1709000100000}}"#,
                #"{"type":"post","post":{"team":"eng","channel":"hall","user":"allen","message":"mail bob@heretic.test or @hereford","create_at":1709000200000}}"#,
                #"{"type":"post","post":{"team":"eng","channel":"hall","user":"allen","message":"@here: ship it, @all (and @channel.)","create_at":1709000300000}}"#,
            ]
        )
        let out = try convert(try MattermostExport(path: export))
        let named = try XCTUnwrap(out.message(containing: "thanks"))
        XCTAssertEqual(named["mentioned_users_ids"], ["allen"])
        XCTAssertNil(named["mentioned_channel"], "@allen and @channels are not @all or @channel")
        let words = try XCTUnwrap(out.message(containing: "heretic"))
        XCTAssertNil(words["mentioned_here"], "an address and @hereford are not @here")
        let broadcast = try XCTUnwrap(out.message(containing: "ship it"))
        XCTAssertEqual(broadcast["mentioned_here"], true)
        XCTAssertEqual(broadcast["mentioned_channel"], true)
    }

    /// A webhook's or bot's card (`props.attachments`, Slack's shape) becomes a Stream attachment
    /// beside the post's files, instead of an empty message.
    func testCardsInPropsBecomeAttachments() throws {
        let export = hallExport(
            "cards.jsonl",
            [
                #"{"type":"bot","bot":{"username":"jira","display_name":"Jira"}}"#,
                #"{"type":"post","post":{"team":"eng","channel":"hall","user":"jira","message":"","create_at":1709000100000,"attachments":[{"path":"f/a.pdf"}],"props":{"from_bot":"true","attachments":[{"pretext":"New issue","title":"PROJ-1 Crash","title_link":"https://jira.example/PROJ-1","text":"It crashes","fields":[{"title":"Priority","value":"High"}],"thumb_url":"https://jira.example/t.png"}]}}}"#,
            ]
        )
        let out = try convert(try MattermostExport(path: export))
        let post = try XCTUnwrap(out.all("message").first)
        let attachments = try XCTUnwrap(post["attachments"]?.arrayValue?.compactMap(\.objectValue))
        XCTAssertEqual(attachments.map(\.["title"]), ["a.pdf", "PROJ-1 Crash"])
        let card = try XCTUnwrap(attachments.dropFirst().first)
        XCTAssertEqual(card["pretext"], "New issue")
        XCTAssertEqual(card["title_link"], "https://jira.example/PROJ-1")
        XCTAssertEqual(card["text"], "It crashes\nPriority: High")
        XCTAssertEqual(card["thumb_url"], "https://jira.example/t.png")
        XCTAssertEqual(post["mm_from_bot"], true)
    }

    /// A webhook posts as its creator's account under a name of its own: the converter keeps
    /// that name and the marker, as Mattermost showed the post.
    func testAWebhooksNameAndMarkerStayWithItsPost() throws {
        let export = hallExport(
            "hook.jsonl",
            [
                #"{"type":"user","user":{"username":"ana","teams":[{"name":"eng","channels":[{"name":"hall"}]}]}}"#,
                #"{"type":"post","post":{"team":"eng","channel":"hall","user":"ana","message":"Build 42 failed","create_at":1709000100000,"props":{"from_webhook":"true","override_username":"Jenkins","override_icon_url":"https://ci.example/j.png"}}}"#,
                #"{"type":"post","post":{"team":"eng","channel":"hall","user":"ana","message":"by hand","create_at":1709000200000,"props":{"from_webhook":"false"}}}"#,
            ]
        )
        let out = try convert(try MattermostExport(path: export))
        let hook = try XCTUnwrap(out.message(containing: "Build 42"))
        XCTAssertEqual(hook["mm_override_username"], "Jenkins")
        XCTAssertEqual(hook["mm_from_webhook"], true)
        XCTAssertEqual(hook["user"], "ana")
        let plain = try XCTUnwrap(out.message(containing: "by hand"))
        XCTAssertNil(plain["mm_from_webhook"])
        XCTAssertNil(plain["mm_override_username"])
    }

    func testTheZipConvertsAsTheFileDoes() throws {
        let file = try converted()
        let zip = try convert(try MattermostExport(path: ExportFixtures.mattermostZip))
        XCTAssertEqual(zip.items.map(\.data), file.items.map(\.data))
    }

    func testNotAnExportAndBrokenLinesAreRefusedAndNothingIsWritten() throws {
        let output = directory.file("out.jsonl")
        let users = directory.write("users.jsonl", lines: [#"{"type":"user","user":{"username":"a"}}"#])
        assertRefused("not a Mattermost bulk export: the first line must be", output: output) {
            try write(try MattermostExport(path: users), to: output)
        }
        let future = directory.write("v2.jsonl", lines: [#"{"type":"version","version":2}"#])
        assertRefused("bulk export version 2 is not supported", output: output) {
            try write(try MattermostExport(path: future), to: output)
        }
        var lines = try String(contentsOfFile: ExportFixtures.mattermostLines, encoding: .utf8).split(separator: "\n").map(String.init)
        lines[15] = #"{"type":"post","post":{"team":"acme","#
        let broken = directory.write("broken.jsonl", lines: lines)
        assertRefused("broken.jsonl:16: malformed JSON", output: output) { try write(try MattermostExport(path: broken), to: output) }
        let folder = directory.file("empty-folder")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        assertRefused("no import.jsonl") { _ = try MattermostExport(path: folder) }
    }
}
