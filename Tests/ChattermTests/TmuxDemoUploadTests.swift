import ChatTestSupport
import Foundation
import XCTest

/// `/upload` on the live demo in tmux at 120x40 and 80x24: a file and an image become
/// messages with their cards; a file that is not there is an error and nothing is sent.
final class TmuxDemoUploadTests: XCTestCase {
    let directory = TemporaryDirectory()
    private lazy var tmux = TmuxDriver(directory: directory)

    override func tearDown() { tmux.stop() }

    func testUploadsShowAsCardsAtBothSizes() throws {
        guard TmuxDriver.available else { throw XCTSkip("tmux is not installed") }
        let png = Data(
            base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
        )!
        XCTAssertTrue(FileManager.default.createFile(atPath: directory.file("dot.png"), contents: png))
        try tmux.start("upload", "cd \(packageRoot) && env LANG=C.UTF-8 \(ChattermProcess.binary) demo")
        try tmux.waitUntil(in: "upload", timeout: 30, "online in #Engineering") { $0.contains("online") && $0.contains("#Engineering · ") }
        for (width, height) in [(120, 40), (80, 24)] {
            let size = "\(width)x\(height)"
            try tmux.resize("upload", width: width, height: height)
            let notes = directory.write("notes-\(width).txt", lines: ["minutes at \(size)"])
            try tmux.send("upload", "/upload \(notes) the minutes")
            var shown = try tmux.waitFor("file · notes-\(width).txt", in: "upload")
            XCTAssertTrue(shown.contains("the minutes"), "\(size):\n\(shown)")
            try tmux.send("upload", "/upload \(directory.file("dot.png"))")
            shown = try tmux.waitFor("image · dot.png", in: "upload")
            try tmux.send("upload", "/upload \(directory.file("missing.txt"))")
            shown = try tmux.waitFor("Could not upload", in: "upload")
            XCTAssertFalse(shown.contains("missing.txt ·"), "\(size): nothing was sent:\n\(shown)")
        }
    }
}
