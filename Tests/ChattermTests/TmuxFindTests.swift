import ChatTestSupport
import Foundation
import XCTest

/// Browsing a store offline in tmux: `/search` through the store's word index, and a find in
/// the open channel that goes up past the loaded messages, at 120x40 and at 80x24.
final class TmuxFindTests: XCTestCase {
    let directory = TemporaryDirectory()
    private lazy var driver = TmuxDriver(directory: directory)

    override func tearDown() {
        driver.stop()
    }

    private func browse(width: Int, height: Int) throws {
        guard TmuxDriver.available else { throw XCTSkip("tmux is not installed") }
        let db = directory.file("demo.sqlite")
        if !FileManager.default.fileExists(atPath: db) { try ChattermProcess.importFile(packageRoot + "/demo-data/demo.jsonl", db: db) }
        let command = "env LANG=C.UTF-8 CHATTERM_THEMES=\(ChattermProcess.themes) \(ChattermProcess.binary) open --user maya --db \(db)"
        try driver.start("find", command, width: width, height: height)
        try driver.waitFor(" #Engineering", in: "find")
    }

    /// The demo says "the docs for Kotlin coroutines in sync are up" twice in #engineering,
    /// hundreds of messages before its newest page.
    private let words = "the docs for Kotlin coroutines in sync are up"

    func testFindGoesUpPastTheLoadedMessagesAt120x40() throws { try findUpAndBack(width: 120, height: 40) }
    func testFindGoesUpPastTheLoadedMessagesAt80x24() throws { try findUpAndBack(width: 80, height: 24) }

    private func findUpAndBack(width: Int, height: Int) throws {
        try browse(width: width, height: height)
        XCTAssertFalse(try driver.screen("find").contains("coroutines"), "not on the first page")
        try driver.keys("find", "C-r")
        try driver.waitFor("Find in channel:", in: "find")
        try driver.type("find", "Coroutines")
        try driver.keys("find", "Enter")
        var shown = try driver.waitFor("coroutines", in: "find")
        XCTAssertTrue(shown.contains("FOUND"), shown)
        // The word is drawn in the find's style, the words beside it are not.
        let styled = try driver.run("capture-pane", "-p", "-e", "-t", "find")
        XCTAssertTrue(styled.contains("m" + "coroutines"), "an SGR right before the word:\n\(styled)")
        XCTAssertFalse(styled.contains("m" + "Kotlin "), styled)

        // n: the older one, loaded from the store; then none older.
        let first = shown
        try driver.keys("find", "n")
        shown = try driver.waitUntil(in: "find", "another page with the match") { $0.contains("coroutines") && $0 != first }
        try driver.keys("find", "n")
        try driver.waitFor("No older match for Coroutines", in: "find")
        // N comes back down; Enter selects the match, Esc ends that.
        try driver.keys("find", "N")
        try driver.waitFor("coroutines", in: "find")
        try driver.keys("find", "Enter")
        try driver.waitFor("SELECT", in: "find")
        try driver.keys("find", "Escape")
        try driver.waitFor("BROWSE", in: "find")
        XCTAssertTrue(try driver.screen("find").split(separator: "\n").allSatisfy { $0.count <= width })
    }

    func testSlashSearchOfflineOpensAResultInPlaceAt120x40() throws { try searchOffline(width: 120, height: 40) }
    func testSlashSearchOfflineOpensAResultInPlaceAt80x24() throws { try searchOffline(width: 80, height: 24) }

    private func searchOffline(width: Int, height: Int) throws {
        try browse(width: width, height: height)
        try driver.keys("find", "/")
        try driver.waitFor("COMMAND", in: "find")
        try driver.type("find", "search kotlin COROUTINES")
        try driver.keys("find", "Enter")
        var shown = try driver.waitFor("Search: kotlin COROUTINES", in: "find")
        // Both messages, once each (at 80 columns their rows are cut before the word).
        XCTAssertEqual(shown.components(separatedBy: "Lena Vogel in #Engineering: the docs for Kotl").count - 1, 2, shown)
        try driver.keys("find", "Enter")
        shown = try driver.waitFor("SELECT", in: "find")
        XCTAssertTrue(shown.contains("coroutines"), "the result, selected where it is:\n\(shown)")
        XCTAssertFalse(shown.contains("Search:"), shown)
        // Whole words only: a part of one finds nothing.
        try driver.keys("find", "Escape", "/")
        try driver.type("find", "search routines")
        try driver.keys("find", "Enter")
        try driver.waitFor("Nothing found for routines", in: "find")
    }
}
