import ChatCore
import ChatModel
import XCTest

/// The reducer with a server: composing, sending, typing, read state and arriving messages.
final class LiveReducerTests: XCTestCase, LiveReducerScript {
    func testSendingCarriesTheMentionsAndEmptiesTheComposer() {
        let (s, effects) = reduce(live(), .composeInsert("hi @bob and @bobby, not bea@x"), .composeSend)
        XCTAssertEqual(
            effects.last,
            .live(.send(cid: "messaging:general", text: "hi @bob and @bobby, not bea@x", parentID: nil, mentions: ["bob"]))
        )
        XCTAssertTrue(s.composer.isEmpty)
        XCTAssertEqual(s.composer.history, ["hi @bob and @bobby, not bea@x"])
    }

    func testShortcodesAreSentAsTheirEmoji() {
        var (s, effects) = reduce(live(), .composeInsert("shipped :tada: `:tada:` @bob"), .composeSend)
        XCTAssertEqual(
            effects.last,
            .live(.send(cid: "messaging:general", text: "shipped 🎉 `:tada:` @bob", parentID: nil, mentions: ["bob"]))
        )
        XCTAssertEqual(s.composer.history, ["shipped :tada: `:tada:` @bob"], "history keeps what was typed")
        (s, effects) = reduce(s, .composeInsert("/reply :+1::skin-tone-2:"), .composeSend)
        XCTAssertEqual(effects.last, .live(.send(cid: "messaging:general", text: "👍🏻", parentID: "old", mentions: [])))
        (s, effects) = reduce(s, .composeInsert("/msg @bob :wave:"), .composeSend)
        XCTAssertEqual(effects.last, .live(.direct(userIDs: ["bob"], text: "👋")))
    }

    func testTypingStartsAtMostEveryTwoSecondsAndStopsOnSendOrIdle() {
        var (s, effects) = reduce(live(), .composeInsert("h"))
        XCTAssertEqual(effects, [.live(.typing(cid: "messaging:general", parentID: nil, started: true))])
        (s, effects) = reduce(s, .composeInsert("i"))
        XCTAssertEqual(effects, [], "within 2 s: no second typing.start")
        (s, effects) = reduce(s, .clock(Timestamp(seconds: t0.seconds + 2)), .composeInsert("!"))
        XCTAssertEqual(effects, [.live(.typing(cid: "messaging:general", parentID: nil, started: true))])
        (s, effects) = reduce(s, .clock(Timestamp(seconds: t0.seconds + 6)))
        XCTAssertEqual(effects, [], "4 s idle is not yet 5")
        (s, effects) = reduce(s, .clock(Timestamp(seconds: t0.seconds + 7)))
        XCTAssertEqual(effects, [.live(.typing(cid: "messaging:general", parentID: nil, started: false))])
        (s, effects) = reduce(s, .composeInsert("x"), .composeSend)
        XCTAssertEqual(effects.filter { if case .live(.typing(_, _, false)) = $0 { true } else { false } }.count, 1, "send stops typing")
    }

    /// Typing an edit says "is typing…" to the others: saving or dropping it ends that as a send does,
    /// where the others saw "Dave is typing…" under the saved edit for five more seconds.
    func testSavingOrDroppingAnEditStopsTyping() {
        var (s, _) = reduce(live(), .messageUpserted(message("mine", from: "alice", at: 20)))
        (s, _) = reduce(selecting("mine", s), .editSelected)
        var effects: [ChatEffect]
        (s, effects) = reduce(s, .composeInsert("!"))
        XCTAssertEqual(effects, [.live(.typing(cid: "messaging:general", parentID: nil, started: true))])
        (s, effects) = reduce(s, .composeSend)
        XCTAssertEqual(
            effects,
            [
                .live(.typing(cid: "messaging:general", parentID: nil, started: false)),
                .live(.update(messageID: "mine", text: "text of mine!")),
            ]
        )
        // Dropped with Esc, the same.
        (s, _) = reduce(selecting("mine", s), .editSelected, .composeInsert("?"))
        (s, effects) = reduce(s, .dismiss)
        XCTAssertEqual(effects, [.live(.typing(cid: "messaging:general", parentID: nil, started: false))])
        XCTAssertEqual(s.draft, .new)
    }

