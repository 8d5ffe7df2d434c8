import XCTest

@testable import chatterm

final class CommandOutputTests: XCTestCase {
    /// Every unsafe scalar is shown as an escape: controls, bidi and other invisible format
    /// characters, line separators; emoji sequences stay whole.
    func testTerminalSafeEscapesWhatCouldActOrHide() {
        XCTAssertEqual(
            terminalSafe("a\u{1B}[2J\u{9B}\u{202E}b\u{200B}c\u{FEFF}\u{2028}d\tz"),
            #"a\u{1b}[2J\u{9b}\u{202e}b\u{200b}c\u{feff}\u{2028}d\u{9}z"#
        )
        XCTAssertEqual(terminalSafe("👩‍💻 ❤️ 中文 café"), "👩‍💻 ❤️ 中文 café")
    }

    func testTerminalSafeLinesKeepsOnlyTheLayoutsNewlines() {
        XCTAssertEqual(terminalSafeLines("one\r\ntwo\u{7}"), #"one\u{d}"# + "\n" + #"two\u{7}"#)
    }
}
