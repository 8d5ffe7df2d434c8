import ChatTestSupport
import Foundation
import XCTest

/// The live demo restarted in tmux: the draft left in the composer and the line sent before
/// are back (kept under the session's `XDG_STATE_HOME`, see `TmuxDriver.start`).
final class TmuxDraftHistoryTests: XCTestCase {
    let directory = TemporaryDirectory()
    private lazy var tmux = TmuxDriver(directory: directory)

    override func tearDown() { tmux.stop() }

    private func startDemo() throws {
        try tmux.start("demo", "cd \(packageRoot) && env LANG=C.UTF-8 \(ChattermProcess.binary) demo")
        try tmux.waitFor("online", in: "demo", timeout: 30)
    }

    private func quit() throws {
        try tmux.keys("demo", "C-c")
        let deadline = Date().addingTimeInterval(10)
        while try tmux.run("list-sessions").contains("demo:"), Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
    }

    func testTheDraftAndTheSentHistorySurviveARestart() throws {
        guard TmuxDriver.available else { throw XCTSkip("tmux is not installed") }
        try startDemo()
        try tmux.send("demo", "sent before the restart")
        try tmux.waitFor("sent before the restart", in: "demo")
        try tmux.type("demo", "a draft that waits")
        try tmux.waitFor("› a draft that waits", in: "demo")
        try quit()
        XCTAssertFalse(try tmux.run("list-sessions").contains("demo:"), "the client ended")

        try startDemo()
        try tmux.waitFor("› a draft that waits", in: "demo")
        try tmux.keys("demo", "C-u", "C-p")
        let shown = try tmux.waitFor("› sent before the restart", in: "demo")
        XCTAssertFalse(shown.contains("Drafts and history not restored"), shown)
    }
}
