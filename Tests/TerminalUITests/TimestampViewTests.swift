import ChatCore
import ChatModel
import TerminalUI
import XCTest

/// Message times as the config's `timestamps` or `/timestamps` asks, and the full date and
/// time in details and search results.
final class TimestampViewTests: XCTestCase {
    private func render(_ state: ChatState, _ format: TimestampFormat) -> Frame {
        var context = ChatFixture.context()
        context.timestamps = format
        return ChatView.render(state, width: 120, height: 40, context: context)
    }

    /// m8 was written at 10:02 UTC on 3 March 2020; m3 at 16:45 the day before.
    func testMessageTimesInEachFormat() {
        let state = ChatFixture.state()
        XCTAssertNotNil(render(state, .h24).find("10:02 Tomás Silva"))
        XCTAssertNotNil(render(state, .h24).find("16:45 Tomás Silva"))
        XCTAssertNotNil(render(state, .h12).find("10:02am Tomás Silva"))
        XCTAssertNotNil(render(state, .h12).find(" 4:45pm Tomás Silva"))
        XCTAssertNotNil(render(state, .h24Date).find("2020-03-03 10:02 Tomás Silva"))
        XCTAssertNotNil(render(state, .h12Date).find("2020-03-02  4:45pm Tomás Silva"))
        XCTAssertNil(render(state, .h12).find("16:45"))
    }

    func testDetailsShowTheFullDateAndTime() throws {
        var state = ChatFixture.state()
        let row = try XCTUnwrap(state.window?.rows.first { $0.id == "m3" })
        state.modes.push(.details(MessageDetails(row: row, reactions: [])))
        XCTAssertNotNil(render(state, .h24).find("created: Monday 2020-03-02 16:45:00"))
        XCTAssertNotNil(render(state, .h24).find("edited: Monday 2020-03-02 16:50:00"))
        XCTAssertNotNil(render(state, .h12).find("created: Monday 2020-03-02  4:45:00pm"))
    }

    func testSearchResultsShowTheFullDateAndTime() throws {
        var state = ChatFixture.state()
        let row = try XCTUnwrap(state.window?.rows.first { $0.id == "m8" })
        state.modes.push(.search(SearchResults(query: "review", rows: [row])))
        XCTAssertNotNil(render(state, .h24).find("Tuesday 2020-03-03 10:02:00  Tomás Silva in #engineering"))
    }

    /// `/timestamps 12h` asks the runtime for the format; without one it says what to give.
    func testTheCommandAsksForTheFormat() {
        var state = ChatFixture.state()
        state.connection = .connected
        state.composer = Composer("/timestamps 12h-date")
        XCTAssertEqual(ChatReducer.reduce(state, .composeSend).1, [.setTimestamps("12h-date")])
        state.composer = Composer("/timestamps")
        let (asked, effects) = ChatReducer.reduce(state, .composeSend)
        XCTAssertEqual(effects, [])
        XCTAssertEqual(asked.status, "/timestamps FORMAT: 24h, 12h, 24h-date or 12h-date")
    }
}
