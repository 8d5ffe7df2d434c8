import ChatCore
import ChatModel
import TerminalUI
import XCTest

/// Attachment cards as the channel draws them.
final class AttachmentCardViewTests: XCTestCase {
    private func frame(with attachment: Attachment, text: String = "") -> Frame {
        var state = ChatFixture.state()
        var m = ChatFixture.message("m10", "tomas", text, at: "2020-03-03T10:20:00Z")
        m.attachments = [attachment]
        state.window?.rows.append(ChatFixture.row(m))
        return ChatView.render(state, width: 120, height: 40, context: ChatFixture.context())
    }

    /// A Mattermost or Slack webhook's card keeps its pretext and text (Jira's issue, with
    /// its fields): the card line alone showed the title, and the message has no text.
    func testACardShowsItsPretextAndTextUnderItsLine() throws {
        let card = Attachment(fields: [
            "pretext": "New issue", "title": "PROJ-1 Crash", "title_link": "https://jira.example/PROJ-1",
            "text": "It crashes on start\nPriority: High",
        ])
        let frame = frame(with: card)
        let line = try XCTUnwrap(frame.find("link · PROJ-1 Crash"))
        XCTAssertEqual(frame.find("│ New issue")?.y, line.y + 1)
        XCTAssertEqual(frame.find("│ It crashes on start")?.y, line.y + 2)
        XCTAssertEqual(frame.find("│ Priority: High")?.y, line.y + 3)
    }

    /// A card with no title or fallback is named by its text: it is not said twice.
    func testACardNamedByItsTextDoesNotRepeatIt() {
        let frame = frame(with: Attachment(fields: ["text": "Deploy finished"]))
        XCTAssertNotNil(frame.find("link · Deploy finished"))
        XCTAssertNil(frame.find("│ Deploy finished"))
    }
}
