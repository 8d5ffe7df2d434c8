import ChatCore
import ChatModel
import XCTest

/// Flags from the client: `f` on a selected message and `/flag [@user] [reason]` ask first, a
/// yes asks the server, and its answer marks the message for the flagger.
final class FlagReducerTests: XCTestCase, LiveReducerScript {
    /// alice in #general with bob's "old" and her own "mine" after it.
    private func withOwnMessage() -> ChatState {
        reduce(live(), .messageUpserted(message("mine", from: "alice", at: 20))).0
    }

    private func command(_ line: String, _ s: ChatState) -> (ChatState, [ChatEffect]) {
        reduce(s, .composeInsert(line), .composeSend)
    }

    func testFSelectedAsksAndYesFlagsTheMessage() {
        var (s, effects) = reduce(selecting("old", live()), .flagSelected)
        XCTAssertEqual(effects, [], "nothing is sent before the answer")
        XCTAssertEqual(s.modes.top, .confirmFlag(.message("old"), reason: nil))
        XCTAssertEqual(s.status, "Flag Bob's message for the moderators? y flags, any other key does not")
        // The question stays on the status line past the status's usual time.
        s = reduce(s, .clock(Timestamp(seconds: t0.seconds + 60))).0
        XCTAssertNotNil(s.status)
        (s, effects) = reduce(s, .confirm(true))
        XCTAssertEqual(effects, [.live(.flag(.message("old"), reason: nil))])
        XCTAssertEqual(s.modes.overlays, [], "the selection ends with the flag")
        XCTAssertFalse(s.flagged.contains("old"), "marked only when the server took it")
        s = reduce(s, .flagged(.message("old"))).0
        XCTAssertEqual(s.flagged, ["old"])
        XCTAssertEqual(s.notice, "Flagged the message for the moderators")
        // Flagged already: not asked again.
        (s, effects) = reduce(selecting("old", s), .flagSelected)
        XCTAssertEqual(effects, [])
        XCTAssertEqual(s.status, "You flagged this message already")
        XCTAssertEqual(s.modes.top, .select(pane: .messages, messageID: "old"))
    }

    func testAnyOtherAnswerKeepsTheSelectionAndSendsNothing() {
        let asked = reduce(selecting("old", live()), .flagSelected).0
        let (s, effects) = reduce(asked, .confirm(false))
        XCTAssertEqual(effects, [])
        XCTAssertEqual(s.modes.overlays, [.select(pane: .messages, messageID: "old")])
        XCTAssertEqual(s.flagged, [])
    }

    func testOwnMessagesAreNotFlagged() {
        let (s, effects) = reduce(selecting("mine", withOwnMessage()), .flagSelected)
        XCTAssertEqual(effects, [])
        XCTAssertEqual(s.status, "You cannot flag your own message")
        XCTAssertEqual(s.modes.top, .select(pane: .messages, messageID: "mine"))
    }

    /// `/flag reason` takes the newest message of someone else, selected so the question shows
    /// which; the reason goes with the flag.
    func testFlagCommandTakesTheNewestMessageOfSomeoneElseWithItsReason() {
        var (s, effects) = command("/flag  spam, twice ", withOwnMessage())
        XCTAssertEqual(effects, [])
        XCTAssertEqual(
            s.modes.overlays,
            [.select(pane: .messages, messageID: "old"), .confirmFlag(.message("old"), reason: "spam, twice")]
        )
        (s, effects) = reduce(s, .confirm(true))
        XCTAssertEqual(effects, [.live(.flag(.message("old"), reason: "spam, twice"))])
        XCTAssertEqual(s.modes.overlays, [])
    }

    func testFlagCommandOnAUser() {
        var (s, effects) = command("/flag @bob keeps posting links", live())
        XCTAssertEqual(s.modes.overlays, [.confirmFlag(.user("bob"), reason: "keeps posting links")])
        XCTAssertEqual(s.status, "Flag @bob for the moderators? y flags, any other key does not")
        (s, effects) = reduce(s, .confirm(true))
        XCTAssertEqual(effects, [.live(.flag(.user("bob"), reason: "keeps posting links"))])
        s = reduce(s, .flagged(.user("bob"))).0
        XCTAssertEqual(s.notice, "Flagged @bob for the moderators")
        XCTAssertEqual(s.flagged, [], "a user flag marks no message")
    }

    func testBadFlagCommandsAreRefused() {
        for (line, status) in [("/flag @", "/flag @user [reason]: whom?"), ("/flag @alice", "You cannot flag yourself")] {
            let (s, effects) = command(line, live())
            XCTAssertEqual(effects, [], line)
            XCTAssertEqual(s.status, status, line)
            XCTAssertEqual(s.modes.overlays, [], line)
        }
        var onlyMine = ChatState(userID: "alice", userName: "Alice")
        onlyMine.connection = .connected
        onlyMine =
            reduce(onlyMine, .channelsLoaded([ChannelSummary(channel: Channel(type: "messaging", id: "general", createdBy: "alice"))])).0
        onlyMine = reduce(onlyMine, .channelLoaded(cid: "messaging:general", rows: [message("mine", from: "alice", at: 5)], members: [])).0
        let (s, effects) = command("/flag", onlyMine)
        XCTAssertEqual(effects, [])
        XCTAssertEqual(s.status, "No message of someone else here to flag")
        XCTAssertEqual(s.modes.overlays, [])
    }

    /// A local store has no moderators: both ways say the server is needed.
    func testOfflineFlaggingSaysItNeedsTheServer() {
        var offline = ChatState(userID: "alice", userName: "Alice")
        offline =
            reduce(offline, .channelsLoaded([ChannelSummary(channel: Channel(type: "messaging", id: "general", createdBy: "alice"))])).0
        offline = reduce(offline, .channelLoaded(cid: "messaging:general", rows: [message("old", from: "bob", at: 5)], members: [])).0
        let needsServer = "Flagging needs the server: its moderators review flags (open the store through `chatterm serve` with --server)"
        var (s, effects) = reduce(selecting("old", offline), .flagSelected)
        XCTAssertEqual(effects, [])
        XCTAssertEqual(s.status, needsServer)
        XCTAssertEqual(s.modes.top, .select(pane: .messages, messageID: "old"))
        offline.composer.insert("/flag")
        (s, effects) = reduce(offline, .composeSend)
        XCTAssertEqual(effects, [])
        XCTAssertEqual(s.status, needsServer)
    }
}
