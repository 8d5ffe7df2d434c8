import ChatCore
import ChatModel
import XCTest

final class SummaryReducerTests: XCTestCase {
    private func reduce(_ state: ChatState, _ events: ChatEvent...) -> (ChatState, [ChatEffect]) {
        var s = state
        var effects: [ChatEffect] = []
        for event in events { (s, effects) = ChatReducer.reduce(s, event) }
        return (s, effects)
    }

    private var figures: MigrationFigures {
        var f = MigrationFigures()
        f.totals[.message] = 1_234_567
        f.busiestChannels = [.init(id: "messaging:general", name: "General", count: 900), .init(id: "team:eng", name: nil, count: 300)]
        return f
    }

    func testF3OpensTheSummaryLoadsItsFiguresAndClosesAgain() {
        let (opened, effects) = reduce(ChatState(userID: "maya", userName: "Maya"), .toggleSummary)
        XCTAssertEqual(effects, [.loadSummary])
        XCTAssertEqual(opened.modes.top, .summary(SummaryScreen()), "open and counting")
        let (loaded, _) = reduce(opened, .summaryLoaded(figures))
        let lines = try? XCTUnwrap(loaded.modes.summary?.lines)
        XCTAssertTrue(lines?.contains(SummaryLine(.figure, "messages", "1,234,567")) ?? false, "\(lines ?? [])")
        XCTAssertTrue(lines?.contains(SummaryLine(.bar(value: 300, max: 900), "team:eng", "      300 ")) ?? false)
        XCTAssertNil(reduce(loaded, .toggleSummary).0.modes.top)
        XCTAssertNil(reduce(loaded, .dismiss).0.modes.top, "Esc closes it")
    }

    /// Bars line up in terminal columns: a wide name counts two per character and is cut at 22 columns.
    func testBarLabelsArePaddedAndCutByColumns() {
        var f = MigrationFigures()
        f.busiestChannels = [
            .init(id: "messaging:zh", name: "中文频道", count: 5),
            .init(id: "messaging:long", name: "一二三四五六七八九十十一十二", count: 12_345),
        ]
        let bars = SummaryLine.lines(for: f).filter { if case .bar = $0.kind { true } else { false } }.map {
            $0.column($0.label) + $0.value
        }
        XCTAssertEqual(bars, ["中文频道" + String(repeating: " ", count: 16) + "        5 ", "一二三四五六七八九十十" + "  " + "   12,345 "])
    }

    func testSlashReportOpensItWithAServer() {
        var state = ChatState(userID: "maya", userName: "Maya")
        state.connection = .connected
        state.composer = Composer("/report")
        let (s, effects) = reduce(state, .composeSend)
        XCTAssertEqual(effects, [.loadSummary])
        XCTAssertNotNil(s.modes.summary)
        XCTAssertTrue(s.composer.isEmpty, "the command is not sent as a message")
        XCTAssertTrue(SlashCommand.all.contains { $0.name == "report" }, "help and completion list it")
    }

    func testScrollStaysWithinTheLines() {
        let (loaded, _) = reduce(ChatState(userID: "maya", userName: "Maya"), .toggleSummary, .summaryLoaded(figures))
        let count = loaded.modes.summary?.lines?.count ?? 0
        XCTAssertEqual(reduce(loaded, .summaryScroll(-5)).0.modes.summary?.scroll, 0)
        XCTAssertEqual(reduce(loaded, .summaryScroll(3)).0.modes.summary?.scroll, 3)
        XCTAssertEqual(reduce(loaded, .summaryScroll(10_000)).0.modes.summary?.scroll, count - 1)
        let (unavailable, _) = reduce(ChatState(userID: "maya", userName: "Maya"), .toggleSummary, .summaryUnavailable("no store"))
        XCTAssertEqual(unavailable.modes.summary?.unavailable, "no store")
        XCTAssertNil(
            reduce(ChatState(userID: "maya", userName: "Maya"), .summaryLoaded(figures)).0.modes.summary,
            "a late answer does not reopen it"
        )
    }
}
