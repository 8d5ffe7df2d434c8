import ChatModel
import ChatTestSupport
import Foundation
import XCTest

/// The reader's threads live, through `chatterm serve` on the demo data, at 80x24: a reply to
/// Maya's message in a channel she is not reading raises the sidebar's `⤷ Threads (N)`, the list
/// shows it unread, and Enter opens the thread, which reads it on the server too.
final class TmuxLiveThreadsTests: XCTestCase {
    let directory = TemporaryDirectory()
    private lazy var tmux = TmuxDriver(directory: directory)
    private var db: String { directory.file("live.sqlite") }
    private lazy var server = ServeProcess(db: db, directory: directory)

    override func tearDown() {
        tmux.stop()
        server.stop()
    }

    private func open(_ url: String) throws {
        try tmux.start(
            "maya",
            "env LANG=C.UTF-8 CHATTERM_THEMES=\(ChattermProcess.themes) \(ChattermProcess.binary) open --user maya --server \(url) --db \(db)",
            width: 80,
            height: 24
        )
        try tmux.waitFor("online", in: "maya")
    }

    func testAReplyInYourThreadRaisesTheCountAndOpeningItReadsIt() throws {
        guard TmuxDriver.available else { throw XCTSkip("tmux is not installed") }
        try ChattermProcess.importFile(packageRoot + "/demo-data/demo.jsonl", db: db)
        let url = try server.start(port: 0)
        try open(url)
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
        try open(url)
        try tmux.keys("maya", "M-t")
        let again = try tmux.waitFor("Your threads", in: "maya")
        let kept = try XCTUnwrap(again.split(separator: "\n").first { $0.contains("shall we ship") }, again)
        XCTAssertFalse(kept.contains(" new"), kept.description)
        XCTAssertFalse(again.contains("⤷ Threads ("), again)
    }
}
