import ChatCore
import ChatModel
import Foundation
import XCTest

@testable import TerminalUI

/// OSC 8 hyperlinks: which URLs become targets and how they are made safe, how a URL cut by
/// wrapping links on each of its lines, and the bytes the screen writes for a run of cells.
final class HyperlinkTests: XCTestCase {
    func testHostileTargetsAreRefusedOrEncoded() {
        XCTAssertEqual(Hyperlink.target("https://example.com/a?b=1;c"), "https://example.com/a?b=1;c")
        XCTAssertEqual(Hyperlink.target("MAILTO:bo@x.org"), "MAILTO:bo@x.org")
        XCTAssertEqual(
            Hyperlink.target("https://a.example/my file/ü"),
            "https://a.example/my%20file/%C3%BC",
            "spaces and non-ASCII encoded"
        )
        let refused = [
            "https://x.example/\u{1B}]0;pwned\u{7}",  // ESC and BEL would end the sequence early
            "https://x.example/\u{1B}\\",
            "https://x.example/\u{9D}8;;evil",  // C1 OSC
            "https://x.example/\u{202E}gpj.exe",  // bidi override
            "https://x.example/a\nb",
            "javascript:alert(1)",
            "file:///etc/passwd",
            "https://",
            "https://x.example/" + String(repeating: "a", count: Hyperlink.maxTarget),
        ]
        for url in refused { XCTAssertNil(Hyperlink.target(url), url.debugDescription) }
    }

    func testAURLCutByWrappingLinksOnEveryLineItIsOn() {
        let url = "https://example.com/a/very/long/path/that/wraps"
        let text = SanitizedText(untrusted: "see " + url + " and mailto:x@y.org ok")
        let lines = TextWrapper.wrap(text, width: 20)
        XCTAssertEqual(lines, ["see", "https://example.com/", "a/very/long/path/tha", "t/wraps and", "mailto:x@y.org ok"])
        let spans = Hyperlink.spans(of: text, lines: lines)
        XCTAssertEqual(spans.map { $0.map(\.range) }, [[], [0..<20], [0..<20], [0..<7], [0..<14]])
        XCTAssertEqual(spans[1].first?.target, url)
        XCTAssertEqual(spans[3].first?.target, url)
        XCTAssertEqual(spans[4].first?.target, "mailto:x@y.org")
        XCTAssertEqual(Hyperlink.spans(of: SanitizedText(untrusted: "nothing"), lines: ["nothing"]).map(\.count), [0])
    }

    func testSegmentsAreCutWhereLinksBeginAndEnd() {
        let plain = Style.plain
        var bold = Style.plain
        bold.attributes = .bold
        let segments = [
            Segment(text: SanitizedText.trusted("go https://a"), style: plain),
            Segment(text: SanitizedText.trusted(".example x"), style: bold),
        ]
        let linked = Hyperlink.link(segments, spans: [(3..<20, "https://a.example")])
        XCTAssertEqual(linked.map(\.text.value), ["go ", "https://a", ".example", " x"])
        XCTAssertEqual(linked.map(\.link), [nil, "https://a.example", "https://a.example", nil])
        XCTAssertEqual(linked.map(\.style), [plain, plain, bold, bold], "each piece keeps its segment's style")
    }

    func testTheScreenWritesARunOfLinkedCellsInsideOneHyperlink() {
        var frame = Frame(width: 30, height: 2)
        // The label is the cells' sanitized text: an ESC in it shows as a visible symbol.
        frame.put(SanitizedText(untrusted: "a\u{1B}]8;;evil\u{7}"), x: 0, y: 0, style: .plain, link: "https://a.example/")
        frame.put(SanitizedText.trusted(" 中文 "), x: 10, y: 0, style: .plain, link: "https://b.example/")
        frame.put(SanitizedText.trusted("plain"), x: 0, y: 1, style: .plain)
        let runs = frame.linkRuns(row: 0, sgr: { _ in "" })
        XCTAssertEqual(runs.map(\.x), [0, 10])
        let first = runs[0].text
        XCTAssertTrue(first.hasPrefix("\u{1B}]8;;https://a.example/\u{1B}\\a"), first.debugDescription)
        XCTAssertTrue(first.hasSuffix("\u{1B}]8;;\u{1B}\\"))
        XCTAssertEqual(
            first.filter { $0 == "\u{1B}" }.count,
            4,
            "the OSC 8 pair's own four; the label carries none: \(first.debugDescription)"
        )
        XCTAssertFalse(first.contains("\u{7}"))
        XCTAssertEqual(
            runs[1].text,
            "\u{1B}]8;;https://b.example/\u{1B}\\ 中文 \u{1B}]8;;\u{1B}\\",
            "a wide character's empty half adds nothing"
        )
        XCTAssertTrue(frame.linkRuns(row: 1, sgr: { _ in "" }).isEmpty)
        // Rows to write: those with links now or before, among the rows that changed.
        let plainRow = Frame(width: 30, height: 2)
        XCTAssertEqual(frame.rowsWithLinks(changedAmong: frame.cellsToDraw(since: plainRow), since: plainRow), [0])
        XCTAssertEqual(plainRow.rowsWithLinks(changedAmong: plainRow.cellsToDraw(since: frame), since: frame), [0], "a link gone")
    }

