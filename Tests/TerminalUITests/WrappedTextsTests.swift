import ChatCore
import ChatModel
import XCTest

@testable import TerminalUI

/// Messages' wrapped texts are kept between frames: what is drawn must still follow the
/// message's text, the pane's width and the context's text options.
final class WrappedTextsTests: XCTestCase {
    private func state(text: String) -> ChatState {
        var s = ChatFixture.state()
        s.window?.rows[1].message.text = text
        return s
    }

    func testAnEditedMessageIsLaidOutAgain() throws {
        let context = ChatFixture.context()
        var frame = ChatView.render(state(text: "first words https://a.example/one"), width: 120, height: 40, context: context)
        let url = try XCTUnwrap(frame.find("https://a.example/one"))
        XCTAssertEqual(frame.link(x: url.x, y: url.y), "https://a.example/one")
        frame = ChatView.render(state(text: "second words https://b.example/two"), width: 120, height: 40, context: context)
        XCTAssertNil(frame.find("first words"))
        let edited = try XCTUnwrap(frame.find("https://b.example/two"))
        XCTAssertEqual(frame.link(x: edited.x, y: edited.y), "https://b.example/two")
    }

    func testEachWidthAndEachTextOptionHasItsOwnLayout() throws {
        let context = ChatFixture.context()
        let text = "launch 🚀 " + String(repeating: "word ", count: 30)
        let wide = ChatView.render(state(text: text), width: 120, height: 40, context: context)
        let narrow = ChatView.render(state(text: text), width: 80, height: 40, context: context)
        XCTAssertGreaterThan(
            narrow.lines.filter { $0.contains("word") }.count,
            wide.lines.filter { $0.contains("word") }.count,
            "narrower, more lines"
        )
        var ascii = context
        ascii.asciiEmoji = true
        let shortcodes = ChatView.render(state(text: text), width: 120, height: 40, context: ascii)
        XCTAssertNotNil(shortcodes.find("launch :rocket:"))
        XCTAssertNotNil(ChatView.render(state(text: text), width: 120, height: 40, context: context).find("launch 🚀"))
    }

    func testTheCacheIsBounded() {
        let texts = WrappedTexts()
        let context = ChatFixture.context()
        for i in 0..<(WrappedTexts.capacity + 10) { _ = texts.lines(of: "m\(i)", text: "hello", width: 40, context: context) }
        XCTAssertLessThanOrEqual(texts.count, WrappedTexts.capacity)
        XCTAssertEqual(texts.lines(of: "m1", text: "hello there", width: 40, context: context).map(\.text), ["hello there"])
    }
}
