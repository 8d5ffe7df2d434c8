import ChatImport
import ChatModel
import XCTest

/// Chatkit read cursors → each member's `last_read` (reference §8.3, §9.2).
final class ChatkitCursorTests: ChatkitTestCase {
    /// Messages 10, 20 (deleted), 30 in `general`, a minute apart.
    private var history: [String] {
        [
            textMessage(10, at: "2020-03-25T12:00:00Z"),
            #"{"id":20,"user_id":"alice","room_id":"general","created_at":"2020-03-25T12:01:00Z","deleted_at":"2020-03-25T12:05:00Z","parts":[]}"#,
            textMessage(30, at: "2020-03-25T12:02:00Z"),
        ]
    }

    private func lastRead(position: Int, messages: [String]? = nil, updatedAt: String? = nil) throws -> (JSONValue?, Converted) {
        let updated = updatedAt.map { #","updated_at":"\#($0)""# } ?? ""
        let out = try convert(
            export(
                messages: messages ?? history,
                extra: ["cursors": [#"{"room_id":"general","user_id":"bob","cursor_type":0,"position":\#(position)\#(updated)}"#]]
            )
        )
        return (out.member("general", "bob")?["last_read"], out)
    }

    func testACursorReadsUpToTheNewestMessageAtOrBeforeItsPosition() throws {
        XCTAssertEqual(try lastRead(position: 10).0, "2020-03-25T12:00:00Z")
        XCTAssertEqual(try lastRead(position: 29).0, "2020-03-25T12:01:00Z", "between ids: the newest message at or before the position")
    }

    func testACursorOnADeletedMessageUsesThatMessagesTime() throws {
        let (value, out) = try lastRead(position: 20)
        XCTAssertEqual(value, "2020-03-25T12:01:00Z")
        XCTAssertEqual(out.report.countsOut.lastRead, 1)
    }

    func testACursorPastTheNewestMessageReadsTheWholeRoom() throws {
        XCTAssertEqual(try lastRead(position: 99_999).0, "2020-03-25T12:02:00Z")
    }

    func testACursorBeforeTheFirstMessageLeavesTheRoomUnread() throws {
        XCTAssertEqual(try lastRead(position: 3).0, "2020-03-25T11:59:59Z", "a second before the first message: all of it is unread")
    }

    func testACursorInAnEmptyRoomUsesItsOwnTime() throws {
        XCTAssertEqual(try lastRead(position: 5, messages: [], updatedAt: "2020-04-01T00:00:00Z").0, "2020-04-01T00:00:00Z")
        let (value, out) = try lastRead(position: 5, messages: [])
        XCTAssertNil(value)
        XCTAssertEqual(out.report.tally("cursors")?.count("empty room and no updated_at"), 1)
    }

    func testNoCursorMeansNoLastRead() throws {
        let out = try convert(export(messages: history))
        XCTAssertNil(out.member("general", "bob")?["last_read"], "Stream then counts everything as read (its documented default)")
        XCTAssertEqual(out.report.countsOut.lastRead, 0)
    }

    func testCursorsThatCannotApplyAreCountedWithTheirReason() throws {
        let out = try convert(
            export(
                users: [#"{"id":"alice"}"#, #"{"id":"bob"}"#, #"{"id":"eve"}"#],
                messages: history,
                extra: [
                    "cursors": [
                        #"{"room_id":"general","user_id":"bob","cursor_type":1,"position":10}"#,
                        #"{"room_id":"general","user_id":"eve","cursor_type":0,"position":10}"#,
                        #"{"room_id":"nowhere","user_id":"bob","cursor_type":0,"position":10}"#,
                        #"{"room_id":"general","user_id":"alice","cursor_type":0,"position":10,"updated_at":"2020-03-25T12:00:00Z"}"#,
                        #"{"room_id":"general","user_id":"alice","cursor_type":0,"position":30,"updated_at":"2020-03-25T13:00:00Z"}"#,
                    ]
                ]
            )
        )
        let tally = try XCTUnwrap(out.report.tally("cursors"))
        XCTAssertEqual(tally.source, 5)
        XCTAssertEqual(tally.converted, 1)
        XCTAssertEqual(tally.count("not a read cursor (cursor_type ≠ 0)"), 1)
        XCTAssertEqual(tally.count("user is not a member of the room"), 1)
        XCTAssertEqual(tally.count("room not in the export"), 1)
        XCTAssertEqual(tally.count("repeats the cursor of the same user and room"), 1)
        XCTAssertEqual(out.member("general", "alice")?["last_read"], "2020-03-25T12:02:00Z", "of two cursors, the later one")
        XCTAssertNil(out.member("general", "bob")?["last_read"])
    }

    func testACursorWhoseNextMessageSharesItsSecondIsReported() throws {
        let out = try convert(
            export(
                messages: [textMessage(1, at: "2020-03-25T12:00:00Z"), textMessage(2, at: "2020-03-25T12:00:00Z")],
                extra: ["cursors": [#"{"room_id":"general","user_id":"bob","position":1}"#]]
            )
        )
        XCTAssertEqual(out.member("general", "bob")?["last_read"], "2020-03-25T12:00:00Z")
        XCTAssertEqual(out.changes("general/bob").first?.field, "last_read")
    }
}