    func testThreadFocusSendsReplies() {
        var s = live()
        s = reduce(s, .openThread, .threadLoaded(root: message("old", from: "bob", at: 10), replies: [])).0
        let (_, effects) = reduce(s, .composeInsert("in thread"), .composeSend)
        XCTAssertEqual(effects.last, .live(.send(cid: "messaging:general", text: "in thread", parentID: "old", mentions: [])))
    }

    func testUnknownCommandsSendNothingAndClientCommandsAct() {
        var (s, effects) = reduce(live(), .composeInsert("/frobnicate now"), .composeSend)
        XCTAssertTrue(s.status?.contains("Unknown command /frobnicate") == true)
        XCTAssertFalse(effects.contains { if case .live(.send) = $0 { true } else { false } })
        XCTAssertEqual(s.composer.string, "/frobnicate now", "the line stays to be fixed")
        (s, effects) = reduce(s, .composeEdit(.killToStart), .composeInsert("/join #random"), .composeSend)
        XCTAssertEqual(s.openCID, "messaging:random")
        XCTAssertTrue(effects.contains(.loadChannel(cid: "messaging:random")))
        (s, effects) = reduce(s, .composeInsert("/giphy cats"), .composeSend)
        XCTAssertEqual(
            effects.last,
            .live(.send(cid: "messaging:random", text: "/giphy cats", parentID: nil, mentions: [])),
            "server commands go as text"
        )
        s = reduce(s, .composeInsert("/quit"), .composeSend).0
        XCTAssertTrue(s.quitRequested)
    }

    func testDraftsWaitPerChannel() {
        var s = reduce(live(), .composeInsert("half a thought"), .openChannel(cid: "messaging:random")).0
        XCTAssertTrue(s.composer.isEmpty)
        s = reduce(s, .composeInsert("other"), .openChannel(cid: "messaging:general")).0
        XCTAssertEqual(s.composer.string, "half a thought")
    }

    func testTabCyclesThroughMatchingMembers() {
        var s = reduce(live(), .composeInsert("hey @b"), .complete).0
        XCTAssertEqual(s.composer.string, "hey @bea ")
        s = reduce(s, .complete).0
        XCTAssertEqual(s.composer.string, "hey @bob ")
        s = reduce(s, .complete).0
        XCTAssertEqual(s.composer.string, "hey @bea ")
        s = reduce(s, .composeInsert("x @zz"), .complete).0
        XCTAssertEqual(s.status, "No member matches @zz")
    }

    func testArrivingMessagesFillTheWindowOrCountAsUnread() {
        var (s, effects) = reduce(live(), .messageUpserted(message("new", from: "bob", at: 20)))
        XCTAssertEqual(s.window?.rows.map(\.id), ["old", "new"])
        XCTAssertEqual(effects, [.live(.markRead(cid: "messaging:general"))], "following the bottom reads it")
        XCTAssertEqual(s.channels.first?.unreadCount, 0)

        (s, effects) = reduce(s, .messageUpserted(message("elsewhere", from: "bob", cid: "messaging:random", at: 21, mentions: ["alice"])))
        let random = s.channels.first { $0.channel.id == "random" }
        XCTAssertEqual(random?.unreadCount, 1)
        XCTAssertEqual(random?.mentionCount, 1)
        XCTAssertEqual(s.channels.map(\.channel.id), ["general", "random"], "the list keeps its order (B9)")
        XCTAssertEqual(effects, [])

        // The same message again (the send's answer and the socket's event) changes nothing.
        let again = reduce(s, .messageUpserted(message("elsewhere", from: "bob", cid: "messaging:random", at: 21, mentions: ["alice"]))).0
        XCTAssertEqual(again.channels.first { $0.channel.id == "random" }?.unreadCount, 1)

        // An edit replaces the copy in place.
        var edited = message("new", from: "bob", at: 20)
        edited.message.text = "edited"
        s = reduce(s, .messageUpserted(edited)).0
        XCTAssertEqual(s.window?.rows.last?.message.text, "edited")
        XCTAssertEqual(s.window?.rows.count, 2)

        // Scrolled back: a new message does not count as read.
        s = reduce(s, .scroll(messages: 1)).0
        (s, effects) = reduce(s, .messageUpserted(message("later", from: "carol", at: 30)))
        XCTAssertEqual(s.channels.first { $0.channel.id == "general" }?.unreadCount, 1)
        XCTAssertEqual(effects, [])
        (s, effects) = reduce(s, .jumpToNewest, .scroll(messages: -1))
        XCTAssertEqual(effects, [.live(.markRead(cid: "messaging:general"))], "back at the bottom: read")
    }

