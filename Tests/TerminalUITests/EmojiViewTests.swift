import ChatCore
import ChatModel
import TerminalUI
import XCTest

/// B6 in the view: a message of flags, ZWJ sequences, skin tones and VS16 emoji is drawn with
/// each emoji whole in its two cells and the text after it where the layout put it.
final class EmojiViewTests: XCTestCase {
    private let body = "🇫🇷 👩‍💻 🏳️‍🌈 👍🏽 ❤️ end"

    private func render(_ context: RenderContext) -> Frame { Self.render(body, context) }

    /// The fixture's chat with `text` as its last message, drawn at 120x40.
    static func render(_ text: String, _ context: RenderContext) -> Frame {
        var state = ChatFixture.state()
        var rows = ChatFixture.rows
        rows[rows.count - 1].message.text = text
        rows[rows.count - 1].message.attachments = []
        state.window?.rows = rows
        return ChatView.render(state, width: 120, height: 40, context: context)
    }

    /// The row holding `first` and that cell's column.
    private func cell(_ first: String, in frame: Frame) -> (x: Int, y: Int)? {
        for y in 0..<frame.height {
            for x in 0..<frame.width where frame[x, y].text == first { return (x, y) }
        }
        return nil
    }

    func testEachEmojiIsOneCellAndTheTextAfterThemIsAligned() throws {
        let frame = render(ChatFixture.context())
        let flag = try XCTUnwrap(cell("🇫🇷", in: frame))
        let expected = ["🇫🇷", "", " ", "👩‍💻", "", " ", "🏳️‍🌈", "", " ", "👍🏽", "", " ", "❤️", "", " ", "e", "n", "d"]
        XCTAssertEqual((0..<expected.count).map { frame[flag.x + $0, flag.y].text }, expected)
        XCTAssertTrue(frame.text(row: flag.y).hasSuffix(body), frame.text(row: flag.y))
    }

    /// A terminal that draws skin tones apart (tmux 3.3a) gets the shortcode, laid out as text;
    /// `--ascii-emoji` makes every emoji a shortcode.
    func testWhatTheTerminalCannotDrawIsAShortcode() throws {
        let theme = ChatFixture.context().theme
        let tmux33 = render(RenderContext(theme: theme, emojiSequences: Set(EmojiSequence.allCases).subtracting([.skinTone])))
        let flag = try XCTUnwrap(cell("🇫🇷", in: tmux33))
        XCTAssertTrue(tmux33.text(row: flag.y).hasSuffix("🇫🇷 👩‍💻 🏳️‍🌈 :thumbsup::skin-tone-4: ❤️ end"), tmux33.text(row: flag.y))
        XCTAssertEqual(tmux33[flag.x + 9, flag.y].text, ":")

        let ascii = render(RenderContext(theme: theme, asciiEmoji: true))
        XCTAssertNil(cell("🇫🇷", in: ascii))
        XCTAssertTrue(
            ascii.lines.contains { $0.hasSuffix(":flag-fr: :woman_technologist: :rainbow_flag: :thumbsup::skin-tone-4: :heart: end") },
            ascii.lines.joined(separator: "\n")
        )
    }
}

/// Shortcodes in a message's text, as Slack and Mattermost history holds them, are drawn as
/// their emoji, and `--ascii-emoji` draws those emoji back as the same names.
final class ShortcodeViewTests: XCTestCase {
    private func render(_ text: String, _ context: RenderContext) -> Frame { EmojiViewTests.render(text, context) }

    func testImportedShortcodesAreDrawnAsEmojiOutsideCode() {
        let frame = render("deployed :white_check_mark: :tada: `:tada:` :party_parrot:", ChatFixture.context())
        XCTAssertTrue(frame.lines.contains { $0.hasSuffix("deployed ✅ 🎉 `:tada:` :party_parrot:") }, frame.lines.joined(separator: "\n"))
    }

    func testAsciiEmojiKeepsTheNamesTheAuthorWrote() {
        let theme = ChatFixture.context().theme
        let frame = render("deployed :white_check_mark: 🎉 :+1:", RenderContext(theme: theme, asciiEmoji: true))
        XCTAssertTrue(
            frame.lines.contains { $0.hasSuffix("deployed :white_check_mark: :tada: :+1:") },
            frame.lines.joined(separator: "\n")
        )
    }

    /// Every name the client writes for an emoji (`--ascii-emoji`) is one it reads back.
    func testEveryShortcodeWrittenIsReadBack() {
        for emoji in Set(EmojiNames.table.values) {
            let written = EmojiShortcodes.shortcode(for: Character(emoji))
            XCTAssertEqual(Shortcodes.emojified(written), emoji, written)
        }
        XCTAssertEqual(Shortcodes.emojified(EmojiShortcodes.shortcode(for: "👩🏾‍💻")), "👩🏾‍💻")
    }
}
