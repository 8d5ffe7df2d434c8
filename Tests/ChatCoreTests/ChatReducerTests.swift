import ChatCore
import ChatModel
import XCTest

final class ChatReducerTests: XCTestCase {
    private func summary(
        _ id: String,
        type: String = "messaging",
        unread: Int = 0,
        direct: Bool = false,
        name: String? = nil
    ) -> ChannelSummary {
        var channel = Channel(type: type, id: id, createdBy: "a", custom: name.map { ["name": .string($0)] } ?? [:])
        if direct { channel.memberIDs = ["a", "b"] }
        return ChannelSummary(channel: channel, unreadCount: unread, otherMemberNames: direct ? ["Bob"] : [])
    }

    private func rows(_ count: Int, from start: Int = 0) -> [MessageRow] {
        (start..<(start + count)).map { i in
            var m = Message(id: "m\(i)", channelType: "messaging", channelID: "c", userID: "b", text: "\(i)")
            m.createdAt = Timestamp(seconds: Int64(1_000 + i))
            return MessageRow(message: m, authorName: "Bob")
        }
    }

    private func run(_ state: ChatState, _ events: ChatEvent...) -> (ChatState, [ChatEffect]) {
        var s = state
        var all: [ChatEffect] = []
        for e in events {
            let (next, effects) = ChatReducer.reduce(s, e)
            s = next
            all += effects
        }
        return (s, all)
    }

    func testLoadingChannelsOpensTheFirstInSidebarOrder() {
        let channels = [summary("dm", direct: true), summary("live", type: "livestream"), summary("general", unread: 2), summary("quiet")]
        XCTAssertEqual(ChatReducer.sidebarOrder(channels).map(\.channel.id), ["general", "quiet", "dm", "live"])
        let (s, effects) = run(ChatState(userID: "a", userName: "A"), .channelsLoaded(channels))
        XCTAssertEqual(s.openCID, "messaging:general")
        XCTAssertEqual(effects, [.loadChannel(cid: "messaging:general")])
    }

    /// The list loads again after a /topic, a /join or /leave, a /msg, a block and a
    /// reconnect: the channels already shown keep their places (they were sorted again, unread
    /// first, and jumped under the reader); a new one comes first, a gone one goes.
    func testAListLoadedAgainKeepsTheChannelsInTheirPlaces() {
        let first = [summary("one"), summary("two", unread: 1), summary("three")]
        var (s, _) = run(ChatState(userID: "a", userName: "A"), .channelsLoaded(first))
        XCTAssertEqual(ChatReducer.sidebarOrder(s.channels).map(\.channel.id), ["two", "one", "three"])
        let again = [summary("three", unread: 5), summary("four", unread: 1), summary("two"), summary("five")]
        (s, _) = run(s, .channelsLoaded(again))
        XCTAssertEqual(ChatReducer.sidebarOrder(s.channels).map(\.channel.id), ["four", "five", "two", "three"])
        XCTAssertEqual(s.channels.first { $0.channel.id == "three" }?.unreadCount, 5, "the counts are the new list's")
    }

    func testNextUnreadAndPreviousChannel() {
        let channels = [summary("one"), summary("two", unread: 1), summary("three", unread: 4)]
        var (s, _) = run(ChatState(userID: "a", userName: "A"), .channelsLoaded(channels))
        XCTAssertEqual(s.openCID, "messaging:two", "unread channels sort first")
        (s, _) = run(s, .openNextUnread)
        XCTAssertEqual(s.openCID, "messaging:three")
        XCTAssertEqual(s.previousCID, "messaging:two")
        let effects: [ChatEffect]
        (s, effects) = run(s, .openPreviousChannel)
        XCTAssertEqual(s.openCID, "messaging:two")
        XCTAssertEqual(effects, [.loadChannel(cid: "messaging:two")])
    }

    func testScrollingUpLoadsOlderOnceWithTheOldestCursor() {
        var s = ChatState(userID: "a", userName: "A")
        s.openCID = "messaging:c"
        (s, _) = run(s, .channelLoaded(cid: "messaging:c", rows: rows(50, from: 100), members: []))
        XCTAssertEqual(s.window?.hasOlder, true)
        let (after, effects) = run(s, .scroll(messages: 30), .scroll(messages: 30), .scroll(messages: 30))
        XCTAssertEqual(effects, [.loadOlder(cid: "messaging:c", before: MessageCursor(createdAt: Timestamp(seconds: 1_100), id: "m100"))])
        XCTAssertEqual(after.window?.bottomIndex, 0)
        let (loaded, _) = run(after, .olderLoaded(cid: "messaging:c", rows: rows(50, from: 50)))
        XCTAssertEqual(loaded.window?.rows.first?.id, "m50")
        XCTAssertEqual(loaded.window?.bottomIndex, 50, "the same message stays at the bottom of the view")
        XCTAssertEqual(loaded.window?.loadingOlder, false)
    }

