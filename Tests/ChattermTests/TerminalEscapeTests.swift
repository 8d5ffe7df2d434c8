import ChatModel
import ChatTestSupport
import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// The client runs under a real pseudo-terminal on data built to attack it; what it writes to
/// the terminal must carry none of the attack's bytes.
final class TerminalEscapeTests: XCTestCase {
    let directory = TemporaryDirectory()

    /// Each payload ends in a marker word, so the test can tell the payload from ncurses' own sequences.
    static let payloads = [
        "\u{1B}[2JCLEARED", "\u{1B}]0;pwned\u{07}TITLED", "\u{1B}]52;c;ZXZpbA==\u{07}CLIPPED",
        "\u{1B}]8;;https://evil.example\u{1B}\\LINKED",
        "safe\rSPOOFED", "ok\u{08}\u{08}BACKED", "\u{202E}REVERSED", "\u{9B}31mCSI8BIT",
    ]

    func testHostileDataNeverReachesTheTerminalRaw() throws {
        let hostile = Self.payloads.joined(separator: " ")
        let name = JSONWriter().string(.string(hostile))
        let file = directory.write(
            "hostile.jsonl",
            lines: [
                #"{"type":"user","data":{"id":"eve","name":\#(name)}}"#,
                #"{"type":"user","data":{"id":"bob","name":"Bob"}}"#,
                #"{"type":"channel","data":{"id":"general","type":"messaging","created_by":"eve","name":\#(name)}}"#,
                #"{"type":"member","data":{"channel_type":"messaging","channel_id":"general","user_id":"eve"}}"#,
                #"{"type":"member","data":{"channel_type":"messaging","channel_id":"general","user_id":"bob","last_read":"2020-01-01T00:00:00Z"}}"#,
                #"{"type":"message","data":{"id":"m1","channel_type":"messaging","channel_id":"general","user":"eve","text":\#(name),"created_at":"2020-01-02T10:00:00Z","attachments":[{"type":"file","title":\#(name),"asset_url":"https://files.example.com/a.pdf"}]}}"#,
            ]
        )
        let db = directory.file("hostile.sqlite")
        try ChattermProcess.importFile(file, db: db)

        let output = try runInPTY(["open", "--user", "bob", "--db", db], keys: ["v", "q"])
        XCTAssertTrue(output.contains("CLEARED"), "the client drew the data (\(output.count) bytes)")
        for forbidden in [
            "\u{1B}[2JCLEARED", "\u{1B}]0;", "\u{1B}]52;", "\u{1B}]8;;https://evil.example\u{1B}", "\rSPOOFED", "\u{08}BACKED", "\u{202E}",
            "\u{9B}",
        ] {
            XCTAssertFalse(output.contains(forbidden), "raw \(forbidden.debugDescription) reached the terminal")
        }
        // The OSC 8 links the client writes itself (the card's, and URLs in the text): each
        // target printable ASCII, of a web scheme, ended by ESC \ before anything else.
        let links = output.components(separatedBy: "\u{1B}]8;;").dropFirst()
        XCTAssertFalse(links.isEmpty, "the attachment card is a link")
        for link in links {
            let target = try XCTUnwrap(link.components(separatedBy: "\u{1B}\\").first)
            XCTAssertTrue(target.unicodeScalars.allSatisfy { (0x21...0x7E).contains($0.value) }, target.debugDescription)
            XCTAssertTrue(target.isEmpty || target.hasPrefix("https://"), target.debugDescription)
        }
        XCTAssertTrue(output.contains("␛[2JCLEARED"), "ESC is shown, not obeyed")
    }

    func testUnknownUserAndBrokenThemeAreClearErrorsBeforeTheScreen() throws {
        let db = directory.file("small.sqlite")
        try ChattermProcess.importFile(directory.write("small.jsonl", lines: SampleImports.base), db: db)
        let noUser = try runInPTY(["open", "--user", "nobody", "--db", db], keys: [])
        XCTAssertTrue(noUser.contains("no user \"nobody\""), noUser)
        let badTheme = try runInPTY(["open", "--user", "alice", "--db", db, "--theme", "no-such-theme"], keys: [])
        XCTAssertTrue(badTheme.contains("theme:"), badTheme)
        XCTAssertFalse(badTheme.contains("\u{1B}[?1049h"), "the screen was never taken over")
    }

    /// Starts chatterm on a new pseudo-terminal (100×30), types `keys` a second apart, and
    /// returns everything it wrote.
    private func runInPTY(_ arguments: [String], keys: [String]) throws -> String {
        var master: Int32 = -1
        var slave: Int32 = -1
        var size = winsize(ws_row: 30, ws_col: 100, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else { throw NSError(domain: "openpty", code: Int(errno)) }
        let environment = ["TERM=xterm-256color", "LANG=C.UTF-8", "CHATTERM_THEMES=\(ChattermProcess.themes)", "HOME=\(directory.path)"]
        // ncurses works on the terminal through descriptors 0 and 1, so the pty needs no session of its own.
        let spawned = Result {
            try PosixSpawn.start(
                [ChattermProcess.binary] + arguments,
                environment: environment,
                fileActions: [.duplicate(slave, to: 0), .duplicate(slave, to: 1), .duplicate(slave, to: 2), .close(master)]
            )
        }
        close(slave)
        let pid = try spawned.get()

        var output = [UInt8]()
        let deadline = Date().addingTimeInterval(15)
        var pending = keys
        var nextKey = Date().addingTimeInterval(1.5)
        var buffer = [UInt8](repeating: 0, count: 65536)
        while Date() < deadline {
            var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            if poll(&poller, 1, 100) > 0 {
                let n = read(master, &buffer, buffer.count)
                if n <= 0 { break }
                output += buffer[0..<n]
            }
            if Date() > nextKey, !pending.isEmpty {
                _ = pending.removeFirst().withCString { write(master, $0, strlen($0)) }
                nextKey = Date().addingTimeInterval(1)
            }
            var status: Int32 = 0
            if pending.isEmpty, waitpid(pid, &status, WNOHANG) == pid { break }
        }
        // Whatever the child wrote just before it exited is still in the pty.
        var drain = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        while poll(&drain, 1, 200) > 0 {
            let n = read(master, &buffer, buffer.count)
            if n <= 0 { break }
            output += buffer[0..<n]
        }
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        close(master)
        return String(decoding: output, as: UTF8.self)
    }
}
