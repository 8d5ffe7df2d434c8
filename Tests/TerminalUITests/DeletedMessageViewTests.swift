import ChatCore
import ChatModel
import TerminalUI
import XCTest

/// A message deleted while it has reactions (and a quote, attachments, a pin) shows only that
/// it was deleted: nothing of what it carried stays on screen.
final class DeletedMessageViewTests: XCTestCase {
    private let context = ChatFixture.context()

    func testADeletedMessageLosesItsReactionChips() throws {
        var state = ChatFixture.state()
        let before = ChatView.render(state, width: 120, height: 40, context: context)
        XCTAssertNotNil(before.find("[👍 3]"))
        XCTAssertNotNil(before.find("[❤️ 1]"))
        // The server's message.deleted: the same message, deleted, its reaction counts still on it.
        var deleted = try XCTUnwrap(state.window?.rows.first { $0.id == "m1" })
        XCTAssertFalse(deleted.reactions.isEmpty)
        deleted.message.type = .deleted
        state = ChatReducer.reduce(state, .messageUpserted(deleted)).0
        let after = ChatView.render(state, width: 120, height: 40, context: context)
        XCTAssertNotNil(after.find("(message deleted)"))
        XCTAssertNil(after.find("[👍 3]"), after.lines.joined(separator: "\n"))
        XCTAssertNil(after.find("[❤️ 1]"))
        XCTAssertNil(after.find("Morning! Standup in 5."))
    }

    func testADeletedMessageLosesItsQuoteAndAttachmentsButKeepsItsThread() throws {
        var state = ChatFixture.state()
        var m = ChatFixture.message("gone", "tomas", "see the file", at: "2020-03-04T09:00:00Z", type: .deleted)
        m.attachments = [Attachment(fields: ["type": "file", "title": "secret-plan.pdf"])]
        // Deleted while pinned: the server keeps the pin, but there is nothing pinned to read.
        m.pinnedAt = ChatFixture.time("2020-03-04T09:01:00Z")
        let quoted = MessageRow.QuotedPreview(messageID: "m1", authorName: "Tomás Silva", text: "Morning! Standup in 5.", deleted: false)
        state.window = MessageWindow(
            cid: "team:engineering",
            rows: [ChatFixture.row(m, replies: 2, quoted: quoted)],
            hasOlder: false,
            readMarker: nil
        )
        let frame = ChatView.render(state, width: 120, height: 40, context: context)
        XCTAssertNotNil(frame.find("(message deleted)"))
        XCTAssertNil(frame.find("secret-plan.pdf"))
        XCTAssertNil(frame.find("│ Tomás Silva"))
        XCTAssertNil(frame.find("📌 pinned"))
        XCTAssertNotNil(frame.find("⤷ 2 replies"), "its replies are still there to read")
    }

    /// The next message of the same author gets a header of its own: under the deleted one's,
    /// a message without text (a poll, a file) read as what the deleted message still carried.
    func testTheMessageAfterADeletedOneHasItsOwnHeader() throws {
        var state = ChatFixture.state()
        let gone = ChatFixture.message("gone", "tomas", "", at: "2020-03-04T09:00:00Z", type: .deleted)
        var file = ChatFixture.message("file", "tomas", "", at: "2020-03-04T09:01:00Z")
        file.attachments = [Attachment(fields: ["type": "file", "title": "plan.pdf"])]
        state.window = MessageWindow(
            cid: "team:engineering",
            rows: [ChatFixture.row(gone), ChatFixture.row(file)],
            hasOlder: false,
            readMarker: nil
        )
        let frame = ChatView.render(state, width: 120, height: 40, context: context)
        let deleted = try XCTUnwrap(frame.find("(message deleted)"))
        let header = try XCTUnwrap(frame.find("09:01 Tomás Silva"), frame.lines.joined(separator: "\n"))
        XCTAssertEqual(header.y, deleted.y + 1)
        XCTAssertEqual(try XCTUnwrap(frame.find("plan.pdf")).y, header.y + 1)
    }
}