    func testTheWindowStaysBoundedAndCanComeBack() {
        var s = ChatState(userID: "a", userName: "A")
        s.openCID = "messaging:c"
        (s, _) = run(s, .channelLoaded(cid: "messaging:c", rows: rows(50, from: 10_000), members: []))
        for page in 1...12 { (s, _) = run(s, .olderLoaded(cid: "messaging:c", rows: rows(50, from: 10_000 - page * 50))) }
        XCTAssertEqual(s.window?.rows.count, MessageWindow.capacity)
        XCTAssertEqual(s.window?.hasNewer, true)
        let (back, effects) = run(s, .scroll(messages: -10_000))
        XCTAssertEqual(effects.count, 1)
        guard case .loadNewer(_, let after)? = effects.first else { return XCTFail("\(effects)") }
        XCTAssertEqual(after.id, back.window?.rows.last?.id)
    }

    /// Pages after the window and live messages both join at the newest end: past capacity the
    /// oldest drop, `hasOlder` says so, and a reader scrolled up keeps the message they saw.
    func testAddingAtTheNewestEndDropsTheOldestPastCapacity() {
        var s = ChatState(userID: "a", userName: "A")
        s.openCID = "messaging:c"
        (s, _) = run(s, .channelLoaded(cid: "messaging:c", rows: rows(MessageWindow.capacity - 10, from: 0), members: []))
        s.window?.hasOlder = false
        s.window?.hasNewer = true
        s.window?.bottomIndex = 100
        (s, _) = run(s, .newerLoaded(cid: "messaging:c", rows: rows(50, from: 390)))
        XCTAssertEqual(s.window?.rows.count, MessageWindow.capacity)
        XCTAssertEqual(s.window?.rows.first?.id, "m40")
        XCTAssertEqual(s.window?.hasOlder, true)
        XCTAssertEqual(s.window?.hasNewer, true, "a full page: more may follow")
        XCTAssertEqual(s.window?.bottomIndex.map { s.window?.rows[$0].id }, "m100", "the same message stays at the bottom of the view")

        s.window?.hasNewer = false
        s.window?.bottomIndex = nil
        (s, _) = run(s, .messageUpserted(rows(1, from: 440)[0]))
        XCTAssertEqual(s.window?.rows.count, MessageWindow.capacity)
        XCTAssertEqual(s.window?.rows.first?.id, "m41")
        XCTAssertEqual(s.window?.rows.last?.id, "m440")
        XCTAssertNil(s.window?.bottomIndex, "following the newest goes on")
    }

    func testNewMessagesMarkerIsTheFirstUnreadFromSomeoneElse() {
        var s = ChatState(userID: "a", userName: "A")
        var c = summary("c")
        c.lastRead = Timestamp(seconds: 1_004)
        (s, _) = run(s, .channelsLoaded([c]))
        (s, _) = run(s, .channelLoaded(cid: "messaging:c", rows: rows(10), members: []))
        XCTAssertEqual(s.window?.firstUnreadID(viewer: "a"), "m5")
    }

    /// The best way a query matches counts, not the first letters found: "rai" is the start of
    /// Raiders (scored as scattered letters of "noRthwind rAIders", it ranked below Rosa Jiménez).
    func testSwitcherFindsTheWordStartLaterInATitle() {
        let channels = [summary("x1", name: "Rosa Jiménez"), summary("x2", name: "Northwind Raiders ⚔️")]
        let matches = ChatReducer.switcherMatches("rai", channels)
        XCTAssertEqual(matches.map(\.channel.title), ["Northwind Raiders ⚔️", "Rosa Jiménez"])
        XCTAssertEqual(matches.first?.offsets, [10, 11, 12], "the word's letters are the ones highlighted")
        XCTAssertEqual(ChatReducer.switcherMatches("nr", channels).first?.offsets, [0, 10], "two word starts")
    }

    /// People type names without their accents: "tomas" is Tomás (the demo's switcher said "no
    /// channel matches"), "jimenez" Jiménez; the highlighted letters are the name's own.
    func testSwitcherFoldsAccentsAndCase() {
        let channels = [summary("x1", name: "Tomás Herrera"), summary("x2", name: "Rosa Jiménez"), summary("x3", name: "中国市场")]
        XCTAssertEqual(ChatReducer.switcherMatches("tomas", channels).map(\.channel.title), ["Tomás Herrera"])
        XCTAssertEqual(ChatReducer.switcherMatches("tomas", channels).first?.offsets, [0, 1, 2, 3, 4])
        XCTAssertEqual(ChatReducer.switcherMatches("JIMENEZ", channels).first?.offsets, [5, 6, 7, 8, 9, 10, 11])
        XCTAssertEqual(ChatReducer.switcherMatches("市场", channels).map(\.channel.title), ["中国市场"])
        XCTAssertEqual(ChatReducer.switcherMatches("tomás", channels).map(\.channel.title), ["Tomás Herrera"], "typed with it, too")
    }

