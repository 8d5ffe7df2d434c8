import ChatTestSupport
import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// Drives `chatterm open` on the demo data in tmux, as a person would, reading the screen.
final class TmuxSessionTests: XCTestCase {
    let directory = TemporaryDirectory()
    private var socket: String { directory.file("tmux.sock") }

    /// Runs a tmux command and returns what it printed. Not through Foundation's `Process`:
    /// the server `new-session` starts inherits whatever the client had open (a pipe, or the
    /// descriptor Foundation watches for the exit) and keeps it open for its whole life.
    @discardableResult
    private func tmux(_ arguments: String...) throws -> String {
        let output = directory.file("tmux.out")
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = (["tmux", "-u", "-S", socket] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, "tmux", &actions, nil, argv, environ)
        guard spawned == 0 else { throw NSError(domain: "tmux", code: Int(spawned)) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        return (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
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
        process.arguments = ["sqlite3", db, "SELECT text FROM messages WHERE cid = 'team:engineering' AND parent_id IS NULL AND type = 'regular' ORDER BY created_at, id LIMIT 1"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
