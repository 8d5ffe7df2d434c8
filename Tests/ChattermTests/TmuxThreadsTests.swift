import ChatModel
import ChatStore
import ChatTestSupport
import Foundation
import XCTest

/// The threads list on the demo store, browsed offline in tmux at 120x40 and 80x24: the
/// sidebar counts Maya's threads with unread replies, `T` lists her threads (unread first) with
/// channel, author and replies, and Enter opens the first beside its channel, read.
final class TmuxThreadsTests: XCTestCase {
    let directory = TemporaryDirectory()
    private lazy var tmux = TmuxDriver(directory: directory)

    override func tearDown() { tmux.stop() }

    func testTheThreadsListShowsAndEnterOpensTheThreadAtBothSizes() throws {
        guard TmuxDriver.available else { throw XCTSkip("tmux is not installed") }
        let db = directory.file("demo.sqlite")
        try ChattermProcess.importFile(packageRoot + "/demo-data/demo.jsonl", db: db)
        // A thread of Maya's whose latest reply is someone else's, read by her only up to before it.
        let store = try ChatStore(path: db)
        var picked: (parent: Message, latest: Message)?
        for thread in try store.threadPage(of: "maya", limit: 100, next: nil).rows where picked == nil {
            if let last = try store.replies(to: thread.parentID, viewer: "maya", limit: 100).last, last.message.userID != "maya" {
                picked = (thread.parent.message, last.message)
            }
        }
        let (parent, latest) = try XCTUnwrap(picked, "a thread of Maya's someone else answered last")
        let at = try XCTUnwrap(latest.createdAt)
        XCTAssertTrue(try store.markRead(cid: parent.cid, userID: "maya", at: Timestamp(seconds: at.seconds - 1)))
        let unread = try store.unreadThreads(for: "maya").count
        XCTAssertGreaterThan(unread, 0, "the thread answered after her read")
        let first = try XCTUnwrap(store.threadPage(of: "maya", limit: 1, next: nil).rows.first)
        XCTAssertGreaterThan(first.unreadCount, 0, "unread first")
        let title = try XCTUnwrap(store.channels(for: "maya").first { $0.channel.cid == first.parent.message.cid }?.title)
        let words = try XCTUnwrap(first.parent.message.text?.split(separator: " ").prefix(3).joined(separator: " "))

        for (width, height) in [(120, 40), (80, 24)] {
            let size = "\(width)x\(height)"
            let session = "threads-\(width)"
            let command =
                "env LANG=C.UTF-8 TZ=UTC CHATTERM_THEMES=\(ChattermProcess.themes) \(ChattermProcess.binary) open --user maya --db \(db)"
            try tmux.start(session, command, width: width, height: height)
            try tmux.waitFor("⤷ Threads (\(unread))", in: session)
            try tmux.keys(session, "T")
            var shown = try tmux.waitFor("Your threads", in: session)
            XCTAssertTrue(shown.contains(" THREADS "), "\(size): the list's keys:\n\(shown)")
            let rows = shown.split(separator: "\n").filter { $0.contains("⤷ ") && $0.contains(" repl") }
            XCTAssertGreaterThanOrEqual(rows.count, min(10, (height - 4) / 2), "\(size): a thread takes two lines:\n\(shown)")
            let top = try XCTUnwrap(shown.split(separator: "\n").first { $0.contains(first.parent.authorName + ":") }, shown)
            XCTAssertTrue(top.contains("\(first.unreadCount) new"), "\(size): the unread replies of the first: \(top)")
            try tmux.keys(session, "Enter")
            shown = try tmux.waitUntil(in: session, "\(size): the first thread open beside its channel") {
                !$0.contains("Your threads") && $0.contains("Thread (Esc closes)") && $0.contains("\(title) · ")
            }
            XCTAssertTrue(shown.contains(words), "\(size): \(words) not on screen:\n\(shown)")
            let read = unread == 1 ? "⤷ Threads " : "⤷ Threads (\(unread - 1))"
            try tmux.waitFor(read, in: session)
            try tmux.keys(session, "Escape", "q")
        }
    }
}
