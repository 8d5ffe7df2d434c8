import ChatModel
import NIOCore
import XCTest

@testable import ChatClient

/// The WebSocket client parses each event from its frames' bytes: a message split over frames
/// is joined first, binary messages are skipped, and an oversized one ends the connection.
final class TextMessageTests: XCTestCase {
    func testAWholeFrameIsTheMessage() throws {
        var text = TextMessage()
        let message = try text.add(.text, ByteBuffer(string: #"{"type":"health.check"}"#), fin: true)
        XCTAssertEqual(message?.parsedObject?["type"]?.stringValue, "health.check")
    }

    func testFragmentsAreJoinedInOrder() throws {
        var text = TextMessage()
        XCTAssertNil(try text.add(.text, ByteBuffer(string: #"{"type":"mess"#), fin: false))
        XCTAssertNil(try text.add(.continuation, ByteBuffer(string: #"age.new","n""#), fin: false))
        let message = try text.add(.continuation, ByteBuffer(string: ":7}"), fin: true)
        XCTAssertEqual(message?.parsedObject?["type"]?.stringValue, "message.new")
        XCTAssertEqual(message?.parsedObject?["n"]?.intValue, 7)
        let next = try text.add(.text, ByteBuffer(string: #"{"n":8}"#), fin: true)
        XCTAssertEqual(next?.parsedObject?["n"]?.intValue, 8, "the next message starts afresh")
    }

    func testABinaryMessageAndItsFragmentsAreSkipped() throws {
        var text = TextMessage()
        XCTAssertNil(try text.add(.binary, ByteBuffer(string: "{}"), fin: false))
        XCTAssertNil(try text.add(.continuation, ByteBuffer(string: "{}"), fin: true))
    }

    func testAMessageOverTheLimitIsRefused() throws {
        var text = TextMessage()
        XCTAssertNil(try text.add(.text, ByteBuffer(repeating: UInt8(ascii: " "), count: TextMessage.maxSize), fin: false))
        XCTAssertThrowsError(try text.add(.continuation, ByteBuffer(string: "{}"), fin: true))
    }

    func testBytesThatAreNotAnObjectParseToNothing() {
        XCTAssertNil(ByteBuffer(string: "[1,2]").parsedObject)
        XCTAssertNil(ByteBuffer(string: #"{"a":"#).parsedObject)
        XCTAssertNil(ByteBuffer().parsedObject)
    }
}
