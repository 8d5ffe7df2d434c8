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
        XCTAssertEqual(withOverlay.text(row: 0), "a🙂│b")
        XCTAssertEqual(columns(frame("a🙂b").cellsToDraw(since: withOverlay)), [1])
    }
}
