import ChatModel
import XCTest

/// A `cid` splits into the channel's type and id at its first colon, whatever the id holds.
final class ChannelIDSplitTests: XCTestCase {
    func testSplitsAtTheFirstColon() {
        let cases: [(String, String, String)] = [
            ("messaging:general", "messaging", "general"), ("team:a:b", "team", "a:b"), ("messaging:", "messaging", ""),
            ("livestream:日本語", "livestream", "日本語"), ("no-colon", "no-colon", ""), ("", "", ""),
        ]
        for (cid, type, id) in cases {
            let split = ChannelID.split(cid)
            XCTAssertEqual(split.type, type, cid)
            XCTAssertEqual(split.id, id, cid)
        }
    }
}
