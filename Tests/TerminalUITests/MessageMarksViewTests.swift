import ChatCore
import ChatModel
import Foundation
import TerminalUI
import XCTest

/// A mention of you: the mention highlighted and the message marked in the gutter, the rest of
/// it as any message. The thread pane: whose thread, where; no "in thread" on its replies;
/// date rules reaching both edges in both panes.
final class MessageMarksViewTests: XCTestCase {
    private let context = ChatFixture.context()

    private func find(_ needle: String, in frame: Frame) -> (x: Int, y: Int)? { frame.find(needle) }

    /// A message the reader flagged says so in its header, which it gets even where it would
    /// have shared the previous message's (m2 follows m1 from the same author within minutes).
    func testAFlaggedMessageIsMarkedForTheFlagger() throws {
        var state = ChatFixture.state()
        XCTAssertNil(find("09:01 Tomás Silva", in: ChatView.render(state, width: 120, height: 40, context: context)), "grouped before")
        state.flagged = ["m2"]
        let frame = ChatView.render(state, width: 120, height: 40, context: context)
        let header = try XCTUnwrap(find("09:01 Tomás Silva ⚑ flagged by you", in: frame))
        XCTAssertEqual(frame[header.x + 18, header.y].style, context.style("message.pinned"))
        XCTAssertNil(frame.find("flagged by you", below: header.y), "only that message is marked")
    }

    /// An edited, a pinned or a restricted message says so in its header, so it gets one even
    /// where it would have shared the previous message's: grouped, the mark had nowhere to go.
    /// The message after it gets its own header too.
    func testAnEditedPinnedOrRestrictedMessageKeepsItsHeaderInARun() throws {
        let marks: [(String, (inout Message) -> Void)] = [
            ("(edited)", { $0.textUpdatedAt = ChatFixture.time("2020-03-02T09:05:00Z") }),
            ("📌 pinned", { $0.pinnedAt = ChatFixture.time("2020-03-02T09:05:00Z") }),
            ("🔒 visible to maya", { $0.restrictedVisibility = ["maya"] }),
        ]
        for (mark, change) in marks {
            var state = ChatFixture.state()
            var rows = ChatFixture.rows
            change(&rows[1].message)
            state.window?.rows = rows
            let frame = ChatView.render(state, width: 120, height: 40, context: context)
            let header = try XCTUnwrap(find("09:01 Tomás Silva", in: frame), mark)
            XCTAssertTrue(frame.text(row: header.y).contains(mark), frame.text(row: header.y))

            // The message after a marked one is not under its header either: the mark would
            // seem to be of both.
            state = ChatFixture.state()
            rows = ChatFixture.rows
            change(&rows[0].message)
            state.window?.rows = rows
            let after = ChatView.render(state, width: 120, height: 40, context: context)
            XCTAssertTrue(after.text(row: try XCTUnwrap(find("09:00 Tomás Silva", in: after)).y).contains(mark))
            XCTAssertNotNil(find("09:01 Tomás Silva", in: after), mark)
        }
    }

    /// A command's answer (`/ban`'s "rosa has been banned", `/mute`'s error) is the sender's
    /// alone and says so; only a /giphy preview hints its keys (they were on every answer, and
    /// an error read as a message the reader had sent).
    func testACommandsAnswerIsMarkedAsTheSendersAloneWithoutThePreviewKeys() throws {
        var state = ChatFixture.state()
        let answer = ChatFixture.message("a1", "maya", "rosa has been banned", at: "2020-03-04T09:00:00Z", type: .ephemeral)
        let error = ChatFixture.message("a2", "maya", "/mute needs an existing user", at: "2020-03-04T09:01:00Z", type: .error)
        var giphy = ChatFixture.message("a3", "maya", "/giphy cats", at: "2020-03-04T09:02:00Z", type: .ephemeral)
        giphy.attachments = [Attachment(fields: ["type": "giphy", "title": "cats"])]
        state.window = MessageWindow(
            cid: "team:engineering",
            rows: [ChatFixture.row(answer), ChatFixture.row(error), ChatFixture.row(giphy)],
            hasOlder: false,
            readMarker: nil
        )
        let frame = ChatView.render(state, width: 120, height: 40, context: context)
        for time in ["09:00", "09:01"] {
            let header = frame.text(row: try XCTUnwrap(find(time + " Maya Okafor", in: frame), time).y)
            XCTAssertTrue(header.hasSuffix("Maya Okafor only you see this"), header)
        }
        let preview = frame.text(row: try XCTUnwrap(find("09:02 Maya Okafor", in: frame)).y)
        XCTAssertTrue(preview.contains("s shuffle · x cancel"), preview)
    }

