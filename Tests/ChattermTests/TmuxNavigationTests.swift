import ChatTestSupport
import Foundation
import XCTest

/// The unread marker and its jump, and the links list with its OSC 52 copy, in tmux at 120x40
/// and 80x24 over the demo data; the raw output (`pipe-pane`) holds what ncurses cannot draw.
final class TmuxNavigationTests: XCTestCase {
    let directory = TemporaryDirectory()
    private lazy var tmux = TmuxDriver(directory: directory)
    private lazy var db: String = {
        let db = directory.file("demo.sqlite")
        try? ChattermProcess.importFile(packageRoot + "/demo-data/demo.jsonl", db: db)
        return db
    }()

    override func tearDown() { tmux.stop() }

    /// The demo store opened as Maya (offline: nothing marks her channels read meanwhile).
    private func open(_ session: String, width: Int, height: Int, environment: String = "") throws {
        try tmux.start(
            session,
            "exec env \(environment) LANG=C.UTF-8 CHATTERM_THEMES=\(ChattermProcess.themes) \(ChattermProcess.binary) open --user maya --db \(db)",
            width: width,
            height: height
        )
        try tmux.waitFor("DIRECT MESSAGES", in: session)
    }

    /// What `session` writes from now on, to `file` (the client's bytes, before tmux reads them).
    private func record(_ session: String, into file: String) throws -> () -> String {
        try tmux.run("pipe-pane", "-o", "-t", session, "cat >> \(file)")
        return { (try? String(contentsOfFile: file, encoding: .utf8)) ?? "" }
    }

    func testTheMarkerShowsAboveTheScreenAndAltUJumpsToTheFirstUnread() throws {
        guard TmuxDriver.available else { throw XCTSkip("tmux is not installed") }
        for (width, height) in [(120, 40), (80, 24)] {
            let session = "unread-\(width)"
            try open(session, width: width, height: height)
            // #Engineering opens at its newest; Maya's first unread there is further up.
            var shown = try tmux.waitFor("New messages ↑ (Alt-U)", in: session)
            XCTAssertFalse(shown.contains("─ New messages ─"), "\(width)x\(height):\n\(shown)")
            let top = shown.split(separator: "\n")[1]
            XCTAssertTrue(top.contains("New messages ↑"), "\(width)x\(height): the marker is on the pane's top row:\n\(shown)")
            try tmux.keys(session, "M-u")
            shown = try tmux.waitUntil(in: session, "\(width)x\(height): the first unread, the marker gone") {
                $0.contains("─ New messages ─") && !$0.contains("New messages ↑")
            }
            XCTAssertTrue(shown.contains("↓ newer messages (End)"), "the reader is above the newest:\n\(shown)")
            // End: back at the newest, the first unread above again.
            try tmux.keys(session, "End")
            try tmux.waitUntil(in: session, "\(width)x\(height): the marker back") {
                $0.contains("New messages ↑") && !$0.contains("↓ newer messages")
            }
            try tmux.run("kill-session", "-t", session)
        }
    }

    /// Browsing a store `J` looks for channels to join (Maya is in every team and livestream one).
    func testJBrowsingAStoreLooksForChannelsToJoin() throws {
        guard TmuxDriver.available else { throw XCTSkip("tmux is not installed") }
        try open("join", width: 80, height: 24)
        try tmux.keys("join", "J")
        try tmux.waitFor("No channels to join", in: "join")
    }

    /// `o` lists the selected message's links; `y` copies one with OSC 52 (plain, and through
    /// tmux's passthrough), Enter opens it with xdg-open.
    func testTheLinksListCopiesAndOpensALink() throws {
        guard TmuxDriver.available else { throw XCTSkip("tmux is not installed") }
        let bin = directory.file("bin")
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        let opened = directory.file("opened.txt")
        try "#!/bin/sh\necho \"$1\" >> \(opened)\n".write(toFile: bin + "/xdg-open", atomically: true, encoding: .utf8)
        chmod(bin + "/xdg-open", 0o755)
        for (width, height) in [(120, 40), (80, 24)] {
            let session = "links-\(width)"
            try? FileManager.default.removeItem(atPath: opened)
            try open(session, width: width, height: height, environment: "PATH=\(bin):$PATH")
            let output = try record(session, into: directory.file("raw-\(width).out"))
            // Up from the newest until a message with a link is selected.
            try tmux.keys(session, "Up")
            var shown = ""
            for _ in 0..<30 {
                try tmux.keys(session, "o")
                shown = try tmux.screen(session)
                if shown.contains("Links (Enter opens") { break }
                try tmux.keys(session, "Up")
            }
            XCTAssertTrue(shown.contains("Links (Enter opens"), "\(width)x\(height): no message with a link:\n\(shown)")
            XCTAssertTrue(shown.contains("https://"), shown)
            XCTAssertTrue(shown.split(separator: "\n").last?.contains("LINKS") == true, shown)
            try tmux.keys(session, "y")
            try tmux.waitFor("Copied ", in: session)
            let raw = output()
            let start = try XCTUnwrap(raw.range(of: "\u{1B}]52;c;"), "no OSC 52 in the output")
            let payload = raw[start.upperBound...].prefix { $0 != "\u{1B}" }
            let copied = try XCTUnwrap(Data(base64Encoded: String(payload)).map { String(decoding: $0, as: UTF8.self) })
            XCTAssertTrue(copied.hasPrefix("https://"), copied)
            XCTAssertTrue(
                raw.contains("\u{1B}Ptmux;\u{1B}\u{1B}]52;c;\(payload)\u{1B}\u{1B}\\\u{1B}\\"),
                "inside tmux: the passthrough form too"
            )
            try tmux.keys(session, "Enter")
            try tmux.waitUntil(in: session, "the list closed") { !$0.contains("Links (Enter opens") }
            let deadline = Date().addingTimeInterval(5)
            while Date() < deadline, !FileManager.default.fileExists(atPath: opened) { Thread.sleep(forTimeInterval: 0.1) }
            let urls = try String(contentsOfFile: opened, encoding: .utf8).split(separator: "\n")
            XCTAssertEqual(urls, [Substring(copied)], "the link copied is the link opened")
            try tmux.run("kill-session", "-t", session)
        }
    }
}
