import ChatCore
import ChatModel
import TerminalUI
import XCTest

/// The key tables are the one place keys are bound: the help and the status bar are made from
/// them, and a key reaches the top mode's table only.
final class KeyTableTests: XCTestCase {
    private let context = ChatFixture.context()

    private func state(live: Bool, _ overlays: [Mode] = []) -> ChatState {
        var state = ChatFixture.state()
        if live { state.connection = .connected }
        state.modes = ModeStack(overlays: overlays)
        return state
    }

    /// A state with each reachable mode on top, over message m7 where a mode needs a message.
    private func everyMode(live: Bool) -> [ChatState] {
        let row = ChatFixture.rows[0]
        let select = Mode.select(pane: .messages, messageID: "m7")
        var modes: [[Mode]] = [
            [], [select], [.switcher(Switcher())], [select, .details(MessageDetails(row: row, reactions: []))],
            [.summary(SummaryScreen())], [.help(scroll: 0)],
        ]
        if live {
            modes += [
                [select, .confirmDelete(messageID: "m7")],
                [.completion(Completion(start: 0, query: "t", candidates: ["@tomas"], index: 0))],
                [select, .reactionPicker(ReactionPicker(messageID: "m7"))], [.search(SearchResults(query: "x", rows: [row]))],
                [select, .pollPicker(PollPicker(messageID: "m7"))],
            ]
        }
        return modes.map { state(live: live, $0) }
    }

    private func key(_ entry: (key: String, help: String)) -> String { entry.key + "\t" + entry.help }

    /// Every binding of every table is in the help, each once, and the help lists nothing else
    /// (but the section titles and, with a server, the /commands).
    func testTheHelpListsEveryBindingOfEveryTableAndNothingElse() {
        for live in [true, false] {
            let entries = KeyTable.helpEntries(live: live)
            let listed = entries.filter { !$0.key.isEmpty }.map(key)
            XCTAssertEqual(listed.count, Set(listed).count, "live \(live): each key once")
            let tables = KeyTable.all(live: live)
            var bound = Set(tables.flatMap(\.helpLines).map(key))
            if live {
                bound.formUnion(SlashCommand.all.map { "/" + $0.name + "\t" + ($0.arguments.isEmpty ? "" : $0.arguments + ": ") + $0.help })
            }
            XCTAssertEqual(Set(listed), bound, "live \(live)")
            let titles = entries.filter { $0.key.isEmpty }.map(\.help)
            for table in tables { XCTAssertTrue(titles.contains("— \(table.title) —"), table.title) }
            XCTAssertEqual(titles.count, tables.count + (live ? 1 : 0), "a section per mode (and the commands)")
        }
    }

    /// Every key a table lists does what the table says in its mode: no binding is hidden by an
    /// earlier one (a conditional binding where its condition holds; see the next test).
    func testEveryBindingAnswersItsKeysInItsMode() {
        for live in [true, false] {
            for state in everyMode(live: live) {
                let table = KeyTable.table(for: state.modes.top, live: live, screen: (120, 40))
                for binding in table.bindings {
                    for key in binding.keys where binding.answers(key, in: state) {
                        let answer = KeyTable.command(for: key, in: state, screen: (120, 40)).map { "\($0)" }
                        let first = table.bindings.first { $0.keys.contains(key) }
                        XCTAssertEqual(
                            answer,
                            "\(binding.command)",
                            "\(table.title): \(binding.label) \(key) (first: \(first?.help ?? "-"))"
                        )
                    }
                }
            }
        }
    }

    /// The keys that mean two things in one mode, each where its condition holds.
    func testConditionalBindingsFollowTheState() {
        var writing = state(live: true)
        XCTAssertEqual(command(.up, writing), "\(AppCommand.chat(.startSelecting))")
        XCTAssertEqual(command(.control("k"), writing), "\(AppCommand.chat(.switcherOpen))")
        XCTAssertEqual(command(.tab, writing), "\(AppCommand.chat(.toggleThreadFocus))")
        writing.composer = Composer("hello @to")
        XCTAssertEqual(command(.up, writing), "\(AppCommand.chat(.composeEdit(.historyBack)))")
        XCTAssertEqual(command(.tab, writing), "\(AppCommand.chat(.complete))")
        writing.composer.apply(.home)
        XCTAssertEqual(command(.control("k"), writing), "\(AppCommand.chat(.composeEdit(.killToEnd)))")
        var preview = state(live: true, [.select(pane: .messages, messageID: "gif")])
        XCTAssertEqual(command(.enter, preview), "\(AppCommand.chat(.openThread))", "no such message: Enter opens a thread")
        // A command's answer is ephemeral too ("rosa has been banned"): no picture to send.
        preview.window?.rows.append(
            ChatFixture.row(ChatFixture.message("gif", "maya", "rosa has been banned", at: "2020-03-03T10:00:00Z", type: .ephemeral))
        )
        XCTAssertEqual(command(.enter, preview), "\(AppCommand.chat(.openThread))")
        let last = (preview.window?.rows.count ?? 1) - 1
        preview.window?.rows[last].message.attachments = [Attachment(fields: ["type": "giphy"])]
        XCTAssertEqual(command(.enter, preview), "\(AppCommand.chat(.giphy("send")))")
        XCTAssertEqual(command(.character("x"), preview), "\(AppCommand.chat(.giphy("cancel")))")
    }

