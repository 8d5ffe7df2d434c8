import Foundation
import FuzzTargets
import XCTest

/// The fuzz corpus, replayed through every target on each test run: the seeds (hostile input
/// of every kind) and each finding once fixed stay handled. A crash here is a regression.
final class FuzzCorpusTests: XCTestCase {
    private let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz/corpus")

    func testEveryTargetHandlesItsCorpus() throws {
        for target in FuzzTarget.allCases {
            let folder = corpus.appendingPathComponent(target.rawValue)
            let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            XCTAssertGreaterThanOrEqual(files.count, 4, "\(target.rawValue) has a seed corpus")
            for file in files { target.run(Array(try Data(contentsOf: file))) }
        }
        XCTAssertEqual(try scratchFilesLeft(), [], "the targets remove the files they write")
    }

    /// Input too big to keep in the repository: a 100 MB line, and JSON nested far deeper than
    /// any parser stack allows.
    func testOverlongAndDeeplyNestedInputIsRefusedNotFatal() {
        FuzzTarget.importFile.run(
            Array(#"{"type":"user","data":{"id":"u","name":""#.utf8) + [UInt8](repeating: 0x61, count: 100 << 20) + Array(#""}}"#.utf8)
        )
        FuzzTarget.json.run([UInt8](repeating: UInt8(ascii: "["), count: 1_000_000))
        FuzzTarget.text.run([UInt8](repeating: 0xCC, count: 64 << 10))
        // An upload whose part headers never end, and one whose part never closes.
        FuzzTarget.multipart.run(Array("--fuzz\r\n".utf8) + [UInt8](repeating: UInt8(ascii: "-"), count: 4 << 20))
        FuzzTarget.multipart.run(
            Array("--fuzz\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\n".utf8) + [UInt8](repeating: 0x0D, count: 4 << 20)
        )
        // The 100 MB line went through a scratch file; each test run used to leave it in /tmp.
        XCTAssertEqual(try scratchFilesLeft(), [])
    }

    private func scratchFilesLeft() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter { $0.hasPrefix("chatterm-fuzz-\(getpid())") }
    }
}
