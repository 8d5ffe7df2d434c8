import ChatTestSupport
import Foundation
import XCTest

/// Presence dots in the sidebar, live: Maya's client shows Tomás offline (○) beside their
/// direct conversation until Tomás's own client connects to the same `chatterm serve` (a
/// WebSocket of his), then online (●), and offline again once he quits.
final class TmuxPresenceTests: XCTestCase {
    let directory = TemporaryDirectory()
    private lazy var tmux = TmuxDriver(directory: directory)
    private var db: String { directory.file("presence.sqlite") }
    private lazy var server = ServeProcess(db: db, directory: directory)

    override func tearDown() {
        tmux.stop()
        server.stop()
    }

    private func open(_ user: String, _ url: String, width: Int, height: Int) throws {
        try tmux.start(
            user,
            "env LANG=C.UTF-8 CHATTERM_THEMES=\(ChattermProcess.themes) \(ChattermProcess.binary) open --user \(user) --server \(url) --db \(db)",
            width: width,
            height: height
        )
        try tmux.waitFor("online", in: user)
    }

    /// Tomás's row in Maya's sidebar.
    private func tomas(_ screen: String) -> String? {
        screen.split(separator: "\n").map { String($0.prefix { $0 != "│" }).trimmingCharacters(in: .whitespaces) }
            .first { $0.hasPrefix("@Tomás") }
    }

    func testTheDotFollowsTheOtherUsersConnectionAtBothSizes() throws {
        guard TmuxDriver.available else { throw XCTSkip("tmux is not installed") }
        try ChattermProcess.importFile(packageRoot + "/demo-data/demo.jsonl", db: db)
        let url = try server.start()
        for (width, height) in [(120, 40), (80, 24)] {
            let size = "\(width)x\(height)"
            try open("maya", url, width: width, height: height)
            var shown = try tmux.waitUntil(in: "maya", "\(size): Tomás offline") { self.tomas($0)?.contains("○") == true }
            XCTAssertFalse(tomas(shown)?.contains("●") ?? true, "\(size):\n\(shown)")
            try open("tomas", url, width: 80, height: 24)
            shown = try tmux.waitUntil(in: "maya", "\(size): Tomás online") { self.tomas($0)?.contains("●") == true }
            try tmux.keys("tomas", "C-c")
            try tmux.waitUntil(in: "maya", "\(size): Tomás offline again") { self.tomas($0)?.contains("○") == true }
            try tmux.keys("maya", "C-c")
            Thread.sleep(forTimeInterval: 0.5)
        }
    }
}
