import ChatStore
import ChatTestSupport
import Foundation
import XCTest

/// The mentions view on the demo store, browsed offline in tmux at 120x40 and 80x24: `M` lists
/// the messages that mention Maya newest first, with channel, author and the full date and
/// time; Enter opens the first where it is, selected.
final class TmuxMentionsTests: XCTestCase {
    let directory = TemporaryDirectory()
    private lazy var tmux = TmuxDriver(directory: directory)

    override func tearDown() { tmux.stop() }

    func testTheMentionsViewListsAndEnterJumpsAtBothSizes() throws {
        guard TmuxDriver.available else { throw XCTSkip("tmux is not installed") }
        let db = directory.file("demo.sqlite")
        try ChattermProcess.importFile(packageRoot + "/demo-data/demo.jsonl", db: db)
        let store = try ChatStore(path: db)
        let mentions = try store.mentions(of: "maya", limit: 50)
        XCTAssertGreaterThan(mentions.count, 3, "the demo mentions Maya")
        // The newest: shown selected in its channel (a reply: in its thread, which opens).
        let first = try XCTUnwrap(mentions.first)
        let channels = try store.channels(for: "maya")
        let title = try XCTUnwrap(channels.first { $0.channel.cid == first.message.cid }?.title)
        let words = try XCTUnwrap(first.message.text?.split(separator: " ").prefix(3).joined(separator: " "))
        let year = try XCTUnwrap(first.message.createdAt).civil(utcOffsetSeconds: 0).year

        for (width, height) in [(120, 40), (80, 24)] {
            let session = "mentions-\(width)"
            let command =
                "env LANG=C.UTF-8 TZ=UTC CHATTERM_THEMES=\(ChattermProcess.themes) \(ChattermProcess.binary) open --user maya --db \(db)"
            try tmux.start(session, command, width: width, height: height)
            try tmux.waitFor("BROWSE", in: session)
            try tmux.keys(session, "M")
            var shown = try tmux.waitFor("Mentions of you", in: session)
            let rows = shown.split(separator: "\n").filter { $0.contains(" in #") || $0.contains(" in @") }
            XCTAssertGreaterThanOrEqual(rows.count, min(mentions.count, height - 6), "\(width)x\(height):\n\(shown)")
            let top = try XCTUnwrap(rows.first, shown)
            XCTAssertTrue(top.contains("\(year)-") && top.contains(first.authorName), "\(width)x\(height): \(top)")
            XCTAssertTrue(shown.contains(" SEARCH "), "\(width)x\(height): the results' keys:\n\(shown)")
            try tmux.keys(session, "Enter")
            shown = try tmux.waitUntil(in: session, "\(width)x\(height): the first mention shown where it is") {
                !$0.contains("Mentions of you") && $0.contains("\(title) · ")
                    && $0.contains(first.message.parentID == nil ? " SELECT " : "Thread (Esc closes)")
            }
            XCTAssertTrue(shown.contains(words), "\(width)x\(height): \(words) not on screen:\n\(shown)")
            try tmux.keys(session, "Escape", "q")
        }
    }
}
