import ChatModel
import ChatTestSupport
import Foundation
import XCTest

/// B6 on a real terminal: flags, ZWJ sequences, skin tones and VS16 emoji sent in the live demo
/// come back whole from tmux's screen, the text after them where the layout put it, at 120x40
/// and 80x24, and again after an overlay covered them. tmux 3.3a draws some of them in one cell
/// and skin tones in four: what it draws in one leaves the second cell blank, what it cannot
/// draw in two is a shortcode. tmux's own widths, measured here, are the oracle.
final class TmuxEmojiTests: XCTestCase {
    let directory = TemporaryDirectory()
    private lazy var tmux = TmuxDriver(directory: directory)

    override func tearDown() { tmux.stop() }

    private static let emoji = ["🇫🇷", "👩‍💻", "🏳️‍🌈", "👍🏽", "❤️"]
    private static let shortcodes = [
        "🇫🇷": ":flag-fr:", "👩‍💻": ":woman_technologist:", "🏳️‍🌈": ":rainbow_flag:", "👍🏽": ":thumbsup::skin-tone-4:", "❤️": ":heart:",
    ]

    /// The cells tmux gives `text`: where its cursor is after a program printed it.
    private func tmuxWidth(_ text: String, session: String) throws -> Int {
        // Written as escapes for bash's printf: tmux keeps a ZWJ out of a command it is given.
        let escapes = text.unicodeScalars.map { "\\U" + String(format: "%08X", $0.value) }.joined()
        // Through `start`, which tries again when the last probe's server is still on its way out.
        try tmux.start(session, "bash -c \"printf '\(escapes)'; sleep 30\"", width: 40, height: 3)
        var width = 0
        let deadline = Date().addingTimeInterval(5)
        while width == 0, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.1)
            width = Int(try tmux.run("display", "-p", "-t", session, "#{cursor_x}").trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        }
        try tmux.run("kill-session", "-t", session)
        return width
    }

    /// Columns in tmux's cells up to `index` of `line`: each emoji as tmux measured it, the
    /// rest by the one width function (glibc's `wcwidth`, which tmux uses for single scalars).
    private func column(of index: String.Index, in line: String, widths: [String: Int]) -> Int {
        line[..<index].reduce(0) { $0 + (widths[String($1)] ?? DisplayWidth.of($1)) }
    }

    func testEmojiSequencesComeBackWholeAndAligned() throws {
        guard TmuxDriver.available else { throw XCTSkip("tmux is not installed") }
        var widths: [String: Int] = [:]
        for (index, emoji) in Self.emoji.enumerated() { widths[emoji] = try tmuxWidth(emoji, session: "w\(index)") }
        // What the client must show: each emoji in its two cells (one drawn, one blank, when tmux
        // draws it narrower), or as its shortcode when tmux would draw it wider.
        let shown = Self.emoji.map { emoji in
            (1...2).contains(widths[emoji]!) ? emoji + String(repeating: " ", count: 2 - widths[emoji]!) : Self.shortcodes[emoji]!
        }
        XCTAssertEqual(widths["👩‍💻"], 2, "tmux joins ZWJ sequences; if not, this test's oracle is off")

        try tmux.start("demo", "cd \(packageRoot) && env LANG=C.UTF-8 \(ChattermProcess.binary) demo")
        try tmux.waitFor("online", in: "demo", timeout: 30)
        try tmux.send("demo", "plain line first")
        try tmux.waitFor("plain line first", in: "demo")
        try tmux.send("demo", Self.emoji.joined(separator: " ") + " end")
        for (width, height) in [(120, 40), (80, 24)] {
            try tmux.resize("demo", width: width, height: height)
            for pass in ["drawn", "after the help covered it"] {
                if pass != "drawn" {
                    try tmux.keys("demo", "F1")
                    try tmux.waitFor("Keys 1–", in: "demo")
                    try tmux.keys("demo", "Escape")
                    try tmux.waitUntil(in: "demo", "the help closed") { !$0.contains("Keys 1–") }
                }
                // Sent, not in the composer (`›`) still.
                let sent = { (line: Substring) in line.contains(" end") && !line.hasPrefix("›") }
                let screen = try tmux.waitUntil(in: "demo", "the message sent") { $0.split(separator: "\n").contains(where: sent) }
                let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
                let context = "\(width)x\(height) \(pass):\n\(screen)"
                let row = String(try XCTUnwrap(lines.last(where: sent), context))
                let expected = shown.joined(separator: " ") + " end"
                let start = try XCTUnwrap(
                    row.firstRange(of: expected),
                    "\(row.debugDescription) lacks \(expected.debugDescription); \(context)"
                )
                // Its text starts in the column of the message above, and "end" follows the
                // emoji's 2 cells each (or the shortcodes' length) and the spaces between.
                let plain = String(try XCTUnwrap(lines.last { $0.contains("plain line first") }, context))
                let plainStart = plain.firstRange(of: "plain line first")!.lowerBound
                XCTAssertEqual(
                    column(of: start.lowerBound, in: row, widths: widths),
                    column(of: plainStart, in: plain, widths: widths),
                    context
                )
                let end = row.firstRange(of: " end")!.lowerBound
                let layout = shown.map { $0.hasPrefix(":") ? $0.count : 2 }.reduce(0, +) + Self.emoji.count - 1
                XCTAssertEqual(
                    column(of: end, in: row, widths: widths) - column(of: start.lowerBound, in: row, widths: widths),
                    layout,
                    context
                )
                XCTAssertLessThanOrEqual(column(of: row.endIndex, in: row, widths: widths), width, "nothing past the edge: \(context)")
            }
        }
    }
}
