import ChatModel
import XCTest

/// What a quote shows of the message it quotes: its text, or what it carries when it has none
/// (a quoted file, /giphy or poll showed only "│ Priya Raman:").
final class QuotedPreviewTests: XCTestCase {
    private func quoted(_ text: String?, attachments: Int = 0, poll: Bool = false, type: MessageType = .regular) -> MessageRow.QuotedPreview
    {
        var m = Message(id: "q", channelType: "messaging", channelID: "general", userID: "priya", type: type, text: text)
        m.attachments = (0..<attachments).map { _ in Attachment(fields: ["type": "giphy", "title": "fingers crossed"]) }
        m.pollID = poll ? "p1" : nil
        return MessageRow.QuotedPreview(m, authorName: "Priya Raman")
    }

    func testAQuoteShowsTheTextElseWhatTheMessageCarries() {
        let plain = quoted("ship it")
        XCTAssertEqual([plain.messageID, plain.authorName, plain.text], ["q", "Priya Raman", "ship it"])
        XCTAssertFalse(plain.deleted)
        XCTAssertEqual(quoted("", attachments: 1).text, "[an attachment]")
        XCTAssertEqual(quoted(nil, attachments: 2).text, "[2 attachments]")
        XCTAssertEqual(quoted(nil, poll: true).text, "[a poll]")
        XCTAssertEqual(quoted("with a file", attachments: 1).text, "with a file")
        XCTAssertTrue(quoted("gone", type: .deleted).deleted)
    }
}
