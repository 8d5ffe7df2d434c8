import ChatTestSupport
import Foundation
import XCTest

/// XCTest keeps each test case object, and so a `TemporaryDirectory` it holds, until the process
/// exits: the directory must still go then. A child run of this same test bundle shows it.
final class TemporaryDirectoryTests: XCTestCase {
    private static let probeVariable = "CHATTERM_TEMPORARY_DIRECTORY_PROBE"
    private let held = TemporaryDirectory()

    func testADirectoryATestHoldsIsRemovedWhenTheTestProcessExits() throws {
        if let probe = ProcessInfo.processInfo.environment[Self.probeVariable] {
            // The child's part: put a file in the held directory and say where it is.
            held.write("kept", text: "x")
            try held.path.write(toFile: probe, atomically: true, encoding: .utf8)
            return
        }
        #if !os(Linux)
        throw XCTSkip("runs the test bundle as a child process, the way Linux's XCTest runs")
        #else
        let probe = held.file("probe")
        let child = Process()
        child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        child.arguments = ["ChattermTests.TemporaryDirectoryTests/testADirectoryATestHoldsIsRemovedWhenTheTestProcessExits"]
        child.environment = ProcessInfo.processInfo.environment.merging([Self.probeVariable: probe]) { $1 }
        child.standardOutput = FileHandle.nullDevice
        child.standardError = FileHandle.nullDevice
        try child.run()
        child.waitUntilExit()
        XCTAssertEqual(child.terminationStatus, 0)
        let childDirectory = try String(contentsOfFile: probe, encoding: .utf8)
        XCTAssertTrue(childDirectory.contains("chatterm-test-"), childDirectory)
        XCTAssertFalse(FileManager.default.fileExists(atPath: childDirectory), "\(childDirectory) outlived its test process")
        #endif
    }
}
