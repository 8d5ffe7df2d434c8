import ChatModel
import ChatTestSupport
import Foundation
import XCTest

@testable import chatterm

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

#if canImport(Glibc)
import Glibc
#endif

/// Two people in tmux, each running `chatterm open --server`, talking through `chatterm serve`
/// on the demo data: typing, mentions, replies and pastes arrive on the other screen; the
/// server dies and comes back, and the clients find it again; a reply in one's thread raises
/// the sidebar's `⤷ Threads (N)`.
final class LiveSessionTests: XCTestCase {
    let directory = TemporaryDirectory()
    private lazy var tmux = TmuxDriver(directory: directory)
    private var db: String { directory.file("live.sqlite") }
    private lazy var server = ServeProcess(db: db, directory: directory)

    override func tearDown() {
        tmux.stop()
        server.stop()
    }

    private func serve(port: Int) throws -> String { try server.start(port: port) }

    private func open(_ user: String, _ url: String, width: Int = 120, height: Int = 40) throws {
        try tmux.start(
            user,
            "env LANG=C.UTF-8 CHATTERM_THEMES=\(ChattermProcess.themes) \(ChattermProcess.binary) open --user \(user) --server \(url) --db \(db)",
            width: width,
            height: height
        )
        try tmux.waitFor("online", in: user)
    }

    /// ↑ with an empty line: the newest message selected (message-select mode).
    private func select(_ user: String) throws {
        try tmux.keys(user, "Up")
        try tmux.waitFor(" SELECT ", in: user)
    }

    /// The mention count the sidebar shows after a channel's name (0 when none).
    private func mentions(of channel: String, on screen: String) -> Int {
        guard let line = screen.split(separator: "\n").first(where: { $0.prefix(30).contains(channel) }),
            let open = line.prefix(30).lastIndex(of: "("), let close = line.prefix(30).lastIndex(of: ")"), open < close
        else { return 0 }
        return Int(line[line.index(after: open)..<close]) ?? 0
    }

    /// Posts messages as `user` through the REST API, one after the other, with a token from `chatterm token`.
    private func post(_ texts: [String], as user: String, to path: String, url: String) throws {
        for text in texts {
            let body = String(decoding: try JSONSerialization.data(withJSONObject: ["message": ["text": text]]), as: UTF8.self)
            XCTAssertEqual(try server.call("POST", path + "/message", body, as: user, url: url).status, 201, "posting \(text) as \(user)")
        }
    }

    func testTwoPeopleTalkLive() throws {
        guard TmuxDriver.available else { throw XCTSkip("tmux is not installed") }
        try ChattermProcess.importFile(packageRoot + "/demo-data/demo.jsonl", db: db)
        let url = try serve(port: 0)
        try open("maya", url)
        try open("tomas", url)

        // Maya looks at #Support; Tomás writes in #Engineering and mentions her by completion.
        try tmux.send("maya", "/join #support")
        let before = mentions(of: "Engineering", on: try tmux.waitFor(" #Support · ", in: "maya"))
        try tmux.send("tomas", "/join #engineering")
        try tmux.waitFor(" #Engineering · ", in: "tomas")
        try tmux.type("tomas", "@may")
        try tmux.keys("tomas", "Tab")
        try tmux.waitFor("› @maya", in: "tomas")
        try tmux.send("tomas", "can you check the live import?")
        try tmux.waitFor("can you check the live import?", in: "tomas")
        try tmux.waitUntil(in: "maya", "the Engineering mention count going up") { self.mentions(of: "Engineering", on: $0) == before + 1 }

        // Maya opens it, sees the message; her typing shows on Tomás's screen.
        try tmux.send("maya", "/join #engineering")
        try tmux.waitFor("can you check the live import?", in: "maya")
        try tmux.type("maya", "on it")
        try tmux.waitFor("Maya Okafor is typing…", in: "tomas")

        // A paste of two lines goes in whole and is sent as one message by Enter.
        try tmux.keys("maya", "C-u")
        try tmux.run("set-buffer", "-b", "two", "first pasted line\nsecond pasted line")
        try tmux.run("paste-buffer", "-p", "-b", "two", "-t", "maya")
        try tmux.waitFor("second pasted line", in: "maya")
        try tmux.keys("maya", "Enter")
        let shown = try tmux.waitFor("second pasted line", in: "tomas")
        let lines = shown.split(separator: "\n")
        let first = try XCTUnwrap(lines.firstIndex { $0.contains("first pasted line") })
        XCTAssertTrue(lines[first + 1].contains("second pasted line"), "one message, two lines:\n\(shown)")
        XCTAssertFalse(shown.contains("Maya Okafor is typing…"), "sending ends the typing line")

        // The server dies; while the clients are away, Priya posts more than a page (through
        // another server on the same store, so they cannot be back before she is done). Both
        // clients come back by themselves with the first page fetched and a gap marked after
        // it; Enter on an empty line fetches the rest.
        server.stop()
        try tmux.waitFor("retrying", in: "maya")
        let missed = (1...60).map { String(format: "away %02d", $0) }
        try post(missed, as: "priya", to: "channels/team/engineering", url: try serve(port: 0))
        server.stop()
        _ = try serve(port: Int(url.split(separator: ":").last ?? "") ?? 0)
        for user in ["maya", "tomas"] {
            let back = try catchUp(user, newest: "away 60")
            let visible = missed.filter { back.contains($0) }
            XCTAssertGreaterThan(visible.count, 10, back)
            XCTAssertEqual(visible, Array(missed.suffix(visible.count)), "the newest, in order, none skipped:\n\(back)")
            for text in visible {
                XCTAssertEqual(back.components(separatedBy: text).count - 1, 1, "\(text) once on \(user)'s screen:\n\(back)")
            }
        }
    }

