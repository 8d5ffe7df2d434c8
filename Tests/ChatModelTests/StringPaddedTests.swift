import ChatModel
import XCTest

final class StringPaddedTests: XCTestCase {
    func testPadsOnEitherSideWithAnyCharacter() {
        XCTAssertEqual("ab".padded(toWidth: 5), "ab   ")
        XCTAssertEqual("42".padded(toWidth: 5, alignment: .trailing), "   42")
        XCTAssertEqual("f".padded(toWidth: 2, with: "0", alignment: .trailing), "0f")
    }

    func testTextAsWideOrWiderComesBackAsItIs() {
        XCTAssertEqual("abc".padded(toWidth: 3), "abc")
        XCTAssertEqual("abcdef".padded(toWidth: 3, alignment: .trailing), "abcdef")
        XCTAssertEqual("".padded(toWidth: 0), "")
    }

    /// Columns, not characters: a wide character takes two, a combining mark none.
    func testCountsTerminalColumns() {
        XCTAssertEqual("中文".padded(toWidth: 6), "中文  ")
        XCTAssertEqual("😀".padded(toWidth: 3, alignment: .trailing), " 😀")
        XCTAssertEqual("e\u{301}".padded(toWidth: 2), "e\u{301} ")
    }
}
