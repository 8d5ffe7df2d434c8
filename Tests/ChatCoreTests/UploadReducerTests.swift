import ChatCore
import ChatModel
import XCTest

/// `/upload PATH [text]`: the path (quoted when it has spaces) and the text, in the focused
/// pane; offline it says why not.
final class UploadReducerTests: XCTestCase, LiveReducerScript {
    private func command(_ line: String, _ s: ChatState) -> (ChatState, [ChatEffect]) {
        reduce(s, .composeInsert(line), .composeSend)
    }

    func testThePathAndTheTextGoToTheServer() {
        let s = live()
        var (next, effects) = command("/upload ~/cat.png look at this", s)
        XCTAssertEqual(effects, [.live(.upload(cid: "messaging:general", path: "~/cat.png", text: "look at this", parentID: nil))])
        XCTAssertEqual(next.notice, "Uploading ~/cat.png…")
        (next, effects) = command(#"/upload "/tmp/my notes.txt""#, s)
        XCTAssertEqual(effects, [.live(.upload(cid: "messaging:general", path: "/tmp/my notes.txt", text: nil, parentID: nil))])
        XCTAssertEqual(next.composer.string, "")
    }

    func testInTheThreadItIsAReply() {
        var s = live()
        s = reduce(s, .openThread, .threadLoaded(root: s.window!.rows[0], replies: [])).0
        XCTAssertEqual(command("/upload a.txt", s).1, [.live(.upload(cid: "messaging:general", path: "a.txt", text: nil, parentID: "old"))])
    }

    func testNoPathOrAnOpenQuoteIsRefused() {
        for line in ["/upload", "/upload   ", #"/upload "half a name"#] {
            let (next, effects) = command(line, live())
            XCTAssertEqual(effects, [], line)
            XCTAssertEqual(next.status, #"/upload PATH [text]: which file? ("quote" a path with spaces)"#, line)
        }
    }

    func testOfflineItSaysWhy() {
        var s = ChatState(userID: "alice", userName: "Alice")
        s = reduce(s, .channelsLoaded([ChannelSummary(channel: Channel(type: "messaging", id: "general", createdBy: "alice"))])).0
        s.composer.insert("/upload a.png")
        let (next, effects) = reduce(s, .composeSend)
        XCTAssertEqual(effects, [])
        XCTAssertEqual(next.status, "Uploads need a server: the file is kept by it (open the store through `chatterm serve` with --server)")
    }
}
