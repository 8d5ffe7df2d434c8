import ChatModel
import XCTest

@testable import ChatClient

/// A channel state from `query_channels` as the sidebar names it.
final class StreamItemsSummaryTests: XCTestCase {
    private func summary(members: [String]) throws -> ChannelSummary {
        let users = members.map { #"{"user":{"id":"\#($0)","name":"\#($0.capitalized) Archer"}}"# }.joined(separator: ",")
        let json = #"{"channel":{"type":"messaging","id":"!members-abc","cid":"messaging:!members-abc"},"members":[\#(users)]}"#
        let state = try XCTUnwrap(JSONParser.parse(json).objectValue)
        return try XCTUnwrap(StreamItems.summary(state, viewer: "alice", unread: [:]))
    }

    func testADistinctChannelIsNamedAfterTheOtherMembers() throws {
        XCTAssertEqual(try summary(members: ["alice", "bob"]).title, "Bob Archer")
    }

    /// Notes to self (a migrated Slack or Mattermost self-DM) have no other member: the
    /// channel is named after its one member, not shown as its `!members-…` id.
    func testAConversationWithOneselfIsNamedAfterItsOneMember() throws {
        XCTAssertEqual(try summary(members: ["alice"]).title, "Alice Archer")
    }
}
