import ChatCore
import ChatModel
import XCTest

/// Polls in the client: `/poll` asks the server for one, `V` opens the picker whose Enter
/// votes (or takes one's vote back), and poll changes redraw the message's card with the
/// reader's own votes kept right.
final class PollReducerTests: XCTestCase, LiveReducerScript {
    private let card = PollCard(
        id: "p1",
        name: "Lunch?",
        options: [PollCard.Option(id: "a", text: "Pizza", count: 1), PollCard.Option(id: "b", text: "Soup", count: 0)]
    )

    /// alice in #general with bob's message "q" carrying the poll.
    private func withPoll(_ poll: PollCard? = nil) -> ChatState {
        var row = message("q", from: "bob", at: 20)
        row.poll = poll ?? card
        return reduce(live(), .messageUpserted(row)).0
    }

    private func poll(_ s: ChatState) -> PollCard? { s.window?.rows.first { $0.id == "q" }?.poll }

    func testSlashPollSendsTheQuestionAndOptions() {
        var s = live()
        s.composer = Composer(#"/poll "Lunch today?" "Pizza" "Soup, hot""#)
        XCTAssertEqual(
            reduce(s, .composeSend).1,
            [.live(.createPoll(cid: "messaging:general", question: "Lunch today?", options: ["Pizza", "Soup, hot"]))]
        )
    }

    func testSlashPollWithoutTwoQuotedOptionsSaysHow() {
        for line in [#"/poll "Lunch?" "Pizza""#, #"/poll Lunch? Pizza Soup"#, #"/poll "Lunch?" "Pizza" "Soup"#, "/poll"] {
            var s = live()
            s.composer = Composer(line)
            let (after, effects) = reduce(s, .composeSend)
            XCTAssertEqual(effects, [], line)
            XCTAssertEqual(after.status?.hasPrefix("/poll \"question\""), true, line)
        }
    }

    func testPickerVotesForTheChosenOption() {
        var s = reduce(selecting("q", withPoll()), .voteSelected).0
        XCTAssertEqual(s.modes.top, .pollPicker(PollPicker(messageID: "q")))
        s = reduce(s, .pickerMove(1)).0
        let (after, effects) = reduce(s, .pickerConfirm)
        XCTAssertEqual(effects, [.live(.vote(messageID: "q", pollID: "p1", optionID: "b"))])
        XCTAssertEqual(after.modes.top, .select(pane: .messages, messageID: "q"), "the picker closes on the selection")
        XCTAssertEqual(reduce(s, .pickerMove(1), .pickerConfirm).1, [.live(.vote(messageID: "q", pollID: "p1", optionID: "a"))], "it wraps")
    }

    func testEnterOnOnesOwnVoteTakesItBack() {
        var mine = card
        mine.ownVotes = ["a": "v9"]
        let s = reduce(selecting("q", withPoll(mine)), .voteSelected).0
        XCTAssertEqual(reduce(s, .pickerConfirm).1, [.live(.unvote(messageID: "q", pollID: "p1", voteID: "v9"))])
    }

    func testNoPickerWithoutAPollOrOnAClosedOne() {
        let plain = reduce(selecting("old", withPoll()), .voteSelected).0
        XCTAssertEqual(plain.modes.top, .select(pane: .messages, messageID: "old"))
        XCTAssertEqual(plain.status, "No poll in this message")
        var closed = card
        closed.isClosed = true
        let s = reduce(selecting("q", withPoll(closed)), .voteSelected).0
        XCTAssertEqual(s.status, "This poll is closed")
        XCTAssertEqual(s.modes.top, .select(pane: .messages, messageID: "q"))
    }

    func testSomeoneElsesVoteKeepsOwnVotesAndOwnVoteEventsChangeThem() {
        var mine = card
        mine.ownVotes = ["a": "v1"]
        var s = withPoll(mine)
        var newer = card
        newer.options[1].count = 1
        s = reduce(s, .pollUpdated(messageID: "q", poll: newer, own: .kept)).0
        XCTAssertEqual(poll(s)?.options.map(\.count), [1, 1])
        XCTAssertEqual(poll(s)?.ownVotes, ["a": "v1"], "an event carries nobody's own votes")
        s = reduce(s, .pollUpdated(messageID: "q", poll: newer, own: .vote(optionID: "b", voteID: "v2", removed: false))).0
        XCTAssertEqual(poll(s)?.ownVotes, ["a": "v1", "b": "v2"])
        s = reduce(s, .pollUpdated(messageID: "q", poll: newer, own: .vote(optionID: "a", voteID: "v1", removed: true))).0
        XCTAssertEqual(poll(s)?.ownVotes, ["b": "v2"])
        var unique = newer
        unique.enforceUniqueVote = true
        s = reduce(s, .pollUpdated(messageID: "q", poll: unique, own: .vote(optionID: "a", voteID: "v3", removed: false))).0
        XCTAssertEqual(poll(s)?.ownVotes, ["a": "v3"], "a unique vote replaces the earlier one")
        s = reduce(s, .pollUpdated(messageID: "q", poll: card, own: .exact)).0
        XCTAssertEqual(poll(s)?.ownVotes, [:], "an answer to one's own request says it all")
    }

    func testClosingOrDeletingThePollClosesAnOpenPicker() {
        let s = reduce(selecting("q", withPoll()), .voteSelected).0
        var closed = card
        closed.isClosed = true
        let after = reduce(s, .pollUpdated(messageID: "q", poll: closed, own: .kept)).0
        XCTAssertEqual(after.modes.top, .select(pane: .messages, messageID: "q"))
        XCTAssertEqual(poll(after)?.isClosed, true)
        let deleted = reduce(s, .pollUpdated(messageID: "q", poll: nil, own: .kept)).0
        XCTAssertNil(poll(deleted))
        XCTAssertEqual(deleted.modes.top, .select(pane: .messages, messageID: "q"))
    }
}
