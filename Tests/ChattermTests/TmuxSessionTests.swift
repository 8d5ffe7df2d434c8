import ChatTestSupport
import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// Drives `chatterm open` on the demo data in tmux, as a person would, reading the screen.
final class TmuxSessionTests: XCTestCase {
    let directory = TemporaryDirectory()
    private lazy var driver = TmuxDriver(directory: directory)

    @discardableResult
    private func tmux(_ arguments: String...) throws -> String { try driver.run(arguments) }

    @discardableResult
    private func waitFor(_ text: String, timeout: TimeInterval = 10, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        try driver.waitFor(text, in: "demo", timeout: timeout, file: file, line: line)
    }

    override func tearDown() {
        driver.stop()
    }

    func testBrowseTheDemoWorkspace() throws {
        guard TmuxDriver.available else { throw XCTSkip("tmux is not installed") }
        let db = directory.file("demo.sqlite")
        try ChattermProcess.importFile(packageRoot + "/demo-data/demo.jsonl", db: db)
        // #engineering is the demo's largest channel; its oldest message, from the store itself.
        let oldest = try oldestMessage(db: db)

        // TERM stays what tmux sets for its panes, so the keys it sends are the ones ncurses expects.
        let command = "env LANG=C.UTF-8 CHATTERM_THEMES=\(ChattermProcess.themes) \(ChattermProcess.binary) open --user maya --db \(db)"
        try tmux("new-session", "-d", "-x", "120", "-y", "40", "-s", "demo", command)
        var shown = try waitFor("CHANNELS")
        XCTAssertTrue(shown.contains("DIRECT MESSAGES"), shown)
        XCTAssertTrue(shown.contains("BROWSE"), shown)
        // Maya's unread channels come first: #Engineering opens, with its mention count.
        XCTAssertTrue(shown.contains(" #Engineering · "), shown)

        // Ctrl-K, type, Enter: the switcher opens another channel; Alt-S comes back.
        try tmux("send-keys", "-t", "demo", "C-k")
        try waitFor("Switch channel")
        try tmux("send-keys", "-t", "demo", "-l", "suppo")
        try waitFor("> suppo")
        try tmux("send-keys", "-t", "demo", "Enter")
        shown = try waitFor(" #Support · ")
        XCTAssertFalse(shown.contains("Switch channel"))
        try tmux("send-keys", "-t", "demo", "M-s")
        try waitFor(" #Engineering · ")

        // Select the newest message and open its thread; Esc closes it.
        try tmux("send-keys", "-t", "demo", "Up")
        try waitFor("SELECT")
        try tmux("send-keys", "-t", "demo", "t")
        shown = try waitFor("Thread (Esc closes)")
        XCTAssertTrue(shown.contains("repl"), shown)
        try tmux("send-keys", "-t", "demo", "Escape")
        try tmux("send-keys", "-t", "demo", "Escape")
        try waitFor("BROWSE")

        // Home goes to the oldest message of the channel (the largest of the demo).
        try tmux("send-keys", "-t", "demo", "Home")
        shown = try waitFor("Beginning of Engineering")
        let firstLine = String(oldest.split(separator: "\n").first ?? "")
        XCTAssertFalse(firstLine.isEmpty)
        XCTAssertTrue(shown.contains(firstLine), "oldest message \(firstLine) not on screen:\n\(shown)")

        // Resize: the layout follows, nothing is drawn past the new width.
        try tmux("resize-window", "-t", "demo", "-x", "80", "-y", "24")
        Thread.sleep(forTimeInterval: 0.5)
        shown = try waitFor("#Engineering")
        let lines = shown.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertLessThanOrEqual(lines.count, 25)
        XCTAssertTrue(lines.allSatisfy { $0.count <= 80 }, shown)

        try tmux("send-keys", "-t", "demo", "q")
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline, try tmux("list-sessions").contains("demo") {
            Thread.sleep(forTimeInterval: 0.1)
        }
        XCTAssertFalse(try tmux("list-sessions").contains("demo"), "the client did not quit")
    }

    /// The first message shown in #engineering, read with sqlite3 from the store.
    private func oldestMessage(db: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "sqlite3", db,
            "SELECT text FROM messages WHERE cid = 'team:engineering' AND parent_id IS NULL AND type = 'regular' ORDER BY created_at, id LIMIT 1",
        ]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
