import ChatTestSupport
import Foundation
import XCTest

/// Through the demo's live server in tmux: URLs drawn as OSC 8 hyperlinks (and not with
/// --no-hyperlinks), `/join` listing and joining a team channel Maya is not in, `/leave`
/// asking first.
final class TmuxDemoJoinTests: XCTestCase {
    let directory = TemporaryDirectory()
    private lazy var tmux = TmuxDriver(directory: directory)

    override func tearDown() { tmux.stop() }

    private func startDemo(_ session: String, data: String? = nil, flags: String = "", width: Int = 120, height: Int = 40) throws {
        let arguments = (data.map { " --data \($0)" } ?? "") + flags
        try tmux.start(
            session,
            "cd \(packageRoot) && env LANG=C.UTF-8 \(ChattermProcess.binary) demo\(arguments)",
            width: width,
            height: height
        )
        try tmux.waitUntil(in: session, timeout: 30, "online, #Engineering loaded") { $0.contains("online") && $0.contains("⤷") }
    }

    /// The demo data with a team channel nobody but Tomás is in.
    private func dataWithABookClub() throws -> String {
        let lines = try String(contentsOfFile: packageRoot + "/demo-data/demo.jsonl", encoding: .utf8).split(separator: "\n").map(
            String.init
        )
        let lastChannel = try XCTUnwrap(lines.lastIndex { $0.hasPrefix("{\"type\":\"channel\"") })
        let lastMember = try XCTUnwrap(lines.lastIndex { $0.hasPrefix("{\"type\":\"member\"") })
        var out = lines
        out.insert(
            #"{"type":"member","data":{"channel_type":"team","channel_id":"book-club","user_id":"tomas","channel_role":"channel_member","created_at":"2020-01-01T00:00:00.000Z"}}"#,
            at: lastMember + 1
        )
        out.insert(
            #"{"type":"channel","data":{"type":"team","id":"book-club","created_by":"tomas","created_at":"2020-01-01T00:00:00.000Z","name":"Book Club"}}"#,
            at: lastChannel + 1
        )
        let path = directory.file("demo-books.jsonl")
        try (out.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func testLinksAreOSC8HyperlinksUnlessTurnedOff() throws {
        guard TmuxDriver.available else { throw XCTSkip("tmux is not installed") }
        for (session, flags) in [("links-on", ""), ("links-off", " --no-hyperlinks")] {
            try startDemo(session, flags: flags)
            let file = directory.file(session + ".out")
            try tmux.run("pipe-pane", "-o", "-t", session, "cat >> \(file)")
            // Ctrl-L repaints everything, so the whole screen passes through the pipe.
            try tmux.keys(session, "C-l")
            try tmux.waitFor("https://", in: session)
            Thread.sleep(forTimeInterval: 0.5)
            let raw = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
            XCTAssertFalse(raw.isEmpty, "nothing recorded")
            if flags.isEmpty {
                XCTAssertTrue(raw.contains("\u{1B}]8;;https://"), "no OSC 8 link in:\n\(raw.debugDescription.prefix(2000))")
                XCTAssertTrue(raw.contains("\u{1B}]8;;\u{1B}\\"), "a link is closed")
            } else {
                XCTAssertFalse(raw.contains("\u{1B}]8;"), "--no-hyperlinks writes none")
            }
            try tmux.keys(session, "C-c")
            waitGone(session)
        }
    }

    func testJoinListsAndJoinsAChannelAndLeaveAsksFirst() throws {
        guard TmuxDriver.available else { throw XCTSkip("tmux is not installed") }
        let data = try dataWithABookClub()
        for (width, height) in [(120, 40), (80, 24)] {
            let session = "join-\(width)"
            try startDemo(session, data: data, width: width, height: height)
            XCTAssertFalse(try tmux.screen(session).contains("Book Club"))
            try tmux.send(session, "/join")
            var shown = try tmux.waitFor("Join a channel", in: session)
            XCTAssertTrue(shown.contains("#Book Club") && shown.contains("1 member"), "\(width)x\(height):\n\(shown)")
            XCTAssertTrue(shown.split(separator: "\n").last?.contains("JOIN") == true, shown)
            try tmux.keys(session, "Enter")
            // Joined through the server: the channel opens, with Maya counted, and the sidebar has it.
            shown = try tmux.waitFor("#Book Club · 2 members", in: session)
            XCTAssertTrue(shown.split(separator: "\n").contains { $0.hasPrefix(" #Book Club") }, "\(width)x\(height):\n\(shown)")
            // /leave asks: any other key stays, y leaves.
            try tmux.send(session, "/leave")
            try tmux.waitFor("Leave #Book Club? y leaves, any other key stays", in: session)
            try tmux.keys(session, "n")
            shown = try tmux.waitUntil(in: session, "the question gone") { !$0.contains("Leave #Book Club?") }
            XCTAssertTrue(shown.contains("#Book Club · 2 members"), "still in it:\n\(shown)")
            try tmux.send(session, "/leave")
            try tmux.waitFor("Leave #Book Club?", in: session)
            try tmux.keys(session, "y")
            try tmux.waitUntil(in: session, "\(width)x\(height): Book Club left") { !$0.contains("Book Club") }
            // Offered again, by name this time.
            try tmux.send(session, "/join book-club")
            try tmux.waitFor("#Book Club · 2 members", in: session)
            try tmux.keys(session, "C-c")
            waitGone(session)
        }
    }

    private func waitGone(_ session: String) {
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline, (try? tmux.run("list-sessions"))?.contains(session + ":") == true { Thread.sleep(forTimeInterval: 0.1) }
    }
}
