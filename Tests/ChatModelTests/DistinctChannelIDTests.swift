import ChatModel
import Foundation
import XCTest

final class DistinctChannelIDTests: XCTestCase {
    func testSHA512_256MatchesFIPSVectors() {
        func hex(_ s: String) -> String { SHA512_256.hash(Array(s.utf8)).map { String(format: "%02x", $0) }.joined() }
        XCTAssertEqual(hex("abc"), "53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23")
        XCTAssertEqual(hex(""), "c672b8d1ef56ed28ab87c3622c5114069bdd3ad7b8f9737498d0c01ecef0967a")
        // 112 bytes: the padding spills into a second block.
        XCTAssertEqual(hex(String(repeating: "a", count: 112)), "9216b5303edb66504570bee90e48ea5beaa5e9fe9f760bbd3e0460559fc005f6")
        XCTAssertEqual(hex(String(repeating: "a", count: 1000)), "40eb4a70d4d69815407a9e272f0101cd67e3d11262a4a0bfc087712749c7fb53")
    }

    /// The example in stream-cli's validator, which mirrors Stream's server.
    func testDistinctIDMatchesStreamForSortedMembers() {
        XCTAssertEqual(DistinctChannelID.make(memberIDs: ["u1", "u2"]), "!members-uV0W53lINRALKuRJWgwtHDwrKdiwny4F95PBIp7ltTA")
        XCTAssertEqual(DistinctChannelID.make(memberIDs: ["u2", "u1"]), DistinctChannelID.make(memberIDs: ["u1", "u2"]))
        XCTAssertNotEqual(DistinctChannelID.make(memberIDs: ["u1", "u3"]), DistinctChannelID.make(memberIDs: ["u1", "u2"]))
    }
}
