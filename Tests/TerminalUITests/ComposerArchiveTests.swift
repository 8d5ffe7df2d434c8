import ChatCore
import ChatModel
import Foundation
import TerminalUI
import XCTest

/// Drafts and sent history across a restart: the client's state is saved as it ends and a new
/// client, from a fresh state, gets them back channel by channel.
final class ComposerArchiveTests: XCTestCase {
    private var directory: String!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("archive-\(UUID().uuidString)").path
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func archive() -> ComposerArchive {
        ComposerArchive(user: "maya", place: "http://127.0.0.1:3030", environment: ["XDG_STATE_HOME": directory, "HOME": "/nonexistent"])
    }

    /// A client as it starts: the archive read (`restoring`) before anything arrives, then
    /// connected and the channel list in (which opens the first channel).
    private func freshClient(restoring: Bool = false) -> ChatState {
        var state = ChatState(userID: ChatFixture.viewer, userName: "Maya Okafor")
        if restoring { archive().restore(into: &state) }
        state.connection = .connected
        state = ChatReducer.reduce(state, .channelsLoaded(ChatFixture.channels)).0
        return state
    }

    private func open(_ cid: String, _ state: ChatState) -> ChatState {
        ChatReducer.reduce(state, .openChannel(cid: cid)).0
    }

    private func type(_ text: String, _ state: ChatState) -> ChatState {
        ChatReducer.reduce(state, .composeInsert(text)).0
    }

    func testADraftAndTheSentHistoryComeBackAfterARestart() throws {
        var before = open("team:engineering", freshClient())
        before = type("sent earlier", before)
        before.composer.sent()
        before = type("half a thought", before)
        before = open("team:design", before)
        before = type("design draft", before)
        try archive().save(before)
        XCTAssertTrue(archive().path.hasPrefix(directory + "/chatterm/"), archive().path)

        var after = freshClient(restoring: true)
        XCTAssertNil(after.notice)
        after = open("team:engineering", after)
        XCTAssertEqual(after.composer.string, "half a thought")
        XCTAssertEqual(after.composer.history, ["sent earlier"])
        after = ChatReducer.reduce(after, .composeEdit(.killToStart)).0
        after = ChatReducer.reduce(after, .composeEdit(.historyBack)).0
        XCTAssertEqual(after.composer.string, "sent earlier", "Ctrl-P recalls what was sent before the restart")
        after = open("team:design", after)
        XCTAssertEqual(after.composer.string, "design draft", "the channel open at exit kept its line too")
    }

    /// Another user, or the same user on another server, has a file of their own.
    func testTheFileIsPerUserAndServer() {
        let other = ComposerArchive(user: "tomas", place: "http://127.0.0.1:3030", environment: ["XDG_STATE_HOME": directory])
        let elsewhere = ComposerArchive(user: "maya", place: "https://chat.example", environment: ["XDG_STATE_HOME": directory])
        XCTAssertEqual(Set([archive().path, other.path, elsewhere.path]).count, 3)
        let odd = ComposerArchive(user: "../../etc/passwd", place: "x", environment: ["XDG_STATE_HOME": directory])
        let folder = URL(fileURLWithPath: odd.path).deletingLastPathComponent().deletingLastPathComponent().path
        XCTAssertEqual(folder, directory + "/chatterm", "no path out of its folder: \(odd.path)")
    }

    /// An edit in progress is the old message's text, not a draft: the history is kept, and
    /// the line that was being written when the edit began.
    func testAnEditIsNotKeptAsADraft() throws {
        var state = open("team:engineering", freshClient())
        state.composer = Composer("the old text", history: ["sent"])
        state.draft = .editing(messageID: "m7")
        try archive().save(state)
        var after = open("team:engineering", freshClient(restoring: true))
        XCTAssertEqual(after.composer.string, "")
        XCTAssertEqual(after.composer.history, ["sent"])
        state.draftBeforeEdit = "half written"
        try archive().save(state)
        after = open("team:engineering", freshClient(restoring: true))
        XCTAssertEqual(after.composer.string, "half written")
    }

    func testADamagedFileIsSetAsideWithANotice() throws {
        let path = archive().path
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data("{\"version\": 1, \"channels\": {\"team:x\": 5".utf8).write(to: URL(fileURLWithPath: path))
        var state = freshClient(restoring: true)
        XCTAssertTrue(state.drafts.isEmpty)
        XCTAssertEqual(state.notice?.hasPrefix("Drafts and history not restored"), true, state.notice ?? "")
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: path + ".damaged"), "kept for the user to look at")
        // The next save writes a good file again.
        state = type("new", open("team:design", state))
        try archive().save(state)
        XCTAssertEqual(archive().load().drafts["team:design"]?.string, "new")
        XCTAssertNil(archive().load().notice)
    }

    /// Past the text budget the oldest sent lines go, and never a draft.
    func testTheFileIsBounded() throws {
        var state = freshClient()
        let line = String(repeating: "x", count: 20_000)
        for (i, cid) in ["team:engineering", "team:design"].enumerated() {
            state = open(cid, state)
            state.composer = Composer("draft \(i)", history: (0..<Composer.historyLimit).map { "\(i)-\($0) " + line })
        }
        try archive().save(state)
        let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: archive().path)[.size] as? Int)
        XCTAssertLessThan(size, 1 << 20 + 64 * 1024)
        let kept = archive().load().drafts
        XCTAssertEqual(kept["team:engineering"]?.string, "draft 0")
        XCTAssertEqual(kept["team:design"]?.string, "draft 1")
        XCTAssertEqual(kept["team:design"]?.history.last?.hasPrefix("1-99 "), true, "the newest sent lines stay")
        XCTAssertEqual(kept["team:engineering"]?.history.first?.hasPrefix("0-0 "), false, "the oldest went")
    }
}
