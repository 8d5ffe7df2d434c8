import ChatTestSupport
import Foundation
import XCTest

/// Pinned and archived channels and "mark unread from here" on the live demo (with its bots
/// talking in #Engineering, the channel open at start), in tmux at 120x40 and 80x24.
final class TmuxDemoChannelMarksTests: XCTestCase {
    let directory = TemporaryDirectory()
    private lazy var tmux = TmuxDriver(directory: directory)

    override func tearDown() { tmux.stop() }

    /// The sidebar's rows: the text left of the pane border, trimmed.
    private func sidebar(_ screen: String) -> [String] {
        screen.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.prefix { $0 != "│" }.trimmingCharacters(in: .whitespaces)
        }
    }

    /// The row after the header `title`, or nil when there is no such header.
    private func firstUnder(_ title: String, _ screen: String) -> String? {
        let rows = sidebar(screen)
        return rows.firstIndex { $0.hasPrefix(title) }.flatMap { $0 + 1 < rows.count ? rows[$0 + 1] : nil }
    }

    func testPinArchiveAndMarkUnreadAtBothSizes() throws {
        guard TmuxDriver.available else { throw XCTSkip("tmux is not installed") }
        try tmux.start("marks", "cd \(packageRoot) && env LANG=C.UTF-8 \(ChattermProcess.binary) demo --bots")
        try tmux.waitUntil(in: "marks", timeout: 30, "online in #Engineering") { $0.contains("online") && $0.contains("#Engineering · ") }
        for (width, height) in [(120, 40), (80, 24)] {
            let size = "\(width)x\(height)"
            try tmux.resize("marks", width: width, height: height)
            try tmux.send("marks", "/pin-channel")
            var shown = try tmux.waitUntil(in: "marks", "\(size): #Engineering pinned on top") {
                self.firstUnder("PINNED", $0)?.hasPrefix("#Engin") == true
            }
            // The first group, under the threads' line that leads every sidebar.
            XCTAssertEqual(
                sidebar(shown).first { !$0.isEmpty && !$0.hasPrefix("⤷ Threads") },
                "PINNED",
                "\(size): the group leads:\n\(shown)"
            )
            try tmux.send("marks", "/unpin-channel")
            try tmux.waitUntil(in: "marks", "\(size): the pinned group gone") { !$0.contains("PINNED") }

            try tmux.send("marks", "/archive")
            // Folded, it is not listed (the folded group's line may be cut at 80x24: "↓ N more").
            shown = try tmux.waitFor("Archived Engineering", in: "marks")
            XCTAssertFalse(sidebar(shown).contains { $0.hasPrefix("#Engin") }, "\(size): folded, it is not listed:\n\(shown)")
            XCTAssertTrue(shown.contains("#Engineering · "), "\(size): it stays open:\n\(shown)")
            try tmux.keys("marks", "M-z")
            try tmux.waitUntil(in: "marks", "\(size): the archive unfolded") {
                self.firstUnder("ARCHIVED", $0)?.hasPrefix("#Engin") == true
            }
            try tmux.send("marks", "/unarchive")
            shown = try tmux.waitUntil(in: "marks", "\(size): back from the archive") { !$0.contains("ARCHIVED") }
            XCTAssertTrue(sidebar(shown).contains { $0.hasPrefix("#Engin") }, "\(size):\n\(shown)")
            // Alt-Z unfolded the (now empty) archive: fold it again for the next size.
            try tmux.keys("marks", "M-z")
        }
    }

    /// `u` in message-select mode: the channel being read counts as unread, and the bots'
    /// new messages there do not mark it read again.
    func testMarkUnreadKeepsTheOpenChannelUnread() throws {
        guard TmuxDriver.available else { throw XCTSkip("tmux is not installed") }
        let count = { (screen: String) -> Int? in
            screen.split(separator: "\n").last.flatMap { line in
                line.range(of: " unread channel").flatMap { Int(line[..<$0.lowerBound].split(separator: " ").last ?? "") }
            }
        }
        // Each size on a demo of its own: after the first round #Engineering has been marked
        // unread and read again, so a second round on the same demo starts from other counts.
        for (width, height) in [(120, 40), (80, 24)] {
            let size = "\(width)x\(height)"
            try tmux.start(
                "unread",
                "cd \(packageRoot) && env LANG=C.UTF-8 \(ChattermProcess.binary) demo --bots",
                width: width,
                height: height
            )
            try tmux.waitUntil(in: "unread", timeout: 30, "\(size): online in #Engineering") {
                $0.contains("online") && $0.contains("#Engineering · ")
            }
            var shown = try tmux.waitUntil(in: "unread", timeout: 15, "\(size): the unread count") { count($0) != nil }
            let before = try XCTUnwrap(count(shown), shown)
            try tmux.keys("unread", "Up")
            try tmux.waitFor(" SELECT ", in: "unread")
            if width == 120 { XCTAssertTrue(try tmux.screen("unread").contains("u unread"), "\(size): the hint names the key") }
            try tmux.keys("unread", "k", "k", "u")
            try tmux.waitFor("unread message", in: "unread")
            // Once the notice has gone, the status line counts #Engineering too, and keeps it
            // while the bots talk. They talk in other channels too, so a count can only rise:
            // never below the one with #Engineering unread.
            shown = try tmux.waitUntil(in: "unread", timeout: 15, "\(size): \(before + 1) unread channels") { count($0) == before + 1 }
            for _ in 0..<6 {
                Thread.sleep(forTimeInterval: 0.5)
                shown = try tmux.screen("unread")
                XCTAssertGreaterThanOrEqual(count(shown) ?? 0, before + 1, "\(size):\n\(shown)")
            }
            // Opened again, it is read.
            try tmux.send("unread", "/join #design")
            let onDesign = try tmux.waitUntil(in: "unread", "\(size): on #Design") { $0.contains("#Design · ") && count($0) != nil }
            let unreadThen = try XCTUnwrap(count(onDesign), onDesign)
            try tmux.send("unread", "/join #engineering")
            try tmux.waitFor("#Engineering · ", in: "unread")
            try tmux.waitUntil(in: "unread", timeout: 15, "\(size): read again") { (count($0) ?? .max) < unreadThen }
            tmux.stop()
        }
    }
}
