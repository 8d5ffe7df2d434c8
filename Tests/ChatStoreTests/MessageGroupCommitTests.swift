import ChatImport
import ChatModel
import ChatTestSupport
import XCTest

@testable import ChatStore

/// Sends that arrive together are committed together (`MessageGroupCommit`): each is answered
/// only once its commit is done, and a taken id is refused alone, the rest of its batch written.
final class MessageGroupCommitTests: XCTestCase {
    func testConcurrentSendsAreAllCommittedAndATakenIDIsRefusedAlone() async throws {
        let directory = TemporaryDirectory()
        let path = directory.file("sends.sqlite")
        let store = try TestStore.open(path)
        let lines = [
            #"{"type":"user","data":{"id":"alice"}}"#,
            #"{"type":"channel","data":{"id":"general","type":"messaging","created_by":"alice"}}"#,
            #"{"type":"member","data":{"channel_type":"messaging","channel_id":"general","user_id":"alice"}}"#,
        ]
        let file = directory.write("sends.jsonl", lines: lines)
        let task = try store.runImport(path: file, mode: .upsert) { try ImportAnalyzer(existing: $0, sink: $1).run(path: file) }
        XCTAssertEqual(task.state, .completed, "\(task.result ?? .null)")

        // Forty sends at once, and one more reusing an id among them: exactly one of that pair is refused.
        let ids = (0..<40).map { "m\($0)" } + ["m7"]
        let outcomes = try await withThrowingTaskGroup(of: (String, Bool).self) { group in
            for (n, id) in ids.enumerated() {
                group.addTask {
                    var message = Message(
                        id: id,
                        channelType: "messaging",
                        channelID: "general",
                        userID: "alice",
                        type: .regular,
                        text: "#\(n)"
                    )
                    message.createdAt = .now()
                    return (id, try await store.insert(message: message))
                }
            }
            return try await group.reduce(into: [(String, Bool)]()) { $0.append($1) }
        }
        XCTAssertEqual(outcomes.count, 41)
        XCTAssertEqual(outcomes.filter { !$0.1 }.map(\.0), ["m7"])
        XCTAssertEqual(Set(outcomes.filter(\.1).map(\.0)), Set(ids))
        // Every acknowledged message is committed: a second store on the same database reads them all.
        let other = try TestStore.open(path)
        let count: Int = try XCTUnwrap(other.inspect("SELECT COUNT(*) AS n FROM messages").first)["n"]
        XCTAssertEqual(count, 40)
    }
}
