import Foundation
import TerminalUI
import XCTest

/// Compares a frame's text with `Snapshots/NAME.txt`. With SNAPSHOT_RECORD=1 it writes the file
/// instead (and fails, so a recording is never mistaken for a pass); read new snapshots before committing.
func assertSnapshot(_ frame: Frame, named name: String, file: StaticString = #filePath, line: UInt = #line) {
    let path = URL(fileURLWithPath: "\(file)").deletingLastPathComponent().appendingPathComponent("Snapshots/\(name).txt").path
    let text = frame.lines.joined(separator: "\n") + "\n"
    if ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1" {
        try? text.write(toFile: path, atomically: true, encoding: .utf8)
        XCTFail("recorded \(name); run again without SNAPSHOT_RECORD", file: file, line: line)
        return
    }
    guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
        XCTFail("no snapshot \(name): run with SNAPSHOT_RECORD=1 to record it", file: file, line: line)
        return
    }
    if expected != text {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = text.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }
        XCTFail(
            "\(name) differs at line \((first?.offset ?? min(a.count, b.count)) + 1):\n- \(first?.element.0 ?? "")\n+ \(first?.element.1 ?? "")",
            file: file,
            line: line
        )
    }
}
