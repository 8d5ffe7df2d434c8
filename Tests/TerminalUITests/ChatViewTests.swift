import ChatCore
import ChatModel
import TerminalUI
import XCTest

final class ChatViewTests: XCTestCase {
    private let context = ChatFixture.context()

    private func render(_ state: ChatState, _ width: Int = 120, _ height: Int = 40, context: RenderContext? = nil) -> Frame {
        ChatView.render(state, width: width, height: height, context: context ?? self.context)
    }

    private func find(_ needle: String, in frame: Frame, below: Int = -1) -> (x: Int, y: Int)? {
        frame.find(needle, below: below)
    }

    func testWorkspaceSnapshot() {
        assertSnapshot(render(ChatFixture.state()), named: "workspace-120x40")
    }

    /// The member list marks a deactivated user (Mattermost's `delete_at`, Slack's `deleted`),
    /// as it marks moderators.
    func testTheMemberListMarksDeactivatedUsers() throws {
        var state = ChatFixture.state()
        var tomas = User(id: "tomas", custom: ["name": "Tomás Silva"])
        tomas.deactivatedAt = ChatFixture.time("2020-03-01T00:00:00Z")
        state.members = [
            MemberRow(
                member: Member(channelType: "team", channelID: "engineering", userID: "maya"),
                user: User(id: "maya", custom: ["name": "Maya Okafor"])
            ),
            MemberRow(member: Member(channelType: "team", channelID: "engineering", userID: "tomas"), user: tomas),
        ]
        state.showMembers = true
        let frame = render(state)
        // The pane is 24 columns: the name is cut so that the mark stays.
        XCTAssertTrue(frame.lines.contains { $0.hasSuffix("│ Tomás Si… (deactivated)") }, frame.lines.joined(separator: "\n"))
        XCTAssertTrue(frame.lines.contains { $0.hasSuffix("│ Maya Okafor") })
    }

    func testSidebarShowsUnreadMentionsMutedFrozenAndCurrent() throws {
        let frame = render(ChatFixture.state())
        let theme = context.theme
        let engineering = try XCTUnwrap(find("#engineering (2)", in: frame))
        XCTAssertEqual(frame[engineering.x, engineering.y].style, theme.style("sidebar.channel.current"))
        // The open channel's row is one highlight, its mention badge and the blank after it too.
        let currentBadge = try XCTUnwrap(find("(2)", in: frame))
        XCTAssertEqual(frame[currentBadge.x, currentBadge.y].style, theme.style("sidebar.channel.current"))
        XCTAssertEqual(frame[29, currentBadge.y].style, theme.style("sidebar.channel.current"))
        let mention = try XCTUnwrap(find("(1)", in: frame))
        XCTAssertEqual(frame[mention.x, mention.y].style, theme.style("sidebar.channel.mention"))
        let dm = try XCTUnwrap(find("@Tomás Silva", in: frame))
        XCTAssertEqual(frame[dm.x + 1, dm.y].style, theme.style("sidebar.channel.unread"))
        XCTAssertTrue(theme.style("sidebar.channel.unread").attributes.contains(.bold))
        let random = try XCTUnwrap(find("#random", in: frame))
        XCTAssertEqual(frame[random.x, random.y].style, theme.style("sidebar.channel.muted"))
        XCTAssertNotNil(find("#chatkit-legacy ❄", in: frame))
        XCTAssertNotNil(find("DIRECT MESSAGES", in: frame))
        XCTAssertNotNil(find("LIVESTREAMS", in: frame))
        XCTAssertLessThan(try XCTUnwrap(find("DIRECT MESSAGES", in: frame)).y, try XCTUnwrap(find("LIVESTREAMS", in: frame)).y)
    }

    func testMessagesShowSeparatorsGroupingAndEveryMessageKind() throws {
        let frame = render(ChatFixture.state())
        XCTAssertNotNil(find("Monday, 2 March 2020", in: frame))
        XCTAssertNotNil(find("Tuesday, 3 March 2020", in: frame))
        XCTAssertNotNil(find("New messages", in: frame))
        XCTAssertLessThan(try XCTUnwrap(find("New messages", in: frame)).y, try XCTUnwrap(find("can you review", in: frame)).y)
        // Tomás's second message within five minutes shares the first one's header.
        XCTAssertEqual(frame.lines.filter { $0.contains("09:0") && $0.contains("Tomás Silva") }.count, 1)
        XCTAssertNotNil(find("(edited)", in: frame))
        XCTAssertNotNil(find("(message deleted)", in: frame))
        XCTAssertNotNil(find("— Priya Patel joined the channel —", in: frame))
        XCTAssertNotNil(find("📌 pinned", in: frame))
        XCTAssertNotNil(find("│ Priya Patel: Release checklist", in: frame))
        XCTAssertNotNil(find("⤷ 4 replies", in: frame))
        let mention = try XCTUnwrap(find("@maya can you review", in: frame))
        XCTAssertEqual(frame[mention.x, mention.y].style, context.theme.style("message.mention"))
    }

