import CNCurses
import ChatModel
import TerminalUI
import XCTest

final class DisplayWidthTests: XCTestCase {
    /// Emoji of every kind: presentation and text-presentation singles, VS16, ZWJ sequences,
    /// skin tones, flags, tag flags, keycaps, and emoji newer than glibc 2.36 (Unicode 15).
    static let emoji = [
        "😀", "🚀", "✅", "⭐", "❤️", "⚠️", "✌️", "☕", "👩‍💻", "👨‍👩‍👧‍👦", "🏳️‍🌈", "❤️‍🔥", "👁️‍🗨️", "🧑‍🤝‍🧑",
        "👍🏽", "👩🏽‍💻", "🏽", "🇫🇷", "🇯🇵", "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}", "1️⃣", "#️⃣",
        "🫨", "🩷", "🫨🏽", "🫠", "😀\u{FE0F}",
    ]

    override func setUp() {
        super.setUp()
        #if canImport(Glibc)
        setlocale(LC_ALL, "C.UTF-8")  // wcwidth answers -1 for all non-ASCII in the C locale
        #endif
    }

    // MARK: Widths

    func testProbeTableOfTerminalClientsSection5() {
        XCTAssertEqual(DisplayWidth.of("😀" as Character), 2)
        XCTAssertEqual(DisplayWidth.of("❤️" as Character), 2)
        XCTAssertEqual(DisplayWidth.of("👩‍💻" as Character), 2)
        XCTAssertEqual(DisplayWidth.of("👍🏽" as Character), 2)
        XCTAssertEqual(DisplayWidth.of("🇫🇷" as Character), 2)
        XCTAssertEqual(DisplayWidth.of("e\u{301}" as Character), 1)
        XCTAssertEqual(DisplayWidth.of("⚠" as Character), 1)
        XCTAssertEqual(DisplayWidth.of("⚠️" as Character), 2)
        XCTAssertEqual(DisplayWidth.of("中" as Character), 2)
    }

    func testEveryEmojiIsTwoCells() {
        for emoji in Self.emoji {
            XCTAssertEqual(emoji.count, 1, emoji.debugDescription)
            XCTAssertEqual(DisplayWidth.of(Character(emoji)), 2, emoji.debugDescription)
        }
    }

    func testNarrowZeroAndWideCharacters() {
        for character: Character in ["a", "~", "é", "ß", "Ж", "ע", "␛", "…", "ｱ", "🌡", "©", "\u{E000}"] {
            XCTAssertEqual(DisplayWidth.of(character), 1, character.debugDescription)
        }
        for character: Character in ["\u{301}", "\u{200D}", "\u{FE0F}", "\u{1B}", "\n", "\u{7F}", "\u{9B}", "\u{2028}"] {
            XCTAssertEqual(DisplayWidth.of(character), 0, character.debugDescription)
        }
        for character: Character in ["中", "한", "\u{1100}\u{1161}\u{11A8}", "Ａ", "。", "ア", "🌡️", "\u{3000}", "\u{20000}"] {
            XCTAssertEqual(DisplayWidth.of(character), 2, character.debugDescription)
        }
    }

    func testStringWidthIsTheSumOverClusters() {
        XCTAssertEqual(DisplayWidth.of("hello"), 5)
        XCTAssertEqual(DisplayWidth.of(""), 0)
        XCTAssertEqual(DisplayWidth.of("中文 ok"), 7)
        XCTAssertEqual(DisplayWidth.of("a👩‍💻b❤️"), 6)
        XCTAssertEqual(DisplayWidth.of("cafe\u{301}"), 4)
        XCTAssertEqual(DisplayWidth.of("x y"[...]), 3)
    }

