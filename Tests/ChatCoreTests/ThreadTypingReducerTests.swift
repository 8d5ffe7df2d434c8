import ChatCore
import ChatModel
import XCTest

/// Typing in a thread: others' indicators kept per thread (Stream's `parent_id`), and the
/// reader's own sent with the thread's parent and stopped where they were said.
final class ThreadTypingReducerTests: XCTestCase, LiveReducerScript {
    func testTypingInAThreadIsTheThreadsNotTheChannels() {
        let until = Timestamp(seconds: t0.seconds + 7)
        var s = reduce(live(), .typingStarted(cid: "messaging:general", parentID: "old", userName: "Bob", until: until)).0
        XCTAssertEqual(s.typing[TypingPlace(cid: "messaging:general", parentID: "old")]?.keys.sorted(), ["Bob"])
        XCTAssertNil(s.typing[TypingPlace(cid: "messaging:general")], "nobody types in the channel")
        s = reduce(s, .typingStarted(cid: "messaging:general", parentID: nil, userName: "Bob", until: until)).0
        s = reduce(s, .messageUpserted(message("r1", from: "bob", at: 40, parent: "old"))).0
        XCTAssertEqual(s.typing[TypingPlace(cid: "messaging:general", parentID: "old")], [:], "his reply ends his typing in the thread")
        XCTAssertEqual(s.typing[TypingPlace(cid: "messaging:general")]?.keys.sorted(), ["Bob"], "not in the channel")
        s = reduce(s, .typingStopped(cid: "messaging:general", parentID: nil, userName: "Bob")).0
        XCTAssertEqual(s.typing[TypingPlace(cid: "messaging:general")], [:])
    }

    /// Typing in the focused thread says so with its `parent_id`; moving to the channel while
    /// typing stops it there and starts it in the channel, and the idle stop goes where the
    /// typing was said to be.
    func testTypingInTheThreadCarriesItsParentAndStopsWhereItWasSaid() {
        var s = reduce(live(), .openThread, .threadLoaded(root: message("old", from: "bob", at: 10), replies: [])).0
        var effects: [ChatEffect]
        (s, effects) = reduce(s, .composeInsert("h"))
        XCTAssertEqual(effects, [.live(.typing(cid: "messaging:general", parentID: "old", started: true))])
        (s, effects) = reduce(s, .toggleThreadFocus, .composeInsert("i"))
        XCTAssertEqual(
            effects,
            [
                .live(.typing(cid: "messaging:general", parentID: "old", started: false)),
                .live(.typing(cid: "messaging:general", parentID: nil, started: true)),
            ]
        )
        (s, effects) = reduce(s, .toggleThreadFocus, .dismiss, .clock(Timestamp(seconds: t0.seconds + 6)))
        XCTAssertEqual(
            effects,
            [.live(.typing(cid: "messaging:general", parentID: nil, started: false))],
            "the channel's, though the thread had the focus"
        )
    }
}