    /// `@here` and `@channel` messages call on every member (Stream's `mentioned_here` /
    /// `mentioned_channel`): they raise the mention badge like a mention by name, except the sender's own.
    func testHereAndChannelMessagesCountAsMentions() {
        var here = message("here", from: "bob", cid: "messaging:random", at: 21)
        here.message.mentionedHere = true
        var channel = message("channel", from: "carol", cid: "messaging:random", at: 22)
        channel.message.mentionedChannel = true
        let plain = message("plain", from: "bob", cid: "messaging:random", at: 23)
        var mine = message("mine", from: "alice", cid: "messaging:random", at: 24)
        mine.message.mentionedChannel = true
        let s = reduce(live(), .messageUpserted(here), .messageUpserted(channel), .messageUpserted(plain), .messageUpserted(mine)).0
        let random = s.channels.first { $0.channel.id == "random" }
        XCTAssertEqual(random?.unreadCount, 3)
        XCTAssertEqual(random?.mentionCount, 2)
    }

    func testOfflineStoresDoNotSend() {
        var s = live()
        s.connection = .offline
        let (after, effects) = reduce(s, .composeInsert("hello"), .composeSend)
        XCTAssertEqual(effects, [])
        XCTAssertTrue(after.status?.contains("local store") == true)
    }
}

extension LiveReducerTests {
    private func page(_ range: ClosedRange<Int>, at base: Int64 = 100) -> [MessageRow] {
        range.map { message(String(format: "m%03d", $0), from: "bob", at: base + Int64($0)) }
    }

    /// Dropped and back: the first return opens a gap after the newest message held and
    /// fetches the page after it; the reader's window and place are kept.
    private func reconnected(_ state: ChatState) -> (ChatState, [ChatEffect]) {
        var s = state
        s.connection = .connecting
        s = reduce(s, .connectionChanged(.connected)).0
        return reduce(
            s,
            .connectionChanged(.reconnecting(retryInSeconds: 2)),
            .connectionChanged(.connecting),
            .connectionChanged(.connected)
        )
    }

    func testReconnectingFetchesWhatWasMissedAfterTheNewestMessageHeld() {
        var s = live()
        s.connection = .connecting
        var effects: [ChatEffect]
        (s, effects) = reduce(s, .connectionChanged(.connected))
        XCTAssertEqual(effects, [], "the first connection is not a return")
        (s, effects) = reconnected(live())
        XCTAssertEqual(
            effects,
            [
                .loadNewer(cid: "messaging:general", after: MessageCursor(createdAt: Timestamp(seconds: 10), id: "old")),
                .loadMembers(cid: "messaging:general"),
            ]
        )
        XCTAssertEqual(s.window?.gaps, ["old"])
        XCTAssertEqual(s.window?.fillingGap, "old")
        XCTAssertEqual(s.connection, .connected)
        XCTAssertEqual(reduce(s, .composeSend).1, [], "one fetch at a time")

        // A short page: everything missed is here, the gap closes, the bottom is read.
        (s, effects) = reduce(s, .newerLoaded(cid: "messaging:general", rows: page(1...3)))
        XCTAssertEqual(s.window?.rows.map(\.id), ["old", "m001", "m002", "m003"])
        XCTAssertEqual(s.window?.gaps, [])
        XCTAssertNil(s.window?.fillingGap)
        XCTAssertEqual(effects, [])
    }

    func testMoreThanAPageMissedLeavesAMarkerThatEnterFetchesOn() {
        var (s, _) = reconnected(live())
        let full = page(1...MessageWindow.pageSize)
        var effects: [ChatEffect]
        (s, effects) = reduce(s, .newerLoaded(cid: "messaging:general", rows: full))
        XCTAssertEqual(s.window?.gaps, ["m050"], "a full page: more may follow it")
        XCTAssertNil(s.window?.fillingGap)

        // Live messages keep arriving after the gap; they are unread while history is missing.
        (s, effects) = reduce(s, .messageUpserted(message("live", from: "carol", at: 500)))
        XCTAssertEqual(s.window?.rows.last?.id, "live")
        XCTAssertEqual(effects, [], "not read: messages before it are missing")
        XCTAssertEqual(s.channels.first { $0.channel.id == "general" }?.unreadCount, 1)

        // Enter on an empty line fetches after the gap; the full page reaches "live": closed, in order, once each.
        (s, effects) = reduce(s, .composeSend)
        XCTAssertEqual(
            effects,
            [.loadNewer(cid: "messaging:general", after: MessageCursor(createdAt: Timestamp(seconds: 150), id: "m050"))]
        )
        (s, effects) = reduce(s, .newerLoaded(cid: "messaging:general", rows: page(51...99) + [message("live", from: "carol", at: 500)]))
        let ids = s.window?.rows.map(\.id) ?? []
        XCTAssertEqual(ids, ["old"] + page(1...99).map(\.id) + ["live"])
        XCTAssertEqual(s.window?.gaps, [])
        XCTAssertEqual(effects, [.live(.markRead(cid: "messaging:general"))], "whole again, at the bottom: read")
        XCTAssertEqual(reduce(s, .composeSend).1, [], "no gap: Enter on an empty line does nothing")
    }

