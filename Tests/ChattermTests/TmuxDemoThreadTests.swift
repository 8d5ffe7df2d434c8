import ChatTestSupport
import Foundation
import XCTest

/// Thread actions on the live demo in tmux, at 120x40 and 80x24 (B3): a reply is selected and
/// edited, reacted to, quoted and deleted as a channel message is, and `/delete` typed in the
/// thread deletes the newest reply, not the channel's newest message.
final class TmuxDemoThreadTests: XCTestCase {
    let directory = TemporaryDirectory()
    private lazy var tmux = TmuxDriver(directory: directory)

    override func tearDown() { tmux.stop() }

    private func count(_ text: String, in screen: String) -> Int { screen.components(separatedBy: text).count - 1 }

    /// The line after the one showing `text` (a message's reactions come below its text).
    private func line(after text: String, in screen: String) -> String? {
        let lines = screen.split(separator: "\n").map(String.init)
        return lines.firstIndex { $0.contains(text) }.flatMap { $0 + 1 < lines.count ? lines[$0 + 1] : nil }
    }

    /// Waits until a message shows `text` (the composer, `›` or `↳`, does not count).
    @discardableResult
    private func waitShown(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        try tmux.waitUntil(in: "demo", file: file, line: line, "a message \(text.debugDescription)") { screen in
            screen.split(separator: "\n").contains { !$0.hasPrefix("›") && !$0.hasPrefix("↳") && $0.contains(text) }
        }
    }

    /// Answers y to "Delete this message?" and waits until `text` is gone; returns the screen.
    private func confirmDeletion(of text: String) throws -> String {
        try tmux.waitFor("Delete this message?", in: "demo")
        try tmux.keys("demo", "y")
        return try tmux.waitUntil(in: "demo", "\(text.debugDescription) deleted") { !$0.contains(text) }
    }

    func testActionsOnAThreadReplyAtBothSizes() throws {
        guard TmuxDriver.available else { throw XCTSkip("tmux is not installed") }
        try tmux.start("demo", "cd \(packageRoot) && env LANG=C.UTF-8 \(ChattermProcess.binary) demo")
        try tmux.waitFor("online", in: "demo", timeout: 30)
        for (width, height) in [(120, 40), (80, 24)] {
            try tmux.resize("demo", width: width, height: height)
            let size = "\(width)x\(height)"
            // A root, and after it the channel's newest message, which /delete must leave alone.
            try tmux.send("demo", "root \(width)")
            try tmux.send("demo", "newest \(width)")
            try waitShown("newest \(width)")
            // ↑ selects one's own last message, ↑ again the root; t opens its thread, to write in.
            try tmux.keys("demo", "Up", "Up", "t")
            try tmux.waitFor("Thread (Esc closes)", in: "demo")
            try tmux.send("demo", "one \(width)")
            try waitShown("one \(width)")
            try tmux.send("demo", "two \(width)")
            try waitShown("two \(width)")

            // e: ↑ starts on one's own last reply (two), ↑ again is one; its text comes to the composer.
            try tmux.keys("demo", "Up", "Up", "e")
            try tmux.waitFor("↳ one \(width)", in: "demo")
            try tmux.keys("demo", "C-u")
            try tmux.send("demo", "one edited \(width)")
            var shown = try waitShown("one edited \(width)")
            XCTAssertFalse(shown.contains("one \(width)"), "\(size): the old text stays:\n\(shown)")

            // a: the reaction goes on the reply selected (two).
            try tmux.keys("demo", "Up", "a")
            try tmux.waitFor("React (type, Enter, Esc)", in: "demo")
            try tmux.type("demo", "fire")
            try tmux.keys("demo", "Enter")
            shown = try tmux.waitUntil(in: "demo", "🔥 under two") { self.line(after: "two \(width)", in: $0)?.contains("[🔥 1]") == true }
            try tmux.keys("demo", "Escape")
            try tmux.waitUntil(in: "demo", "the selection gone") { !$0.contains(" SELECT ") }

            // q: the next reply quotes the one selected (two).
            try tmux.keys("demo", "Up", "q")
            try tmux.waitFor("Quoting Maya Okafor", in: "demo")
            try tmux.send("demo", "quoting \(width)")
            shown = try waitShown("quoting \(width)")
            let lines = shown.split(separator: "\n")
            let quote = try XCTUnwrap(lines.firstIndex { $0.contains("quoting \(width)") && !$0.hasPrefix("↳") })
            XCTAssertTrue(quote > 0 && lines[quote - 1].contains("│ Maya Okafor: two \(width)"), "\(size): no quote of two:\n\(shown)")

            // d: ↑ ↑ ↑ goes from the newest reply (quoting) back to one; y deletes it.
            let deletedBefore = count("(message deleted)", in: shown)
            try tmux.keys("demo", "Up", "Up", "Up", "d")
            shown = try confirmDeletion(of: "one edited \(width)")
            XCTAssertEqual(count("(message deleted)", in: shown), deletedBefore + 1, "\(size):\n\(shown)")
            XCTAssertTrue(shown.contains("two \(width)") && shown.contains("quoting \(width)"), "\(size): another went:\n\(shown)")

            // /delete in the thread: the newest reply (quoting), after a yes.
            try tmux.send("demo", "/delete")
            shown = try confirmDeletion(of: "quoting \(width)")
            XCTAssertEqual(count("(message deleted)", in: shown), deletedBefore + 2, "\(size):\n\(shown)")
            XCTAssertTrue(shown.contains("two \(width)") && shown.contains("root \(width)"), "\(size):\n\(shown)")

            // Esc closes the thread: the channel's newest message is still there.
            try tmux.keys("demo", "Escape")
            shown = try tmux.waitUntil(in: "demo", "the thread closed") { !$0.contains("Thread (Esc closes)") }
            XCTAssertTrue(shown.contains("newest \(width)"), "\(size): /delete took the channel's message:\n\(shown)")
        }
    }
}
