import ChatModel
import Foundation
import XCTest

final class PosixSpawnTests: XCTestCase {
    private var output: String!

    override func setUp() {
        super.setUp()
        output = NSTemporaryDirectory() + "posix-spawn-\(UUID().uuidString).out"
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: output)
        super.tearDown()
    }

    /// Runs `script` under /bin/sh with stdout into `output` and returns what it printed and its exit status.
    private func sh(_ script: String, _ arguments: [String] = [], environment: [String]? = nil) throws -> (String, Int32) {
        let pid = try PosixSpawn.start(
            ["/bin/sh", "-c", script, "sh"] + arguments,
            environment: environment,
            fileActions: [.null(0), .writeFile(1, path: output), .null(2)]
        )
        let status = PosixSpawn.wait(pid)
        return ((try? String(contentsOfFile: output, encoding: .utf8)) ?? "", (status >> 8) & 0xFF)
    }

    func testArgumentsAndAGivenEnvironmentReachTheChild() throws {
        let (printed, status) = try sh(#"printf '%s|%s|%s' "$1" "$2" "$GIVEN"; exit 3"#, ["one word", "two"], environment: ["GIVEN=yes"])
        XCTAssertEqual(printed, "one word|two|yes")
        XCTAssertEqual(status, 3)
    }

    /// Without an environment the child gets this process's (xdg-open needs DISPLAY and PATH).
    func testNoEnvironmentPassesOursOn() throws {
        setenv("CHATTERM_SPAWN_TEST", "inherited", 1)
        defer { unsetenv("CHATTERM_SPAWN_TEST") }
        XCTAssertEqual(try sh(#"printf %s "$CHATTERM_SPAWN_TEST""#).0, "inherited")
        XCTAssertEqual(try sh(#"printf %s "${CHATTERM_SPAWN_TEST-unset}""#, environment: []).0, "unset")
    }

    func testAProgramNameIsLookedUpInPathOnlyWhenAsked() throws {
        let pid = try PosixSpawn.start(["sh", "-c", "exit 0"], searchPath: true, fileActions: [.null(1)])
        XCTAssertEqual(PosixSpawn.wait(pid), 0)
        XCTAssertThrowsError(try PosixSpawn.start(["chatterm-no-such-program"])) { error in
            XCTAssertEqual((error as? PosixSpawn.Failure)?.code, ENOENT)
            XCTAssertTrue("\(error)".hasPrefix("cannot start chatterm-no-such-program: "), "\(error)")
        }
    }

    /// The file a child writes to is emptied first, so a reused path holds only this run's output.
    func testAnOutputFileIsEmptiedFirst() throws {
        try "left over from before".write(toFile: output, atomically: true, encoding: .utf8)
        XCTAssertEqual(try sh("printf new").0, "new")
    }
}