    func testAReaderScrolledBackKeepsTheirPlaceWhileTheGapFills() {
        var s = reduce(live(), .newerLoaded(cid: "messaging:general", rows: page(1...20))).0
        s = reduce(s, .scroll(messages: 10)).0
        let shown = s.window?.bottomIndex.map { s.window?.rows[$0].id }
        XCTAssertEqual(shown, "m010")
        s = reconnected(s).0
        XCTAssertEqual(s.window?.gaps, ["m020"])
        s = reduce(s, .newerLoaded(cid: "messaging:general", rows: page(21...25))).0
        XCTAssertEqual(s.window?.bottomIndex.map { s.window?.rows[$0].id }, shown, "the same message stays at the bottom of the screen")
        XCTAssertEqual(s.window?.rows.count, 26)
    }

    func testAGapAfterARemovedMessageMovesToTheOneBefore() {
        var s = reduce(live(), .newerLoaded(cid: "messaging:general", rows: page(1...2))).0
        s = reconnected(s).0
        s = reduce(s, .messageRemoved(id: "m002")).0
        XCTAssertEqual(s.window?.gaps, ["m001"])
    }

    func testAnEmptyChannelReloadsOnReturnAndAnOpenThreadIsFetchedAgain() {
        var s = reduce(live(), .openThread, .threadLoaded(root: message("old", from: "bob", at: 10), replies: []), .toggleThreadFocus).0
        XCTAssertEqual(s.modes.focus, .messages)
        var effects: [ChatEffect]
        (s, effects) = reconnected(s)
        XCTAssertEqual(effects.last, .loadThread(messageID: "old"))
        s =
            reduce(
                s,
                .threadLoaded(root: message("old", from: "bob", at: 10), replies: [message("r1", from: "carol", at: 11, parent: "old")])
            ).0
        XCTAssertEqual(s.thread?.replies.map(\.id), ["r1"])
        XCTAssertEqual(s.modes.focus, .messages, "a reload does not move the focus")

        var empty = live()
        empty.window?.rows = []
        XCTAssertEqual(reconnected(empty).1, [.loadChannel(cid: "messaging:general")])
    }

    func testPostingEndsThatPersonsTypingLine() {
        var s = reduce(
            live(),
            .typingStarted(cid: "messaging:general", parentID: nil, userName: "Bob", until: Timestamp(seconds: t0.seconds + 7))
        ).0
        XCTAssertEqual(s.typing[TypingPlace(cid: "messaging:general")]?.keys.sorted(), ["Bob"])
        s = reduce(s, .messageUpserted(message("from-bob", from: "bob", at: 40))).0
        XCTAssertEqual(s.typing[TypingPlace(cid: "messaging:general")]?.isEmpty, true)
    }
}

extension LiveReducerTests {
    /// alice's live state with her own message "mine" (with her 👍) selected.
    private func withOwnMessageSelected() -> ChatState {
        var own = message("mine", from: "alice", at: 20)
        own.reactions = [MessageRow.ReactionCount(type: "like", count: 1, includesMine: true)]
        return selecting("mine", reduce(live(), .messageUpserted(own)).0)
    }

    func testEditPutsTheTextInTheComposerAndEnterSavesIt() {
        var (s, effects) = reduce(withOwnMessageSelected(), .editSelected)
        XCTAssertEqual(s.composer.string, "text of mine")
        XCTAssertEqual(s.draft, .editing(messageID: "mine"))
        XCTAssertNil(s.modes.top, "back in the composer")
        (s, effects) = reduce(s, .composeEdit(.killToStart), .composeInsert("better"), .composeSend)
        XCTAssertEqual(effects.last, .live(.update(messageID: "mine", text: "better")))
        XCTAssertEqual(s.draft, .new)
        // Esc while editing gives up the edit.
        s = reduce(withOwnMessageSelected(), .editSelected, .dismiss).0
        XCTAssertEqual(s.draft, .new)
        XCTAssertTrue(s.composer.isEmpty)
    }