    func testAMentionIsHighlightedAndTheMessageMarkedInTheGutter() throws {
        var state = ChatFixture.state()
        var rows = ChatFixture.rows
        rows[7].message.text = "@maya can you review the import PR? cc @Maya Okafor and @mayanne"
        state.window?.rows = rows
        let frame = ChatView.render(state, width: 120, height: 40, context: context)
        let text = try XCTUnwrap(find("@maya can you review", in: frame))
        let (mention, plain, mark) = (context.style("message.mention"), context.style("message.text"), context.style("message.mentionMark"))
        XCTAssertEqual((0..<5).map { frame[text.x + $0, text.y].style }, Array(repeating: mention, count: 5))
        XCTAssertEqual(frame[text.x + 6, text.y].style, plain, "the rest of the message is not painted")
        let byName = try XCTUnwrap(find("@Maya Okafor", in: frame))
        XCTAssertEqual(frame[byName.x, byName.y].style, mention)
        XCTAssertEqual(frame[byName.x + 11, byName.y].style, mention)
        let other = try XCTUnwrap(find("@mayanne", in: frame))
        XCTAssertEqual(frame[other.x, other.y].style, plain, "@mayanne is someone else")

        // The gutter: the column left of the time, beside every line of that message only.
        let gutter = text.x - 7
        let header = try XCTUnwrap(find("10:02 Tomás Silva", in: frame))
        XCTAssertEqual(header.x, gutter + 1)
        let chip = try XCTUnwrap(find("[🔥 2]", in: frame))
        for y in header.y...chip.y {
            XCTAssertEqual(frame[gutter, y].text, "▌", "row \(y)")
            XCTAssertEqual(frame[gutter, y].style, mark)
        }
        for y in 0..<frame.height where !(header.y...chip.y).contains(y) {
            XCTAssertNotEqual(frame[gutter, y].text, "▌", "row \(y): \(frame.text(row: y))")
        }
    }

    /// `@here` calls on every member: marked in the gutter with `@here` highlighted, though the
    /// viewer is not named. A restricted message says who may see it.
    func testAnAtHereMessageIsMarkedAndARestrictedOneSaysForWhom() throws {
        var state = ChatFixture.state()
        var rows = ChatFixture.rows
        rows[7].message.text = "@here deploy at noon"
        rows[7].message.mentionedHere = true
        rows[7].message.restrictedVisibility = ["maya", "priya"]
        state.window?.rows = rows
        let frame = ChatView.render(state, width: 120, height: 40, context: context)
        let text = try XCTUnwrap(find("@here deploy at noon", in: frame))
        XCTAssertEqual((0..<5).map { frame[text.x + $0, text.y].style }, Array(repeating: context.style("message.mention"), count: 5))
        XCTAssertEqual(frame[text.x + 6, text.y].style, context.style("message.text"))
        XCTAssertEqual(frame[text.x - 7, text.y].text, "▌")
        XCTAssertEqual(frame[text.x - 7, text.y].style, context.style("message.mentionMark"))
        let header = try XCTUnwrap(find("10:02 Tomás Silva", in: frame))
        XCTAssertTrue(frame.text(row: header.y).contains("🔒 visible to maya, priya"), frame.text(row: header.y))
        XCTAssertEqual(frame.find("🔒")?.y, header.y, "only that message is marked")
    }

