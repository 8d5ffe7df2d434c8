import ChatCore
import ChatModel
import XCTest

/// `/join` lists the team and livestream channels one may join and joins one (through the
/// server only); `/join NAME` opens a channel one is in, or joins it; `/leave` asks first.
final class JoinReducerTests: XCTestCase, LiveReducerScript {
    private let books = ChannelSummary(
        channel: Channel(type: "team", id: "books", createdBy: "bob", custom: ["name": "Book Club"]),
        memberCount: 4
    )
    private let launch = ChannelSummary(channel: Channel(type: "livestream", id: "launch", createdBy: "bob"), memberCount: 120)

    func testJoinAloneListsTheChannelsAndEnterJoinsOne() {
        var (s, effects) = reduce(live(), .composeInsert("/join"), .composeSend)
        XCTAssertEqual(effects, [.loadJoinable(named: nil)])
        XCTAssertEqual(s.notice, "Looking for channels to join…")
        (s, effects) = reduce(s, .joinableLoaded(named: nil, [books, launch]))
        XCTAssertEqual(s.modes.top, .joinPicker(JoinPicker(channels: [books, launch])))
        XCTAssertNil(s.notice)
        (s, effects) = reduce(s, .listMove(1), .listMove(1), .listMove(1), .listConfirm)
        XCTAssertEqual(effects, [.live(.join(cid: "livestream:launch"))])
        XCTAssertNil(s.modes.top)
        XCTAssertEqual(s.notice, "Joining #launch…")
        // The server's answer: the list with the channel, and the channel opened.
        var joined = launch
        joined.memberCount = 121
        (s, effects) = reduce(s, .channelsLoaded(s.channels + [joined]), .openChannel(cid: "livestream:launch"))
        XCTAssertEqual(s.openCID, "livestream:launch")
        XCTAssertEqual(effects, [.loadChannel(cid: "livestream:launch")])
    }

    func testJoinByName() {
        // A channel one is in opens at once.
        var (s, effects) = reduce(live(), .composeInsert("/join #random"), .composeSend)
        XCTAssertEqual(s.openCID, "messaging:random")
        XCTAssertEqual(effects, [.loadChannel(cid: "messaging:random")])
        // One to join is looked for, by its title in any case too.
        (s, effects) = reduce(live(), .composeInsert("/join book club"), .composeSend)
        XCTAssertEqual(effects, [.loadJoinable(named: "book club")])
        (s, effects) = reduce(s, .joinableLoaded(named: "book club", [launch, books]))
        XCTAssertEqual(effects, [.live(.join(cid: "team:books"))])
        XCTAssertNil(s.modes.top, "no list: the channel was named")
        (s, effects) = reduce(s, .joinableLoaded(named: "nope", [launch, books]))
        XCTAssertEqual(effects, [])
        XCTAssertEqual(s.status, "No channel called nope that you are in or may join")
    }

    func testNothingToJoinSaysSo() {
        let s = reduce(live(), .joinableLoaded(named: nil, [])).0
        XCTAssertNil(s.modes.top)
        XCTAssertEqual(s.notice, "No channels to join: you are in every team and livestream channel")
    }

    func testOfflineTheListShowsButJoiningNeedsTheServer() {
        var s = live()
        s.connection = .offline
        var effects: [ChatEffect]
        (s, effects) = reduce(s, .composeInsert("/join"), .composeSend)
        XCTAssertEqual(effects, [.loadJoinable(named: nil)], "the store lists them")
        (s, effects) = reduce(s, .joinableLoaded(named: nil, [books]), .listConfirm)
        XCTAssertEqual(effects, [])
        XCTAssertEqual(s.status, "Joining #Book Club needs the server: open the store through `chatterm serve` (--server)")
        // Browsing a store there is no composer: `J` lists them.
        XCTAssertEqual(reduce(s, .listJoinable).1, [.loadJoinable(named: nil)])
        (s, effects) = reduce(s, .composeInsert("/join books"), .composeSend, .joinableLoaded(named: "books", [books]))
        XCTAssertEqual(effects, [.loadJoinable(named: "books")])
        XCTAssertTrue(s.status?.hasPrefix("Joining #Book Club needs the server") == true)
    }

    func testTheListClosesWithEscAndTakesEveryKey() {
        let s = reduce(live(), .joinableLoaded(named: nil, [books])).0
        XCTAssertEqual(reduce(s, .composeInsert("q"), .composeSend).1, [], "typing goes nowhere")
        XCTAssertNil(reduce(s, .dismiss).0.modes.top)
        // An answer arriving over another overlay is dropped.
        let helping = reduce(live(), .toggleHelp, .joinableLoaded(named: nil, [books])).0
        XCTAssertEqual(helping.modes.top, .help(scroll: 0))
    }

    func testLeaveAsksFirst() {
        // /leave asks first: any key but y stays, y leaves.
        var (s, effects) = reduce(live(), .composeInsert("/leave"), .composeSend)
        XCTAssertEqual(effects, [])
        XCTAssertEqual(s.modes.top, .confirmLeave(cid: "messaging:general"))
        XCTAssertEqual(s.status, "Leave #general? y leaves, any other key stays")
        XCTAssertEqual(reduce(s, .clock(Timestamp(seconds: 1_000_000))).0.status, s.status, "the question waits for its answer")
        let stayed = reduce(s, .confirm(false))
        XCTAssertEqual(stayed.1, [])
        XCTAssertNil(stayed.0.modes.top)
        (s, effects) = reduce(s, .confirm(true))
        XCTAssertNil(s.modes.top)
        XCTAssertEqual(effects, [.live(.leave(cid: "messaging:general"))])
        // The list comes back without the channel left: the first remaining one opens.
        let random = s.channels.first { $0.channel.id == "random" }!
        (s, effects) = reduce(s, .channelsLoaded([random]))
        XCTAssertEqual(s.openCID, "messaging:random")
        XCTAssertEqual(effects, [.loadChannel(cid: "messaging:random")])
    }
}