    func testOthersMessagesCannotBeEditedOrDeleted() {
        let s = selecting("old", live())
        let (refused, none) = reduce(s, .deleteSelected)
        XCTAssertEqual(none, [])
        XCTAssertNil(refused.modes.top, "no question, and the selection ends")
        XCTAssertEqual(refused.status, "You can only delete your own messages")
        let (after, effects) = reduce(s, .editSelected)
        XCTAssertEqual(effects, [])
        XCTAssertEqual(after.draft, .new)
        XCTAssertEqual(after.status, "You can only edit your own messages")
    }

    func testDeleteAsksFirst() {
        var (s, effects) = reduce(withOwnMessageSelected(), .deleteSelected)
        XCTAssertEqual(s.modes.top, .confirmDelete(messageID: "mine"))
        XCTAssertEqual(effects, [])
        (s, effects) = reduce(s, .confirm(false))
        XCTAssertEqual(effects, [], "anything but yes keeps it")
        XCTAssertEqual(s.modes.top, .select(pane: .messages, messageID: "mine"), "still selected")
        (s, effects) = reduce(s, .deleteSelected, .confirm(true))
        XCTAssertEqual(effects, [.live(.delete(messageID: "mine"))])
        XCTAssertNil(s.modes.top)
    }

    func testThePickerFiltersAndTogglesOnesOwnReaction() {
        var (s, effects) = reduce(withOwnMessageSelected(), .reactSelected, .pickerType("fi"), .pickerConfirm)
        XCTAssertEqual(effects, [.live(.react(messageID: "mine", type: "fire", add: true))])
        XCTAssertEqual(s.modes.top, .select(pane: .messages, messageID: "mine"), "the picker closed over the selection")
        (s, effects) = reduce(s, .reactSelected, .pickerConfirm)
        XCTAssertEqual(effects, [.live(.react(messageID: "mine", type: "like", add: false))], "already mine: taken back")
        (s, effects) = reduce(s, .reactSelected, .pickerMove(1), .pickerConfirm)
        XCTAssertEqual(effects, [.live(.react(messageID: "mine", type: "love", add: true))])
    }

    func testPinGiphyAndMsg() {
        XCTAssertEqual(reduce(withOwnMessageSelected(), .pinSelected).1, [.live(.pin(messageID: "mine", pinned: true))])
        var preview = message("gif", from: "alice", at: 30)
        preview.message.type = .ephemeral
        preview.message.attachments = [Attachment(fields: ["type": "giphy"])]
        var answer = message("banned", from: "alice", at: 31)
        answer.message.type = .ephemeral
        let s = selecting("gif", reduce(live(), .messageUpserted(preview), .messageUpserted(answer)).0)
        XCTAssertEqual(reduce(s, .giphy("send")).1, [.live(.giphy(messageID: "gif", action: "send"))])
        XCTAssertEqual(reduce(selecting("banned", s), .giphy("send")).1, [], "a command's answer is no picture to send")
        XCTAssertEqual(reduce(s, .messageRemoved(id: "gif")).0.window?.rows.map(\.id), ["old", "banned"])
        let (_, effects) = reduce(live(), .composeInsert("/msg @bob @carol lunch?"), .composeSend)
        XCTAssertEqual(effects, [.live(.direct(userIDs: ["bob", "carol"], text: "lunch?"))])
        let (noOne, none) = reduce(live(), .composeInsert("/msg hello"), .composeSend)
        XCTAssertEqual(none, [])
        XCTAssertEqual(noOne.status, "/msg @user [text]: whom to write to?")
    }
}