    /// The details overlay lists who may see a message, whom it calls on, and each attachment's custom fields.
    func testDetailsShowAudienceMentionsAndAttachmentCustomFields() throws {
        var state = ChatFixture.state()
        var row = ChatFixture.rows[7]
        row.message.mentionedChannel = true
        row.message.mentionedRoles = ["admin"]
        row.message.restrictedVisibility = ["maya"]
        row.message.attachments = [
            Attachment(fields: ["type": "file", "asset_url": "https://example.com/a.pdf", "title": "a.pdf", "pages": 3])
        ]
        state.modes.push(.details(MessageDetails(row: row, reactions: [])))
        let frame = ChatView.render(state, width: 120, height: 40, context: context)
        for line in ["visible to: maya", "mentions: @channel", "mentioned roles: admin", "attachment 1 (file):", "pages: 3"] {
            XCTAssertNotNil(find(line, in: frame), line)
        }
        XCTAssertNil(find("asset_url", in: frame), "standard attachment fields are not custom")
    }

    /// Who pinned and who reacted, by name as the author is: a migrated id alone
    /// (`carol_c-d6f31bbb`) did not say who it was. Someone not among the members keeps the id.
    func testDetailsNameWhoPinnedAndWhoReacted() throws {
        var state = ChatFixture.state()
        var row = ChatFixture.rows[7]
        row.message.pinnedAt = ChatFixture.time("2020-03-02T10:00:00Z")
        row.message.pinnedByID = "tomas"
        state.members = [
            MemberRow(
                member: Member(channelType: "team", channelID: "engineering", userID: "tomas"),
                user: User(id: "tomas", custom: ["name": "Tomás Silva"])
            )
        ]
        let reactions = [
            Reaction(messageID: row.id, type: "like", userID: "tomas"), Reaction(messageID: row.id, type: "like", userID: "gone"),
        ]
        state.modes.push(.details(MessageDetails(row: row, reactions: reactions)))
        let frame = ChatView.render(state, width: 120, height: 40, context: context)
        XCTAssertTrue(frame.lines.contains { $0.contains("pinned: ") && $0.contains(" by Tomás Silva (tomas)") })
        XCTAssertNotNil(find("like by Tomás Silva (tomas)", in: frame))
        XCTAssertNotNil(find("like by gone", in: frame))
    }

    private func threadFrame() -> Frame {
        var state = ChatFixture.state()
        var reply = ChatFixture.message("r1", "maya", "Dry run went fine, 0 errors.", at: "2020-03-02T09:20:00Z")
        reply.parentID = "m2"
        state.thread = ThreadPane(root: ChatFixture.rows[1], replies: [ChatFixture.row(reply)])
        state.thread?.hasFocus = true
        return ChatView.render(state, width: 120, height: 40, context: context)
    }

    func testTheThreadPaneNamesTheChannelAndTheRootsAuthorAndRepliesAreNotMarked() throws {
        let frame = threadFrame()
        let title = try XCTUnwrap(find("▶ Thread (Esc closes)", in: frame))
        let origin = try XCTUnwrap(find("#engineering · Tomás Silva", in: frame))
        XCTAssertEqual(origin.y, title.y + 1)
        XCTAssertGreaterThan(origin.x, title.x - 3, "in the thread pane")
        let reply = try XCTUnwrap(find("09:20 Maya Okafor", in: frame))
        XCTAssertFalse(frame.text(row: reply.y).contains("in thread"), frame.text(row: reply.y))
    }

    /// With a thread open, each date rule is as long on the right of its date as on the left
    /// (a cell apart at most), in the channel and in the thread pane.
    func testDateRulesAreSymmetricInBothPanes() throws {
        let frame = threadFrame()
        var checked = 0
        for y in 0..<frame.height {
            for pane in frame.text(row: y).split(separator: "│", omittingEmptySubsequences: false).dropFirst() {
                let trimmed = pane.trimmingCharacters(in: .whitespaces)
                guard trimmed.hasPrefix("─"), let label = trimmed.firstIndex(where: { $0 != "─" }) else { continue }
                let left = trimmed.distance(from: trimmed.startIndex, to: label)
                let right = trimmed.reversed().prefix { $0 == "─" }.count
                XCTAssertLessThanOrEqual(abs(left - right), 1, String(pane))
                checked += 1
            }
        }
        XCTAssertGreaterThanOrEqual(checked, 3, "the channel's two date rules, its new-messages rule and the thread's")
    }
}
