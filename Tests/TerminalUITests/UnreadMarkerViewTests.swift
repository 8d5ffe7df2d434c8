import ChatCore
import ChatModel
import Foundation
import TerminalUI
import XCTest

/// "New messages ↑" at the top of the message pane while the first unread message is above
/// what it shows; URLs in messages as hyperlinks; the links and join lists.
final class UnreadMarkerViewTests: XCTestCase {
    private let context = ChatFixture.context()

    /// The fixture's channel (first unread: m8 at 10:02) and then `count` two-line messages.
    private func state(following count: Int) -> ChatState {
        var s = ChatFixture.state()
        let later = (0..<count).map { i in
            ChatFixture.row(
                ChatFixture.message("n\(i)", i % 2 == 0 ? "priya" : "tomas", "later \(i)", at: "2020-03-03T1\(1 + i / 6):\(i % 6)0:00Z")
            )
        }
        s.window?.rows += later
        return s
    }

    private func marker(in frame: Frame) -> (x: Int, y: Int)? { frame.find("New messages ↑") }

    func testTheMarkerShowsWhileTheFirstUnreadIsAboveTheScreen() throws {
        for (width, height) in [(120, 40), (80, 24)] {
            var s = state(following: 30)
            var frame = ChatView.render(s, width: width, height: height, context: context)
            let shown = try XCTUnwrap(marker(in: frame), "\(width)x\(height):\n\(frame.lines.joined(separator: "\n"))")
            XCTAssertEqual(shown.y, 1, "the pane's top row, under its header")
            XCTAssertNotNil(frame.find("New messages ↑ (Alt-U)"), "it names its key")
            XCTAssertEqual(frame[shown.x, shown.y].style, context.style("newMessages"))
            XCTAssertNil(frame.find("── New messages ──"))
            // The jump: the first unread on screen, its line with it, the marker gone.
            s = ChatReducer.reduce(s, .jumpToFirstUnread).0
            frame = ChatView.render(s, width: width, height: height, context: context)
            XCTAssertNil(marker(in: frame), "\(width)x\(height)")
            XCTAssertNotNil(frame.find(" New messages "))
            XCTAssertNotNil(frame.find("@maya can you review"))
        }
    }

    func testNoMarkerWhenTheFirstUnreadIsOnScreenOrBelowIt() {
        XCTAssertNil(marker(in: ChatView.render(state(following: 2), width: 120, height: 40, context: context)))
        var below = state(following: 30)
        below.window?.bottomIndex = 3
        XCTAssertNil(marker(in: ChatView.render(below, width: 120, height: 40, context: context)), "it is below: no ↑")
    }

    func testTheMarkerShowsWhenUnreadBeginsBeforeTheWindow() {
        var s = state(following: 4)
        let newest = Array(s.window!.rows.suffix(4))
        s.window?.rows = newest
        XCTAssertTrue(s.window!.unreadBeginsBeforeWindow)
        XCTAssertNotNil(marker(in: ChatView.render(s, width: 120, height: 40, context: context)))
    }

    func testURLsInMessagesLinkTheirCellsUnlessHyperlinksAreOff() throws {
        var s = ChatFixture.state()
        s.window?.rows[1].message.text = "Agenda: https://docs.example/agenda, then the cutover plan."
        var frame = ChatView.render(s, width: 120, height: 40, context: context)
        let url = try XCTUnwrap(frame.find("https://docs.example/agenda"))
        XCTAssertEqual((0..<27).map { frame.link(x: url.x + $0, y: url.y) }, Array(repeating: "https://docs.example/agenda", count: 27))
        XCTAssertNil(frame.link(x: url.x - 1, y: url.y))
        XCTAssertNil(frame.link(x: url.x + 27, y: url.y), "the comma after it is not part of it")
        let card = try XCTUnwrap(frame.find("spec.pdf"))
        XCTAssertEqual(frame.link(x: card.x, y: card.y), "https://cdn.example.com/spec.pdf", "an attachment card links to its file")
        var off = context
        off.hyperlinks = false
        frame = ChatView.render(s, width: 120, height: 40, context: off)
        XCTAssertFalse((0..<frame.height).contains { y in (0..<frame.width).contains { frame.link(x: $0, y: y) != nil } })
    }

    func testTheLinksAndJoinListsDrawTheirRows() throws {
        var s = ChatFixture.state()
        s.modes.push(.select(pane: .messages, messageID: "m9"))
        s = ChatReducer.reduce(s, .openSelectedLink).0
        var frame = ChatView.render(s, width: 120, height: 40, context: context)
        XCTAssertNotNil(frame.find("Links (Enter opens, y copies, Y copies the text, Esc)"))
        let first = try XCTUnwrap(frame.find("https://cdn.example.com/hero.png"))
        XCTAssertEqual(frame[first.x, first.y].style, context.style("switcher.selected"))
        XCTAssertNotNil(frame.find("image · hero.png"))
        XCTAssertNotNil(frame.find("https://getstream.io/chat/docs/import/"))
        XCTAssertTrue(frame.lines.last?.contains("LINKS") == true, frame.lines.last ?? "")

        var join = ChatFixture.state()
        join.modes.push(
            .joinPicker(
                JoinPicker(channels: [
                    ChannelSummary(
                        channel: Channel(type: "team", id: "books", createdBy: "x", custom: ["name": "Book Club"]),
                        memberCount: 1
                    ),
                    ChannelSummary(channel: Channel(type: "livestream", id: "demo", createdBy: "x"), memberCount: 1_204),
                ])
            )
        )
        frame = ChatView.render(join, width: 80, height: 24, context: context)
        XCTAssertNotNil(frame.find("Join a channel"))
        XCTAssertNotNil(frame.find("#Book Club"))
        XCTAssertNotNil(frame.find("1 member"))
        XCTAssertNotNil(frame.find("▶ demo"))
        XCTAssertNotNil(frame.find("1,204 members"))
    }
}
