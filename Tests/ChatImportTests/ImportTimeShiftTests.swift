import ChatImport
import ChatModel
import ChatTestSupport
import Foundation
import XCTest

final class ImportTimeShiftTests: XCTestCase {
    let directory = TemporaryDirectory()

    func testTheDemoMovedToEndNowIsStillValidWithTheSameItems() throws {
        let original = packageRoot + "/demo-data/demo.jsonl"
        let text = try String(contentsOfFile: original, encoding: .utf8)
        let now = Timestamp(rfc3339: "2026-12-06T10:00:00Z")!
        let target = Timestamp(rfc3339: "2026-12-06T09:58:00Z")!
        let shifted = ImportTimeShift.shifted([text], newestAt: target, now: now)[0]

        // The newest message of 2020-06-30 is now two minutes before "now"; the pins that run
        // to 2030 stay in the future by the same distance.
        XCTAssertNil(shifted.range(of: #""20(17|18|19|20)-\d\d-\d\dT"#, options: .regularExpression), "a timestamp was left behind")
        XCTAssertTrue(shifted.contains("\"2026-12-06T09:58:00"), "no timestamp at the target")
        XCTAssertFalse(shifted.contains("\"2026-12-06T09:59"), "a timestamp after the target")

        let moved = directory.file("moved.jsonl")
        try shifted.write(toFile: moved, atomically: true, encoding: .utf8)
        let before = try ImportAnalyzer().run(path: original)
        let after = try ImportAnalyzer().run(path: moved)
        XCTAssertEqual(after.errorCount, 0, "\(after.errors.prefix(3).map(\.error))")
        XCTAssertEqual(after.total, before.total)
    }

    func testFilesShiftedTogetherKeepOneOffsetAndFractions() throws {
        let now = Timestamp(rfc3339: "2026-01-01T00:00:00Z")!
        let texts = [
            #"{"created_at":"2020-01-01T00:00:00.25Z","later":"2020-01-02T00:00:00Z"}"#,
            #"{"at":"2020-01-03T00:00:00+02:00","pin_expires":"2030-01-01T00:00:00Z","note":"2020-01-01 is not a time"}"#,
        ]
        let shifted = ImportTimeShift.shifted(texts, newestAt: Timestamp(rfc3339: "2025-12-31T22:00:00Z")!, now: now)
        // The newest past time is 2020-01-02T22:00:00Z (the +02:00 one): it lands on the target,
        // and everything moves by the same whole seconds, fractions kept.
        XCTAssertEqual(shifted[0], #"{"created_at":"2025-12-30T00:00:00.25Z","later":"2025-12-31T00:00:00Z"}"#)
        XCTAssertEqual(shifted[1], #"{"at":"2025-12-31T22:00:00Z","pin_expires":"2035-12-31T00:00:00Z","note":"2020-01-01 is not a time"}"#)
    }

    func testTextWithoutTimesIsUnchanged() {
        XCTAssertEqual(ImportTimeShift.shifted(["{}", "x"], newestAt: .now()), ["{}", "x"])
    }
}
