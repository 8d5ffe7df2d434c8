import ChatCore
import ChatModel
import XCTest

/// The find in the open channel (Ctrl-R, then n and N) and the /command line of a store being
/// browsed, where /search works as it does with a server.
final class FindReducerTests: XCTestCase, LiveReducerScript {
    private func row(_ id: String, _ text: String, at seconds: Int64, type: MessageType = .regular) -> MessageRow {
        var row = message(id, from: "bob", at: seconds)
        row.message.text = text
        row.message.type = type
        return row
    }

    /// alice in #general with the window holding `rows` (older ones not loaded when `hasOlder`).
    private func channel(_ rows: [MessageRow], hasOlder: Bool = false, live: Bool = true) -> ChatState {
        var s = self.live()
        if !live { s.connection = .offline }
        s.window = MessageWindow(cid: "messaging:general", rows: rows, hasOlder: hasOlder, readMarker: nil)
        return s
    }

    private func find(_ query: String, in s: ChatState) -> (ChatState, [ChatEffect]) {
        reduce(s, .openFind, .promptType(query), .promptConfirm)
    }

    func testWordsMatchWholeWordsCaseFoldedAsTheStoreMatchesThem() {
        let find = ChannelFind(query: "Deploy, FRIDAY!")
        XCTAssertEqual(find.words, ["deploy", "friday"])
        XCTAssertTrue(find.matches(row("a", "friday: we deploy", at: 1)))
        XCTAssertFalse(find.matches(row("b", "deployment on friday", at: 2)), "whole words only")
        XCTAssertFalse(find.matches(row("c", "deploy", at: 3)), "every word")
        XCTAssertFalse(find.matches(row("d", "deploy friday", at: 4, type: .deleted)), "a deleted message shows no text")
        XCTAssertFalse(ChannelFind(query: "!?").matches(row("e", "!?", at: 5)), "no words, no match")
    }

    func testFindGoesFromTheNewestMatchUpAndBackDown() {
        let rows = [row("m1", "deploy now", at: 1), row("m2", "coffee", at: 2), row("m3", "Deploy later", at: 3), row("m4", "tea", at: 4)]
        var (s, effects) = find("deploy", in: channel(rows))
        XCTAssertEqual(effects, [])
        XCTAssertEqual(s.modes.find?.matchID, "m3", "the newest match first")
        XCTAssertEqual(s.modes.find?.words, ["deploy"])
        (s, effects) = reduce(s, .findMove(older: true))
        XCTAssertEqual(s.modes.find?.matchID, "m1")
        (s, effects) = reduce(s, .findMove(older: true))
        XCTAssertEqual(s.modes.find?.matchID, "m1", "nothing older: it stays")
        XCTAssertEqual(s.status, "No older match for deploy")
        XCTAssertEqual(effects, [], "nothing older to load")
        (s, _) = reduce(s, .findMove(older: false))
        XCTAssertEqual(s.modes.find?.matchID, "m3")
        // Enter selects the match; the find ends.
        (s, _) = reduce(s, .findSelect)
        XCTAssertEqual(s.modes.top, .select(pane: .messages, messageID: "m3"))
        XCTAssertNil(s.modes.find)
    }