    func testTableAgreesWithTheCLibraryForEveryScalarItKnows() throws {
        #if canImport(Glibc)
        var disagreements: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let expected = Int(cn_wcwidth(wchar_t(bitPattern: value)))
            if expected < 0 { continue }  // unassigned for glibc, or a control
            let actual = DisplayWidth.of(Character(scalar))
            if actual != expected { disagreements.append("U+\(String(value, radix: 16)): \(actual) ≠ \(expected)") }
        }
        XCTAssertEqual(disagreements, [], "regenerate the wide table in ChatModel/Text/DisplayWidth.swift")
        #else
        throw XCTSkip("the table mirrors glibc's wcwidth")
        #endif
    }

    // MARK: What is handed to ncurses

    func testDrawableTakesAsManyCellsInNcursesAsInTheLayoutOrIsAWholeEmojiSequence() throws {
        let others = ["a", "é", "e\u{301}", "中", "한", "\u{1100}\u{1161}\u{11A8}", "कि", "⚠", "\u{20000}", "\u{0378}", "\u{31350}"]
        for text in Self.emoji + others {
            let character = Character(text)
            let drawn = DisplayWidth.drawable(character)
            if Frame.Cell(text: drawn, style: .plain).holdsEmojiSequence {
                // Written by `Screen` itself over its two cells, whole.
                XCTAssertEqual(drawn, text, text.debugDescription)
                XCTAssertEqual(DisplayWidth.of(character), 2, text.debugDescription)
                continue
            }
            XCTAssertFalse(drawn.unicodeScalars.contains("\u{200D}"), text.debugDescription)
            XCTAssertFalse(drawn.unicodeScalars.contains("\u{FE0F}"), text.debugDescription)
            try XCTAssertEqual(ncursesWidth(drawn), DisplayWidth.of(character), text.debugDescription)
        }
    }

    /// B6: a flag, a ZWJ sequence, a skin tone and a VS16 emoji are kept whole, not cut to
    /// their first scalar; only those with a scalar newer than the table fall back to it.
    func testDrawablePolicy() {
        let tagFlag = "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}"
        let cases: [(Character, String)] = [
            ("a", "a"), ("😀", "😀"), ("👩‍💻", "👩‍💻"), ("👨‍👩‍👧‍👦", "👨‍👩‍👧‍👦"), ("❤️", "❤️"), ("❤️‍🔥", "❤️‍🔥"), ("👍🏽", "👍🏽"),
            ("🇫🇷", "🇫🇷"), ("1️⃣", "1️⃣"), ("1\u{20E3}", "1\u{20E3}"), (Character(tagFlag), tagFlag), ("🏳️‍🌈", "🏳️‍🌈"),
            ("😀\u{FE0F}", "😀\u{FE0F}"), ("🫨", "\u{FFFD} "), ("🫨🏽", "\u{FFFD} "), ("e\u{301}", "e\u{301}"), ("中", "中"),
            ("\u{1B}", ""), ("\u{7}", ""), ("\u{202E}", ""), ("\u{2028}", ""),
        ]
        for (character, expected) in cases {
            XCTAssertEqual(DisplayWidth.drawable(character), expected, character.debugDescription)
        }
    }

    /// The symbols answered without property lookups are what those lookups would say: one
    /// cell, a cluster alone next to anything, in the Unicode 14.0 table, drawn as themselves.
    func testFrameSymbolsAreOneCellClustersAlone() throws {
        let spacing: Set<Unicode.GeneralCategory> = [
            .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation, .otherPunctuation, .mathSymbol,
            .otherSymbol,
        ]
        var checked = 0
        for value in UInt32(0x2000)...0x25FF where DisplayWidth.isFrameSymbol(value) {
            let scalar = try XCTUnwrap(Unicode.Scalar(value))
            let name = String(value, radix: 16)
            XCTAssertTrue(spacing.contains(scalar.properties.generalCategory), name)
            XCTAssertLessThanOrEqual(try XCTUnwrap(scalar.properties.age).major, 14, name)
            XCTAssertFalse(scalar.properties.isEmojiPresentation, name)
            XCTAssertEqual(("a" + String(scalar) + "a").count, 3, name)
            XCTAssertEqual(DisplayWidth.width(of: scalar), 1, name)
            XCTAssertEqual(DisplayWidth.aloneWidth(of: scalar), 1, name)
            XCTAssertEqual(DisplayWidth.drawable(scalar), String(scalar), name)
            checked += 1
        }
        XCTAssertEqual(checked, 24 + 112 + 160)
        XCTAssertFalse(DisplayWidth.isFrameSymbol(0x200D), "ZWJ joins")
        XCTAssertFalse(DisplayWidth.isFrameSymbol(0x2028), "a line separator is no cell")
    }

    func testDrawableKeepsAtMostFourMarksPerCell() {
        let zalgo = Character("e" + String(repeating: "\u{301}", count: 12))
        XCTAssertEqual(DisplayWidth.of(zalgo), 1)
        XCTAssertEqual(DisplayWidth.drawable(zalgo), "e\u{301}\u{301}\u{301}\u{301}")
    }

    func testShortcodesArePrintableASCIIAsWideAsTheirLength() throws {
        for text in Self.emoji {
            let shortcode = EmojiShortcodes.shortcode(for: Character(text))
            XCTAssertTrue(shortcode.allSatisfy { $0.isASCII && $0 != " " }, shortcode)
            XCTAssertTrue(shortcode.hasPrefix(":") && shortcode.hasSuffix(":"), shortcode)
            try XCTAssertEqual(ncursesWidth(shortcode), DisplayWidth.of(shortcode))
        }
        let other = SanitizedText(untrusted: "a中⚠e\u{301}")
        XCTAssertEqual(EmojiShortcodes.textize(other), other)
    }

    // MARK: Emoji sequences and the terminal

    func testKindsOfEmojiSequence() {
        let cases: [(Character, [EmojiSequence])] = [
            ("🇫🇷", [.flag]), ("👩‍💻", [.joined]), ("🏳️‍🌈", [.joined]), ("👍🏽", [.skinTone]), ("❤️", [.presentation]),
            ("1️⃣", [.keycap]), ("👩🏽‍💻", [.joined, .skinTone]), (Character(EmojiSequence.tagged.sample), [.tagged]),
            ("😀", []), ("❤", []), ("a", []), ("e\u{301}", []), ("🇫", []),
        ]
        for (character, kinds) in cases {
            XCTAssertEqual(EmojiSequence.kinds(of: character), kinds, character.debugDescription)
        }
        for kind in EmojiSequence.allCases {
            XCTAssertEqual(EmojiSequence.kinds(of: Character(kind.sample)), [kind])
        }
    }

    /// What the terminal cannot draw in two cells is shown as a shortcode, before layout; the
    /// rest stays emoji. With `--ascii-emoji` every emoji is a shortcode.
    func testSequencesTheTerminalCannotDrawBecomeShortcodes() {
        let theme = ChatFixture.context().theme
        let text = "🇫🇷 👩‍💻 🏳️‍🌈 👍🏽 ❤️ 👩🏽‍💻 😀 ok"
        let tmux33 = RenderContext(theme: theme, emojiSequences: Set(EmojiSequence.allCases).subtracting([.skinTone]))
        XCTAssertEqual(tmux33.text(text).value, "🇫🇷 👩‍💻 🏳️‍🌈 :thumbsup::skin-tone-4: ❤️ :woman_technologist::skin-tone-4: 😀 ok")
        XCTAssertEqual(RenderContext(theme: theme).text(text).value, text)
        let none = RenderContext(theme: theme, emojiSequences: [])
        XCTAssertEqual(
            none.text(text).value,
            ":flag-fr: :woman_technologist: :rainbow_flag: :thumbsup::skin-tone-4: :heart: :woman_technologist::skin-tone-4: 😀 ok"
        )
        let ascii = RenderContext(theme: theme, asciiEmoji: true)
        XCTAssertEqual(
            ascii.text(text).value,
            ":flag-fr: :woman_technologist: :rainbow_flag: :thumbsup::skin-tone-4: :heart: :woman_technologist::skin-tone-4: :grinning: ok"
        )
    }

    func testShortcodes() {
        let expected: [(Character, String)] = [
            ("👍", ":thumbsup:"), ("❤️", ":heart:"), ("❤", ":heart:"), ("😂", ":joy:"), ("🎉", ":tada:"),
            ("🚀", ":rocket:"), ("🔥", ":fire:"), ("👀", ":eyes:"), ("✅", ":white_check_mark:"), ("😀", ":grinning:"),
            ("😢", ":cry:"), ("😮", ":open_mouth:"), ("🙏", ":pray:"), ("👋", ":wave:"), ("💯", ":100:"),
            ("👍🏽", ":thumbsup::skin-tone-4:"), ("🏽", ":skin-tone-4:"), ("👩🏻‍💻", ":woman_technologist::skin-tone-2:"),
            ("🇫🇷", ":flag-fr:"), ("1️⃣", ":one:"), ("#️⃣", ":hash:"), ("🧪", ":test_tube:"), ("🧑‍🤝‍🧑", ":people_holding_hands:"), ("🇯🇵", ":flag-jp:"),
            ("🤗", ":hugs:"), ("🦊", ":fox_face:"), ("\u{1F43B}\u{200D}\u{1F415}", ":U+1F43B-1F415:"), ("🇽🇽", ":flag-xx:"),
        ]
        for (character, shortcode) in expected {
            XCTAssertEqual(EmojiShortcodes.shortcode(for: character), shortcode)
        }
    }

    func testTextizeReplacesEmojiBeforeLayout() {
        let text = SanitizedText(untrusted: "nice 👍🏽 ❤️ 🇫🇷! ⚠ 中")
        XCTAssertEqual(EmojiShortcodes.textize(text).value, "nice :thumbsup::skin-tone-4: :heart: :flag-fr:! ⚠ 中")
        let plain = SanitizedText(untrusted: "no emoji here")
        XCTAssertEqual(EmojiShortcodes.textize(plain), plain)
    }

    // MARK: Truncating and fitting

    func testTruncate() {
        XCTAssertEqual(DisplayWidth.truncate("hello world", toWidth: 8, ellipsis: true), "hello w…")
        XCTAssertEqual(DisplayWidth.truncate("hello world", toWidth: 8, ellipsis: false), "hello wo")
        XCTAssertEqual(DisplayWidth.truncate("hello", toWidth: 5, ellipsis: true), "hello")
        XCTAssertEqual(DisplayWidth.truncate("中文字", toWidth: 5, ellipsis: true), "中文…")
        XCTAssertEqual(DisplayWidth.truncate("中文字", toWidth: 4, ellipsis: true), "中…")
        XCTAssertEqual(DisplayWidth.truncate("中文字", toWidth: 5, ellipsis: false), "中文")
        XCTAssertEqual(DisplayWidth.truncate("a👩‍💻b", toWidth: 2, ellipsis: false), "a")
        XCTAssertEqual(DisplayWidth.truncate("abc", toWidth: 1, ellipsis: true), "…")
        XCTAssertEqual(DisplayWidth.truncate("abc", toWidth: 0, ellipsis: true), "")
    }

    func testFitGivesExactlyTheWidth() {
        XCTAssertEqual(DisplayWidth.fit("中文字", toWidth: 5, ellipsis: false), "中文 ")
        XCTAssertEqual(DisplayWidth.fit("ab", toWidth: 4, ellipsis: true), "ab  ")
        XCTAssertEqual(DisplayWidth.fit("#general-announcements", toWidth: 10, ellipsis: true), "#general-…")
        for width in 0...8 {
            XCTAssertEqual(DisplayWidth.of(DisplayWidth.fit("a中👍🏽b", toWidth: width, ellipsis: true)), width)
        }
    }
}

enum NcursesWidthError: Error {
    case unknownToTheCLibrary(String)
}

/// The cells ncurses 6.4 advances for `text`: glibc's `wcwidth` per scalar, summed (it drops
/// ZWJ, which `wcwidth` counts 0 anyway). Throws for scalars `wcwidth` rejects, which ncurses
/// would draw in some other way; skips the test where there is no glibc.
func ncursesWidth(_ text: String) throws -> Int {
    #if canImport(Glibc)
    var total = 0
    for scalar in text.unicodeScalars {
        let cells = Int(cn_wcwidth(wchar_t(bitPattern: scalar.value)))
        if cells < 0 { throw NcursesWidthError.unknownToTheCLibrary(text.debugDescription) }
        total += cells
    }
    return total
    #else
    throw XCTSkip("ncurses widths are glibc's wcwidth")
    #endif
}
