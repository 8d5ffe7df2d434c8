import ChatModel
import TerminalUI
import XCTest

final class SanitizedTextTests: XCTestCase {
    // MARK: Threats of terminal-clients.md §4.3

    func testEscapeSequencesAreMadeVisibleAndCannotRun() {
        let threats: [(name: String, input: String, expected: String)] = [
            ("CSI clear screen", "a\u{1B}[2Jb", "a␛[2Jb"),
            ("CSI cursor home", "\u{1B}[H\u{1B}[1;1Hfake", "␛[H␛[1;1Hfake"),
            ("DSR query", "\u{1B}[6n", "␛[6n"),
            ("OSC 0 title", "\u{1B}]0;pwned\u{07}", "␛]0;pwned"),
            ("OSC 2 title, ST", "\u{1B}]2;pwned\u{1B}\\", "␛]2;pwned␛\\"),
            ("OSC 52 clipboard", "\u{1B}]52;c;cm0gLXJmIH4=\u{07}", "␛]52;c;cm0gLXJmIH4="),
            (
                "OSC 8 link", "\u{1B}]8;;https://evil.example\u{1B}\\bank\u{1B}]8;;\u{1B}\\",
                "␛]8;;https://evil.example␛\\bank␛]8;;␛\\"
            ),
            ("DCS", "\u{1B}P1$r0m\u{1B}\\", "␛P1$r0m␛\\"),
            ("tmux passthrough", "\u{1B}Ptmux;\u{1B}\u{1B}]0;x\u{07}\u{1B}\\", "␛Ptmux;␛␛]0;x␛\\"),
            ("APC", "\u{1B}_Gf=100\u{1B}\\", "␛_Gf=100␛\\"),
            ("reset", "\u{1B}c", "␛c"),
            ("8-bit CSI", "x\u{9B}2Jy", "x2Jy"),
            ("8-bit OSC and ST", "\u{9D}0;pwned\u{9C}", "0;pwned"),
            ("NEL", "a\u{85}b", "ab"),
            ("DEL", "a\u{7F}b", "ab"),
        ]
        for threat in threats {
            let text = SanitizedText(untrusted: threat.input)
            XCTAssertEqual(text.value, threat.expected, threat.name)
            assertSafe(text.value, threat.name)
        }
    }

    func testCarriageReturnCannotOverwriteTheLine() {
        XCTAssertEqual(SanitizedText(untrusted: "alice: hi\rmallory").value, "alice: hi mallory")
        XCTAssertEqual(SanitizedText(untrusted: "one\r\ntwo").value, "one\ntwo")
        XCTAssertEqual(SanitizedText(untrusted: "one\r\r\ntwo\r").value, "one \ntwo ")
    }

    func testBackspaceCannotSpoofTheSender() {
        let text = SanitizedText(untrusted: "bob: ok\u{08}\u{08}\u{08}\u{08}\u{08}\u{08}\u{08}EVE: ok")
        XCTAssertEqual(text.value, "bob: okEVE: ok")
    }

    func testBidiControlsAreDropped() {
        let controls = [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C]
        for control in controls {
            let scalar = Character(Unicode.Scalar(UInt32(control))!)
            let text = SanitizedText(untrusted: "invoice\(scalar)fdp.exe")
            XCTAssertEqual(text.value, "invoicefdp.exe", String(control, radix: 16))
        }
    }

    func testOtherC0ControlsAreDroppedAndNewlinesKept() {
        let allC0 = String(String.UnicodeScalarView((0..<0x20).map { Unicode.Scalar(UInt8($0)) }))
        let text = SanitizedText(untrusted: "<\(allC0)>")
        XCTAssertEqual(text.value, "<    \n ␛>")  // TAB, LF, lone CR, ESC; the rest dropped
        assertSafe(text.value, "C0")
    }

    func testTabBecomesFourSpaces() {
        XCTAssertEqual(SanitizedText(untrusted: "\tlet x = 1").value, "    let x = 1")
    }

