import ChatTestSupport
import Foundation
import XCTest

/// `o` then Enter opens the selected message's link with xdg-open, and the client reaps it: no
/// zombie child per use.
final class TmuxLinkTests: XCTestCase {
    let directory = TemporaryDirectory()
    private lazy var driver = TmuxDriver(directory: directory)

    override func tearDown() {
        driver.stop()
    }

    /// The pids of `parent`'s children that are zombies (state Z in /proc).
    private func zombies(of parent: String) -> [String] {
        let processes = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return processes.filter { pid in
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                let close = stat.range(of: ")", options: .backwards)
            else { return false }
            let fields = stat[close.upperBound...].split(separator: " ")
            return fields.count > 2 && fields[0] == "Z" && fields[1] == parent
        }
    }

    func testOpeningLinksLeavesNoZombies() throws {
        guard TmuxDriver.available else { throw XCTSkip("tmux is not installed") }
        let db = directory.file("demo.sqlite")
        try ChattermProcess.importFile(packageRoot + "/demo-data/demo.jsonl", db: db)
        // A stand-in opener that notes the URL and exits at once.
        let bin = directory.file("bin")
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        let opened = directory.file("opened.txt")
        try "#!/bin/sh\necho \"$1\" >> \(opened)\n".write(toFile: bin + "/xdg-open", atomically: true, encoding: .utf8)
        chmod(bin + "/xdg-open", 0o755)
        let pidFile = directory.file("client.pid")
        try driver.start(
            "links",
            "echo $$ > \(pidFile); exec env PATH=\(bin):$PATH LANG=C.UTF-8 CHATTERM_THEMES=\(ChattermProcess.themes) "
                + "\(ChattermProcess.binary) open --user maya --db \(db)"
        )
        try driver.waitFor("DIRECT MESSAGES", in: "links")
        // #engineering's "dark mode threads" message has an image link; select it from the newest.
        try driver.keys("links", "C-k")
        try driver.type("links", "engineering")
        try driver.keys("links", "Enter", "Up")
        var pressed = 0
        for _ in 0..<30 where (try? String(contentsOfFile: opened, encoding: .utf8))?.split(separator: "\n").count ?? 0 < 1 {
            // `o` lists the message's links (Enter opens the first); without any, on up.
            try driver.keys("links", "o")
            try driver.keys("links", try driver.screen("links").contains("Links (Enter opens") ? "Enter" : "Up")
            pressed += 1
        }
        let urls = try String(contentsOfFile: opened, encoding: .utf8).split(separator: "\n")
        XCTAssertGreaterThanOrEqual(urls.count, 1, "no link opened in \(pressed) messages")
        XCTAssertTrue(urls.allSatisfy { $0.hasPrefix("https://") }, "\(urls)")
        let client = try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        Thread.sleep(forTimeInterval: 0.5)
        XCTAssertEqual(zombies(of: client), [], "xdg-open children left unreaped")
    }
}