    /// The next match above the loaded messages: the backend is asked for it beyond the oldest
    /// loaded one, its page loads around it, and the find goes on there.
    func testAMatchAboveTheWindowIsAskedForAndLoadedAround() {
        let rows = [row("m10", "coffee", at: 10), row("m11", "deploy", at: 11)]
        var (s, effects) = find("deploy", in: channel(rows, hasOlder: true, live: false))
        XCTAssertEqual(s.modes.find?.matchID, "m11")
        (s, effects) = reduce(s, .findMove(older: true))
        XCTAssertEqual(
            effects,
            [
                .findMatch(
                    cid: "messaging:general",
                    text: "deploy",
                    beyond: MessageCursor(createdAt: Timestamp(seconds: 10), id: "m10"),
                    older: true
                )
            ]
        )
        XCTAssertEqual(s.modes.find?.looking, true)
        XCTAssertEqual(reduce(s, .findMove(older: true)).1, [], "one question at a time")
        // An answer for other words (the find changed meanwhile) is dropped.
        XCTAssertEqual(reduce(s, .findMatchFound(cid: "messaging:general", query: "other", messageID: "x", older: true)).1, [])
        (s, effects) = reduce(s, .findMatchFound(cid: "messaging:general", query: "deploy", messageID: "m2", older: true))
        XCTAssertEqual(effects, [.loadAround(cid: "messaging:general", messageID: "m2")])
        let page = [row("m1", "tea", at: 1), row("m2", "we deploy", at: 2), row("m3", "cake", at: 3)]
        (s, _) = reduce(
            s,
            .aroundLoaded(cid: "messaging:general", rows: page, messageID: "m2", hasOlder: true, hasNewer: true, members: [])
        )
        guard case .find(let going) = s.modes.top else {
            return XCTFail("the find goes on at its match: \(String(describing: s.modes.top))")
        }
        XCTAssertEqual(going.matchID, "m2")
        XCTAssertEqual(s.window?.rows.map(\.id), ["m1", "m2", "m3"])
        // None further up: said so, and the match stays.
        (s, effects) = reduce(s, .findMove(older: true))
        (s, effects) = reduce(s, .findMatchFound(cid: "messaging:general", query: "deploy", messageID: nil, older: true))
        XCTAssertEqual(effects, [])
        XCTAssertEqual(s.status, "No older match for deploy")
        XCTAssertEqual(s.modes.find?.matchID, "m2")
        XCTAssertEqual(s.modes.find?.looking, false)
    }

    func testThePromptEditsItsWordsAndEscClosesIt() {
        var (s, _) = reduce(
            channel([row("m1", "deploy", at: 1)]),
            .openFind,
            .promptType("dex"),
            .promptErase(.character),
            .promptType("ploy")
        )
        XCTAssertEqual(s.modes.top, .prompt(LinePrompt(.find, text: "deploy")))
        XCTAssertEqual(s.modes.find?.words, ["deploy"], "highlighted while typed")
        (s, _) = reduce(s, .dismiss)
        XCTAssertNil(s.modes.top)
        // Enter with no words keeps the prompt, as its message asks: closed, the words typed
        // next went to the composer, and the Enter after them sent them to the channel.
        (s, _) = reduce(s, .openFind, .promptType("?!"), .promptConfirm)
        XCTAssertEqual(s.status, "Find: type the words to look for")
        XCTAssertEqual(s.modes.top, .prompt(LinePrompt(.find, text: "?!")))
        (s, _) = reduce(s, .dismiss)
        XCTAssertNil(s.modes.top)
        XCTAssertEqual(reduce(ChatState(userID: "alice", userName: "Alice"), .openFind).0.status, "Open a channel to find in it")
    }

    /// Browsing a store, `/` opens a line for a /command: /search asks the store as it asks a
    /// server, and commands that need a server say so.
    func testTheCommandLineRunsSearchOffline() {
        let offline = channel([row("m1", "deploy", at: 1)], live: false)
        var (s, effects) = reduce(offline, .openCommandLine, .promptType("search deploy friday"), .promptConfirm)
        XCTAssertEqual(effects, [.search(text: "deploy friday")])
        XCTAssertNil(s.modes.top)
        XCTAssertTrue(s.composer.isEmpty, "nothing is left in a composer")
        (s, effects) = reduce(offline, .openCommandLine, .promptType("react :fire:"), .promptConfirm)
        XCTAssertEqual(effects, [])
        XCTAssertEqual(s.status, "This is a local store: open it through a server (--server) to change messages")
        // Backspace over the slash closes the line; Ctrl-U and Ctrl-W stop at it.
        XCTAssertNil(reduce(offline, .openCommandLine, .promptErase(.character)).0.modes.top)
        s = reduce(offline, .openCommandLine, .promptType("search deploy"), .promptErase(.word)).0
        XCTAssertEqual(s.modes.top, .prompt(LinePrompt(.command, text: "/search ")))
        s = reduce(s, .promptErase(.all)).0
        XCTAssertEqual(s.modes.top, .prompt(LinePrompt(.command, text: "/")))
        XCTAssertNil(reduce(s, .promptErase(.character)).0.modes.top)
    }
}
