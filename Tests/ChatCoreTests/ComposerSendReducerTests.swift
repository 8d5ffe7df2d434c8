import ChatCore
import ChatModel
import XCTest

/// What Enter sends from the composer.
final class ComposerSendReducerTests: XCTestCase, LiveReducerScript {
    /// B15: `//text` sent both slashes; the first only escapes, as in IRC and wee-slack.
    func testADoubleSlashSendsOneSlash() {
        var (s, effects) = reduce(live(), .composeInsert("//shrug is not a command"), .composeSend)
        XCTAssertEqual(effects.last, .live(.send(cid: "messaging:general", text: "/shrug is not a command", parentID: nil, mentions: [])))
        XCTAssertNil(s.status, "not an unknown command")
        (s, effects) = reduce(s, .composeInsert("/// three"), .composeSend)
        XCTAssertEqual(effects.last, .live(.send(cid: "messaging:general", text: "// three", parentID: nil, mentions: [])))
        // An edit saved the same way.
        s.draft = .editing(messageID: "old")
        (s, effects) = reduce(s, .composeInsert("//usr/bin is the path"), .composeSend)
        XCTAssertEqual(effects.last, .live(.update(messageID: "old", text: "/usr/bin is the path")))
    }
}
