import ChatCore
import ChatModel
import XCTest

@testable import TerminalUI

/// The composer wraps at word boundaries, and its cursor is drawn on the character it is at.
final class ComposerWrapTests: XCTestCase {
    private func rows(_ text: String, width: Int) -> [String] {
        ComposerView.wrap(Composer(text), width: width).rows.map { String($0) }
    }

    func testWordsMoveWholeToTheNextRow() {
        XCTAssertEqual(rows("the quick brown fox jumps", width: 12), ["the quick ", "brown fox ", "jumps"])
        XCTAssertEqual(rows("hello world", width: 12), ["hello world"])
        XCTAssertEqual(rows("hello world", width: 10), ["hello ", "world"])
        // A full last row: the cursor after it goes to the start of a new one.
        XCTAssertEqual(rows("hello world", width: 11), ["hello world", ""])
        // A newline ends a row; the next one wraps on its own.
        XCTAssertEqual(rows("ab cd\nef gh ij", width: 6), ["ab cd", "ef gh ", "ij"])
        // Wide characters count two columns.
        XCTAssertEqual(rows("中文 中文字 ab", width: 10), ["中文 ", "中文字 ab"])
        XCTAssertEqual(rows("ok 👩‍💻👩‍💻👩‍💻", width: 7), ["ok ", "👩‍💻👩‍💻👩‍💻"])
    }

    func testAWordLongerThanARowIsCut() {
        XCTAssertEqual(rows("a supercalifragilistic b", width: 8), ["a ", "supercal", "ifragili", "stic b"])
        XCTAssertEqual(rows("abcdefghij", width: 4), ["abcd", "efgh", "ij"])
    }

    /// Wherever the cursor is moved to (←/→ over a wrap, word by word), it is drawn on the cell of
    /// the character it stands before, and at the end after the last one.
    /// The character drawn at the cursor's cell (nil: past the row's end). A space at a row's end
    /// that hangs past the edge is drawn nowhere: the cursor on it is at the next row's start.
    private func underCursor(_ composer: Composer, width: Int) -> Character? {
        let wrapped = ComposerView.wrap(composer, width: width)
        XCTAssertLessThan(wrapped.cursor.column, width)
        let hanging = wrapped.cursor.row > 0 && wrapped.cursor.column == 0
        if composer.cursor < composer.text.count, composer.text[composer.cursor] == " ", hanging { return " " }
        var column = 0
        for character in wrapped.rows[wrapped.cursor.row] {
            if column == wrapped.cursor.column { return character }
            column += DisplayWidth.of(character)
        }
        return nil
    }

    /// Wherever the cursor is moved to (←/→ over a wrap, word by word), it is drawn on the cell of
    /// the character it stands before, and at the end after the last one.
    func testTheCursorIsDrawnOnTheCharacterItIsAt() {
        let text = "the quick brown 中文 fox\njumps over the lazy dog"
        let width = 9
        var composer = Composer(text)
        while composer.cursor > 0 { composer.apply(.left) }
        while true {
            let at = composer.cursor < composer.text.count && composer.text[composer.cursor] != "\n" ? composer.text[composer.cursor] : nil
            XCTAssertEqual(underCursor(composer, width: width), at, "cursor \(composer.cursor)")
            if composer.cursor == composer.text.count { break }
            composer.apply(.right)
        }
        // Word by word back from the end: each stop is on the first letter of a word.
        for first: Character in ["d", "l", "t", "o", "j"] {
            composer.apply(.wordLeft)
            XCTAssertEqual(underCursor(composer, width: width), first)
        }
    }

    /// An emoji the terminal cannot draw is shown as its shortcode in the composer too, and the
    /// cursor after it is counted in the shortcode's columns.
    func testAnEmojiShownAsAShortcodeIsMeasuredAsDrawn() {
        let theme = ChatFixture.context().theme
        let tmux33 = RenderContext(theme: theme, emojiSequences: Set(EmojiSequence.allCases).subtracting([.skinTone]))
        let cells = ComposerView.cells(in: tmux33)
        let wrapped = ComposerView.wrap(Composer("ok 👍🏽 🇫🇷 x"), width: 40, cells: cells)
        XCTAssertEqual(wrapped.cursor.column, DisplayWidth.of("ok :thumbsup::skin-tone-4: 🇫🇷 x"))
        XCTAssertEqual(ComposerView.wrap(Composer("ok 👍🏽 🇫🇷 x"), width: 40).cursor.column, 10, "drawn as emoji: 2 cells each")
        XCTAssertEqual(
            ComposerView.wrap(Composer("ok 👍🏽 x"), width: 40, cells: ComposerView.cells(in: RenderContext(theme: theme, asciiEmoji: true)))
                .cursor.column,
            DisplayWidth.of("ok :thumbsup::skin-tone-4: x")
        )
    }
}
