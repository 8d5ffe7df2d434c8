import ChatTestSupport
import Foundation
import XCTest

/// `/block`, `/blocked`, `/unblock` on the live demo in tmux at 120x40 and 80x24: the blocked
/// user's direct conversation leaves the sidebar and comes back when unblocked.
final class TmuxDemoBlockTests: XCTestCase {
    let directory = TemporaryDirectory()
    private lazy var tmux = TmuxDriver(directory: directory)

    override func tearDown() { tmux.stop() }

    /// Whether the sidebar lists Priya's conversation (opened first, so it is in view).
    private func listsPriya(_ screen: String) -> Bool {
        screen.split(separator: "\n").contains { $0.prefix { $0 != "│" }.trimmingCharacters(in: .whitespaces).hasPrefix("@Priya") }
    }

    func testABlockedUsersConversationLeavesTheSidebarAtBothSizes() throws {
        guard TmuxDriver.available else { throw XCTSkip("tmux is not installed") }
        try tmux.start("block", "cd \(packageRoot) && env LANG=C.UTF-8 \(ChattermProcess.binary) demo")
        try tmux.waitUntil(in: "block", timeout: 30, "online in #Engineering") { $0.contains("online") && $0.contains("#Engineering · ") }
        for (width, height) in [(120, 40), (80, 24)] {
            let size = "\(width)x\(height)"
            try tmux.resize("block", width: width, height: height)
            try tmux.send("block", "/join #priya raman")
            try tmux.waitUntil(in: "block", "\(size): Priya's conversation open") { $0.contains("@Priya Raman") && self.listsPriya($0) }
            try tmux.send("block", "/block @priya")
            var shown = try tmux.waitFor("Blocked @priya", in: "block")
            shown = try tmux.waitUntil(in: "block", "\(size): the conversation gone") { !self.listsPriya($0) }
            XCTAssertFalse(shown.contains("@Priya Raman · "), "\(size): it is no longer open:\n\(shown)")
            try tmux.send("block", "/blocked")
            try tmux.waitFor("You block @priya", in: "block")
            try tmux.send("block", "/unblock @priya")
            try tmux.waitFor("Unblocked @priya", in: "block")
            try tmux.send("block", "/join #priya raman")
            try tmux.waitUntil(in: "block", "\(size): back in the sidebar") { self.listsPriya($0) }
        }
    }
}