    func testInvisibleFormatCharactersAreDropped() {
        let input = "ad\u{200B}m\u{2060}i\u{FEFF}n\u{00AD}\u{200C}!\u{FFF9}\u{E0001}"
        XCTAssertEqual(SanitizedText(untrusted: input).value, "admin!")
    }

    func testLineAndParagraphSeparatorsBecomeNewlines() {
        XCTAssertEqual(SanitizedText(untrusted: "a\u{2028}b\u{2029}c").value, "a\nb\nc")
    }

    func testNoncharactersAreDropped() {
        let noncharacters = [0xFFFE, 0xFDD0, 0x10FFFF].map { Character(Unicode.Scalar(UInt32($0))!) }
        XCTAssertEqual(SanitizedText(untrusted: "a\(noncharacters[0])b\(noncharacters[1])c\(noncharacters[2])").value, "abc")
    }

    // MARK: Emoji sequences

    func testEmojiSequencesSurviveIntact() {
        let sequences = [
            "👩‍💻", "👨‍👩‍👧‍👦", "🏳️‍🌈", "❤️‍🔥", "👩🏽‍💻", "👁️‍🗨️", "🧑‍🤝‍🧑", "❤️", "⚠️", "1️⃣", "#️⃣", "👍🏽",
            "🇫🇷", "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}",
        ]
        for sequence in sequences {
            let text = SanitizedText(untrusted: "a \(sequence) b")
            XCTAssertEqual(text.value, "a \(sequence) b", sequence.debugDescription)
        }
    }

    func testJoinerAndVariationSelectorOutsideEmojiAreDropped() {
        XCTAssertEqual(SanitizedText(untrusted: "a\u{200D}b").value, "ab")
        XCTAssertEqual(SanitizedText(untrusted: "\u{200D}👩").value, "👩")
        XCTAssertEqual(SanitizedText(untrusted: "👩\u{200D}").value, "👩")
        XCTAssertEqual(SanitizedText(untrusted: "👩\u{200D}a").value, "👩a")
        XCTAssertEqual(SanitizedText(untrusted: "👩\u{200D}\u{200D}💻").value, "👩\u{200D}💻")
        XCTAssertEqual(SanitizedText(untrusted: "a\u{FE0F}").value, "a")
        XCTAssertEqual(SanitizedText(untrusted: "\u{FE0F}❤").value, "❤")
        XCTAssertEqual(SanitizedText(untrusted: "❤\u{FE0F}\u{FE0F}").value, "❤\u{FE0F}")
        XCTAssertEqual(SanitizedText(untrusted: "👍🏽\u{FE0F}").value, "👍🏽")
    }

    func testTagCharactersStayOnlyInFlagSequences() {
        XCTAssertEqual(SanitizedText(untrusted: "a\u{E0067}\u{E007F}").value, "a")
    }

    func testJoinerAcrossADroppedControlIsDropped() {
        // The ESC becomes visible, so the joiner is no longer between two emoji.
        XCTAssertEqual(SanitizedText(untrusted: "👩\u{200D}\u{1B}💻").value, "👩␛💻")
    }

    // MARK: API

    func testPrintableASCIIAndOtherScriptsAreUnchanged() {
        for input in ["hello, world", "", "line 1\nline 2", "Ελληνικά", "中文 テスト 한국어", "é = e\u{301}", "עברית"] {
            XCTAssertEqual(SanitizedText(untrusted: input).value, input)
        }
    }

    func testSingleLineHasNoNewline() {
        let name = SanitizedText(untrusted: "Mallory\n\r\nAdmin\u{2028}\u{1B}[2J").singleLine
        XCTAssertEqual(name.value, "Mallory  Admin ␛[2J")
        XCTAssertFalse(name.value.contains("\n"))
        let plain = SanitizedText(untrusted: "general")
        XCTAssertEqual(plain.singleLine, plain)
    }

    func testTrustedLabelsAreKeptAsWritten() {
        XCTAssertEqual(SanitizedText.trusted("Channels (3)").value, "Channels (3)")
        XCTAssertEqual(SanitizedText.trusted("New messages ↑").value, "New messages ↑")
    }

