import ChatCore
import ChatModel
import XCTest

/// The status line: errors and notices apart, and neither outstaying what it was about.
final class StatusLineReducerTests: XCTestCase, LiveReducerScript {
    /// B8: a notice is not an error.
    func testNoticesAndErrorsAreKeptApart() {
        var s = reduce(live(), .notice("Theme: light")).0
        XCTAssertEqual(s.notice, "Theme: light")
        XCTAssertNil(s.status, "a notice is not an error")
        s = reduce(s, .failed("theme nope: no such theme")).0
        XCTAssertEqual(s.status, "theme nope: no such theme")
        XCTAssertNil(s.notice, "the newer message replaces the older")
    }

    /// B8: errors and notices stayed until Esc, through channel switches and sends.
    func testTheNextActionClearsThem() {
        var s = reduce(live(), .notice("Theme: light")).0
        s = reduce(s, .openChannel(cid: "messaging:random")).0
        XCTAssertNil(s.notice, "a channel switch clears a notice")
        s = reduce(s, .failed("could not load")).0
        s = reduce(s, .composeInsert("hi"), .composeSend).0
        XCTAssertNil(s.status, "typing and sending clear an error")
        // Data arriving is not an action: what the user was told stays.
        s = reduce(s, .failed("could not send")).0
        s =
            reduce(
                s,
                .messageUpserted(message("new", from: "bob", cid: "messaging:random", at: 30)),
                .typingStarted(cid: "messaging:random", parentID: nil, userName: "Bob", until: t0)
            ).0
        XCTAssertEqual(s.status, "could not send")
    }

    /// B8: nobody acting, both go after five seconds; a question waiting for its answer stays.
    func testTheyGoAfterFiveSecondsButAQuestionWaits() {
        var s = reduce(live(), .notice("Theme: light")).0
        s = reduce(s, .clock(Timestamp(seconds: t0.seconds + 4))).0
        XCTAssertEqual(s.notice, "Theme: light", "4 s is not yet 5")
        s = reduce(s, .clock(Timestamp(seconds: t0.seconds + 5))).0
        XCTAssertNil(s.notice)
        s = reduce(s, .failed("could not load")).0
        s = reduce(s, .clock(Timestamp(seconds: t0.seconds + 10))).0
        XCTAssertNil(s.status)

        var own = message("mine", from: "alice", at: 20)
        own.message.text = "mine"
        s = selecting("mine", reduce(s, .messageUpserted(own)).0)
        s = reduce(s, .deleteSelected, .clock(Timestamp(seconds: t0.seconds + 60))).0
        XCTAssertEqual(s.status, "Delete this message? y deletes, any other key keeps it")
    }
}