extension LiveReducerTests {
    func testCommandsActOnTheNewestMessage() {
        var s = reduce(
            live(),
            .messageUpserted(message("mine", from: "alice", at: 20)),
            .messageUpserted(message("theirs", from: "bob", at: 30))
        ).0
        func run(_ line: String) -> (ChatState, [ChatEffect]) { reduce(s, .composeInsert(line), .composeSend) }
        XCTAssertEqual(
            run("/edit better words").1.last,
            .live(.update(messageID: "mine", text: "better words")),
            "your own newest, not bob's"
        )
        XCTAssertEqual(run("/react :fire:").1.last, .live(.react(messageID: "theirs", type: "fire", add: true)))
        XCTAssertEqual(
            run("/reply agreed @bob").1.last,
            .live(.send(cid: "messaging:general", text: "agreed @bob", parentID: "theirs", mentions: ["bob"]))
        )
        XCTAssertEqual(run("/thread").1.last, .loadThread(messageID: "theirs"))
        XCTAssertEqual(run("/pin").1.last, .live(.pin(messageID: "theirs", pinned: true)))
        XCTAssertEqual(run("/topic Launch week").1.last, .live(.topic(cid: "messaging:general", text: "Launch week")))
        let (asking, none) = run("/delete")
        XCTAssertEqual(none.filter { if case .live = $0 { true } else { false } }, [])
        XCTAssertEqual(asking.modes.overlays, [.select(pane: .messages, messageID: "mine"), .confirmDelete(messageID: "mine")])
        XCTAssertEqual(reduce(asking, .confirm(true)).1, [.live(.delete(messageID: "mine"))])
        XCTAssertEqual(run("/react").0.status, "/react :emoji:, e.g. /react :fire:")
        // With a message selected the keys are select mode's: no line is typed, none is run.
        s = selecting("mine", s)
        XCTAssertEqual(run("/react :tada:").1, [], "the composer is beneath: select mode drops its intents")
    }
}

extension LiveReducerTests {
    func testQuoteAndEditor() {
        var s = selecting("old", live())
        var effects: [ChatEffect]
        (s, effects) = reduce(s, .quoteSelected, .composeInsert("+1"), .composeSend)
        XCTAssertEqual(effects.last, .live(.send(cid: "messaging:general", text: "+1", parentID: nil, mentions: [], quotedID: "old")))
        XCTAssertEqual(s.draft, .new, "one message quotes, the next does not")
        s = reduce(selecting("old", s), .quoteSelected, .dismiss).0
        XCTAssertEqual(s.draft, .new, "Esc drops the quote")

        (s, effects) = reduce(s, .composeInsert("draft"), .composeSend, .composeInsert("next"), .openEditor)
        XCTAssertEqual(effects.last, .editExternally("next"))
        s = reduce(s, .composeReplace("from the editor\n\n")).0
        XCTAssertEqual(s.composer.string, "from the editor", "trailing newlines go")
        XCTAssertEqual(s.composer.history, ["+1", "draft"], "history survives the editor")
        s = reduce(s, .composeReplace("red \u{1B}[31mtext\u{7}\n")).0
        XCTAssertEqual(s.composer.string, "red [31mtext", "the editor's file is typed text: no control character is sent")
    }
}

extension LiveReducerTests {
    func testReconnectCommand() {
        XCTAssertEqual(reduce(live(), .composeInsert("/reconnect"), .composeSend).1, [.reconnect])
    }
}

extension LiveReducerTests {
    func testSearchOpensTheResultsChannelAndThread() {
        var (s, effects) = reduce(live(), .composeInsert("/search launch"), .composeSend)
        XCTAssertEqual(effects, [.search(text: "launch")])
        let hit = message("r1", from: "bob", cid: "messaging:random", at: 50, parent: "root")
        // A reply opens its channel and its thread.
        (s, effects) = reduce(
            s,
            .searchResults(query: "launch", rows: [message("g1", from: "bob", at: 40), hit]),
            .searchMove(1),
            .searchConfirm
        )
        XCTAssertNil(s.modes.top)
        XCTAssertEqual(s.openCID, "messaging:random")
        XCTAssertEqual(effects, [.loadChannel(cid: "messaging:random"), .loadThread(messageID: "root")])
        s = reduce(s, .searchResults(query: "nothing", rows: [])).0
        XCTAssertNil(s.modes.top)
        XCTAssertEqual(s.status, "Nothing found for nothing")
    }
}

extension LiveReducerTests {
    func testThemeCommand() {
        XCTAssertEqual(reduce(live(), .composeInsert("/theme light"), .composeSend).1, [.setTheme("light")])
        let (s, effects) = reduce(live(), .composeInsert("/theme"), .composeSend)
        XCTAssertEqual(effects, [])
        XCTAssertTrue(s.status?.hasPrefix("/theme NAME") == true)
    }
}
