import ChatModel
import ChatStore
import ChatTestSupport
import Foundation
import XCTest

/// Notifications end to end: `chatterm open --server` in tmux, its raw output recorded with
/// `pipe-pane`, messages mentioning Maya sent by others through the server's REST API. A
/// mention in another channel rings the bell and sends OSC 777 (through tmux's passthrough, as
/// the config asks); after `/notify none` that channel stays silent, and the level is written
/// into the config file with its comments kept. The channel being read notifies only once the
/// terminal reports it lost the focus, and not once it has it back. `/mentions` then lists the
/// mentions from the server.
final class TmuxNotifyTests: XCTestCase {
    let directory = TemporaryDirectory()
    private lazy var tmux = TmuxDriver(directory: directory)
    private var raw: String { directory.file("raw.out") }

    override func tearDown() { tmux.stop() }

    private var output: String { (try? String(contentsOfFile: raw, encoding: .utf8)) ?? "" }

    /// The notification for `body` as it reaches tmux: OSC 777 inside the DCS passthrough.
    private func notification(_ title: String, _ body: String) -> String {
        "\u{1B}Ptmux;\u{1B}\u{1B}]777;notify;\(title);\(body)\u{1B}\u{1B}\\\u{1B}\\\u{07}"
    }

    private func waitForOutput(_ text: String, timeout: TimeInterval = 10, file: StaticString = #filePath, line: UInt = #line) {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline, !output.contains(text) { Thread.sleep(forTimeInterval: 0.1) }
        XCTAssertTrue(output.contains(text), "never written: \(text.debugDescription)", file: file, line: line)
    }

    /// `text` from `user` in `cid`, naming Maya in `mentioned_users` unless `mentioning` is false.
    private func post(_ serve: ServeProcess, url: String, as user: String, in cid: String, _ text: String, mentioning: Bool = true) throws {
        let path = "channels/" + cid.replacingOccurrences(of: ":", with: "/") + "/message"
        let body = #"{"message":{"text":"\#(text)"\#(mentioning ? #","mentioned_users":["maya"]"# : "")}}"#
        XCTAssertEqual(try serve.call("POST", path, body, as: user, url: url).status, 201)
    }

    func testAMentionElsewhereNotifiesUntilTheChannelIsSetToNone() throws {
        guard TmuxDriver.available else { throw XCTSkip("tmux is not installed") }
        let db = directory.file("demo.sqlite")
        try ChattermProcess.importFile(packageRoot + "/demo-data/demo.jsonl", db: db)
        let serve = ServeProcess(db: db, directory: directory)
        let url = try serve.start()
        let config = directory.file("config/chatterm/config.toml")
        let written = "# the test's settings\nmax-width = 100   # columns\n\n[notifications]\nmethod = \"osc777\"   # through tmux\n"
        try FileManager.default.createDirectory(atPath: directory.file("config/chatterm"), withIntermediateDirectories: true)
        try Data(written.utf8).write(to: URL(fileURLWithPath: config))

        try tmux.start(
            "notify",
            "cd \(packageRoot) && env LANG=C.UTF-8 \(ChattermProcess.binary) open --server \(url) --user maya --db \(db)"
        )
        try tmux.run("pipe-pane", "-t", "notify", "-O", "cat >> \(raw)")
        try tmux.waitUntil(in: "notify", timeout: 30, "online in #Engineering") { $0.contains("online") && $0.contains("#Engineering · ") }

        try post(serve, url: url, as: "rosa", in: "team:support", "@maya first; \\u001b]0;pwned\\u0007 look")
        waitForOutput(notification("Rosa Jiménez in #Support", "@maya first； ]0；pwned look"))

        try tmux.send("notify", "/join #support")
        try tmux.waitFor("#Support · ", in: "notify")
        try tmux.send("notify", "/notify none")
        try tmux.waitFor("#Support notifies: none (kept in config.toml)", in: "notify")
        XCTAssertEqual(
            try String(contentsOfFile: config, encoding: .utf8),
            written + "\n[notifications.channels]\n\"team:support\" = \"none\"\n",
            "the level is added and every other line kept"
        )
        try tmux.send("notify", "/join #engineering")
        try tmux.waitFor("#Engineering · ", in: "notify")
        try post(serve, url: url, as: "rosa", in: "team:support", "@maya second")
        try post(serve, url: url, as: "noah", in: "team:design", "@maya third")
        // The design mention, sent after the silenced one, arrives: the silenced one had its chance.
        waitForOutput(notification("Noah Bennett in #Design", "@maya third"))
        XCTAssertFalse(output.contains("@maya second"), "a channel at none notified")

        // A direct conversation notifies of every message, a mention or not.
        let direct = "messaging:" + DistinctChannelID.make(memberIDs: ["maya", "priya"])
        try post(serve, url: url, as: "priya", in: direct, "lunch at noon?", mentioning: false)
        waitForOutput(notification("Priya Raman (direct message)", "lunch at noon?"))

        // The channel being read: silent while the terminal has the focus, not once it lost it.
        try post(serve, url: url, as: "rosa", in: "team:engineering", "@maya fourth")
        try tmux.waitFor("@maya fourth", in: "notify")
        try tmux.run("send-keys", "-t", "notify", "-H", "1b", "5b", "4f")
        try post(serve, url: url, as: "rosa", in: "team:engineering", "@maya fifth")
        waitForOutput("@maya fifth\u{1B}\u{1B}\\")
        // The focus back (`CSI I`): the channel being read is silent again.
        try tmux.run("send-keys", "-t", "notify", "-H", "1b", "5b", "49")
        try post(serve, url: url, as: "rosa", in: "team:engineering", "@maya sixth")
        try tmux.waitFor("@maya sixth", in: "notify")
        try post(serve, url: url, as: "noah", in: "team:design", "@maya seventh")
        waitForOutput(notification("Noah Bennett in #Design", "@maya seventh"))
        XCTAssertFalse(output.contains(notification("Rosa Jiménez in #Engineering", "@maya sixth")), "notified with the focus back")
        XCTAssertFalse(
            output.contains(notification("Rosa Jiménez in #Engineering", "@maya fourth")),
            "the channel being read notified while it had the focus"
        )

        // The mentions the server finds (named ones), newest first, the silenced one included.
        try tmux.send("notify", "/mentions")
        let shown = try tmux.waitFor("Mentions of you", in: "notify")
        let order = ["@maya seventh", "@maya sixth", "@maya fifth", "@maya fourth", "@maya third", "@maya second"].map {
            shown.range(of: $0)?.lowerBound
        }
        XCTAssertFalse(order.contains(nil), shown)
        XCTAssertEqual(order.compactMap { $0 }, order.compactMap { $0 }.sorted(), shown)
    }
}