    func testEqualInputsGiveEqualTexts() {
        XCTAssertEqual(SanitizedText(untrusted: "a\u{1B}b"), SanitizedText(untrusted: "a\u{1B}b"))
        XCTAssertEqual(Set([SanitizedText(untrusted: "x"), SanitizedText.trusted("x")]).count, 1)
    }

    // MARK: Property test

    func testRandomNastyStringsAreAlwaysSafe() {
        var random = SeededRandom(seed: 0x5EED)
        for _ in 0..<10_000 {
            let input = NastyStrings.make(using: &random)
            let text = SanitizedText(untrusted: input)
            assertSafe(text.value, codePoints(input))
            XCTAssertFalse(text.singleLine.value.contains("\n"))
            if !text.value.unicodeScalars.contains("\u{200D}") { continue }
            let scalars = Array(text.value.unicodeScalars)
            for (index, scalar) in scalars.enumerated() where scalar == "\u{200D}" {
                XCTAssertTrue(
                    index > 0 && index < scalars.count - 1 && scalars[index + 1].properties.isEmoji,
                    "stray ZWJ in \(codePoints(text.value))"
                )
            }
        }
    }
}

/// Fails unless `value` holds nothing a terminal could act on or reorder.
func assertSafe(_ value: String, _ message: String, file: StaticString = #filePath, line: UInt = #line) {
    for scalar in value.unicodeScalars {
        let code = scalar.value
        let bidi: Set<UInt32> = [
            0x200E, 0x200F, 0x061C, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
            0x2066, 0x2067, 0x2068, 0x2069,
        ]
        let forbidden =
            (code < 0x20 && code != 0x0A) || (0x7F...0x9F).contains(code) || bidi.contains(code)
            || (scalar.properties.generalCategory == .format && code != 0x200D && !(0xE0020...0xE007F).contains(code))
        XCTAssertFalse(
            forbidden,
            "U+\(String(code, radix: 16)) in \(codePoints(value)) from \(message)",
            file: file,
            line: line
        )
    }
}

/// `text` as code points, so a failure message cannot itself reorder or corrupt the test log.
func codePoints(_ text: String) -> String {
    text.unicodeScalars.map { String($0.value, radix: 16, uppercase: true) }.joined(separator: " ")
}

/// Random strings of up to 40 scalars from a pool of the scalars that break terminals and
/// width calculations, mixed with ordinary text.
enum NastyStrings {
    static let pool: [Unicode.Scalar] = [
        // ASCII, spaces and the C0/DEL/C1 controls
        "a", "b", "Z", "1", "#", " ", " ", " ", "\n", "\r", "\t", "\u{0}", "\u{7}", "\u{8}", "\u{1B}",
        "[", "]", ";", "\u{7F}", "\u{85}", "\u{9B}", "\u{9D}",
        // bidi and other format characters, separators, noncharacters
        "\u{202E}", "\u{202A}", "\u{2066}", "\u{2069}", "\u{200E}", "\u{061C}", "\u{200B}", "\u{2060}",
        "\u{FEFF}", "\u{00AD}", "\u{200C}", "\u{2028}", Unicode.Scalar(0xFFFE)!,
        // emoji and their joiners, selectors, modifiers, flags, tags, keycaps
        "\u{200D}", "\u{200D}", "\u{FE0F}", "\u{FE0F}", "\u{FE0E}", "😀", "👩", "💻", "❤", "👍", "🏽",
        "🇫", "🇷", "🏴", "\u{E0067}", "\u{E007F}", "\u{20E3}", "⚠", "🫨",
        // CJK, Hangul (syllable and jamo), fullwidth, combining marks, Devanagari, others
        "中", "文", "한", "\u{1100}", "\u{1161}", "\u{11A8}", "Ａ", "\u{0301}", "\u{0308}", "क", "\u{094D}",
        "ष", "\u{093F}", "é", "\u{E000}", "\u{0378}", "…",
    ]

    static func make(using random: inout SeededRandom) -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...40, using: &random) {
            scalars.append(pool.randomElement(using: &random)!)
        }
        return String(scalars)
    }
}
