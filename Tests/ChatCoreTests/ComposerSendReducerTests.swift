import ChatCore
import ChatModel
import XCTest

/// What Enter sends from the composer.
final class ComposerSendReducerTests: XCTestCase, LiveReducerScript {
    /// B15: `//text` sent both slashes; the first only escapes, as in IRC and wee-slack.
    func testADoubleSlashSendsOneSlash() {
        var (s, effects) = reduce(live(), .composeInsert("//shrug is not a command"), .composeSend)
        XCTAssertEqual(effects.last, .live(.send(cid: "messaging:general", text: "/shrug is not a command", parentID: nil, mentions: [])))
        XCTAssertNil(s.status, "not an unknown command")
        (s, effects) = reduce(s, .composeInsert("/// three"), .composeSend)
        XCTAssertEqual(effects.last, .live(.send(cid: "messaging:general", text: "// three", parentID: nil, mentions: [])))
        // An edit saved the same way.
        s.draft = .editing(messageID: "old")
        (s, effects) = reduce(s, .composeInsert("//usr/bin is the path"), .composeSend)
        XCTAssertEqual(effects.last, .live(.update(messageID: "old", text: "/usr/bin is the path")))
    }

    /// A message the server never took (it is down, or it refused) comes back to its channel's
    /// composer, unless something new is being written there: sent text is not lost to an error.
    func testAFailedSendPutsTheTextBackInItsChannelsComposer() {
        var (s, effects) = reduce(live(), .composeInsert("the build is green"), .composeSend)
        XCTAssertEqual(effects.last, .live(.send(cid: "messaging:general", text: "the build is green", parentID: nil, mentions: [])))
        XCTAssertTrue(s.composer.isEmpty)
        (s, _) = reduce(s, .sendFailed(cid: "messaging:general", text: "the build is green", reason: "Could not send: no server"))
        XCTAssertEqual(s.composer.string, "the build is green")
        XCTAssertEqual(s.composer.cursor, 18)
        XCTAssertEqual(s.status, "Could not send: no server")
        XCTAssertEqual(s.composer.history, ["the build is green"], "the history keeps it once")

        // Written anew meanwhile: the new text stays, the failed one is in the history.
        (s, _) = reduce(s, .composeSend, .composeInsert("new words"))
        (s, _) = reduce(s, .sendFailed(cid: "messaging:general", text: "the build is green", reason: "Could not send: no server"))
        XCTAssertEqual(s.composer.string, "new words")

        // Failed after the reader moved on: the text waits for its channel.
        (s, _) = reduce(s, .composeEdit(.killToStart), .composeInsert("second try"), .composeSend, .openChannel(cid: "messaging:random"))
        (s, _) = reduce(s, .sendFailed(cid: "messaging:general", text: "second try", reason: "Could not send: no server"))
        XCTAssertTrue(s.composer.isEmpty, "not in #random's composer")
        (s, _) = reduce(s, .openChannel(cid: "messaging:general"))
        XCTAssertEqual(s.composer.string, "second try")

        // `//text` was sent as `/text`: it comes back escaped again, not as a command.
        (s, _) = reduce(s, .composeEdit(.killToStart), .sendFailed(cid: "messaging:general", text: "/shrug", reason: "Could not send"))
        XCTAssertEqual(s.composer.string, "//shrug")
    }

    /// Sending to the channel while scrolled back goes to the newest messages, where the sent
    /// one shows: the view stayed back in history and the message arrived out of sight. A
    /// window away from the newest page (a search result's) loads it. A thread reply, or an
    /// edit, leaves the channel where it is.
    func testSendingWhileScrolledBackGoesToTheNewest() {
        var (s, _) = reduce(
            live(),
            .messageUpserted(message("m2", from: "bob", at: 20)),
            .messageUpserted(message("m3", from: "bob", at: 30))
        )
        s.window?.bottomIndex = 0
        var effects: [ChatEffect]
        (s, effects) = reduce(s, .composeInsert("back at the bottom"), .composeSend)
        XCTAssertNil(s.window?.bottomIndex)
        XCTAssertEqual(effects.filter { if case .live(.send) = $0 { true } else { false } }.count, 1)

        s.window?.bottomIndex = 0
        s.window?.hasNewer = true
        (s, effects) = reduce(s, .composeInsert("from a search result"), .composeSend)
        XCTAssertTrue(effects.contains(.loadChannel(cid: "messaging:general")), "\(effects)")

        s.window?.hasNewer = false
        s.window?.bottomIndex = 0
        s.draft = .editing(messageID: "m2")
        (s, _) = reduce(s, .composeInsert("an edit"), .composeSend)
        XCTAssertEqual(s.window?.bottomIndex, 0, "an edit stays where the edited message is")
    }