    func testSwitcherRanksWordStartsAndOpensTheChoice() {
        let channels = [summary("x1", name: "design-review-ng"), summary("x2", name: "engineering"), summary("x3", name: "random")]
        XCTAssertEqual(ChatReducer.switcherMatches("eng", channels).map(\.channel.title), ["engineering", "design-review-ng"])
        XCTAssertEqual(ChatReducer.switcherMatches("eng", channels).first?.offsets, [0, 1, 2])
        var (s, _) = run(
            ChatState(userID: "a", userName: "A"),
            .channelsLoaded(channels),
            .switcherOpen,
            .switcherType("e"),
            .switcherType("n"),
            .switcherType("g"),
            .switcherMove(1)
        )
        let effects: [ChatEffect]
        (s, effects) = run(s, .switcherConfirm)
        XCTAssertNil(s.modes.top)
        XCTAssertEqual(s.openCID, "messaging:x1")
        XCTAssertEqual(effects, [.loadChannel(cid: "messaging:x1")])
    }

    /// The filter edits as the composer does: Ctrl-W the word before, Ctrl-U all of it (they
    /// did nothing, so a wrong filter was taken back a letter at a time).
    func testTheSwitchersFilterTakesCtrlWAndCtrlU() {
        let channels = [summary("x1", name: "engineering"), summary("x2", name: "random")]
        var (s, _) = run(ChatState(userID: "a", userName: "A"), .channelsLoaded(channels), .switcherOpen, .switcherType("eng xq"))
        XCTAssertEqual(ChatReducer.switcherMatches("eng xq", channels).count, 0)
        (s, _) = run(s, .switcherErase(.word))
        guard case .switcher(let switcher)? = s.modes.top else { return XCTFail("the switcher closed") }
        XCTAssertEqual(switcher.query, "eng ")
        (s, _) = run(s, .switcherErase(.all), .switcherType("ran"), .switcherConfirm)
        XCTAssertEqual(s.openCID, "messaging:x2")
        XCTAssertEqual(FieldErase.word.applied(to: "deploy friday  "), "deploy ")
        XCTAssertEqual(FieldErase.word.applied(to: "   "), "")
        XCTAssertEqual(FieldErase.character.applied(to: ""), "")
    }

    func testEscapeClosesOneLayerAtATime() {
        var s = ChatState(userID: "a", userName: "A")
        s.openCID = "messaging:c"
        (s, _) = run(s, .channelLoaded(cid: "messaging:c", rows: rows(5), members: []), .startSelecting, .toggleHelp)
        let root = rows(1)[0]
        s.awaited.threadRootID = root.id  // asked for before the help opened: its answer lands
        (s, _) = run(s, .threadLoaded(root: root, replies: []))
        XCTAssertEqual(s.modes.focus, .thread)
        XCTAssertEqual(s.modes.overlays, [.select(pane: .messages, messageID: "m4"), .help(scroll: 0)])
        (s, _) = run(s, .dismiss)
        XCTAssertEqual(s.modes.top, .select(pane: .messages, messageID: "m4"), "the help closed, the selection stays")
        (s, _) = run(s, .dismiss)
        XCTAssertNil(s.modes.top)
        XCTAssertNotNil(s.thread)
        (s, _) = run(s, .dismiss)
        XCTAssertNil(s.thread)
        XCTAssertEqual(s.modes.focus, .messages)
    }

    func testOpeningAThreadFromAReplyOpensItsRoot() {
        var s = ChatState(userID: "a", userName: "A")
        s.openCID = "messaging:c"
        var reply = rows(1, from: 7)[0]
        reply.message.parentID = "root-1"
        (s, _) = run(s, .channelLoaded(cid: "messaging:c", rows: rows(3) + [reply], members: []), .startSelecting)
        XCTAssertEqual(s.modes.selection?.messageID, "m7")
        XCTAssertEqual(run(s, .openThread).1, [.loadThread(messageID: "root-1")])
    }

    func testTypingExpires() {
        var s = ChatState(userID: "a", userName: "A")
        (s, _) = run(
            s,
            .typingStarted(cid: "c", parentID: nil, userName: "Bob", until: Timestamp(seconds: 10)),
            .typingStarted(cid: "c", parentID: nil, userName: "Eve", until: Timestamp(seconds: 20))
        )
        (s, _) = run(s, .clock(Timestamp(seconds: 15)))
        XCTAssertEqual(s.typing[TypingPlace(cid: "c")]?.keys.sorted(), ["Eve"])
    }
}
