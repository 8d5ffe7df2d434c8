import ChatCore
import ChatModel
import XCTest

@testable import TerminalUI

/// `/search` results: each row shows the word it was found by, marked, even in a long text a
/// narrow terminal would cut before it; the mentions view marks nothing.
final class SearchResultsViewTests: XCTestCase {
    private let context = ChatFixture.context()
    /// The one result is the selected row: its marked words keep the row's attributes too.
    private var marked: Style {
        var style = context.style("switcher.match")
        style.attributes.formUnion(context.style("switcher.selected").attributes)
        return style
    }

    private func render(query: String, text: String, width: Int, height: Int, mentions: Bool = false) throws -> Frame {
        var state = ChatFixture.state()
        var row = try XCTUnwrap(state.window?.rows.first { $0.id == "m8" })
        row.message.text = text
        state.modes.push(.search(SearchResults(query: query, rows: [row], kind: mentions ? .mentions : .search)))
        return ChatView.render(state, width: width, height: height, context: context)
    }

    private let long =
        "Long notes from the planning call about the migration, the schedule, the staging database and who "
        + "owns which part of the rollout; the deploy waits for the checks to pass on every platform"

    func testThePinnedListIsTitledForItsChannel() throws {
        var state = ChatFixture.state()
        let row = try XCTUnwrap(state.window?.rows.first { $0.id == "m8" })
        state.modes.push(.search(SearchResults(query: "", rows: [row], kind: .pinned(in: "#engineering"))))
        let frame = ChatView.render(state, width: 120, height: 40, context: context)
        XCTAssertNotNil(frame.find("Pinned in #engineering (↑↓, Enter opens, Esc)"))
    }

    func testALongTextIsShownFromJustBeforeTheWordItWasFoundBy() throws {
        let frame = try render(query: "Deploy", text: long, width: 80, height: 24)
        let header = try XCTUnwrap(frame.find("2020-03-03 10:02  Tomás Silva in #engineering: …"), frame.lines.joined(separator: "\n"))
        let line = frame.text(row: header.y)
        XCTAssertFalse(line.contains("Tuesday"), "a narrow box leaves out the weekday and the seconds: \(line)")
        XCTAssertTrue(line.contains(": …the deploy waits for"), line)
        XCTAssertFalse(line.contains("Long notes"), line)
        XCTAssertTrue(line.hasSuffix("… │"), "the rest is cut, and says so: \(line)")

        let word = try XCTUnwrap(frame.find("deploy waits"))
        for offset in 0..<6 { XCTAssertEqual(frame[word.x + offset, word.y].style, marked, "deploy, cell \(offset)") }
        XCTAssertEqual(frame[word.x + 7, word.y].style, context.style("switcher.selected"), "waits is not a word of the query")
    }

    func testAShortTextStartsAtItsBeginningWithEveryWordOfTheQueryMarked() throws {
        let frame = try render(query: "review PR", text: "Review the PR, then the reviewers", width: 120, height: 40)
        XCTAssertNotNil(frame.find("Tuesday 2020-03-03 10:02:00  Tomás Silva in #engineering: Review the PR, then the reviewers"))
        let start = try XCTUnwrap(frame.find("Review the PR"))
        let cells = (0..<40).filter { frame[start.x + $0, start.y].style == marked }
        // "Review" 0–5 and "PR" 11–12; "reviewers" is another word.
        XCTAssertEqual(cells, Array(0...5) + [11, 12])
    }

    func testTheMentionsViewMarksNothing() throws {
        let frame = try render(query: "", text: "@maya can you review the import PR?", width: 120, height: 40, mentions: true)
        let start = try XCTUnwrap(frame.find("@maya can you review"))
        XCTAssertFalse((0..<35).contains { frame[start.x + $0, start.y].style == marked })
    }

    func testTheExcerptKeepsTextThatFitsOrHoldsNoneOfTheWords() {
        XCTAssertEqual(MatchExcerpt("short text", words: ["text"], width: 40).text, "short text")
        XCTAssertEqual(MatchExcerpt("short text", words: ["text"], width: 40).wholeWords, 10)
        XCTAssertEqual(MatchExcerpt(long, words: ["absent"], width: 30).text, "Long notes from the planning …", "cut at the end as before")
        XCTAssertEqual(MatchExcerpt(long, words: ["notes"], width: 30).text, "Long notes from the planning …", "the word is in view")
    }

    func testTheExcerptStartsAtAWordAndShowsTheMatchWithinTheRoom() {
        let cut = MatchExcerpt(long, words: ["platform"], width: 30).text
        XCTAssertTrue(cut.hasPrefix("…"), cut)
        XCTAssertTrue(cut.hasSuffix(" every platform"), cut)
        XCTAssertTrue(long.contains(" " + cut.dropFirst()), "starts at a word's start: \(cut)")
        XCTAssertLessThanOrEqual(DisplayWidth.of(cut), 30)
    }

    /// A text that ends soon after its word shows as much as fits of what leads to it.
    func testAShortEndLeavesItsRoomToWhatLeadsToTheWord() {
        let text = "prep for Thursday's release: staging is flaky again"
        let excerpt = MatchExcerpt(text, words: ["flaky"], width: 30)
        XCTAssertEqual(excerpt.text, "…staging is flaky again", "from a word's start, not \"…lease:\"")
        XCTAssertLessThanOrEqual(DisplayWidth.of(excerpt.text), 30)
    }

    /// A word the line's end cuts is no word of the message: "review…" of "reviewers" is not marked.
    func testAWordCutByTheLinesEndIsNotAWholeWord() {
        let cutWord = MatchExcerpt("the reviewers", words: ["review"], width: 11)
        XCTAssertEqual(cutWord.text, "the review…")
        XCTAssertEqual(cutWord.wholeWords, 4)
        let cutAfter = MatchExcerpt("the review is done", words: ["review"], width: 12)
        XCTAssertEqual(cutAfter.text, "the review …")
        XCTAssertEqual(cutAfter.wholeWords, 11)
    }

    /// The box is its results between its borders: no blank row under them (it had one, the
    /// switcher's row for what is typed, which results do not have).
    func testTheBoxEndsUnderItsLastResult() throws {
        let frame = try render(query: "Deploy", text: long, width: 80, height: 24)
        let title = try XCTUnwrap(frame.find("Search: Deploy"), frame.lines.joined(separator: "\n"))
        XCTAssertTrue(frame.text(row: title.y + 1).contains("Tomás Silva in #engineering"), frame.text(row: title.y + 1))
        XCTAssertTrue(frame.text(row: title.y + 2).trimmingCharacters(in: .whitespaces).hasPrefix("└"), frame.text(row: title.y + 2))
    }
}
