import TerminalUI
import XCTest

/// SGR mouse reports (`CSI < b ; x ; y M|m`) as the terminal sends them, good and bad.
final class MouseEventTests: XCTestCase {
    private func parse(_ parameters: String, _ final: Character = "M") -> MouseEvent? {
        MouseEvent(sgrParameters: parameters, final: final)
    }

    func testButtonsWheelAndReleaseFromOneBasedCells() {
        XCTAssertEqual(parse("0;1;1"), MouseEvent(.press(button: 0), x: 0, y: 0))
        XCTAssertEqual(parse("2;120;40"), MouseEvent(.press(button: 2), x: 119, y: 39))
        XCTAssertEqual(parse("0;5;7", "m"), MouseEvent(.release(button: 0), x: 4, y: 6))
        XCTAssertEqual(parse("64;30;10"), MouseEvent(.wheelUp, x: 29, y: 9))
        XCTAssertEqual(parse("65;30;10"), MouseEvent(.wheelDown, x: 29, y: 9))
        XCTAssertEqual(parse("32;3;3"), MouseEvent(.motion, x: 2, y: 2), "a drag is motion, not a click")
        // Past xterm's old limit of 223 columns, which SGR reports were made for.
        XCTAssertEqual(parse("0;300;2"), MouseEvent(.press(button: 0), x: 299, y: 1))
    }

    func testModifiersStillClick() {
        // Shift 4, Alt 8, Ctrl 16 on the left button: the button is still the left one.
        for code in [4, 8, 16, 28] { XCTAssertEqual(parse("\(code);2;2"), MouseEvent(.press(button: 0), x: 1, y: 1), "\(code)") }
        XCTAssertEqual(parse("80;2;2"), MouseEvent(.wheelUp, x: 1, y: 1), "Ctrl with the wheel")
    }

    func testMalformedReportsAreNoEvent() {
        for bad in ["", "0", "0;1", "0;1;1;1", "0;;1", ";1;1", "a;1;1", "0;1;x", "0;0;1", "0;1;0", "-1;1;1", "0;1;1 ", "０;1;1"] {
            XCTAssertNil(parse(bad), bad.debugDescription)
        }
        XCTAssertNil(parse("0;1;1", "~"), "another final byte")
        XCTAssertNil(parse("66;1;1"), "a tilt of the wheel is not used")
        XCTAssertNil(parse("3;1;1"), "a press of no button")
        XCTAssertNil(parse("0;1;" + String(repeating: "9", count: 40)), "longer than any report")
    }
}