    private func command(_ key: Key, _ state: ChatState) -> String? {
        KeyTable.command(for: key, in: state, screen: (120, 40)).map { "\($0)" }
    }

    /// No key reaches a mode below the top one: with an overlay open, none of these keys
    /// scrolls the channel, writes in the composer, moves the selection or opens another channel.
    func testNoKeyReachesBelowAnOverlay() {
        let keys: [Key] =
            "xk jqedapt?Rm".map { Key.character($0) } + [
                .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .tab, .backspace, .alt("a"), .alt("s"), .alt("o"),
                .control("k"), .control("w"), .control("x"), .function(2), .paste("pasted"),
            ]
        // Select mode shares the panes' navigation, and completion falls through by design.
        let overlays = everyMode(live: true).filter { state in
            switch state.modes.top {
            case nil, .select, .completion: false
            default: true
            }
        }
        XCTAssertEqual(overlays.count, 8)
        for over in overlays {
            for key in keys {
                guard case .chat(let event)? = KeyTable.command(for: key, in: over, screen: (120, 40)) else { continue }
                let after = ChatReducer.reduce(over, event).0
                let name = "\(over.modes.top!) \(key)"
                XCTAssertEqual(after.composer, over.composer, name)
                XCTAssertEqual(after.window, over.window, name)
                XCTAssertEqual(after.openCID, over.openCID, name)
                XCTAssertEqual(after.showMembers, over.showMembers, name)
                XCTAssertEqual(
                    Array(after.modes.overlays.prefix(over.modes.overlays.count - 1)),
                    Array(over.modes.overlays.dropLast()),
                    name
                )
            }
        }
    }

    /// The status bar names the mode on top and hints its keys, from its table.
    func testStatusBarHintsFollowTheTopMode() {
        func statusLine(_ state: ChatState) -> String {
            let frame = ChatView.render(state, width: 160, height: 40, context: context)
            return frame.text(row: 39)
        }
        let selecting = statusLine(state(live: true, [.select(pane: .messages, messageID: "m7")]))
        XCTAssertTrue(selecting.hasPrefix(" SELECT "), selecting)
        XCTAssertTrue(selecting.contains("↑↓ move · Enter thread · e edit · d delete · a react · u unread · q quote · Esc back"), selecting)
        let switching = statusLine(state(live: true, [.switcher(Switcher())]))
        XCTAssertTrue(switching.hasPrefix(" SWITCH "), switching)
        XCTAssertTrue(switching.contains("Enter open · ↑↓ move · Esc close"), switching)
        XCTAssertTrue(statusLine(state(live: false)).contains("↑ select · Ctrl-K switch · ? F1 help"))
        var writing = state(live: true)
        XCTAssertTrue(statusLine(writing).contains("Enter send · ↑ select · Ctrl-K switch · F1 help"))
        writing.composer = Composer("typed")
        XCTAssertFalse(statusLine(writing).contains("↑ select"), "↑ is history with text in the composer")
        writing.draft = .editing(messageID: "m7")
        XCTAssertTrue(statusLine(writing).hasPrefix(" EDIT "))
    }

    /// A narrow status bar shows the hints that fit whole: at 120 columns select mode's ended
    /// in "u unread · q q", the key without what it does.
    func testStatusBarHintsThatDoNotFitAreLeftOutWhole() {
        let selecting = state(live: true, [.select(pane: .messages, messageID: "m7")])
        let all = ChatView.render(selecting, width: 200, height: 40, context: context).text(row: 39).components(separatedBy: " · ")
        for width in [120, 100, 80, 60] {
            let line = ChatView.render(selecting, width: width, height: 40, context: context).text(row: 39)
            let shown = line.components(separatedBy: " · ")
            XCTAssertGreaterThan(shown.count, 1, "\(width): \(line)")
            XCTAssertEqual(Array(all.prefix(shown.count)), shown, "\(width): \(line)")
        }
    }

    /// An error longer than the status bar ends in "…": cut bare, "Could not send: … after 0 ms:
    /// Couldn't conn" read as the whole of it.
    func testALongErrorIsCutWithAnEllipsis() {
        var failed = state(live: true)
        failed.status = "Could not send: POST channels/team/engineering/message: Failed to connect to 127.0.0.1 port 38977"
        let line = ChatView.render(failed, width: 80, height: 40, context: context).text(row: 39)
        XCTAssertTrue(line.hasSuffix("…"), line)
        XCTAssertTrue(line.contains("Could not send: POST"), line)
    }

    /// F1 opened in a mode lists that mode's keys first.
    func testTheHelpStartsWithTheKeysOfTheModeItWasOpenedIn() throws {
        let selecting = state(live: true, [.select(pane: .messages, messageID: "m7"), .help(scroll: 0)])
        let frame = ChatView.render(selecting, width: 120, height: 40, context: context)
        let top = try XCTUnwrap((0..<40).first { frame.text(row: $0).contains("Keys 1–") }, "the help's title")
        XCTAssertTrue(frame.text(row: top + 1).contains("— selecting (after ↑) —"), frame.text(row: top + 1))
        XCTAssertTrue(frame.text(row: top + 2).contains("move the selection up"), frame.text(row: top + 2))
        let entries = KeyTable.helpEntries(live: true, beneath: .switcher(Switcher()))
        XCTAssertEqual(entries.first?.help, "— switching channel (Ctrl-K) —")
        XCTAssertEqual(entries.count, KeyTable.helpEntries(live: true).count, "the same lines in another order")
    }
}
