import ChatModel
import ChatTestSupport
import Foundation
import XCTest

/// An import on a terminal says what it is doing: items read and their rate while it reads,
/// then that it is committing (the index builds and the commit after the last item took 4 s
/// on a million messages, with the line at 100 %), and the line is gone before the task prints.
final class TmuxImportProgressTests: XCTestCase {
    let directory = TemporaryDirectory()
    private lazy var tmux = TmuxDriver(directory: directory)

    override func tearDown() { tmux.stop() }

    func testTheProgressLineSaysWhenTheFileIsReadAndTheStoreCommits() throws {
        guard TmuxDriver.available else { throw XCTSkip("tmux is not installed") }
        let file = directory.file("import.jsonl")
        let generated = try ChattermProcess.run(
            ["generate", "--users", "200", "--channels", "20", "--messages", "20000", "--seed", "3", "-o", file]
        )
        XCTAssertEqual(generated.status, 0)
        let raw = directory.file("import.out")
        // The import waits for the pipe to be in place: its first line comes at once.
        try tmux.start("import", "sleep 1; \(ChattermProcess.binary) import \(file) --db \(directory.file("chat.sqlite")); sleep 30")
        try tmux.run("pipe-pane", "-o", "-t", "import", "cat >> \(raw)")
        try tmux.waitFor(": completed", in: "import")
        Thread.sleep(forTimeInterval: 0.3)
        let output = try String(contentsOfFile: raw, encoding: .utf8)
        let items = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").count
        let reading = try XCTUnwrap(output.range(of: " items/s"), "no progress while reading: \(output.debugDescription)")
        let committing = try XCTUnwrap(
            output.range(of: "importing: \(NumberText.grouped(items)) items read; committing…"),
            "no line after the last item: \(output.debugDescription)"
        )
        XCTAssertLessThan(reading.lowerBound, committing.lowerBound)
        let screen = try tmux.screen("import")
        XCTAssertFalse(screen.contains("committing…"), "the progress line is cleared before the task prints:\n\(screen)")
        XCTAssertTrue(screen.contains("import task "), screen)
    }

    /// `generate` of a large file (a million messages takes a while) says how far it is, and
    /// the line is gone before it says what it wrote.
    func testGenerateShowsHowFarItIs() throws {
        guard TmuxDriver.available else { throw XCTSkip("tmux is not installed") }
        let file = directory.file("generated.jsonl")
        let raw = directory.file("generate.out")
        try tmux.start("generate", "sleep 1; \(ChattermProcess.binary) generate --messages 60000 -o \(file); sleep 30")
        try tmux.run("pipe-pane", "-o", "-t", "generate", "cat >> \(raw)")
        try tmux.waitFor("wrote ", in: "generate")
        Thread.sleep(forTimeInterval: 0.3)
        let output = try String(contentsOfFile: raw, encoding: .utf8)
        let progress = try XCTUnwrap(output.range(of: "generating "), "no progress: \(output.debugDescription)")
        XCTAssertTrue(output.contains(" items/s"), output.debugDescription)
        let wrote = try XCTUnwrap(output.range(of: "wrote \(file):"), output.debugDescription)
        XCTAssertLessThan(progress.lowerBound, wrote.lowerBound)
        XCTAssertFalse(try tmux.screen("generate").contains("generating"), "the progress line is cleared before the summary")
    }
}