    /// Waits for `user`'s client to be back online with a gap marked, presses Enter until
    /// `newest` shows with no history marked missing, and returns that screen.
    private func catchUp(_ user: String, newest: String) throws -> String {
        var back = try tmux.waitUntil(in: user, timeout: 40, "the client back, with a gap marked") {
            $0.contains("online") && $0.contains("Enter loads them")
        }
        XCTAssertTrue(back.contains("away 50") && back.contains("Enter loads them"), "a page fetched, the rest marked:\n\(back)")
        for _ in 0..<3 where back.contains("Enter loads them") {
            try tmux.keys(user, "Enter")
            back = try tmux.waitUntil(in: user, "the gap filled") {
                !$0.contains("Loading missed") && ($0.contains(newest) || !$0.contains("Enter loads them"))
            }
        }
        return try tmux.waitUntil(in: user, "the newest message, nothing missing") { $0.contains(newest) && !$0.contains("may be missing") }
    }
}

extension LiveSessionTests {
    func testDemoStartsAndTheBotsTalk() throws {
        guard TmuxDriver.available else { throw XCTSkip("tmux is not installed") }
        try tmux.start("demo", "cd \(packageRoot) && env LANG=C.UTF-8 \(ChattermProcess.binary) demo --bots --bot-interval 1")
        let shown = try tmux.waitFor("online", in: "demo", timeout: 30)
        XCTAssertTrue(shown.contains("CHANNELS") && shown.contains("Maya Okafor"), shown)
        try tmux.waitFor("is typing…", in: "demo", timeout: 10)
        try tmux.waitUntil(in: "demo", timeout: 10, "a bot's message") { screen in DemoBots.lines.contains { screen.contains($0) } }
    }
}

extension LiveSessionTests {
    /// `demo --from-chatkit` migrates Harbor's Chatkit export and opens it: Maya's channels,
    /// with the unread state her Chatkit cursors left (behind in three rooms, the first of
    /// which opens and is read: B1, it no longer counts once the connect-time list arrives).
    func testDemoFromChatkitOpensTheMigratedExport() throws {
        guard TmuxDriver.available else { throw XCTSkip("tmux is not installed") }
        try tmux.start("demo", "cd \(packageRoot) && env LANG=C.UTF-8 \(ChattermProcess.binary) demo --from-chatkit")
        var shown = try tmux.waitFor("online", in: "demo", timeout: 30)
        XCTAssertTrue(shown.contains("#Riverside FC ⚽") && shown.contains("#Harbor Support") && shown.contains("Maya Okafor"), shown)
        // Give the connect-time channel list time to land: it put the read channel's count back.
        Thread.sleep(forTimeInterval: 1)
        shown = try tmux.waitFor("2 unread channels", in: "demo")
        XCTAssertFalse(shown.contains("#Riverside FC ⚽ ("), "the open channel shows no mention badge:\n\(shown)")
        XCTAssertTrue(shown.contains("(message deleted)"), shown)
    }
}

