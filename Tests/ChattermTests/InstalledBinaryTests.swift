import ChatTestSupport
import Foundation
import XCTest

/// chatterm copied out of the build folder, run from an empty folder with no repository in
/// sight, as an installed binary is: its themes and demo data are compiled in, and the
/// user's own themes come from `$XDG_CONFIG_HOME/chatterm/themes`.
final class InstalledBinaryTests: XCTestCase {
    let directory = TemporaryDirectory()
    private lazy var driver = TmuxDriver(directory: directory)

    override func tearDown() {
        driver.stop()
    }

    /// The binary copied to `bin/`, and a command line that runs it from an empty folder.
    private func installed(_ arguments: String) throws -> String {
        let bin = directory.file("bin")
        let empty = directory.file("empty")
        for folder in [bin, empty, directory.file("config")] {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        if !FileManager.default.fileExists(atPath: bin + "/chatterm") {
            try FileManager.default.copyItem(atPath: ChattermProcess.binary, toPath: bin + "/chatterm")
        }
        return "cd \(empty) && env -u CHATTERM_THEMES HOME=\(directory.path) XDG_CONFIG_HOME=\(directory.file("config")) "
            + "LANG=C.UTF-8 \(bin)/chatterm \(arguments)"
    }

    func testTheDemoRunsFromAnEmptyFolder() throws {
        guard TmuxDriver.available else { throw XCTSkip("tmux is not installed") }
        try driver.start("demo", try installed("demo"))
        let shown = try driver.waitFor("DIRECT MESSAGES", in: "demo", timeout: 30)
        XCTAssertTrue(shown.contains("#Engineering"), shown)
        XCTAssertFalse(shown.contains("no theme"), shown)
        try driver.keys("demo", "C-c")
    }

    func testTheChatkitDemoRunsFromAnEmptyFolder() throws {
        guard TmuxDriver.available else { throw XCTSkip("tmux is not installed") }
        try driver.start("demo", try installed("demo --from-chatkit"))
        let shown = try driver.waitFor("CHANNELS", in: "demo", timeout: 30)
        XCTAssertFalse(shown.contains("no theme"), shown)
        try driver.keys("demo", "C-c")
    }

    func testTheSlackDemoRunsFromAnEmptyFolder() throws {
        guard TmuxDriver.available else { throw XCTSkip("tmux is not installed") }
        try driver.start("demo", try installed("demo --from slack"))
        let shown = try driver.waitFor("DIRECT MESSAGES", in: "demo", timeout: 60)
        XCTAssertTrue(shown.contains("#engineering"), shown)
        // The history was moved to end minutes ago, as the other demos' is: no day of 2020 shows.
        XCTAssertTrue(shown.contains(" ───"), shown)
        XCTAssertFalse(shown.contains("2020 ───"), shown)
        try driver.keys("demo", "C-c")
    }

    func testOpenUsesTheBuiltInThemesAndTheUsersOwn() throws {
        guard TmuxDriver.available else { throw XCTSkip("tmux is not installed") }
        let db = directory.file("demo.sqlite")
        try ChattermProcess.importFile(packageRoot + "/demo-data/demo.jsonl", db: db)
        try driver.start("light", try installed("open --user maya --db \(db) --theme light"))
        try driver.waitFor("DIRECT MESSAGES", in: "light")

        // A theme of the user's own, by name, inheriting a built-in one.
        let themes = directory.file("config") + "/chatterm/themes"
        try FileManager.default.createDirectory(atPath: themes, withIntermediateDirectories: true)
        try "[theme]\nname = mine\ninherits = dark\n".write(toFile: themes + "/mine.theme", atomically: true, encoding: .utf8)
        try driver.start("mine", try installed("open --user maya --db \(db) --theme mine"))
        try driver.waitFor("DIRECT MESSAGES", in: "mine")

        // An unknown name lists what there is: the built-in themes and the user's.
        try driver.start("nope", try installed("open --user maya --db \(db) --theme nope; sleep 30"))
        let shown = try driver.waitFor("mono", in: "nope")
        // The line wraps at the pane's width: compare without the breaks and spaces.
        XCTAssertTrue(shown.filter { !$0.isWhitespace }.contains("available:dark,dark256,light,mine,mono"), shown)
    }
}
