import ChatImport
import ChatModel
import ChatStore
import ChatTestSupport
import XCTest

/// What `/join` lists offline: the team and livestream channels a user is not in, with their
/// member counts; never a messaging (or other) channel, never one they are in.
final class JoinableChannelsTests: XCTestCase {
    let directory = TemporaryDirectory()

    func testTheJoinableChannelsAreTheTeamAndLivestreamOnesNotJoined() throws {
        let channel = { (type: String, id: String, name: String) in
            #"{"type":"channel","data":{"id":"\#(id)","type":"\#(type)","created_by":"bob","name":"\#(name)"}}"#
        }
        let member = { (type: String, id: String, user: String) in
            #"{"type":"member","data":{"channel_type":"\#(type)","channel_id":"\#(id)","user_id":"\#(user)"}}"#
        }
        let lines = [
            #"{"type":"user","data":{"id":"alice"}}"#, #"{"type":"user","data":{"id":"bob"}}"#, #"{"type":"user","data":{"id":"cy"}}"#,
            channel("team", "eng", "Engineering"), channel("team", "books", "Book Club"), channel("livestream", "launch", "Launch"),
            channel("messaging", "secret", "Secret"), channel("gaming", "raid", "Raid"),
            member("team", "eng", "alice"), member("team", "eng", "bob"), member("team", "books", "bob"), member("team", "books", "cy"),
            member("messaging", "secret", "bob"), member("gaming", "raid", "bob"),
        ]
        let store = try TestStore.open(directory.file("join.sqlite"))
        let path = directory.write("join.jsonl", lines: lines)
        let task = try store.runImport(path: path, mode: .upsert) { try ImportAnalyzer(existing: $0, sink: $1).run(path: path) }
        XCTAssertEqual(task.state, .completed, "\(task.result ?? .null)")

        let joinable = try store.joinableChannels(for: "alice")
        XCTAssertEqual(Set(joinable.map(\.channel.cid)), ["team:books", "livestream:launch"])
        XCTAssertEqual(joinable.first { $0.channel.id == "books" }?.memberCount, 2)
        XCTAssertEqual(joinable.first { $0.channel.id == "launch" }?.memberCount, 0)
        XCTAssertEqual(joinable.first { $0.channel.id == "books" }?.title, "Book Club")
        XCTAssertEqual(Set(try store.joinableChannels(for: "bob").map(\.channel.cid)), ["livestream:launch"])
    }
}
