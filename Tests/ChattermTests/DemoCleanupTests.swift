import ChatTestSupport
import Foundation
import XCTest

/// `chatterm demo` keeps its store and app secret in a throwaway folder, removed however the
/// demo ends: Ctrl-C, the terminal closing (SIGHUP) or `kill` (SIGTERM).
final class DemoCleanupTests: XCTestCase {
    let directory = TemporaryDirectory()
    private lazy var driver = TmuxDriver(directory: directory)

    override func tearDown() {
        driver.stop()
    }

    private var demoFolders: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.file("tmp"))) ?? []).filter { $0.hasPrefix("chatterm-demo-") }
    }

    /// Starts the demo with its temporary folder in ours; returns the demo's pid.
    private func startDemo(_ session: String) throws -> pid_t {
        try FileManager.default.createDirectory(atPath: directory.file("tmp"), withIntermediateDirectories: true)
        let pidFile = directory.file("\(session).pid")
        try driver.start(
            session,
            "echo $$ > \(pidFile); exec env TMPDIR=\(directory.file("tmp")) LANG=C.UTF-8 \(ChattermProcess.binary) demo"
        )
        try driver.waitFor("DIRECT MESSAGES", in: session, timeout: 30)
        XCTAssertEqual(demoFolders.count, 1, "the demo's folder")
        return pid_t(try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    private func waitUntilCleanedUp(_ pid: pid_t, file: StaticString = #filePath, line: UInt = #line) {
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline, kill(pid, 0) == 0 || !demoFolders.isEmpty { Thread.sleep(forTimeInterval: 0.1) }
        XCTAssertNotEqual(kill(pid, 0), 0, "the demo is still running", file: file, line: line)
        XCTAssertEqual(demoFolders, [], "the demo's store and secret were left behind", file: file, line: line)
    }

    func testClosingTheTerminalRemovesTheDemosFolder() throws {
        guard TmuxDriver.available else { throw XCTSkip("tmux is not installed") }
        let pid = try startDemo("hup")
        try driver.run("kill-session", "-t", "hup")
        waitUntilCleanedUp(pid)
    }

    func testSIGTERMRemovesTheDemosFolder() throws {
        guard TmuxDriver.available else { throw XCTSkip("tmux is not installed") }
        let pid = try startDemo("term")
        kill(pid, SIGTERM)
        waitUntilCleanedUp(pid)
    }

    func testCtrlCRemovesTheDemosFolder() throws {
        guard TmuxDriver.available else { throw XCTSkip("tmux is not installed") }
        let pid = try startDemo("quit")
        try driver.keys("quit", "C-c")
        waitUntilCleanedUp(pid)
    }
}
