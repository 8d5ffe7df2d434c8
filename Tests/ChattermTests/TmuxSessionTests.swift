import ChatTestSupport
import Foundation
import XCTest

/// Drives `chatterm open` on the demo data in tmux, as a person would, reading the screen.
final class TmuxSessionTests: XCTestCase {
    let directory = TemporaryDirectory()
    private var socket: String { directory.file("tmux.sock") }

    @discardableResult
    private func tmux(_ arguments: String...) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tmux", "-u", "-S", socket] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    private func screen() throws -> String { try tmux("capture-pane", "-p", "-t", "demo") }

    /// Waits until the screen shows `text` (the client redraws after each key).
    @discardableResult
    private func waitFor(_ text: String, timeout: TimeInterval = 10, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.contains(text) { return last }
            Thread.sleep(forTimeInterval: 0.1)
        }
        XCTFail("screen never showed \(text.debugDescription); last screen:\n\(last)", file: file, line: line)
        return last
    }

    override func tearDown() {
        _ = try? tmux("kill-server")
    }

    func testBrowseTheDemoWorkspace() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") else { throw XCTSkip("tmux is not installed") }
        let db = directory.file("demo.sqlite")
        try ChattermProcess.importFile(packageRoot + "/demo-data/demo.jsonl", db: db)
        // #engineering is the demo's largest channel; its oldest message, from the store itself.
        let oldest = try oldestMessage(db: db)

        let command = "env LANG=C.UTF-8 TERM=xterm-256color CHATTERM_THEMES=\(ChattermProcess.themes) \(ChattermProcess.binary) open --user maya --db \(db)"
        try tmux("new-session", "-d", "-x", "120", "-y", "40", "-s", "demo", command)
        var shown = try waitFor("CHANNELS")
        XCTAssertTrue(shown.contains("DIRECT MESSAGES"), shown)
        XCTAssertTrue(shown.contains("BROWSE"), shown)

        // Ctrl-K, type, Enter: the switcher opens the channel.
        try tmux("send-keys", "-t", "demo", "C-k")
        try waitFor("Switch channel")
        try tmux("send-keys", "-t", "demo", "-l", "engin")
        try waitFor("> engin")
        try tmux("send-keys", "-t", "demo", "Enter")
        shown = try waitFor(" #engineering ·")
        XCTAssertFalse(shown.contains("Switch channel"))

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
        shown = try waitFor("Beginning of engineering")
        XCTAssertTrue(shown.contains(String(oldest.prefix(30))), "oldest message \(oldest) not on screen:\n\(shown)")

        // Resize: the layout follows, nothing is drawn past the new width.
        try tmux("resize-window", "-t", "demo", "-x", "80", "-y", "24")
        Thread.sleep(forTimeInterval: 0.5)
        shown = try waitFor("#engineering")
        let lines = shown.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertLessThanOrEqual(lines.count, 25)
        XCTAssertTrue(lines.allSatisfy { $0.count <= 80 }, shown)

        try tmux("send-keys", "-t", "demo", "q")
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline, (try? tmux("has-session", "-t", "demo")) != nil, try tmux("list-sessions").contains("demo") {
            Thread.sleep(forTimeInterval: 0.1)
        }
        XCTAssertFalse(try tmux("list-sessions").contains("demo"), "the client did not quit")
    }

    /// The first message shown in #engineering, read with sqlite3 from the store.
    private func oldestMessage(db: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", db, "SELECT text FROM messages WHERE cid = 'team:engineering' AND parent_id IS NULL AND type = 'regular' ORDER BY created_at, id LIMIT 1"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