extension LiveSessionTests {
    /// Replies, reactions, edits and deletes made on one screen show on the other; /giphy,
    /// /mute and /msg work from the composer.
    func testMessageActionsAndCommandsReachTheOtherScreen() throws {
        guard TmuxDriver.available else { throw XCTSkip("tmux is not installed") }
        try ChattermProcess.importFile(packageRoot + "/demo-data/demo.jsonl", db: db)
        let url = try serve(port: 0)
        for user in ["maya", "tomas"] {
            try open(user, url)
            try tmux.send(user, "/join #engineering")
            try tmux.waitFor(" #Engineering · ", in: user)
        }
        try tmux.send("maya", "release checklist is ready")
        try tmux.waitFor("release checklist is ready", in: "tomas")

        // Tomás replies in the thread and reacts; Maya sees both.
        try select("tomas")
        try tmux.keys("tomas", "r")
        try tmux.waitFor("↳", in: "tomas")
        try tmux.send("tomas", "thanks, reviewing now")
        try tmux.waitFor("⤷ 1 reply", in: "maya")
        // Each step waits for its screen: on a loaded machine, keys sent back to back after
        // an Esc can arrive together and read as Alt and a key.
        try tmux.keys("tomas", "Escape")
        Thread.sleep(forTimeInterval: 0.5)
        try tmux.keys("tomas", "Escape")
        try tmux.waitUntil(in: "tomas", "the thread closed") { !$0.contains("Thread (Esc closes)") }
        try select("tomas")
        try tmux.keys("tomas", "a")
        try tmux.waitFor("React (type, Enter, Esc)", in: "tomas")
        try tmux.send("tomas", "fire")
        try tmux.waitFor("[🔥 1]", in: "maya")

        // Maya edits, then deletes, her message; Tomás's screen follows.
        try select("maya")
        try tmux.keys("maya", "e")
        try tmux.waitFor("› release checklist is ready", in: "maya")
        try tmux.keys("maya", "C-u")
        try tmux.send("maya", "release checklist v2 is ready")
        let edited = try tmux.waitFor("release checklist v2 is ready", in: "tomas")
        XCTAssertTrue(edited.contains("(edited)"), edited)
        try select("maya")
        try tmux.keys("maya", "d")
        try tmux.waitFor("Delete this message?", in: "maya")
        try tmux.keys("maya", "y")
        try tmux.waitUntil(in: "tomas", "the message deleted") {
            !$0.contains("release checklist v2 is ready") && $0.contains("(message deleted)")
        }

        // /giphy shows a preview only Maya sees; Enter sends it for everyone.
        try tmux.keys("maya", "Escape")
        try tmux.send("maya", "/giphy cats")
        try tmux.waitFor("only you see this", in: "maya")
        try tmux.keys("maya", "Up", "Enter")
        try tmux.waitFor("🎞", in: "tomas")
        try tmux.waitUntil(in: "maya", "the preview gone") { !$0.contains("only you see this") }

        // /mute answers; /msg opens a direct conversation with the text in it.
        try tmux.send("maya", "/mute @deploybot")
        try tmux.waitFor("deploybot has been muted", in: "maya")
        try tmux.send("maya", "/msg @kenji see you at standup")
        let direct = try tmux.waitFor("see you at standup", in: "maya")
        XCTAssertTrue(direct.contains("Kenji"), direct)
    }
}

