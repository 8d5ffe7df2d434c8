import ChatImport
import ChatModel
import ChatStore
import ChatTestSupport
import Foundation
import XCTest

/// Chatkit exports converted, validated and imported into the store, and the read state the
/// store derives compared with what each user's Chatkit cursor said.
final class ChatkitMigrationTests: XCTestCase {
    let directory = TemporaryDirectory()

    private func migrate(_ export: String) throws -> (ChatStore, ImportTask, ChatkitConversionReport) {
        let file = directory.file("chatkit.jsonl")
        let report = try ChatkitConverter.convert(export: URL(fileURLWithPath: export), to: URL(fileURLWithPath: file))
        let store = try TestStore.open(directory.file("chat.sqlite"))
        let task = try store.runImport(path: file, mode: .upsert) { existing, sink in
            try ImportAnalyzer(existing: existing, sink: sink).run(path: file)
        }
        return (store, task, report)
    }

    func testPusherSampleExportImports() throws {
        let (store, task, _) = try migrate(ChatkitSamples.writeExport(ChatkitSamples.pusherSample, in: directory))
        XCTAssertEqual(task.state, .completed, "\(task.json)")
        let counts = try store.counts()
        XCTAssertEqual([counts[.user], counts[.channel], counts[.member], counts[.message]], [3, 3, 6, 3])
        XCTAssertEqual(try store.channelMessageCounts(), ["messaging:alice_x_bob": 1, "team:general": 1, "messaging:bob_x_carol": 1])
    }

    /// The sample with cursors added (it has none): Chatkit counts a member's unread messages
    /// as those after their cursor's position, and the store must show the same.
    func testUnreadCountsInTheStoreMatchEachChatkitCursor() throws {
        var files = ChatkitSamples.pusherSample
        files["messages.ndjson"] = files["messages.ndjson"]!.replacingOccurrences(
            of: "\n]",
            with: """
                ,
                  {"id": 44, "sender_id": "alice", "room_id": "general", "created_at": "2020-03-25T12:53:10Z", "parts": [{"part_type": "inline", "payload": {"type": "text/plain", "content": "Hi all"}}]},
                  {"id": 45, "sender_id": "bob", "room_id": "general", "created_at": "2020-03-25T12:53:20Z", "deleted_at": "2020-03-25T12:54:00Z", "parts": []},
                  {"id": 46, "sender_id": "carol", "room_id": "general", "created_at": "2020-03-25T12:53:30Z", "parts": [{"part_type": "inline", "payload": {"type": "text/plain", "content": "Lunch?"}}]}
                ]
                """
        )
        // (room, user, position, unread in Chatkit: later messages from others, deleted ones not shown)
        let cursors: [(String, String, Int, Int)] = [
            ("alice_x_bob", "bob", 41, 1),  // before alice's 42
            ("alice_x_bob", "alice", 42, 0),
            ("general", "alice", 43, 1),  // 44 is her own, 45 deleted, 46 carol's
            ("general", "bob", 45, 1),  // on the deleted message
            ("general", "carol", 1000, 0),  // past the newest message
        ]
        files["cursors.ndjson"] = cursors.map { #"{"room_id":"\#($0.0)","user_id":"\#($0.1)","cursor_type":0,"position":\#($0.2)}"# }
            .joined(separator: "\n")
        let (store, task, report) = try migrate(ChatkitSamples.writeExport(files, in: directory))
        XCTAssertEqual(task.state, .completed, "\(task.json)")
        XCTAssertEqual(report.countsOut.lastRead, 5)
        for (room, user, _, unread) in cursors {
            let cid = (room == "general" ? "team:" : "messaging:") + room
            let state = try XCTUnwrap(store.readStates(cid: cid).first { $0.userID == user }, "\(user) in \(room)")
            XCTAssertEqual(state.unreadMessages, unread, "\(user) in \(room)")
            XCTAssertEqual(try store.channels(for: user).first { $0.channel.cid == cid }?.unreadCount, unread, "\(user)'s channel list")
        }
    }

    /// Harbor's demo export: every cursor (before, on and past messages, on a deleted one, for
    /// users whose ids changed) gives the member the unread count Chatkit would have shown.
    /// The expectation is computed from the export files here, not by the converter.
    func testDemoExportUnreadCountsMatchChatkitCursors() throws {
        let export = packageRoot + "/demo-data/chatkit-export"
        let (store, task, report) = try migrate(export)
        XCTAssertEqual(task.state, .completed, "\(task.json)")
        func lines(_ name: String) throws -> [[String: Any]] {
            try String(contentsOfFile: export + "/" + name, encoding: .utf8).split(separator: "\n").map {
                try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
            }
        }
        let rooms =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: export + "/rooms.ndjson"))) as! [[String: Any]]
        let messages = try lines("messages.ndjson")
        let cursors = try lines("cursors.ndjson")
        let changed = Dictionary(uniqueKeysWithValues: report.changedIds.map { ("\($0.kind) \($0.chatkitId)", $0.streamId) })
        XCTAssertFalse(report.changes.contains { $0.field == "last_read" }, "no cursor falls within a second of the next message")
        XCTAssertEqual(report.countsOut.lastRead, cursors.count)
        var checked = 0
        for cursor in cursors {
            let room = cursor["room_id"] as! String
            let user = cursor["user_id"] as! String
            let position = cursor["position"] as! Int
            let roomRecord = rooms.first { $0["id"] as? String == room }!
            let cid = ((roomRecord["private"] as! Bool) ? "messaging:" : "team:") + (changed["channel \(room)"] ?? room)
            let unread = messages.filter {
                $0["room_id"] as? String == room && ($0["id"] as! Int) > position && $0["sender_id"] as? String != user
                    && $0["deleted_at"] == nil
            }.count
            let state = try XCTUnwrap(
                store.readStates(cid: cid).first { $0.userID == (changed["user \(user)"] ?? user) },
                "\(user) in \(room)"
            )
            XCTAssertEqual(state.unreadMessages, unread, "\(user) in \(room) at \(position)")
            checked += 1
        }
        XCTAssertEqual(checked, 45)
        XCTAssertEqual(
            try store.channels(for: "maya").filter { $0.unreadCount > 0 }.map(\.channel.cid).sorted(),
            ["messaging:maya_x_tomas", "team:harbor-support", "team:riverside-fc"]
        )
    }
}
