import ChatStore
import ChatTestSupport
import Foundation
import XCTest

/// B1 on the live demo in tmux, at 120x40 and 80x24: the channel open at start kept a stale
/// unread and mention badge, counted in "N unread channels" (3 of 3 runs), because the
/// connect-time channel list put the server's counts back after the client marked it read.
final class TmuxDemoUnreadTests: XCTestCase {
    let directory = TemporaryDirectory()
    private lazy var tmux = TmuxDriver(directory: directory)
    private var data: String { packageRoot + "/demo-data/demo.jsonl" }

    override func tearDown() { tmux.stop() }

    /// Maya's unread channels (muted ones do not count), from the demo data itself.
    private func unreadChannelIDs() throws -> [String] {
        let db = directory.file("expected.sqlite")
        try ChattermProcess.importFile(data, db: db)
        return try ChatStore(path: db).channels(for: "maya").filter { $0.unreadCount > 0 && !$0.muted }.map(\.channel.id)
    }

    func testTheChannelOpenAtStartShowsNoUnreadAfterConnecting() throws {
        guard TmuxDriver.available else { throw XCTSkip("tmux is not installed") }
        let unread = try unreadChannelIDs()
        // The demo opens #Engineering, unread for Maya with mentions: what the bug kept showing.
        XCTAssertTrue(unread.contains("engineering"), "\(unread)")
        let expected = "\(unread.count - 1) unread channels"
        // The race was lost every time; a few runs at each size.
        for (run, (width, height)) in [(120, 40), (80, 24), (120, 40), (80, 24)].enumerated() {
            let session = "b1-\(run)"
            try tmux.start(
                session,
                "cd \(packageRoot) && env LANG=C.UTF-8 \(ChattermProcess.binary) demo --data \(data)",
                width: width,
                height: height
            )
            // Its messages shown (until they load it is not read yet), the client connected.
            try tmux.waitUntil(in: session, timeout: 30, "online in #Engineering, its messages loaded") {
                $0.contains("online") && $0.contains("#Engineering · ") && $0.contains("⤷") && !$0.contains("Loading…")
            }
            // The connect-time list arrives after "online" with nothing on screen to say so:
            // every look for the next seconds must show the channel read.
            let until = Date().addingTimeInterval(3)
            var looks = 0
            while Date() < until || looks < 10 {
                let shown = try tmux.screen(session)
                let lines = shown.split(separator: "\n")
                let row = try XCTUnwrap(lines.first { $0.hasPrefix(" #Engineering") }, shown)
                let sidebar = row.prefix { $0 != "│" }.trimmingCharacters(in: .whitespaces)
                XCTAssertEqual(sidebar, "#Engineering", "\(width)x\(height): a badge on the channel being read:\n\(shown)")
                XCTAssertTrue(lines.last?.contains(expected) == true, "\(width)x\(height): not \(expected):\n\(shown)")
                if sidebar != "#Engineering" || lines.last?.contains(expected) != true { break }
                looks += 1
                Thread.sleep(forTimeInterval: 0.1)
            }
            // Ctrl-C ends the demo (its store with it) before the next run starts its own.
            try tmux.keys(session, "C-c")
            let deadline = Date().addingTimeInterval(15)
            while Date() < deadline, try tmux.run("list-sessions").contains(session + ":") { Thread.sleep(forTimeInterval: 0.1) }
            XCTAssertFalse(try tmux.run("list-sessions").contains(session + ":"), "the demo did not quit")
        }
    }
}
