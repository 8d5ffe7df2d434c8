import ChatCore
import ChatModel
import Foundation
import XCTest

/// B14: the summary's timeline shows a long empty stretch as one line, not a screenful of
/// empty bars (demo history from 2020 and bots posting today).
final class SummaryTimelineTests: XCTestCase {
    private func timelineLines(_ counts: [(String, Int)]) -> [SummaryLine] {
        var f = MigrationFigures()
        f.timeline.period = .month
        f.timeline.buckets = counts.map { .init(start: $0.0, count: $0.1) }
        let lines = SummaryLine.lines(for: f)
        let start = lines.firstIndex(of: SummaryLine(.heading, "Messages per month"))! + 1
        let end = lines[start...].firstIndex { $0.kind == .heading }! - 1  // the blank line before it
        return Array(lines[start..<end])
    }

    func testLongEmptyRunsAreOneLineAndShortOnesStayBars() {
        var counts = [("2020-01", 40), ("2020-02", 0), ("2020-03", 12)]
        counts += (4...12).map { (String(format: "2020-%02d", $0), 0) }
        counts += (1...5).map { (String(format: "2021-%02d", $0), 0) }
        counts += [("2021-06", 80), ("2021-07", 0), ("2021-08", 0), ("2021-09", 3)]
        let lines = timelineLines(counts)
        XCTAssertEqual(
            lines.map { $0.label },
            ["2020-01", "2020-02", "2020-03", "… 14 empty months …", "2021-06", "2021-07", "2021-08", "2021-09"]
        )
        XCTAssertEqual(lines[3].kind, .figure)
        // Bars keep the largest of the whole chart as their scale.
        XCTAssertEqual(lines[0], SummaryLine(.bar(value: 40, max: 80), "2020-01", "       40 "))
        XCTAssertEqual(lines[1], SummaryLine(.bar(value: 0, max: 80), "2020-02", "        0 "))
    }

    func testEmptyRunsAtEitherEndAndExactlyTheThreshold() {
        let lines = timelineLines([("2020-01", 0), ("2020-02", 0), ("2020-03", 0), ("2020-04", 7), ("2020-05", 0), ("2020-06", 0)])
        XCTAssertEqual(lines.map { $0.label }, ["… 3 empty months …", "2020-04", "2020-05", "2020-06"])
        XCTAssertEqual(SummaryLine.emptyRunShownAsOneLine, 3)
        XCTAssertEqual(timelineLines([]), [])
    }
}
