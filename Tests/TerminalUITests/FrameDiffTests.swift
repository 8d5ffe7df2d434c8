import TerminalUI
import XCTest

/// What `Screen.draw` repaints: only changed cells, a wide character's two halves as one.
final class FrameDiffTests: XCTestCase {
    private func frame(_ row: String, overlay: (x: Int, text: String)? = nil) -> Frame {
        var frame = Frame(width: 6, height: 1)
        frame.put(SanitizedText(untrusted: row), x: 0, y: 0, style: .plain)
        if let overlay { frame.put(SanitizedText(untrusted: overlay.text), x: overlay.x, y: 0, style: .plain) }
        return frame
    }

    private func columns(_ cells: [(x: Int, y: Int)]) -> [Int] { cells.map(\.x) }

    func testEverythingIsDrawnWhenNothingIsKnown() {
        XCTAssertEqual(columns(frame("a🙂b").cellsToDraw(since: nil)), [0, 1, 3, 4, 5])
    }

    func testAnUnchangedFrameDrawsNothingAndAChangedCellOnlyItself() {
        XCTAssertEqual(columns(frame("a🙂b").cellsToDraw(since: frame("a🙂b"))), [])
        XCTAssertEqual(columns(frame("a🙂c").cellsToDraw(since: frame("a🙂b"))), [3])
    }

    /// B5: an overlay's border drawn on the right half of an emoji; when the overlay closes the
    /// emoji is unchanged, its right half was the border: the emoji is drawn again, whole.
    func testClosingAnOverlayOverAWideCharacterRedrawsIt() {
        let withOverlay = frame("a🙂b", overlay: (2, "│"))
        XCTAssertEqual(withOverlay.text(row: 0), "a │b")
        XCTAssertEqual(columns(frame("a🙂b").cellsToDraw(since: withOverlay)), [1])
    }

    /// Text written over one half of a wide character leaves no half of it: the other half is
    /// a blank. The emoji kept its two cells and the border after it went one column right on
    /// the terminal (an overlay's edge over the sidebar's `#Random 🦜`).
    func testWritingOverHalfAWideCharacterBlanksTheOtherHalf() {
        XCTAssertEqual(frame("a🙂b", overlay: (2, "│")).text(row: 0), "a │b", "over the right half")
        XCTAssertEqual(frame("a🙂b", overlay: (1, "x")).text(row: 0), "ax b", "over the left half")
        XCTAssertEqual(frame("a🙂🙂b", overlay: (2, "中")).text(row: 0), "a 中 b", "over two halves")
        var filled = frame("a🙂🙂b")
        filled.fill(x: 2, y: 0, width: 2, height: 1, style: .plain)
        XCTAssertEqual(filled.text(row: 0), "a    b", "a box's background too")
        for x in 0..<6 where filled[x, 0].text.isEmpty {
            XCTFail("cell \(x) is a right half without its left")
        }
    }

    /// B6: a cell holds a whole grapheme cluster, an emoji sequence too, its right half empty;
    /// the text after it is where the layout put it.
    func testACellHoldsAWholeEmojiSequence() {
        var frame = Frame(width: 14, height: 1)
        XCTAssertEqual(frame.put(SanitizedText(untrusted: "🇫🇷👩‍💻🏳️‍🌈👍🏽❤️z"), x: 0, y: 0, style: .plain), 11)
        XCTAssertEqual((0..<12).map { frame[$0, 0].text }, ["🇫🇷", "", "👩‍💻", "", "🏳️‍🌈", "", "👍🏽", "", "❤️", "", "z", " "])
        XCTAssertEqual((0..<12).filter { frame[$0, 0].holdsEmojiSequence }, [0, 2, 4, 6, 8])
        XCTAssertEqual(frame.text(row: 0), "🇫🇷👩‍💻🏳️‍🌈👍🏽❤️z")
        // A sequence that does not fit whole is not cut to its first part.
        var narrow = Frame(width: 3, height: 1)
        narrow.put(SanitizedText(untrusted: "a👩‍💻"), x: 0, y: 0, maxWidth: 2, style: .plain)
        XCTAssertEqual(narrow.text(row: 0), "a")
        // Only sanitized emoji are written past ncurses: never a control or a bidi override.
        for text in ["😀", "中", "e\u{301}", "❤", "a", "", "👍\u{202E}", "🇫🇷🇫🇷", "👍\u{1B}"] {
            XCTAssertFalse(Frame.Cell(text: text, style: .plain).holdsEmojiSequence, text)
        }
    }

    private func frame(rows: [String]) -> Frame {
        var frame = Frame(width: 6, height: rows.count)
        for (y, row) in rows.enumerated() { frame.put(SanitizedText(untrusted: row), x: 0, y: y, style: .plain) }
        return frame
    }

    /// The rows `Screen` has ncurses repaint whole and writes the sequences of again: changed
    /// rows with a sequence now, or before (its blanks must reach the terminal over the emoji).
    func testRowsWithEmojiSequencesAreRepaintedWhenTheyChange() {
        let before = frame(rows: ["a🇫🇷b", "a🇫🇷b", "abc", "xy"])
        let after = frame(rows: ["a🇫🇷c", "a🇫🇷b", "a👍🏽c", "x"])
        let cells = after.cellsToDraw(since: before)
        XCTAssertEqual(Set(cells.map { $0.y }), [0, 2, 3])
        XCTAssertEqual(after.rowsWithEmojiSequences(changedAmong: cells, since: before), [0, 2])
        // The sequence went: its row is repainted, or the flag would stay on the terminal.
        let gone = frame(rows: ["a   ", "a🇫🇷b", "abc", "xy"])
        XCTAssertEqual(gone.rowsWithEmojiSequences(changedAmong: gone.cellsToDraw(since: before), since: before), [0])
        XCTAssertEqual(before.rowsWithEmojiSequences(changedAmong: before.cellsToDraw(since: nil), since: nil), [0, 1])
        // A sequence replaced by another one of the same width is drawn again.
        let other = frame(rows: ["a👩‍💻b", "a🇫🇷b", "abc", "xy"])
        XCTAssertEqual(columns(other.cellsToDraw(since: before)), [1])
    }
}
