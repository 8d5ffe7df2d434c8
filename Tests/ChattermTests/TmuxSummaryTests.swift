import ChatTestSupport
import Foundation
import XCTest

/// The client's "Migration summary" screen in tmux: F3 or R on a store, `/report` in the demo.
final class TmuxSummaryTests: XCTestCase {
    let directory = TemporaryDirectory()
    private lazy var driver = TmuxDriver(directory: directory)

    override func tearDown() {
        driver.stop()
    }

    func testSummaryOfTheOpenStore() throws {
        guard TmuxDriver.available else { throw XCTSkip("tmux is not installed") }
        let db = directory.file("demo.sqlite")
        try ChattermProcess.importFile(packageRoot + "/demo-data/demo.jsonl", db: db)
        try driver.start(
            "summary",
            "env LANG=C.UTF-8 CHATTERM_THEMES=\(ChattermProcess.themes) \(ChattermProcess.binary) open --user maya --db \(db)"
        )
        try driver.waitFor("CHANNELS", in: "summary")

        let pressed = Date()
        try driver.keys("summary", "F3")
        var shown = try driver.waitFor("Migration summary", in: "summary")
        // The same figures as `chatterm report` on this store.
        shown = try driver.waitFor("messages                4,004", in: "summary")
        // B15: they show once counted, not at the next key timeout a second later.
        XCTAssertLessThan(Date().timeIntervalSince(pressed), 0.7, "the figures waited for the key timeout")
        XCTAssertTrue(shown.contains("reactions               2,108"), shown)
        XCTAssertTrue(shown.contains("members                 155"), shown)
        XCTAssertTrue(shown.contains("█"), "no chart bars:\n\(shown)")

        // PgDn scrolls to the busiest channels; Esc closes; R opens it again; q closes it, then quits.
        for _ in 0..<3 { try driver.keys("summary", "NPage") }
        try driver.waitFor("Busiest channels", in: "summary")
        try driver.keys("summary", "Escape")
        try driver.waitUntil(in: "summary", "the summary closed") { !$0.contains("Migration summary") }
        try driver.keys("summary", "R")
        try driver.waitFor("Migration summary", in: "summary")
        try driver.keys("summary", "q")
        try driver.waitUntil(in: "summary", "q closed the summary") { !$0.contains("Migration summary") && $0.contains("CHANNELS") }
    }

    func testSlashReportInTheDemo() throws {
        guard TmuxDriver.available else { throw XCTSkip("tmux is not installed") }
        try driver.start("live", "cd \(packageRoot) && env LANG=C.UTF-8 \(ChattermProcess.binary) demo")
        try driver.waitFor("online", in: "live", timeout: 30)
        try driver.type("live", "/report")
        try driver.keys("live", "Enter")
        let shown = try driver.waitFor("messages                4,004", in: "live", timeout: 15)
        XCTAssertTrue(shown.contains("Migration summary"), shown)
        try driver.keys("live", "Escape")
        try driver.waitUntil(in: "live", "the summary closed") { !$0.contains("Migration summary") }
    }
}
