import ChatModel
import XCTest

@testable import ChatClient

/// A message as the server sends it: its quote (`quoted_message`: a quoted /giphy has no text,
/// and every message carries `poll_id`, empty without a poll) and its `silent` flag.
final class StreamItemsMessageTests: XCTestCase {
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

    func testASilentMessageKeepsItsFlag() throws {
        let row = { (json: String) in
            try XCTUnwrap(StreamItems.messageRow(try XCTUnwrap(JSONParser.parse(json).objectValue), viewer: "maya"))
        }
        let silent = try row(#"{"id":"m1","cid":"messaging:general","text":"ride waiting","user":{"id":"lena"},"silent":true}"#)
        XCTAssertTrue(silent.message.silent)
        XCTAssertNil(silent.message.custom["silent"], "a field of Stream's own, not custom data")
        XCTAssertFalse(try row(#"{"id":"m2","cid":"messaging:general","text":"hi","user":{"id":"lena"},"silent":false}"#).message.silent)
    }
}
