import ChatCore
import ChatModel
import XCTest

@testable import TerminalUI

/// The reader's threads on screen: the sidebar's first line counts the threads with unread
/// replies (bold, the count as mentions are, a click opens the list), and the list shows each
/// thread on two lines, its unread replies standing out, at 120x40 and 80x24.
final class ThreadsViewTests: XCTestCase {
    private let context = ChatFixture.context()

    private func thread(_ id: String, unread: Int, replies: Int = 3) throws -> ThreadListRow {
        let parent = try XCTUnwrap(ChatFixture.state().window?.rows.first { $0.id == id })
        return ThreadListRow(
            parent: parent,
            replyCount: replies,
            lastReplyAuthor: "Priya Patel",
            lastReplyAt: ChatFixture.time("2020-03-03T11:00:00Z"),
            unreadCount: unread
        )
    }

    func testTheSidebarsThreadsLineCountsThreadsWithUnreadReplies() throws {
        var state = ChatFixture.state()
        var frame = ChatView.render(state, width: 120, height: 40, context: context)
        let plain = try XCTUnwrap(frame.find("⤷ Threads"))
        XCTAssertEqual(plain.y, 0, "it leads the sidebar")
        XCTAssertNil(frame.find("⤷ Threads ("), "nothing unread, no count")
        XCTAssertEqual(frame[plain.x, plain.y].style, context.style("sidebar.channel"))
        guard case .pointer(.openThreads)? = frame.hits.event(for: MouseEvent(.press(button: 0), x: plain.x + 3, y: plain.y)) else {
            return XCTFail("a click on the line opens the list")
        }
        state.threadUnread.counts = ["m1": 2, "m8": 1]
        for (width, height) in [(120, 40), (80, 24)] {
            frame = ChatView.render(state, width: width, height: height, context: context)
            let line = try XCTUnwrap(frame.find("⤷ Threads (2)"), "\(width)x\(height): two threads, whatever their replies")
            XCTAssertEqual(frame[line.x, line.y].style, context.style("sidebar.channel.unread"))
            XCTAssertEqual(frame[line.x + 10, line.y].style, context.style("sidebar.channel.mention"))
        }
        // The groups scrolled down to the open livestream go under it: it stays at the top.
        state.openCID = "livestream:launch"
        frame = ChatView.render(state, width: 80, height: 9, context: context)
        XCTAssertEqual(frame.find("⤷ Threads (2)")?.y, 0, frame.lines.joined(separator: "\n"))
        XCTAssertEqual(frame.find("↑ 4 more")?.y, 2, "the cut groups say so below it")
    }

    func testTheListShowsEachThreadOnTwoLinesItsUnreadRepliesStandingOut() throws {
        var state = ChatFixture.state()
        let rows = [try thread("m8", unread: 2), try thread("m1", unread: 0, replies: 1)]
        state.threadUnread.counts = ["m8": 2]
        state.modes.push(.threads(ThreadList(rows: rows, next: "2")))
        for (width, height) in [(120, 40), (80, 24)] {
            let size = "\(width)x\(height)"
            let frame = ChatView.render(state, width: width, height: height, context: context)
            XCTAssertNotNil(frame.find("Your threads (↑↓, Enter opens, Esc, more below)"), size)
            let first = try XCTUnwrap(
                frame.find("#engineering  \(rows[0].parent.authorName): "),
                "\(size):\n\(frame.lines.joined(separator: "\n"))"
            )
            let badge = try XCTUnwrap(frame.find(" 2 new"), size)
            XCTAssertEqual(badge.y, first.y, "\(size): on the thread's first line")
            XCTAssertTrue(frame[badge.x + 1, badge.y].style.attributes.contains(.bold), size)
            XCTAssertEqual(frame.find("⤷ 3 replies, latest by Priya Patel")?.y, first.y + 1, size)
            XCTAssertNotNil(frame.find("⤷ 1 reply, latest by Priya Patel"), size)
            XCTAssertFalse(frame.lines[first.y + 2].contains(" new"), "\(size): the read thread has no badge: \(frame.lines[first.y + 2])")
        }
    }
}