    /// Only a link changing (same text) is a change to draw.
    func testALinkIsPartOfWhatACellIs() {
        var a = Frame(width: 10, height: 1)
        a.put(SanitizedText.trusted("https://x"), x: 0, y: 0, style: .plain)
        var b = a
        b.put(SanitizedText.trusted("https://x"), x: 0, y: 0, style: .plain, link: "https://x")
        XCTAssertEqual(b.cellsToDraw(since: a).count, 9)
    }

    /// Cells hold a number into their frame's link table: two frames numbering one target
    /// differently draw the same, and one number standing for two targets does not.
    func testCellsCompareByLinkTargetNotByNumber() {
        var a = Frame(width: 20, height: 1)
        a.put(SanitizedText.trusted("x"), x: 0, y: 0, style: .plain, link: "https://first.example")
        a.put(SanitizedText.trusted("y"), x: 5, y: 0, style: .plain, link: "https://second.example")
        var b = Frame(width: 20, height: 1)
        b.put(SanitizedText.trusted("y"), x: 5, y: 0, style: .plain, link: "https://second.example")
        b.put(SanitizedText.trusted("x"), x: 0, y: 0, style: .plain, link: "https://first.example")
        XCTAssertNotEqual(a[0, 0].link, b[0, 0].link, "the frames number the targets in the order drawn")
        XCTAssertEqual(a, b)
        XCTAssertTrue(b.cellsToDraw(since: a).isEmpty)
        var c = Frame(width: 20, height: 1)
        c.put(SanitizedText.trusted("x"), x: 0, y: 0, style: .plain, link: "https://elsewhere.example")
        c.put(SanitizedText.trusted("y"), x: 5, y: 0, style: .plain, link: "https://second.example")
        XCTAssertEqual(c[0, 0].link, a[0, 0].link)
        XCTAssertNotEqual(a, c)
        XCTAssertEqual(c.cellsToDraw(since: a).map(\.x), [0])
        XCTAssertEqual(c.link(x: 0, y: 0), "https://elsewhere.example")
        XCTAssertNil(c.link(x: 1, y: 0))
    }

    /// Two links side by side on a row are two hyperlinks, each with its own target.
    func testAdjacentLinksOnARowAreSeparateRuns() {
        var frame = Frame(width: 20, height: 1)
        frame.put(SanitizedText.trusted("ab"), x: 2, y: 0, style: .plain, link: "https://a.example")
        frame.put(SanitizedText.trusted("cd"), x: 4, y: 0, style: .plain, link: "https://b.example")
        frame.put(SanitizedText.trusted("e"), x: 6, y: 0, style: .plain, link: "https://a.example")
        let runs = frame.linkRuns(row: 0, sgr: { _ in "" })
        XCTAssertEqual(runs.map(\.x), [2, 4, 6])
        XCTAssertEqual(
            runs.map(\.text),
            [
                "\u{1B}]8;;https://a.example\u{1B}\\ab\u{1B}]8;;\u{1B}\\",
                "\u{1B}]8;;https://b.example\u{1B}\\cd\u{1B}]8;;\u{1B}\\",
                "\u{1B}]8;;https://a.example\u{1B}\\e\u{1B}]8;;\u{1B}\\",
            ]
        )
        XCTAssertEqual(frame.linkTargets, ["https://a.example", "https://b.example"], "a target is kept once")
    }
}

/// OSC 52: the clipboard sequence, tmux's passthrough, and the size cap.
final class OSC52Tests: XCTestCase {
    func testTheSequenceCarriesTheTextInBase64() {
        XCTAssertEqual(OSC52.sequence("hi ✓", inTmux: false), "\u{1B}]52;c;aGkg4pyT\u{1B}\\")
        XCTAssertEqual(
            OSC52.sequence("hi", inTmux: true),
            "\u{1B}]52;c;aGk=\u{1B}\\" + "\u{1B}Ptmux;\u{1B}\u{1B}]52;c;aGk=\u{1B}\u{1B}\\\u{1B}\\",
            "as it is for tmux's set-clipboard, and passed through to the terminal outside"
        )
        // Control characters in the text are inside the base64: nothing reaches the terminal raw.
        let hostile = OSC52.sequence("x\u{1B}]0;pwn\u{7}", inTmux: false)!
        XCTAssertEqual(hostile.filter { $0 == "\u{1B}" }.count, 2)
        XCTAssertFalse(hostile.contains("\u{7}"))
    }

    func testTextPastTheCapIsRefusedWhole() {
        XCTAssertNotNil(OSC52.sequence(String(repeating: "a", count: OSC52.maxBytes), inTmux: false))
        XCTAssertNil(OSC52.sequence(String(repeating: "a", count: OSC52.maxBytes + 1), inTmux: false))
        XCTAssertNil(OSC52.sequence(String(repeating: "é", count: OSC52.maxBytes / 2 + 1), inTmux: false), "counted in bytes")
    }
}