    func testReactionsWithMineStyledApart() throws {
        let frame = render(ChatFixture.state())
        let mine = try XCTUnwrap(find("[👍 3]", in: frame))
        // B6: the heart keeps its VS16, one cell holding the whole cluster (its right half empty).
        let theirs = try XCTUnwrap(find("[❤️ 1]", in: frame))
        XCTAssertEqual(mine.y, theirs.y)
        XCTAssertEqual(frame[mine.x, mine.y].style, context.theme.style("reaction.mine"))
        XCTAssertEqual(frame[theirs.x, theirs.y].style, context.theme.style("reaction"))
        XCTAssertNotEqual(context.theme.style("reaction.mine"), context.theme.style("reaction"))
    }

    func testTwoReactionTypesWithOneEmojiShowAsTwoDifferentChips() throws {
        var state = ChatFixture.state()
        let liked = ChatFixture.row(
            ChatFixture.message("m9", "tomas", "Ship it?", at: "2020-03-04T09:00:00Z"),
            reactions: [.init(type: "like", count: 2, includesMine: false), .init(type: "+1", count: 1, includesMine: false)]
        )
        state.window = MessageWindow(cid: "team:engineering", rows: [liked], hasOlder: false, readMarker: nil)
        let frame = render(state)
        let like = try XCTUnwrap(find("[👍 2]", in: frame))
        let plusOne = try XCTUnwrap(find("[:+1: 1]", in: frame))
        XCTAssertEqual(like.y, plusOne.y)
        XCTAssertEqual(frame.lines.joined().components(separatedBy: "👍").count - 1, 1, frame.lines.joined(separator: "\n"))
    }

    /// Slack's and Mattermost's reactions arrive under their emoji names, a tone included.
    func testReactionsImportedUnderEmojiNamesShowTheirEmoji() throws {
        var state = ChatFixture.state()
        let row = ChatFixture.row(
            ChatFixture.message("m9", "tomas", "Merged", at: "2020-03-04T09:00:00Z"),
            reactions: [
                .init(type: "white_check_mark", count: 2, includesMine: false),
                .init(type: "+1::skin-tone-3", count: 1, includesMine: false),
                .init(type: "party_parrot", count: 1, includesMine: false),
            ]
        )
        state.window = MessageWindow(cid: "team:engineering", rows: [row], hasOlder: false, readMarker: nil)
        let frame = render(state)
        let check = try XCTUnwrap(find("[✅ 2]", in: frame), frame.lines.joined(separator: "\n"))
        XCTAssertEqual(try XCTUnwrap(find("[👍🏼 1]", in: frame)).y, check.y)
        XCTAssertEqual(try XCTUnwrap(find("[:party_parrot: 1]", in: frame)).y, check.y, "a custom emoji keeps its name")
    }

    func testEveryAttachmentKindIsACard() throws {
        let frame = render(ChatFixture.state(), 160, 40)
        for (needle, kind) in [
            ("image · hero.png · 1.2 MB", "image"), ("video · demo.mp4 · 46 MB", "video"), ("audio · standup.m4a · 890.6 KB", "audio"),
            ("file · spec.pdf · 200 KB", "file"), ("giphy · celebrate", "giphy"),
            ("link · Stream import docs · https://getstream.io/chat/docs/import/", "link"),
        ] {
            let at = try XCTUnwrap(find(needle, in: frame), needle)
            XCTAssertEqual(frame[at.x, at.y].style, context.theme.style("attachment." + kind), kind)
        }
    }

    func testThreadPaneSnapshot() {
        var state = ChatFixture.state()
        let rows = ChatFixture.rows
        var reply = ChatFixture.message("r1", "maya", "Dry run went fine, 0 errors.", at: "2020-03-02T09:20:00Z")
        reply.parentID = "m2"
        state.thread = ThreadPane(root: rows[1], replies: [ChatFixture.row(reply)])
        state.thread?.hasFocus = true
        let frame = render(state)
        assertSnapshot(frame, named: "thread-120x40")
        XCTAssertNotNil(find("▶ Thread", in: frame))
        XCTAssertNotNil(find("── 1 reply ──", in: frame))
    }

