import ChatModel
import ChatTestSupport
import Foundation
import XCTest

/// The mouse on the live demo in tmux at 120x40 and 80x24: the SGR reports a terminal sends
/// for a click or a turn of the wheel are written into the pane as raw bytes, at the cells
/// where the screen shows the thing clicked. And `--no-mouse` (or `mouse = false`) never asks
/// the terminal for reports, which the pane's raw output shows.
final class TmuxMouseTests: XCTestCase {
    let directory = TemporaryDirectory()
    private lazy var tmux = TmuxDriver(directory: directory)

    override func tearDown() { tmux.stop() }

    /// Sends the report of `code` (0 a left press, 64/65 the wheel) at the cell (x, y), counted
    /// from 0; a press is followed by its release, as a terminal sends a click.
    private func mouse(_ session: String, _ code: Int, _ x: Int, _ y: Int) throws {
        var report = "\u{1B}[<\(code);\(x + 1);\(y + 1)M"
        if code == 0 { report += "\u{1B}[<0;\(x + 1);\(y + 1)m" }
        try tmux.run(["send-keys", "-t", session, "-H"] + report.utf8.map { String(format: "%02x", $0) })
    }

    private func click(_ session: String, _ cell: (x: Int, y: Int)) throws { try mouse(session, 0, cell.x, cell.y) }

    /// The cell where `text` starts on the first row that has it within `columns` (wide
    /// characters take two columns, as on the terminal).
    private func cell(of text: String, in screen: String, columns: Range<Int> = 0..<1000, last: Bool = false) -> (x: Int, y: Int)? {
        let rows = screen.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        let found = rows.compactMap { y, line -> (x: Int, y: Int)? in
            var from = line.startIndex
            while let range = line.range(of: text, range: from..<line.endIndex) {
                let x = DisplayWidth.of(line[..<range.lowerBound])
                if columns.contains(x) { return (x, y) }
                from = range.upperBound
            }
            return nil
        }
        return last ? found.last : found.first
    }

    /// The column of the sidebar's border.
    private func border(_ screen: String) throws -> Int {
        try XCTUnwrap(cell(of: "│", in: screen, columns: 10..<40)?.x, "a sidebar:\n\(screen)")
    }

    private func row(_ y: Int, _ screen: String) -> String {
        let rows = screen.split(separator: "\n", omittingEmptySubsequences: false)
        return y < rows.count ? String(rows[y]) : ""
    }

    /// The author of the message drawn on row `y`: the name in the nearest header (`14:09 Sofia
    /// Marchetti`) at or above it, right of the sidebar's border (the top row may cut a
    /// message's header off: then nil).
    private func authorAbove(_ y: Int, in screen: String) -> String? {
        let rows = screen.split(separator: "\n", omittingEmptySubsequences: false).prefix(y + 1).reversed()
        for line in rows {
            // The gutter may mark a mention (▌).
            let pane = String(line.drop { $0 != "│" }.dropFirst()).trimmingCharacters(in: CharacterSet.whitespaces.union(["▌"]))
            guard let match = pane.firstMatch(of: /^\d\d:\d\d (\S+ \S+)/) else { continue }
            return String(match.1)
        }
        return nil
    }

    private func startDemo(_ environment: String = "") throws {
        try tmux.start("demo", "cd \(packageRoot) && env LANG=C.UTF-8 \(environment) \(ChattermProcess.binary) demo")
        try tmux.waitUntil(in: "demo", timeout: 30, "online in #Engineering") { $0.contains("online") && $0.contains("#Engineering · ") }
    }

