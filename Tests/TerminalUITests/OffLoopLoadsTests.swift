import ChatCore
import ChatImport
import ChatModel
import ChatStore
import ChatTestSupport
import TerminalUI
import XCTest

/// The client's loads run on `TerminalApp`'s effect worker, not on its input loop. Driven
/// through the app's own steps (`dispatch` for a key, `takeArrivals` and `settle` for what the
/// worker answers, a rendered frame), without ncurses: a backend that takes 2 s per call (a real
/// SQLite store behind a delay) shows keys handled and frames drawn while it is asked, and its
/// answers landing in the channel they are for, or dropped when the reader moved on.
final class OffLoopLoadsTests: XCTestCase {
    let directory = TemporaryDirectory()
    private let context = ChatFixture.context()

    /// alice in #general, #random and #design, each with its own messages.
    private func backend() throws -> SlowStoreBackend {
        let channels = ["general", "random", "design"]
        var lines = [
            #"{"type":"user","data":{"id":"alice","name":"Alice"}}"#,
            #"{"type":"user","data":{"id":"bob","name":"Bob"}}"#,
        ]
        lines += channels.map { #"{"type":"channel","data":{"id":"\#($0)","type":"messaging","created_by":"alice","name":"\#($0)"}}"# }
        for channel in channels {
            for user in ["alice", "bob"] {
                lines.append(#"{"type":"member","data":{"channel_type":"messaging","channel_id":"\#(channel)","user_id":"\#(user)"}}"#)
            }
        }
        for (n, channel) in channels.enumerated() {
            for i in 1...3 {
                lines.append(
                    #"{"type":"message","data":{"id":"\#(channel)-\#(i)","channel_type":"messaging","channel_id":"\#(channel)","user":"bob","text":"said in \#(channel) \#(i)","created_at":"2020-01-0\#(n + 1)T10:0\#(i):00Z"}}"#
                )
            }
        }
        let store = try ChatStore(path: directory.file("slow.sqlite"))
        let path = directory.write("slow.jsonl", lines: lines)
        let task = try store.runImport(path: path, mode: .upsert) { try ImportAnalyzer(existing: $0, sink: $1).run(path: path) }
        XCTAssertEqual(task.state, .completed, "\(task.result ?? .null)")
        return SlowStoreBackend(store: store, delay: 2)
    }

    /// The app started on `backend` (quickly), showing its first channel; then the line goes slow.
    private func started(on backend: SlowStoreBackend) -> TerminalApp {
        let app = TerminalApp(backend: backend, state: ChatState(userID: "alice", userName: "Alice"), context: context)
        app.start()
        app.settle()
        XCTAssertNotNil(app.currentState.window)
        backend.slow = true
        return app
    }

    private func screen(_ app: TerminalApp) -> String {
        let frame = ChatView.render(app.currentState, width: 100, height: 24, context: context)
        return (0..<frame.height).map { frame.text(row: $0) }.joined(separator: "\n")
    }

    func testKeysAndFramesGoOnWhileAChannelLoadsAndItsPageLandsThere() throws {
        let backend = try backend()
        let app = started(on: backend)
        let cid = "messaging:random"
        app.dispatch(.openChannel(cid: cid))
        XCTAssertFalse(backend.pagesAnswered.contains(cid), "opening waited for the backend")
        // Keys meanwhile, each drawn: the help opened and closed, the switcher typed in.
        app.dispatch(.toggleHelp)
        XCTAssertTrue(screen(app).contains("Keys"), "the help is drawn:\n\(screen(app))")
        app.dispatch(.dismiss)
        app.dispatch(.switcherOpen)
        for character in "desi" { app.dispatch(.switcherType(String(character))) }
        var shown = screen(app)
        XCTAssertTrue(shown.contains("> desi"), shown)
        XCTAssertTrue(shown.contains("Loading…"), shown)
        XCTAssertFalse(shown.contains("said in random"), "nothing of #random yet:\n\(shown)")
        app.dispatch(.dismiss)
        XCTAssertEqual(app.currentState.openCID, cid)
        XCTAssertFalse(backend.pagesAnswered.contains(cid), "the keys waited for the backend")

        app.settle()
        XCTAssertEqual(backend.pagesAnswered.last, cid)
        shown = screen(app)
        XCTAssertTrue(shown.contains("said in random 3"), shown)
        XCTAssertFalse(shown.contains("Loading…"), shown)
    }

    func testAPageForAChannelLeftMeanwhileIsDropped() throws {
        let backend = try backend()
        let app = started(on: backend)
        app.dispatch(.openChannel(cid: "messaging:random"))
        app.dispatch(.openChannel(cid: "messaging:design"))
        app.settle()
        let state = app.currentState
        XCTAssertEqual(state.openCID, "messaging:design")
        XCTAssertEqual(state.window?.cid, "messaging:design")
        XCTAssertEqual(state.window?.rows.map(\.id), ["design-1", "design-2", "design-3"])
        let shown = screen(app)
        XCTAssertFalse(shown.contains("said in random"), shown)
        XCTAssertTrue(shown.contains("said in design 3"), shown)
    }

    func testAThreadClosedBeforeItsAnswerStaysClosed() throws {
        let backend = try backend()
        let app = started(on: backend)
        app.dispatch(.startSelecting)
        app.dispatch(.openThread)
        app.dispatch(.dismiss)
        app.dispatch(.dismiss)
        app.settle()
        XCTAssertNil(app.currentState.thread)
        // Asked for and left open, it comes.
        app.dispatch(.startSelecting)
        app.dispatch(.openThread)
        app.settle()
        XCTAssertNotNil(app.currentState.thread)
    }

    func testAFailedLoadComesBackAsTheFailure() throws {
        let backend = try backend()
        let app = started(on: backend)
        backend.unreachable = true
        app.dispatch(.openChannel(cid: "messaging:random"))
        app.settle()
        XCTAssertEqual(app.currentState.status, "the server did not answer")
        XCTAssertTrue(screen(app).contains("the server did not answer"))
    }

    func testFinishingDoesNotWaitForACallInFlightAndDropsItsAnswer() throws {
        let backend = try backend()
        let app = started(on: backend)
        app.dispatch(.openChannel(cid: "messaging:random"))
        app.finish()
        XCTAssertFalse(backend.pagesAnswered.contains("messaging:random"), "finish waited for the call")
        XCTAssertTrue(backend.waitUntilIdle())
        XCTAssertFalse(app.takeArrivals(), "an answer came after the client finished")
        XCTAssertNil(app.currentState.window)
    }
}
