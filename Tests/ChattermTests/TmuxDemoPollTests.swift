import ChatTestSupport
import Foundation
import XCTest

/// Polls on the live demo in tmux: `/poll` sends one, the card shows under the message,
/// ↑ then V opens the picker, Enter votes, and the card counts the vote and marks it yours;
/// Enter on it again takes the vote back.
final class TmuxDemoPollTests: XCTestCase {
    let directory = TemporaryDirectory()
    private lazy var tmux = TmuxDriver(directory: directory)

    override func tearDown() { tmux.stop() }

    /// The card's line for `option`, once the screen shows one.
    private func optionLine(_ option: String, in screen: String) -> String? {
        screen.split(separator: "\n").map(String.init).first { $0.contains("│ ✓ \(option)") || $0.contains("│   \(option)") }
    }

    func testCreateAPollVoteAndSeeTheCount() throws {
        guard TmuxDriver.available else { throw XCTSkip("tmux is not installed") }
        try tmux.start("demo", "cd \(packageRoot) && env LANG=C.UTF-8 \(ChattermProcess.binary) demo")
        try tmux.resize("demo", width: 120, height: 40)
        try tmux.waitFor("online", in: "demo", timeout: 30)
        try tmux.send("demo", #"/poll "Lunch on Friday?" "Pizza place" "Soup bar""#)
        var screen = try tmux.waitFor("Lunch on Friday?  (poll)", in: "demo")
        XCTAssertTrue(screen.contains("0 votes · ↑ then V to vote"), screen)
        XCTAssertNotNil(optionLine("Pizza place", in: screen), screen)

        // ↑ selects one's own newest message, the poll; V opens the picker on its first option.
        try tmux.keys("demo", "Up", "V")
        try tmux.waitFor("Vote: Lunch on Friday?", in: "demo")
        try tmux.keys("demo", "Enter")
        screen = try tmux.waitUntil(in: "demo", "the vote counted") { $0.contains("1 vote · ↑ then V to vote") }
        let voted = try XCTUnwrap(optionLine("Pizza place", in: screen), screen)
        XCTAssertTrue(voted.contains("│ ✓ Pizza place") && voted.contains("████████████ 1"), voted)
        XCTAssertTrue(optionLine("Soup bar", in: screen)?.contains("░░░░░░░░░░░░ 0") == true, screen)

        // Enter on one's own vote takes it back.
        try tmux.keys("demo", "V")
        try tmux.waitFor("✓ yours: Enter takes it back", in: "demo")
        try tmux.keys("demo", "Enter")
        screen = try tmux.waitUntil(in: "demo", "the vote taken back") { $0.contains("0 votes · ↑ then V to vote") }
        XCTAssertFalse(screen.contains("│ ✓ Pizza place"), screen)
    }
}
