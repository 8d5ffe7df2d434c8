import ChatModel
import TerminalUI
import XCTest

/// Text whose every scalar is a grapheme cluster of its own is measured, wrapped and drawn by
/// scalar, without grapheme breaking (`DisplayWidth.aloneWidth`): it must come out exactly as
/// the walk by `Character` makes it.
final class ScalarPerClusterTests: XCTestCase {
    /// Every scalar `aloneWidth` admits is a cluster by itself next to ASCII, Latin, CJK, an
    /// emoji and itself, on either side, is as wide as `width(of:)` says, and is drawn as the
    /// cluster of it would be.
    func testEveryScalarSaidToStandAloneIsAClusterOfItsOwn() {
        let neighbours: [Unicode.Scalar] = ["a", "\u{E9}", "中", "😀", "가"]
        let planes = Array(0..<0x2_0000) + Array(0x2_0000..<0x2_0100) + Array(0xE_0000..<0xE_0100)
        var admitted = 0
        for value in planes {
            guard let scalar = Unicode.Scalar(UInt32(value)), let cells = DisplayWidth.aloneWidth(of: scalar) else { continue }
            admitted += 1
            XCTAssertEqual(cells, DisplayWidth.width(of: scalar), "U+\(String(value, radix: 16))")
            XCTAssertEqual(DisplayWidth.drawable(scalar), DisplayWidth.drawable(Character(scalar)), "U+\(String(value, radix: 16))")
            for neighbour in neighbours + [scalar] {
                let after = String(String.UnicodeScalarView([neighbour, scalar]))
                let before = String(String.UnicodeScalarView([scalar, neighbour]))
                if after.count != 2 || before.count != 2 {
                    XCTFail("U+\(String(value, radix: 16)) joins U+\(String(neighbour.value, radix: 16))")
                }
            }
        }
        XCTAssertGreaterThan(admitted, 100_000, "most scalars take the fast walk")
    }

    /// What joins a neighbour is not admitted: marks, VS16, ZWJ, a skin tone, a regional
    /// indicator, a Hangul jamo, a prepended sign, a spacing vowel, CR.
    func testScalarsThatJoinANeighbourAreNotAdmitted() {
        let joining: [Unicode.Scalar] = [
            "\u{301}", "\u{FE0F}", "\u{200D}", "\u{1F3FD}", "\u{1F1EB}", "\u{1100}", "\u{1161}", "\u{0600}", "\u{093F}", "\u{0E33}",
            "\u{0D}", "\u{E0067}", "\u{302E}",
        ]
        for scalar in joining { XCTAssertNil(DisplayWidth.aloneWidth(of: scalar), "U+\(String(scalar.value, radix: 16))") }
        XCTAssertTrue(DisplayWidth.isScalarPerCluster("déjà vu, 中文, 👍 — …"))
        XCTAssertFalse(DisplayWidth.isScalarPerCluster("de\u{301}ja\u{300}"))
        XCTAssertFalse(DisplayWidth.isScalarPerCluster("🇫🇷"))
    }

    /// Texts from words of every kind the fast walk takes, ending in a letter: the same every run.
    private var texts: [String] {
        let words = ["ship", "it", "déjà", "中文字", "👍", "🚀", "привет", "—", "…", "가나다", "https://example.com/a/long/path", "x"]
        var seed: UInt64 = 42
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(seed >> 33) % bound
        }
        return (0..<60).map { _ in
            (0...next(12)).map { _ in words[next(words.count)] }.joined(separator: next(2) == 0 ? " " : "  ") + "z"
        }
    }

    /// A combining mark at the end sends the whole text the slow way, and changes nothing but
    /// its last cluster: so the fast walk must give the slow walk's lines.
    func testWrappingByScalarGivesTheLinesWrappingByCharacterGives() {
        for text in texts {
            for width in 1...24 {
                let fast = TextWrapper.wrap(SanitizedText(untrusted: text), width: width)
                let slow = TextWrapper.wrap(SanitizedText(untrusted: text + "\u{301}"), width: width)
                XCTAssertEqual(fast.dropLast(), slow.dropLast(), "\(text) at \(width)")
                XCTAssertEqual(fast.last.map { $0 + "\u{301}" }, slow.last, "\(text) at \(width)")
            }
        }
    }

    /// The same for drawing: the same cells, but for the mark on the last one drawn.
    func testDrawingByScalarGivesTheCellsDrawingByCharacterGives() {
        for text in texts {
            for width in [3, 9, 20, 60] {
                var fast = Frame(width: 60, height: 1)
                var slow = Frame(width: 60, height: 1)
                let used = fast.put(SanitizedText(untrusted: text), x: 0, y: 0, maxWidth: width, ellipsis: true, style: .plain)
                let marked = SanitizedText(untrusted: text + "\u{301}")
                XCTAssertEqual(slow.put(marked, x: 0, y: 0, maxWidth: width, ellipsis: true, style: .plain), used)
                for x in 0..<60 where fast[x, 0] != slow[x, 0] {
                    XCTAssertEqual(fast[x, 0].text + "\u{301}", slow[x, 0].text, "\(text) in \(width), column \(x)")
                    XCTAssertEqual(fast[x, 0].text, "z", "only the last letter differs")
                }
            }
        }
    }
}
