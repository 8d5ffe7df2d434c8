import ChatModel
import XCTest

@testable import ChatClient

/// A message's quote as the server sends it (`quoted_message`): a quoted /giphy has no text,
/// and every message carries `poll_id`, empty without a poll.
final class StreamItemsQuoteTests: XCTestCase {
    private func quote(_ quoted: String) throws -> MessageRow.QuotedPreview? {
        let json = #"{"id":"m2","cid":"messaging:general","text":"+1","user":{"id":"lena"},"quoted_message":\#(quoted)}"#
        let object = try XCTUnwrap(JSONParser.parse(json).objectValue)
        return try XCTUnwrap(StreamItems.messageRow(object, viewer: "maya")).quoted
    }

    func testAQuotedMessageWithoutTextShowsWhatItCarries() throws {
        let giphy = try quote(
            #"{"id":"m1","text":"","type":"regular","user":{"id":"priya","name":"Priya Raman"},"poll_id":"","attachments":[{"type":"giphy","title":"fingers crossed"}]}"#
        )
        XCTAssertEqual(giphy?.messageID, "m1")
        XCTAssertEqual(giphy?.authorName, "Priya Raman")
        XCTAssertEqual(giphy?.text, "[an attachment]")
        XCTAssertEqual(try quote(#"{"id":"m1","text":"","user":{"id":"priya"},"poll_id":"p9"}"#)?.text, "[a poll]")
        XCTAssertEqual(try quote(#"{"id":"m1","text":"ship it","user":{"id":"priya"},"poll_id":""}"#)?.text, "ship it")
        XCTAssertEqual(try quote(#"{"id":"m1","text":"","type":"deleted","user":{"id":"priya"},"poll_id":""}"#)?.deleted, true)
    }
}