extension LiveSessionTests {
    /// Ctrl-X hands the draft to $EDITOR and takes back what it wrote; q quotes a message.
    func testEditorAndQuote() throws {
        guard TmuxDriver.available else { throw XCTSkip("tmux is not installed") }
        try ChattermProcess.importFile(packageRoot + "/demo-data/demo.jsonl", db: db)
        let url = try serve(port: 0)
        // The "editor" rewrites the draft the way a person would in vi.
        try tmux.start(
            "maya",
            "env LANG=C.UTF-8 EDITOR='sed -i s/rough/polished/' CHATTERM_THEMES=\(ChattermProcess.themes) \(ChattermProcess.binary) open --user maya --server \(url) --db \(db)"
        )
        try tmux.waitFor("online", in: "maya")
        try tmux.send("maya", "/join #engineering")
        try tmux.waitFor(" #Engineering · ", in: "maya")
        try tmux.type("maya", "a rough draft")
        try tmux.keys("maya", "C-x")
        try tmux.waitFor("› a polished draft", in: "maya")
        try tmux.keys("maya", "Enter")
        try tmux.waitFor("a polished draft", in: "maya")

        try tmux.keys("maya", "Up", "q")
        try tmux.waitFor("Quoting Maya Okafor", in: "maya")
        try tmux.send("maya", "quoting myself")
        let shown = try tmux.waitFor("quoting myself", in: "maya")
        let lines = shown.split(separator: "\n")
        let reply = try XCTUnwrap(lines.lastIndex { $0.contains("quoting myself") })
        XCTAssertTrue(lines[reply - 1].contains("a polished draft"), "the quote shows above the reply:\n\(shown)")

        // /search finds it from another channel; Enter goes back to it.
        try tmux.send("maya", "/join #support")
        try tmux.waitFor(" #Support · ", in: "maya")
        try tmux.send("maya", "/search polished")
        try tmux.waitFor("Search: polished", in: "maya")
        try tmux.waitFor("Maya Okafor in #Engineering: a polished draft", in: "maya")
        try tmux.keys("maya", "Enter")
        try tmux.waitUntil(in: "maya", "#Engineering open again") { $0.contains(" #Engineering · ") && !$0.contains("Search: polished") }
        // B4: at the message, selected (Esc leaves message-select mode for the composer).
        let found = try tmux.waitFor(" SELECT ", in: "maya")
        XCTAssertTrue(found.contains("a polished draft"), found)
        try tmux.keys("maya", "Escape")
        try tmux.waitFor(" CHAT ", in: "maya")

        // /theme switches the look; a theme that does not exist says so and changes nothing.
        try tmux.send("maya", "/theme mono")
        try tmux.waitFor("Theme: mono", in: "maya")
        try tmux.send("maya", "/theme nosuchtheme")
        try tmux.waitFor("theme nosuchtheme:", in: "maya")
    }

    /// Tomás's row in Maya's sidebar.
    private func tomas(_ screen: String) -> String? {
        screen.split(separator: "\n").map { String($0.prefix { $0 != "│" }).trimmingCharacters(in: .whitespaces) }
            .first { $0.hasPrefix("@Tomás") }
    }

    /// Presence dots: Maya sees Tomás offline (○) beside their conversation until his own client
    /// (a WebSocket of his) connects, then online (●), and offline again once he quits.
    func testThePresenceDotFollowsTheOtherUsersConnectionAtBothSizes() throws {
        guard TmuxDriver.available else { throw XCTSkip("tmux is not installed") }
        try ChattermProcess.importFile(packageRoot + "/demo-data/demo.jsonl", db: db)
        let url = try serve(port: 0)
        for (width, height) in [(120, 40), (80, 24)] {
            let size = "\(width)x\(height)"
            try open("maya", url, width: width, height: height)
            let shown = try tmux.waitUntil(in: "maya", "\(size): Tomás offline") { self.tomas($0)?.contains("○") == true }
            XCTAssertFalse(tomas(shown)?.contains("●") ?? true, "\(size):\n\(shown)")
            try open("tomas", url, width: 80, height: 24)
            try tmux.waitUntil(in: "maya", "\(size): Tomás online") { self.tomas($0)?.contains("●") == true }
            try tmux.keys("tomas", "C-c")
            try tmux.waitUntil(in: "maya", "\(size): Tomás offline again") { self.tomas($0)?.contains("○") == true }
            try tmux.keys("maya", "C-c")
            Thread.sleep(forTimeInterval: 0.5)
        }
    }
}