    func testHelpOverlayListsEveryKey() {
        var state = ChatFixture.state()
        state.modes.push(.help(scroll: 0))
        let frame = render(state)
        assertSnapshot(frame, named: "help-120x40")
        // What does not fit on the first screenful is on the last, scrolled to.
        state.modes.replaceTop(with: .help(scroll: 1000))
        let end = render(state)
        for binding in KeyTable.reading.bindings {
            XCTAssertTrue(find(binding.help, in: frame) != nil || find(binding.help, in: end) != nil, binding.label)
        }
    }

    func testNarrowAndWideTerminals() {
        assertSnapshot(render(ChatFixture.state(), 60, 20), named: "narrow-60x20")
        assertSnapshot(render(ChatFixture.state(), 200, 60), named: "wide-200x60")
        // Tiny terminals still render without crashing.
        for (w, h) in [(1, 1), (10, 3), (30, 8), (49, 12)] { XCTAssertEqual(render(ChatFixture.state(), w, h).lines.count, h) }
    }

    func testSelectionHighlightsTheWholeMessage() throws {
        var state = ChatFixture.state()
        state.modes.push(.select(pane: .messages, messageID: "m3"))
        let frame = render(state)
        let line = try XCTUnwrap(find("Fixed the flaky test", in: frame))
        XCTAssertTrue(frame[line.x, line.y].style.attributes.isSuperset(of: context.theme.style("message.selected").attributes))
        let other = try XCTUnwrap(find("Morning! Standup", in: frame))
        XCTAssertNotEqual(frame[other.x, other.y].style, frame[line.x, line.y].style)
        // One colour over the whole message: time, author (in its own colour otherwise) and text.
        let header = try XCTUnwrap(find("16:45 Tomás Silva", in: frame))
        for y in header.y...line.y {
            for x in header.x..<(header.x + 60) { XCTAssertEqual(frame[x, y].style, context.theme.style("message.selected"), "\(x),\(y)") }
        }
    }

    func testSwitcherHighlightsMatchedLetters() throws {
        var state = ChatFixture.state()
        var switcher = Switcher()
        switcher.query = "lgc"
        state.modes.push(.switcher(switcher))
        let frame = render(state)
        let prompt = try XCTUnwrap(find("> lgc", in: frame))
        let hit = try XCTUnwrap(find("chatkit-legacy", in: frame, below: prompt.y))
        let l = hit.x + Array("chatkit-legacy").firstIndex(of: "l")!
        XCTAssertTrue(frame[l, hit.y].style.attributes.isSuperset(of: context.theme.style("switcher.match").attributes))
        XCTAssertNotEqual(frame[l, hit.y].style, frame[hit.x, hit.y].style)
        // `#`/`@` and the mention badge, as in the sidebar.
        XCTAssertEqual(frame[hit.x - 1, hit.y].text, "#")
        switcher.query = "tom"
        state.modes.replaceTop(with: .switcher(switcher))
        let dm = render(state)
        let dmPrompt = try XCTUnwrap(find("> tom", in: dm))
        let entry = try XCTUnwrap(find("@Tomás Silva", in: dm, below: dmPrompt.y))
        // The sidebar has its own `@Tomás Silva (1)`, so look only right of the switcher's row start.
        let row = (entry.x..<dm.width).map { dm[$0, entry.y].text }.joined()
        XCTAssertTrue(row.contains("(1)"), row)
    }

    func testASCIIEmojiShowsShortcodes() throws {
        let ascii = RenderContext(theme: context.theme, utcOffsetSeconds: 0, asciiEmoji: true)
        let frame = render(ChatFixture.state(), context: ascii)
        XCTAssertNotNil(find("[:thumbsup: 3]", in: frame))
        XCTAssertNil(find("👍", in: frame))
    }

