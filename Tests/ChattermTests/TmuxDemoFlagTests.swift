import ChatTestSupport
import Foundation
import XCTest

/// Flags on the live demo in tmux: `f` on a selected message asks, `y` flags it and its header
/// says so; `/flag @user` flags a user; a message flagged once is not asked about again; any
/// other key than `y` flags nothing. At 120x40, then 80x24.
final class TmuxDemoFlagTests: XCTestCase {
    let directory = TemporaryDirectory()
    private lazy var tmux = TmuxDriver(directory: directory)

    override func tearDown() { tmux.stop() }

    func testFlagAMessageAndAUserAtBothSizes() throws {
        guard TmuxDriver.available else { throw XCTSkip("tmux is not installed") }
        try tmux.start("flag", "cd \(packageRoot) && env LANG=C.UTF-8 \(ChattermProcess.binary) demo")
        try tmux.waitUntil(in: "flag", timeout: 30, "online in #Engineering") { $0.contains("online") && $0.contains("#Engineering · ") }
        XCTAssertFalse(try tmux.screen("flag").contains("flagged by you"))

        // 120x40: the newest message (someone else's) selected, flagged after the yes.
        try tmux.keys("flag", "Up")
        try tmux.waitFor(" SELECT ", in: "flag")
        try tmux.keys("flag", "f")
        var shown = try tmux.waitFor("message for the moderators? y flags, any other key does not", in: "flag")
        XCTAssertTrue(shown.contains(" FLAG? "), shown)
        try tmux.keys("flag", "y")
        shown = try tmux.waitFor("Flagged the message for the moderators", in: "flag")
        XCTAssertEqual(shown.components(separatedBy: "⚑ flagged by you").count, 2, "one message marked:\n\(shown)")
        XCTAssertTrue(shown.contains(" CHAT "), "the selection ended:\n\(shown)")
        try tmux.send("flag", "/flag @priya posts spam")
        try tmux.waitFor("Flag @priya for the moderators? y flags", in: "flag")
        try tmux.keys("flag", "y")
        try tmux.waitFor("Flagged @priya for the moderators", in: "flag")

        // 80x24: the mark stays; the same message is not flagged twice; a no flags nothing.
        try tmux.resize("flag", width: 80, height: 24)
        try tmux.waitUntil(in: "flag", "80x24: the mark") { $0.contains("⚑ flagged by you") && !$0.contains("Flagged @priya") }
        try tmux.send("flag", "/flag")
        try tmux.waitFor("You flagged this message already", in: "flag")
        try tmux.keys("flag", "Escape")
        try tmux.send("flag", "/flag @priya")
        try tmux.waitFor("Flag @priya for the moderators?", in: "flag")
        try tmux.keys("flag", "n")
        shown = try tmux.waitUntil(in: "flag", "80x24: the question gone") { !$0.contains("for the moderators?") }
        XCTAssertFalse(shown.contains("Flagged @priya"), shown)
        XCTAssertFalse(shown.contains("Could not flag"), shown)
    }
}