    func testClickAChannelAMessageAChipAndTheWheelAtBothSizes() throws {
        guard TmuxDriver.available else { throw XCTSkip("tmux is not installed") }
        try startDemo()
        for (width, height, channel) in [(120, 40, "#Northwind Raiders"), (80, 24, "#Engineering")] {
            let size = "\(width)x\(height)"
            try tmux.resize("demo", width: width, height: height)
            var shown = try tmux.waitUntil(in: "demo", "\(size): the resize") { $0.split(separator: "\n").first?.count ?? 0 > 0 }
            Thread.sleep(forTimeInterval: 0.3)
            shown = try tmux.screen("demo")
            let edge = try border(shown)

            // A channel row: it opens.
            try click("demo", try XCTUnwrap(cell(of: channel, in: shown, columns: 0..<edge), "\(size): \(channel) listed:\n\(shown)"))
            shown = try tmux.waitUntil(in: "demo", "\(size): \(channel) open, its messages loaded") {
                $0.split(separator: "\n").first?.contains(channel) == true && !$0.contains("Loading…")
            }

            // The wheel over the messages scrolls them back, a few lines a turn, until a message
            // with reactions is in view with its header (which names the author the details must
            // show; where the turns stop depends on the demo's clock-relative day lines).
            let pane = (x: edge + 10, y: height / 2)
            let chipInView = { (screen: String) -> (x: Int, y: Int)? in
                guard let chip = self.cell(of: "[", in: screen, columns: (edge + 1)..<width, last: true),
                    self.authorAbove(chip.y, in: screen) != nil
                else { return nil }
                return chip
            }
            var turns = 0
            while chipInView(shown) == nil, turns < 20 {
                try mouse("demo", 64, pane.x, pane.y)
                turns += 1
                shown = try tmux.waitUntil(in: "demo", "\(size): scrolled back") { $0.contains("↓ newer messages (End)") }
                Thread.sleep(forTimeInterval: 0.2)
                shown = try tmux.screen("demo")
            }

            // A reaction chip: the reader's own reaction of it goes on or off, live.
            let chip = try XCTUnwrap(chipInView(shown), "\(size): reactions in \(channel):\n\(shown)")
            let before = row(chip.y, shown)
            try click("demo", chip)
            shown = try tmux.waitUntil(in: "demo", "\(size): the chip changed") { self.row(chip.y, $0) != before }
            // And back, where the chip still is (a reaction taken back may take its chip along).
            if row(chip.y, shown).dropFirst(chip.x).hasPrefix("[") {
                try click("demo", chip)
                try tmux.waitUntil(in: "demo", "\(size): the chip as it was") { self.row(chip.y, $0) == before }
            }

            // A line of a message, left of its chips: message-select mode on it, the one clicked:
            // its details name the author whose header is the nearest above, and its reactions.
            let author = try XCTUnwrap(authorAbove(chip.y, in: shown), "\(size): a header above:\n\(shown)")
            try click("demo", (chip.x - 2, chip.y))
            try tmux.waitFor(" SELECT ", in: "demo")
            try tmux.keys("demo", "v")
            let details = try tmux.waitFor("author: ", in: "demo")
            XCTAssertTrue(details.contains("author: \(author) ("), "\(size): \(author)'s message:\n\(details)")
            XCTAssertTrue(details.contains("reactions:"), "\(size):\n\(details)")
            try tmux.keys("demo", "Escape")
            try tmux.waitUntil(in: "demo", "\(size): the details closed") { !$0.contains("author: ") }
            try tmux.keys("demo", "Escape")
            try tmux.waitUntil(in: "demo", "\(size): selecting ended") { !$0.contains(" SELECT ") }

            // Wheeled back (once more, at least) and forward again as far: at the newest.
            try mouse("demo", 64, pane.x, pane.y)
            try tmux.waitFor("↓ newer messages (End)", in: "demo")
            for _ in 0...turns { try mouse("demo", 65, pane.x, pane.y) }
            try tmux.waitUntil(in: "demo", "\(size): back at the newest") { !$0.contains("↓ newer messages") }
        }
        // At 80x24 the demo's sidebar is taller than its pane: the wheel scrolls its groups (under
        // the threads' line, which stays), not the messages.
        let shown = try tmux.screen("demo")
        let top = row(2, shown).prefix(try border(shown))
        try mouse("demo", 65, 2, 5)
        let scrolled = try tmux.waitUntil(in: "demo", "the sidebar scrolled") { self.row(2, $0).prefix(24) != top }
        XCTAssertTrue(row(2, scrolled).hasPrefix(" ↑ "), "rows above are counted:\n\(scrolled)")
        XCTAssertTrue(row(0, scrolled).hasPrefix(" ⤷ Threads"), "the threads' line stays:\n\(scrolled)")
        XCTAssertFalse(scrolled.contains("↓ newer messages"), "the messages stayed:\n\(scrolled)")
    }