    /// Names, channel titles, texts and attachment titles from the data cannot put control
    /// sequences or bidi overrides in the frame.
    func testHostileTextNeverReachesTheFrameRaw() {
        let hostile = "x\u{1B}[2J\u{1B}]0;pwned\u{07}\u{1B}]52;c;ZXZpbA==\u{07}\u{1B}]8;;https://evil\u{1B}\\\r\u{08}\u{9B}31m\u{202E}y"
        var state = ChatFixture.state()
        state.channels[0].channel.custom["name"] = .string(hostile)
        state.userName = hostile
        var rows = ChatFixture.rows
        rows[0].authorName = hostile
        rows[0].message.text = hostile
        rows[8].message.attachments[0].fields["title"] = .string(hostile)
        state.window?.rows = rows
        let frame = render(state)
        for cell in frame.cells {
            for scalar in cell.text.unicodeScalars {
                XCTAssertFalse(
                    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || (0x202A...0x202E).contains(scalar.value),
                    "U+\(String(scalar.value, radix: 16))"
                )
            }
        }
        XCTAssertNotNil(find("␛[2J", in: frame))
    }
}

/// The screen with a server: the composer, the connection, the help of a live client.
final class LiveChatViewTests: XCTestCase {
    private let context = ChatFixture.context()

    private func live(_ text: String) -> ChatState {
        var state = ChatFixture.state()
        state.connection = .connected
        state.composer = Composer(text)
        return state
    }

    func testComposerGrowsWithItsTextAndHoldsTheCursor() {
        let frame = ChatView.render(live("first line\nsecond line"), width: 120, height: 40, context: context)
        assertSnapshot(frame, named: "live-composer-120x40")
        XCTAssertEqual(frame.text(row: 37).prefix(12), "› first line")
        XCTAssertTrue(frame.text(row: 38).hasPrefix("  second line"))
        XCTAssertEqual(frame.cursor?.y, 38)
        XCTAssertEqual(frame.cursor?.x, 2 + "second line".count)
        XCTAssertTrue(frame.text(row: 39).contains("● online"))
        // A long line wraps inside the composer, at most five rows high.
        let long = ChatView.render(live(String(repeating: "word ", count: 200)), width: 120, height: 40, context: context)
        XCTAssertTrue(long.text(row: 34).hasPrefix("› ") && long.text(row: 34).contains("word"), long.text(row: 34))
        XCTAssertFalse(long.text(row: 33).contains("word word"), "five rows, no more")
        XCTAssertEqual(long.cursor?.y, 38)
    }

    func testReconnectingShowsInTheStatusBar() {
        var state = live("")
        state.connection = .reconnecting(retryInSeconds: 4)
        let frame = ChatView.render(state, width: 120, height: 40, context: context)
        XCTAssertTrue(frame.text(row: 39).contains("○ offline, retrying in 4 s"), frame.text(row: 39))
    }

    func testAGapShowsAMarkerAfterTheLastMessageBeforeIt() throws {
        var state = live("")
        let rows = try XCTUnwrap(state.window?.rows)
        let before = rows[rows.count - 3]
        state.window?.gaps = [before.id]
        var frame = ChatView.render(state, width: 120, height: 40, context: context)
        let text = (0..<frame.height).map { frame.text(row: $0) }
        let marker = try XCTUnwrap(
            text.firstIndex { $0.contains("Messages may be missing here · Enter loads them") },
            text.joined(separator: "\n")
        )
        let next = try XCTUnwrap(rows[rows.count - 2].message.text?.prefix(20))
        XCTAssertTrue(
            text[..<marker].contains { $0.contains(before.message.text?.prefix(20) ?? "?") },
            "the message before the gap is above the marker"
        )
        XCTAssertTrue(text[(marker + 1)...].contains { $0.contains(next) }, "the message after it is below")
        XCTAssertEqual(text.filter { $0.contains("may be missing") }.count, 1)

        state.window?.fillingGap = before.id
        frame = ChatView.render(state, width: 120, height: 40, context: context)
        XCTAssertNotNil((0..<frame.height).first { frame.text(row: $0).contains("Loading missed messages…") })
    }

    func testLiveHelpListsComposerKeysAndCommandsInTwoColumns() {
        var state = live("")
        state.modes.push(.help(scroll: 0))
        let frame = ChatView.render(state, width: 180, height: 40, context: context)
        assertSnapshot(frame, named: "live-help-180x40")
        // What does not fit on the first screenful is on the later ones, scrolled to.
        var lines = frame.lines
        for scroll in stride(from: 10, through: 200, by: 10) {
            state.modes.replaceTop(with: .help(scroll: scroll))
            lines += ChatView.render(state, width: 180, height: 40, context: context).lines
        }
        let text = lines.joined(separator: "\n")
        for binding in KeyTable.writing.bindings { XCTAssertTrue(text.contains(binding.help), binding.label) }
        for command in SlashCommand.all { XCTAssertTrue(text.contains("/" + command.name), command.name) }
        XCTAssertNil(frame.cursor, "no cursor over the help")
    }
}