extension LiveSessionTests {
    /// Read receipts and typing in a thread between two screens (120x40 and 80x24): Tomás,
    /// reading their conversation, sees Maya's message arrive, and "✓ seen" comes under it on
    /// hers. His typing in its thread shows in her channel as "in a thread", then in the
    /// thread's pane once she opens it.
    func testReceiptsAndTypingInAThreadReachTheOtherScreen() throws {
        guard TmuxDriver.available else { throw XCTSkip("tmux is not installed") }
        try ChattermProcess.importFile(packageRoot + "/demo-data/demo.jsonl", db: db)
        let url = try serve(port: 0)
        try open("maya", url)
        try open("tomas", url, width: 80, height: 24)
        try tmux.send("tomas", "/msg @maya")
        try tmux.waitFor("@Maya Okafor · 2 members", in: "tomas")
        try tmux.send("maya", "/msg @tomas are you reading this?")
        try tmux.waitFor("are you reading this?", in: "tomas")
        try tmux.waitUntil(in: "maya", "✓ seen under the message") { screen in
            let lines = screen.split(separator: "\n")
            guard let text = lines.firstIndex(where: { $0.contains("are you reading this?") }), text + 1 < lines.count else { return false }
            return lines[text + 1].contains("✓ seen")
        }

        try tmux.send("tomas", "/thread")
        try tmux.waitFor("Thread (Esc closes)", in: "tomas")
        try tmux.type("tomas", "looking")
        try tmux.waitFor("Tomás Herrera is typing in a thread…", in: "maya")
        try tmux.send("maya", "/thread")
        try tmux.waitFor("Thread (Esc closes)", in: "maya")
        try tmux.type("tomas", " now")
        let pane = try tmux.waitFor("Tomás Herrera is typing…", in: "maya")
        XCTAssertFalse(pane.contains("in a thread"), pane)
        let line = try XCTUnwrap(pane.split(separator: "\n").first { $0.contains("Tomás Herrera is typing…") })
        XCTAssertGreaterThan(try XCTUnwrap(line.range(of: "Tomás")).lowerBound.utf16Offset(in: line), 80, "in the thread's pane:\n\(pane)")
    }

    /// The reader's threads live, at 80x24: a reply to Maya's message in a channel she is not
    /// reading raises the sidebar's `⤷ Threads (N)`, the list shows it unread, and Enter opens the
    /// thread, which reads it on the server too (a new session's list has nothing unread there).
    func testAReplyInYourThreadRaisesTheCountAndOpeningItReadsIt() throws {
        guard TmuxDriver.available else { throw XCTSkip("tmux is not installed") }
        try ChattermProcess.importFile(packageRoot + "/demo-data/demo.jsonl", db: db)
        let url = try serve(port: 0)
        try open("maya", url, width: 80, height: 24)
        try tmux.send("maya", "/join #engineering")
        try tmux.waitFor(" #Engineering · ", in: "maya")
        try tmux.send("maya", "shall we ship the threads list?")
        try tmux.waitFor("shall we ship the threads list?", in: "maya")
        let state = try server.call("POST", "channels/team/engineering/query", #"{"messages":{"limit":1}}"#, as: "maya", url: url)
        let root = try XCTUnwrap(state.json?.objectValue?["messages"]?.arrayValue?.last?.objectValue)
        XCTAssertEqual(root["text"]?.stringValue, "shall we ship the threads list?")
        let rootID = try XCTUnwrap(root["id"]?.stringValue)
        try tmux.send("maya", "/join #support")
        let away = try tmux.waitFor(" #Support · ", in: "maya")
        XCTAssertFalse(away.contains("⤷ Threads ("), "nothing unread yet:\n\(away)")

        let reply = #"{"message":{"text":"ship it today","parent_id":"\#(rootID)"}}"#
        XCTAssertEqual(try server.call("POST", "channels/team/engineering/message", reply, as: "priya", url: url).status, 201)
        try tmux.waitFor("⤷ Threads (1)", in: "maya")
        try tmux.keys("maya", "M-t")
        let list = try tmux.waitFor("Your threads", in: "maya")
        let row = try XCTUnwrap(list.split(separator: "\n").first { $0.contains("shall we ship") }, list)
        XCTAssertTrue(row.contains("#Engineering") && row.contains("1 new"), row.description)
        try tmux.keys("maya", "Enter")
        let opened = try tmux.waitFor("ship it today", in: "maya")
        XCTAssertTrue(opened.contains("Thread (Esc closes)"), opened)
        try tmux.waitUntil(in: "maya", "the count gone") { !$0.contains("⤷ Threads (") }

        // Read on the server too: a new session's list has nothing unread there.
        try tmux.keys("maya", "C-c")
        try open("maya", url, width: 80, height: 24)
        try tmux.keys("maya", "M-t")
        let again = try tmux.waitFor("Your threads", in: "maya")
        let kept = try XCTUnwrap(again.split(separator: "\n").first { $0.contains("shall we ship") }, again)
        XCTAssertFalse(kept.contains(" new"), kept.description)
        XCTAssertFalse(again.contains("⤷ Threads ("), again)
    }
}