    /// xterm's description names a mouse key (`kmous=\E[<`), which ncurses would take the
    /// reports for: they still reach the client as reports.
    func testReportsReachTheClientUnderXtermsDescription() throws {
        guard TmuxDriver.available else { throw XCTSkip("tmux is not installed") }
        try startDemo("TERM=xterm-256color")
        let shown = try tmux.screen("demo")
        try mouse("demo", 64, try border(shown) + 10, 20)
        try tmux.waitFor("↓ newer messages (End)", in: "demo")
        try click("demo", try XCTUnwrap(cell(of: "#Support", in: shown, columns: 0..<(try border(shown)))))
        try tmux.waitFor("#Support · ", in: "demo")
        // A malformed report (two numbers) is dropped whole: none of its bytes reach the composer.
        try tmux.run(["send-keys", "-t", "demo", "-H"] + "\u{1B}[<0;5M".utf8.map { String(format: "%02x", $0) })
        try tmux.type("demo", "ok")
        let typed = try tmux.waitFor("› ok", in: "demo")
        XCTAssertFalse(typed.contains("[<") || typed.contains("5M"), typed)
    }

    /// The raw output of a demo run to its end: started after the pane is piped, and ended with Ctrl-C.
    private func rawOutput(_ flags: String, config: String? = nil) throws -> String {
        if let config {
            let path = directory.file("config/chatterm/config.toml")
            try FileManager.default.createDirectory(atPath: directory.file("config/chatterm"), withIntermediateDirectories: true)
            try config.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let log = directory.file("raw-\(UUID().uuidString).out")
        let session = "raw\(UUID().uuidString.prefix(6))"
        // The client waits for the pipe, so its first bytes are in it.
        try tmux.start(session, "sleep 1; cd \(packageRoot) && exec env LANG=C.UTF-8 \(ChattermProcess.binary) demo \(flags)")
        try tmux.run("pipe-pane", "-t", session, "-O", "cat > \(log)")
        try tmux.waitUntil(in: session, timeout: 30, "online") { $0.contains("online") }
        try tmux.keys(session, "C-c")
        let deadline = Date().addingTimeInterval(10)
        var output = ""
        while Date() < deadline {
            output = (try? String(contentsOfFile: log, encoding: .isoLatin1)) ?? ""
            if output.contains("\u{1B}[?2004l") { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        XCTAssertTrue(output.contains("\u{1B}[?2004l"), "the client ended (bracketed paste turned off)")
        return output
    }

    func testNoMouseLeavesReportingUnrequested() throws {
        guard TmuxDriver.available else { throw XCTSkip("tmux is not installed") }
        let on = try rawOutput("")
        XCTAssertTrue(on.contains("\u{1B}[?1000h\u{1B}[?1006h"), "reports asked for at start")
        XCTAssertTrue(on.contains("\u{1B}[?1006l\u{1B}[?1000l"), "and turned off at exit")
        for (flags, config) in [("--no-mouse", nil), ("", "mouse = false\n")] {
            let off = try rawOutput(flags, config: config)
            XCTAssertFalse(off.contains("\u{1B}[?1000h"), "\(flags) \(config ?? ""): no reports asked for")
            XCTAssertFalse(off.contains("\u{1B}[?1006h"), "\(flags) \(config ?? "")")
            XCTAssertTrue(off.contains("\u{1B}[?2004h"), "bracketed paste still on")
        }
    }
}