extension ChatViewTests {
    func testMigrationSummaryShowsFiguresAndBarsAndSanitizesNames() throws {
        var figures = MigrationFigures()
        figures.totals[.message] = 4004
        figures.busiestChannels = [
            .init(id: "messaging:general", name: "General", count: 225),
            .init(id: "messaging:evil", name: "\u{1B}[31mEvil", count: 100),
        ]
        var state = ChatFixture.state()
        state.modes.push(.summary(SummaryScreen()))
        let counting = ChatView.render(state, width: 120, height: 40, context: ChatFixture.context())
        XCTAssertTrue((0..<40).contains { counting.text(row: $0).contains("Counting…") })
        state.modes.updateSummary { $0.lines = SummaryLine.lines(for: figures) }
        let frame = ChatView.render(state, width: 120, height: 40, context: ChatFixture.context())
        let screen = (0..<40).map { frame.text(row: $0) }.joined(separator: "\n")
        XCTAssertTrue(screen.contains("Migration summary (↑↓ PgUp PgDn scroll, Esc closes)"))
        XCTAssertTrue(screen.contains("messages                4,004"), screen)
        XCTAssertTrue(screen.contains("General                       225 ██"), screen)
        XCTAssertFalse(screen.contains("\u{1B}"), "an escape from the data reached the frame")
        XCTAssertTrue(screen.contains("␛[31mEvil"), screen)
        // The longest bar fills the room; a third of the value gets about a third of it.
        let full = try XCTUnwrap(screen.split(separator: "\n").first { $0.contains("General ") && $0.contains("█") })
        let part = try XCTUnwrap(screen.split(separator: "\n").first { $0.contains("Evil") && $0.contains("█") })
        let bars = [full, part].map { $0.filter { $0 == "█" }.count }
        XCTAssertEqual(Double(bars[1]) / Double(bars[0]), 100.0 / 225, accuracy: 0.05)
    }

    /// B15: a name that loses characters to the sanitizer (a bidi override, zero-width
    /// spaces) was padded before it lost them, and its count stood left of the others.
    func testSummaryColumnsLineUpForNamesWithRemovedCharacters() throws {
        var figures = MigrationFigures()
        figures.busiestUsers = [
            .init(id: "plain", name: "Plain Name", count: 225),
            .init(id: "tricky", name: "Tr\u{202E}i\u{200B}\u{200B}cky\u{2066} Name", count: 100),
        ]
        var state = ChatFixture.state()
        var screen = SummaryScreen()
        screen.lines = SummaryLine.lines(for: figures)
        state.modes.push(.summary(screen))
        let frame = ChatView.render(state, width: 120, height: 40, context: ChatFixture.context())
        let plain = try XCTUnwrap(find("Plain Name" + String(repeating: " ", count: 20) + "225 ", in: frame))
        XCTAssertNotNil(find("Tricky Name", in: frame), "the sanitizer drops the invisible characters")
        // Both names in a 24-column column, then the counts right-aligned in 9: 100 ends where 225 does.
        let tricky = try XCTUnwrap(find("Tricky Name" + String(repeating: " ", count: 19) + "100 ", in: frame))
        XCTAssertEqual(tricky.x, plain.x)
    }
}

extension LiveChatViewTests {
    /// B8: "Theme: light" was drawn as an error; a notice has its own style in every theme.
    func testNoticesAndErrorsLookDifferent() throws {
        var state = ChatFixture.state()
        state.notice = "Theme: light"
        var frame = ChatView.render(state, width: 120, height: 40, context: context)
        let y = frame.height - 1
        let x = try XCTUnwrap(
            frame.text(row: y).range(of: "Theme: light").map {
                frame.text(row: y).distance(from: frame.text(row: y).startIndex, to: $0.lowerBound)
            }
        )
        XCTAssertEqual(frame[x, y].style, context.theme.style("statusBar.notice"))
        state.notice = nil
        state.status = "Could not load"
        frame = ChatView.render(state, width: 120, height: 40, context: context)
        XCTAssertEqual(frame[x, y].style, context.theme.style("statusBar.error"))
        for name in ["dark", "light", "dark256", "mono"] {
            let theme = ChatFixture.context(theme: name).theme
            XCTAssertNotEqual(theme.style("statusBar.notice"), theme.style("statusBar.error"), name)
            XCTAssertNotEqual(theme.style("statusBar.notice"), theme.style("statusBar"), name)
        }
    }
}
