import ChatModel
import ChatTestSupport
import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// A private tmux server for end-to-end tests: start sessions, send keys, read screens.
final class TmuxDriver {
    private let directory: TemporaryDirectory
    private var socket: String { directory.file("tmux.sock") }

    init(directory: TemporaryDirectory) { self.directory = directory }

    static var available: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") }

    /// Runs a tmux command and returns what it printed. Not through Foundation's `Process`:
    /// the server `new-session` starts inherits whatever the client had open (a pipe, or the
    /// descriptor Foundation watches for the exit) and keeps it open for its whole life.
    @discardableResult
    func run(_ arguments: String...) throws -> String { try run(arguments) }

    @discardableResult
    func run(_ arguments: [String]) throws -> String { try runReporting(arguments).output }

    /// Runs a tmux command; its exit status, what it printed, and what it said on stderr.
    private func runReporting(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        let output = directory.file("tmux.out")
        let errors = directory.file("tmux.err")
        let tmux = try PosixSpawn.start(
            ["tmux", "-u", "-S", socket] + arguments,
            searchPath: true,
            fileActions: [.null(0), .writeFile(1, path: output), .writeFile(2, path: errors)]
        )
        let status = PosixSpawn.wait(tmux)
        let read = { (path: String) in (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
        return (status, read(output), read(errors))
    }

    /// A session running `command`, 120x40 unless told (TERM stays tmux's, so keys arrive as
    /// ncurses expects). Its config and state directories are this driver's own: the user's
    /// config does not change what a test sees, and the drafts a client keeps at exit reach
    /// only the later sessions of the same test.
    ///
    /// Killing a server's last session ends the server, and a session started meanwhile can
    /// reach it on its way out: tmux then says "server exited unexpectedly" and starts nothing.
    /// So a refused start is tried again, against a new server (CI once lost a test to this).
    /// The server is not kept alive instead (`exit-empty off`): a pane's program that exits
    /// then stays a zombie, where a test waits for it to be gone.
    func start(_ session: String, _ command: String, width: Int = 120, height: Int = 40) throws {
        let arguments = [
            "new-session", "-d", "-x", String(width), "-y", String(height), "-s", session,
            "-e", "XDG_CONFIG_HOME=" + directory.file("config"),
            "-e", "XDG_STATE_HOME=" + directory.file("state"),
            command,
        ]
        for attempt in 1... {
            let started = try runReporting(arguments)
            if started.status == 0 { return }
            guard attempt < 5 else {
                throw TmuxError(message: "tmux could not start \(session) (wait status \(started.status)): \(started.errors)")
            }
            Thread.sleep(forTimeInterval: 0.2)
        }
    }

    /// Makes `session`'s window `width` x `height` (the client sees a resize).
    func resize(_ session: String, width: Int, height: Int) throws {
        try run("resize-window", "-t", session, "-x", String(width), "-y", String(height))
    }

    /// Sends keys one at a time, as fingers do: an Esc followed at once by another key (or an
    /// arrow's own ESC) would read as Alt and that key.
    func keys(_ session: String, _ keys: String...) throws {
        for key in keys {
            try run(["send-keys", "-t", session, key])
            Thread.sleep(forTimeInterval: 0.1)
        }
    }
    func type(_ session: String, _ text: String) throws { try run("send-keys", "-t", session, "-l", text) }
    /// Types `line` and presses Enter: a message or a /command sent.
    func send(_ session: String, _ line: String) throws {
        try type(session, line)
        try keys(session, "Enter")
    }
    func screen(_ session: String) throws -> String { try run("capture-pane", "-p", "-t", session) }

    /// Waits until `session` shows `text`; returns the screen.
    @discardableResult
    func waitFor(
        _ text: String,
        in session: String,
        timeout: TimeInterval = 10,
        file: StaticString = #filePath,
        line: UInt = #line
    ) throws -> String {
        try waitUntil(in: session, timeout: timeout, file: file, line: line, "\(text.debugDescription)") { $0.contains(text) }
    }

    @discardableResult
    func waitUntil(
        in session: String,
        timeout: TimeInterval = 10,
        file: StaticString = #filePath,
        line: UInt = #line,
        _ what: String,
        _ condition: (String) -> Bool
    ) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen(session)
            if condition(last) { return last }
            Thread.sleep(forTimeInterval: 0.1)
        }
        XCTFail("\(session)'s screen never showed \(what); last screen:\n\(last)", file: file, line: line)
        return last
    }

    func stop() { _ = try? run("kill-server") }
}

struct TmuxError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
