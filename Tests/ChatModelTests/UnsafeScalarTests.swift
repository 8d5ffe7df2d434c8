import ChatModel
import XCTest

final class UnsafeScalarTests: XCTestCase {
    private func kind(_ value: Int) -> UnsafeScalar? { UnsafeScalar(Unicode.Scalar(UInt32(value))!) }

    /// Everything the CLI's, the report's and the terminal UI's own lists held before they became this one.
    func testEveryControlAndBidiScalarIsUnsafe() {
        for value in Array(0x00..<0x20) + Array(0x7F..<0xA0) where ![0x09, 0x0A, 0x0D].contains(value) {
            XCTAssertEqual(kind(value), .control, "U+\(String(value, radix: 16))")
        }
        for value in Array(0x202A...0x202E) + Array(0x2066...0x2069) + [0x200E, 0x200F, 0x061C] {
            XCTAssertEqual(kind(value), .format, "U+\(String(value, radix: 16))")
        }
        XCTAssertEqual(kind(0x1B), .control)
        XCTAssertEqual(kind(0x9B), .control, "the 8-bit CSI")
    }

    func testLineBreaksTabsAndInvisibleFormatting() {
        XCTAssertEqual([0x0A, 0x0D, 0x2028, 0x2029].map(kind), [.lineBreak, .lineBreak, .lineBreak, .lineBreak])
        XCTAssertEqual(kind(0x09), .tab)
        // Zero-width space, word joiner, BOM, soft hyphen, ZWNJ.
        XCTAssertEqual([0x200B, 0x2060, 0xFEFF, 0xAD, 0x200C].map(kind), [.format, .format, .format, .format, .format])
        XCTAssertEqual([0xFFFE, 0xFDD0, 0x10FFFF].map(kind), [.noncharacter, .noncharacter, .noncharacter])
        XCTAssertEqual([0x200D, 0xFE0F, 0xE0067, 0xE007F].map(kind), [.emojiJoiner, .emojiJoiner, .emojiJoiner, .emojiJoiner])
    }

    func testOrdinaryTextIsSafe() {
        for text in ["plain ASCII ~", "café", "עברית", "中文", "한국어", "😀🚀", "→ ★", "e\u{301}", "\u{FE0E}"] {
            for scalar in text.unicodeScalars {
                XCTAssertNil(UnsafeScalar(scalar), "\(text): U+\(String(scalar.value, radix: 16))")
            }
        }
    }
}
