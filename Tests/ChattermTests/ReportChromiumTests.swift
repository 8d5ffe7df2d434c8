import ChatTestSupport
import Foundation
import XCTest

/// The demo's HTML report in headless Chromium (Debian's `chromium`): it renders to a PNG,
/// fetches nothing, and logs no script error.
final class ReportChromiumTests: XCTestCase {
    let directory = TemporaryDirectory()

    private var chromium: String? {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
            .map { $0 + "/chromium" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs chromium headless on `page` with `arguments`; returns standard output and standard error.
    private func chromium(_ binary: String, _ arguments: [String], page: String) throws -> (stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0",
                "--user-data-dir=" + directory.file("profile"),
            ] + arguments + ["file://" + page]
        let out = directory.file("chromium.out")
        let err = directory.file("chromium.err")
        XCTAssertTrue(FileManager.default.createFile(atPath: out, contents: nil))
        XCTAssertTrue(FileManager.default.createFile(atPath: err, contents: nil))
        process.standardOutput = FileHandle(forWritingAtPath: out)
        process.standardError = FileHandle(forWritingAtPath: err)
        try process.run()
        let deadline = Date().addingTimeInterval(90)
        while process.isRunning, Date() < deadline { usleep(100_000) }
        if process.isRunning {
            process.terminate()
            XCTFail("chromium did not finish in 90 s")
        }
        process.waitUntilExit()
        return (try String(contentsOfFile: out, encoding: .utf8), try String(contentsOfFile: err, encoding: .utf8))
    }

    func testTheDemoReportRendersWithItsChartsAndFetchesNothing() throws {
        guard let chromium else { throw XCTSkip("chromium is not on PATH (apt-get install chromium)") }
        let db = directory.file("demo.sqlite")
        try ChattermProcess.importFile(packageRoot + "/demo-data/demo.jsonl", db: db)
        let page = directory.file("report.html")
        XCTAssertEqual(try ChattermProcess.run(["report", "--db", db, "--format", "html", "-o", page]).status, 0)
        let html = try String(contentsOfFile: page, encoding: .utf8)
        for external in ["http://", "https://", "src=", "<link", "<script", "url("] {
            XCTAssertFalse(html.contains(external), "the page refers to something outside it: \(external)")
        }

        let png = directory.file("report.png")
        let shot = try self.chromium(chromium, ["--screenshot=" + png, "--window-size=1280,2000"], page: page)
        let image = try XCTUnwrap(FileManager.default.contents(atPath: png), shot.stderr)
        XCTAssertEqual(Array(image.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "not a PNG")
        // IHDR: width and height, big-endian, at bytes 16–23.
        let size = { (at: Int) in image[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        XCTAssertEqual([size(16), size(20)], [1280, 2000])
        XCTAssertGreaterThan(image.count, 50_000, "a blank page compresses to a few KB; charts and tables do not")
        XCTAssertFalse(shot.stderr.contains("CONSOLE"), "the page logged to the console: \(shot.stderr)")

        // The DOM Chromium built: four SVG charts with their bars, no script, nothing loaded by URL.
        let dom = try self.chromium(chromium, ["--dump-dom"], page: page)
        XCTAssertEqual(dom.stdout.components(separatedBy: "<svg ").count - 1, 4, dom.stderr)
        XCTAssertGreaterThan(dom.stdout.components(separatedBy: "<rect class=\"bar\"").count - 1, 40)
        XCTAssertFalse(dom.stdout.contains("<script"))
        for line in dom.stderr.split(separator: "\n") where line.contains("CONSOLE") || line.contains("Uncaught") {
            XCTFail("script error or console message: \(line)")
        }
    }
}