    /// Sent from a search result's window, the message reached the client while the newest
    /// page was being read, and that page had been read before the message was stored: the
    /// window held no newest to add it to, the page did not have it, and the sender never saw it.
    func testAMessageSentWhileTheNewestPageLoadsShowsWhenItLands() {
        var (s, _) = reduce(live(), .messageUpserted(message("m2", from: "bob", at: 20)))
        s.window?.hasNewer = true
        s.window?.bottomIndex = 0
        var effects: [ChatEffect]
        (s, effects) = reduce(s, .composeInsert("sent from back here"), .composeSend)
        XCTAssertTrue(effects.contains(.loadChannel(cid: "messaging:general")))
        (s, _) = reduce(s, .messageUpserted(message("mine", from: "alice", at: 40)), .messageUpserted(message("m2", from: "bob", at: 20)))
        let page = [message("m2", from: "bob", at: 20), message("m3", from: "bob", at: 30)]
        (s, _) = reduce(s, .channelLoaded(cid: "messaging:general", rows: page, members: []))
        XCTAssertEqual(s.window?.rows.map(\.id), ["m2", "m3", "mine"])
        XCTAssertNil(s.window?.bottomIndex)

        // A page that has it already keeps it once.
        s.window?.hasNewer = true
        (s, _) = reduce(s, .messageUpserted(message("later", from: "bob", at: 50)))
        (s, _) = reduce(
            s,
            .channelLoaded(
                cid: "messaging:general",
                rows: page + [message("mine", from: "alice", at: 40), message("later", from: "bob", at: 50)],
                members: []
            )
        )
        XCTAssertEqual(s.window?.rows.map(\.id), ["m2", "m3", "mine", "later"])
    }

    /// A message arriving while a channel opens (its first page on the way) was dropped, there
    /// being no window yet, and the page read before it was stored lacked it.
    func testAMessageArrivingWhileTheChannelOpensShows() {
        var (s, effects) = reduce(live(), .openChannel(cid: "messaging:random"))
        XCTAssertEqual(effects.last, .loadChannel(cid: "messaging:random"))
        (s, _) = reduce(s, .messageUpserted(message("r2", from: "bob", cid: "messaging:random", at: 40)))
        (s, _) = reduce(
            s,
            .channelLoaded(cid: "messaging:random", rows: [message("r1", from: "bob", cid: "messaging:random", at: 30)], members: [])
        )
        XCTAssertEqual(s.window?.rows.map(\.id), ["r1", "r2"])
        XCTAssertEqual(s.arrivedMeanwhile, [], "taken by the window")
        // What arrived for a channel left behind stays there.
        (s, _) = reduce(
            s,
            .openChannel(cid: "messaging:general"),
            .messageUpserted(message("r3", from: "bob", cid: "messaging:random", at: 50))
        )
        (s, _) = reduce(s, .channelLoaded(cid: "messaging:general", rows: [message("old", from: "bob", at: 10)], members: []))
        XCTAssertEqual(s.window?.rows.map(\.id), ["old"])
    }

    /// Editing a message (a click selects it with a half-written line in the composer) puts
    /// that line aside, and saving or dropping the edit brings it back: it was lost.
    func testAnEditKeepsWhatWasBeingWrittenForAfter() {
        var (s, effects) = reduce(live(), .messageUpserted(message("mine", from: "alice", at: 20)), .composeInsert("half written"))
        (s, _) = reduce(selecting("mine", s), .editSelected)
        XCTAssertEqual(s.composer.string, "text of mine")
        (s, _) = reduce(s, .dismiss)
        XCTAssertEqual(s.draft, .new)
        XCTAssertEqual(s.composer.string, "half written", "Esc: the edit dropped, the line back")

        (s, _) = reduce(selecting("mine", s), .editSelected, .composeEdit(.killToStart), .composeInsert("better"))
        (s, effects) = reduce(s, .composeSend)
        XCTAssertEqual(effects.last, .live(.update(messageID: "mine", text: "better")))
        XCTAssertEqual(s.composer.string, "half written", "saved: the line back")
        (s, effects) = reduce(s, .composeSend)
        XCTAssertEqual(effects.last, .live(.send(cid: "messaging:general", text: "half written", parentID: nil, mentions: [])))
    }
}
