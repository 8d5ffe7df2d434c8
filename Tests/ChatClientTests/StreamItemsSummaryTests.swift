import ChatModel
import XCTest

@testable import ChatClient

/// A channel state from `query_channels` as the sidebar names it.
final class StreamItemsSummaryTests: XCTestCase {
    private func summary(members: [String], deactivated: String = "") throws -> ChannelSummary {
        let users = members.map { id -> String in
            let gone = id == deactivated ? #","deactivated_at":"2020-01-01T00:00:00Z""# : ""
            return #"{"user":{"id":"\#(id)","name":"\#(id.capitalized) Archer"\#(gone)}}"#
        }.joined(separator: ",")
        let json = #"{"channel":{"type":"messaging","id":"!members-abc","cid":"messaging:!members-abc"},"members":[\#(users)]}"#
        let state = try XCTUnwrap(JSONParser.parse(json).objectValue)
        return try XCTUnwrap(StreamItems.summary(state, viewer: "alice", unread: [:]))
    }

    func testADistinctChannelIsNamedAfterTheOtherMembers() throws {
        XCTAssertEqual(try summary(members: ["alice", "bob"]).title, "Bob Archer")
        XCTAssertEqual(try summary(members: ["alice", "bob"], deactivated: "bob").title, "Bob Archer (deactivated)")
        XCTAssertEqual(
            try summary(members: ["alice", "bob", "carol"], deactivated: "bob").title,
            "Bob Archer, Carol Archer",
            "a group still reads"
        )
    }

    /// Notes to self (a migrated Slack or Mattermost self-DM) have no other member: the
    /// channel is named after its one member, not shown as its `!members-…` id.
    func testAConversationWithOneselfIsNamedAfterItsOneMember() throws {
        XCTAssertEqual(try summary(members: ["alice"]).title, "Alice Archer")
    }
}
