import ChatModel
import TerminalUI
import XCTest

final class TextWrapperTests: XCTestCase {
    private func wrap(_ text: String, _ width: Int) -> [String] {
        TextWrapper.wrap(SanitizedText(untrusted: text), width: width)
    }

    func testEmptyTextIsOneEmptyLine() {
        XCTAssertEqual(wrap("", 10), [""])
        XCTAssertEqual(wrap("   ", 10), [""])
    }

    func testNewlinesSplitAndBlankLinesStay() {
        XCTAssertEqual(wrap("a\n\nb", 10), ["a", "", "b"])
        XCTAssertEqual(wrap("a\n", 10), ["a", ""])
        XCTAssertEqual(wrap("\n", 10), ["", ""])
    }

    func testWrapsAtSpacesAndDropsThemAtTheBreak() {
        XCTAssertEqual(wrap("hello world", 11), ["hello world"])
        XCTAssertEqual(wrap("hello world", 10), ["hello", "world"])
        XCTAssertEqual(wrap("hello world", 5), ["hello", "world"])
        XCTAssertEqual(wrap("the quick brown fox jumps", 10), ["the quick", "brown fox", "jumps"])
        XCTAssertEqual(wrap("a    b", 3), ["a", "b"])
        XCTAssertEqual(wrap("trailing   ", 20), ["trailing"])
    }

    func testSpacesInsideALineAreKept() {
        XCTAssertEqual(wrap("    let x = 1\n\tif x {", 40), ["    let x = 1", "    if x {"])
        XCTAssertEqual(wrap("a   b", 10), ["a   b"])
        XCTAssertEqual(wrap("          deep", 6), ["  deep"])
    }

    func testLongWordsAreCutOnALineOfTheirOwn() {
        XCTAssertEqual(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"])
        XCTAssertEqual(wrap("see abcdefghij now", 4), ["see", "abcd", "efgh", "ij", "now"])
        XCTAssertEqual(wrap("https://example.com/x", 8), ["https://", "example.", "com/x"])
    }

    func testCJKBreaksBetweenCharacters() {
        XCTAssertEqual(wrap("中文字符", 5), ["中文", "字符"])
        XCTAssertEqual(wrap("中文字符", 4), ["中文", "字符"])
        XCTAssertEqual(wrap("中文字符", 3), ["中", "文", "字", "符"])
        XCTAssertEqual(wrap("ab 中文", 4), ["ab", "中文"])
        XCTAssertEqual(wrap("ab中文", 4), ["ab中", "文"])
        XCTAssertEqual(wrap("abc中", 4), ["abc", "中"])
    }

    func testWideCharactersInAOneCellColumnBecomeAnEllipsis() {
        XCTAssertEqual(wrap("中a👍", 1), ["…", "a", "…"])
    }

    func testEmojiAtTheBoundaryAreNeverSplit() {
        XCTAssertEqual(wrap("abc👩‍💻", 4), ["abc", "👩‍💻"])
        XCTAssertEqual(wrap("ab👩‍💻", 4), ["ab👩‍💻"])
        XCTAssertEqual(wrap("ok 👍🏽👍🏽👍🏽", 5), ["ok 👍🏽", "👍🏽👍🏽"])
        XCTAssertEqual(wrap("🇫🇷🇯🇵🇫🇷", 5), ["🇫🇷🇯🇵", "🇫🇷"])
        XCTAssertEqual(wrap("e\u{301}e\u{301}e\u{301}", 2), ["e\u{301}e\u{301}", "e\u{301}"])
    }

    func testWidthBelowOneIsOne() {
        XCTAssertEqual(wrap("ab", 0), ["a", "b"])
        XCTAssertEqual(wrap("ab", -3), ["a", "b"])
    }

    func testEscapesAreWrappedAsVisibleText() {
        XCTAssertEqual(wrap("\u{1B}[2Jhi", 3), ["␛[2", "Jhi"])
    }

    /// 10,000 random nasty strings at every width from 1 to 40: no line is wider than the
    /// width, and nothing but spaces is lost (unless a cluster is wider than the line).
    func testRandomTextNeverOverflows() {
        var random = SeededRandom(seed: 0x77A9)
        for _ in 0..<10_000 {
            let text = SanitizedText(untrusted: NastyStrings.make(using: &random))
            let widest = text.value.map { DisplayWidth.of($0) }.max() ?? 0
            let content = Array(text.value.unicodeScalars.filter { $0 != " " && $0 != "\n" })
            for width in 1...40 {
                let lines = TextWrapper.wrap(text, width: width)
                XCTAssertFalse(lines.isEmpty)
                for line in lines where DisplayWidth.of(line) > width || line.contains("\n") {
                    XCTFail("\(codePoints(line)) at width \(width) from \(codePoints(text.value))")
                }
                if widest <= width {
                    XCTAssertEqual(
                        Array(lines.joined().unicodeScalars.filter { $0 != " " }),
                        content,
                        "\(codePoints(text.value)) at width \(width)"
                    )
                }
            }
        }
    }
}
