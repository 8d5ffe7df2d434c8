import ChatTestSupport
import Foundation
import XCTest

/// The live demo in tmux at 120x40 and 80x24, key by key: the help (B7) and a refused
/// action in message-select mode (B10).
final class TmuxDemoKeysTests: XCTestCase {
    let directory = TemporaryDirectory()
    private lazy var tmux = TmuxDriver(directory: directory)

    override func tearDown() { tmux.stop() }

    private func startDemo() throws {
        try tmux.start("demo", "cd \(packageRoot) && env LANG=C.UTF-8 \(ChattermProcess.binary) demo")
        try tmux.waitFor("online", in: "demo", timeout: 30)
    }

    /// B7: the help was cut off and PgDn scrolled the channel behind it; letters went into
    /// the composer.
    func testTheHelpScrollsAndKeepsItsKeysAtBothSizes() throws {
        guard TmuxDriver.available else { throw XCTSkip("tmux is not installed") }
        try startDemo()
        for (width, height) in [(120, 40), (80, 24)] {
            try tmux.resize("demo", width: width, height: height)
            try tmux.keys("demo", "F1")
            var shown = try tmux.waitFor("Keys 1–", in: "demo")
            XCTAssertFalse(shown.contains("close the help"), "\(width)x\(height): the end does not fit:\n\(shown)")
            for _ in 0..<20 { try tmux.keys("demo", "NPage") }
            shown = try tmux.waitFor("Esc F1 ?       close the help", in: "demo")
            XCTAssertTrue(shown.contains(" of 182 "), "\(width)x\(height):\n\(shown)")
            try tmux.type("demo", "xy")
            try tmux.keys("demo", "Escape")
            shown = try tmux.waitUntil(in: "demo", "the help closed") { !$0.contains("Keys ") }
            let composer = try XCTUnwrap(shown.split(separator: "\n").last { $0.hasPrefix("›") })
            XCTAssertEqual(composer.trimmingCharacters(in: .whitespaces), "›", "\(width)x\(height): letters reached the composer")
        }
    }

    /// A resize right after Esc put KEY_RESIZE back as a character: "ƚ" (U+019A) appeared in
    /// the composer with the next key, and Enter sent it. (An arrow: below.)
    func testAResizeRightAfterEscTypesNothing() throws {
        guard TmuxDriver.available else { throw XCTSkip("tmux is not installed") }
        try startDemo()
        // One tmux command, so that the resize follows Esc within the 25 ms that make Alt.
        _ = try tmux.run("send-keys", "-t", "demo", "Escape", ";", "resize-window", "-t", "demo", "-x", "80", "-y", "24")
        // Apart from the Esc, as a finger is: an Esc and a z within 25 ms are Alt-z.
        Thread.sleep(forTimeInterval: 0.2)
        try tmux.type("demo", "z")
        let shown = try tmux.waitUntil(in: "demo", "z typed") {
            $0.split(separator: "\n").contains { $0.hasPrefix("›") && $0.contains("z") }
        }
        let composer = try XCTUnwrap(shown.split(separator: "\n").last { $0.hasPrefix("›") })
        XCTAssertEqual(composer.trimmingCharacters(in: .whitespaces), "› z", shown)
    }

    /// B10: after `e` on someone else's message was refused, the next letters ran as
    /// commands; now they are text in the composer, and Enter sends only what it shows.
    func testARefusedEditReturnsToTheComposerAtBothSizes() throws {
        guard TmuxDriver.available else { throw XCTSkip("tmux is not installed") }
        try startDemo()
        try tmux.send("demo", "my own line")
        try tmux.waitFor("my own line", in: "demo")
        for (width, height) in [(120, 40), (80, 24)] {
            try tmux.resize("demo", width: width, height: height)
            // ↑ selects one's own last message; ↑ again the one before it, someone else's.
            try tmux.keys("demo", "Up")
            try tmux.waitFor(" SELECT ", in: "demo")
            try tmux.keys("demo", "Up", "e")
            try tmux.waitFor("You can only edit your own messages", in: "demo")
            try tmux.type("demo", "dt")
            let shown = try tmux.waitFor("› dt", in: "demo")
            XCTAssertFalse(shown.contains("Delete this message?"), "\(width)x\(height): d asked to delete:\n\(shown)")
            XCTAssertFalse(shown.contains("Thread ("), "\(width)x\(height): t opened a thread:\n\(shown)")
            try tmux.keys("demo", "C-u")
            try tmux.waitUntil(in: "demo", "the composer emptied") { !$0.contains("› dt") }
        }
    }

    /// The mode stack as a user meets it: F1 over message-select mode starts with its keys and
    /// Esc returns to the selection, the switcher opens over it, and Tab completion shows its
    /// candidates above the composer until the next key.
    func testModesStackAndTheHelpAndHintsFollowTheTopOne() throws {
        guard TmuxDriver.available else { throw XCTSkip("tmux is not installed") }
        try startDemo()
        for (width, height) in [(120, 40), (80, 24)] {
            try tmux.resize("demo", width: width, height: height)
            try tmux.keys("demo", "Up")
            try tmux.waitFor(" SELECT ", in: "demo")
            try tmux.keys("demo", "F1")
            var shown = try tmux.waitFor("— selecting (after ↑) —", in: "demo")
            XCTAssertTrue(shown.contains(" HELP "), "\(width)x\(height):\n\(shown)")
            try tmux.keys("demo", "Escape")
            try tmux.waitFor(" SELECT ", in: "demo")
            try tmux.keys("demo", "C-k")
            shown = try tmux.waitFor("Switch channel", in: "demo")
            XCTAssertTrue(shown.contains(" SWITCH "), "\(width)x\(height):\n\(shown)")
            try tmux.keys("demo", "Escape")
            try tmux.waitFor(" SELECT ", in: "demo")
            try tmux.keys("demo", "Escape")
            try tmux.waitFor(" CHAT ", in: "demo")
            try tmux.type("demo", "hi @")
            try tmux.keys("demo", "Tab")
            shown = try tmux.waitFor("Tab next", in: "demo")
            let lines = shown.split(separator: "\n", omittingEmptySubsequences: false)
            let composer = try XCTUnwrap(lines.lastIndex { $0.hasPrefix("› hi @") }, shown)
            XCTAssertTrue(lines[composer - 1].hasPrefix(" @") && lines[composer - 1].contains("  @"), "\(width)x\(height):\n\(shown)")
            try tmux.type("demo", "x")
            shown = try tmux.waitUntil(in: "demo", "completion ended") { !$0.contains("Tab next") }
            XCTAssertNotNil(shown.split(separator: "\n").last { $0.hasPrefix("› hi @") && $0.hasSuffix(" x") }, shown)
            try tmux.keys("demo", "C-u")
            try tmux.waitUntil(in: "demo", "the composer emptied") { !$0.contains("› hi") }
        }
    }

    /// Esc with an arrow right behind it (one read: `ESC ESC [ D`) is Esc, then the arrow: the
    /// arrow's key code was put back as a character, and `Ą` (U+0104, KEY_LEFT) was typed.
    func testEscThenAnArrowAtOnceAreTwoKeysNotALetter() throws {
        guard TmuxDriver.available else { throw XCTSkip("tmux is not installed") }
        try startDemo()
        try tmux.type("demo", "abc")
        try tmux.waitFor("› abc", in: "demo")
        try tmux.run("send-keys", "-t", "demo", "Escape", "Left")
        try tmux.type("demo", "X")
        let shown = try tmux.waitFor("› abXc", in: "demo")
        XCTAssertFalse(shown.contains("Ą"), shown)
    }
}
