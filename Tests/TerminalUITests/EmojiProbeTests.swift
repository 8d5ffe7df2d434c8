import XCTest

@testable import TerminalUI

/// How the screen reads the terminal's answers to its emoji measurements.
final class EmojiProbeTests: XCTestCase {
    private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    func testCursorReportsAreReadInOrderAndOtherInputSkipped() {
        XCTAssertEqual(EmojiProbe.columns(inReports: bytes("\u{1B}[1;3R\u{1B}[1;2R")), [3, 2])
        // A key pressed meanwhile (an arrow, a letter) is not a report.
        XCTAssertEqual(EmojiProbe.columns(inReports: bytes("x\u{1B}[A\u{1B}[1;5Rq\u{1B}[12;40R")), [5, 40])
        XCTAssertEqual(EmojiProbe.columns(inReports: bytes("\u{1B}[1;3")), [], "a report cut short")
        XCTAssertEqual(EmojiProbe.columns(inReports: bytes("\u{1B}[3R")), [], "one number is no position")
        XCTAssertEqual(EmojiProbe.columns(inReports: []), [])
    }

    /// tmux 3.3a's answers: 🇫🇷 and 👩‍💻 two cells, ❤️ and 1️⃣ one, 👍🏽 four (a swatch of its own).
    func testKindsDrawnInOneOrTwoCellsAreKeptAndUnansweredOnesToo() {
        let kinds: [EmojiSequence] = [.flag, .joined, .presentation, .keycap, .skinTone, .tagged]
        let tmux33 = EmojiProbe.drawn(kinds, columns: [3, 3, 2, 2, 5, 3])
        XCTAssertEqual(tmux33, [.flag, .joined, .presentation, .keycap, .tagged])
        XCTAssertEqual(EmojiProbe.drawn(kinds, columns: [3, 1]), Set(kinds).subtracting([.joined]), "0 cells: not drawn")
        XCTAssertEqual(EmojiProbe.drawn(kinds, columns: []), Set(kinds), "a terminal that does not answer")
    }
}
