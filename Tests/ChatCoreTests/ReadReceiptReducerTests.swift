import ChatCore
import ChatModel
import XCTest

/// Who has seen the reader's messages (`ReadReceipts`), from the read states a channel loads
/// with and the `message.read` events after.
final class ReadReceiptReducerTests: XCTestCase, LiveReducerScript {
    /// alice's two messages after bob's "old" (at 10) in #general, where bob, bea and carol read nothing yet.
    private func withMine() -> ChatState {
        reduce(live(), .messageUpserted(message("a1", from: "alice", at: 20)), .messageUpserted(message("a2", from: "alice", at: 30))).0
    }

    private func receipt(_ s: ChatState) -> ReadReceipt? {
        ReadReceipts.latest(in: s.window?.rows ?? [], members: s.members, viewer: s.userID)
    }

    private func read(_ user: String, at seconds: Int64, upTo messageID: String? = nil, cid: String = "messaging:general") -> ChatEvent {
        .memberRead(cid: cid, userID: user, at: Timestamp(seconds: seconds), messageID: messageID)
    }

    func testAMemberReadingTheChannelMarksTheReadersNewestMessageTheyHaveSeen() {
        var s = withMine()
        XCTAssertNil(receipt(s), "nobody has read alice's messages")
        s = reduce(s, read("bob", at: 25)).0
        XCTAssertEqual(receipt(s), ReadReceipt(messageID: "a1", readers: ["bob"], others: 3), "bob read up to a1, not a2")
        s = reduce(s, read("bea", at: 35)).0
        XCTAssertEqual(receipt(s), ReadReceipt(messageID: "a2", readers: ["bea"], others: 3), "the mark moves to the newest read")
        s = reduce(s, read("bob", at: 40), read("carol", at: 41)).0
        XCTAssertEqual(receipt(s)?.readers, ["bea", "bob", "carol"])
    }

    func testAReadPositionNeverGoesBackAndOtherChannelsReadsAreNotThisOnes() {
        var s = reduce(withMine(), read("bob", at: 35)).0
        s = reduce(s, read("bob", at: 15), read("bea", at: 35, cid: "messaging:random"), read("nobody", at: 35)).0
        XCTAssertEqual(receipt(s), ReadReceipt(messageID: "a2", readers: ["bob"], others: 3))
        let shown = ReadReceipts.readers(of: s.window!.rows.last!, rows: s.window!.rows, members: s.members, viewer: "alice")
        XCTAssertEqual(shown?.seen, ["bob"])
        XCTAssertEqual(shown?.notSeen, ["bea", "carol"])
    }

    /// A read that names its last message read stops there, though it happened later.
    func testAReadUpToANamedMessageStopsAtIt() {
        var s = reduce(withMine(), read("bob", at: 99, upTo: "a1")).0
        XCTAssertEqual(receipt(s)?.messageID, "a1")
        s = reduce(s, read("bea", at: 99, upTo: "not-loaded")).0
        XCTAssertEqual(receipt(s)?.readers, ["bob"], "a message the window lacks moves nothing")
    }

    /// stream-chat-js counts a new message's author as having read the channel: whoever answers
    /// has seen what they answer.
    func testWhoeverWritesAfterAMessageHasSeenIt() {
        var s = reduce(withMine(), .messageUpserted(message("b1", from: "carol", at: 31))).0
        XCTAssertNil(receipt(s), "carol's answer below says she saw it: a mark naming only her would repeat it")
        let details = ReadReceipts.readers(
            of: s.window!.rows[s.window!.rows.count - 2],
            rows: s.window!.rows,
            members: s.members,
            viewer: "alice"
        )
        XCTAssertEqual(details?.seen, ["carol"], "the details still count her")
        s = reduce(s, read("bob", at: 35)).0
        XCTAssertEqual(
            receipt(s),
            ReadReceipt(messageID: "a2", readers: ["bob", "carol"], others: 3),
            "bob's read is news; carol still counts"
        )
    }

    /// Browsing a store: the read states come with the members (the store's rows), no event needed.
    func testReadStatesLoadedWithTheMembersMarkTheMessages() {
        var s = ChatState(userID: "alice", userName: "Alice")
        s = reduce(s, .channelsLoaded([ChannelSummary(channel: Channel(type: "messaging", id: "general", createdBy: "alice"))])).0
        let members = [("alice", 100), ("bob", 25)].map { id, read in
            var member = Member(channelType: "messaging", channelID: "general", userID: id)
            member.lastRead = Timestamp(seconds: Int64(read))
            return MemberRow(member: member, user: User(id: id))
        }
        let rows = [message("a1", from: "alice", at: 20), message("a2", from: "alice", at: 30)]
        s = reduce(s, .channelLoaded(cid: "messaging:general", rows: rows, members: members)).0
        XCTAssertEqual(receipt(s), ReadReceipt(messageID: "a1", readers: ["bob"], others: 1))
    }

    /// Only the reader's own messages others read in the channel take the mark: not a reply in
    /// a thread, not a deleted message, not someone else's.
    func testOnlyTheReadersChannelMessagesTakeTheMark() {
        var reply = message("a3", from: "alice", at: 40, parent: "old")
        reply.message.type = .reply
        var deleted = message("a4", from: "alice", at: 50)
        deleted.message.type = .deleted
        var s = reduce(withMine(), .messageUpserted(reply), .messageUpserted(deleted), read("bob", at: 60)).0
        XCTAssertEqual(receipt(s)?.messageID, "a2")
        XCTAssertNil(ReadReceipts.readers(of: reply, rows: s.window!.rows, members: s.members, viewer: "alice"))
        XCTAssertNil(ReadReceipts.readers(of: s.window!.rows[0], rows: s.window!.rows, members: s.members, viewer: "alice"), "bob's")
        s = reduce(s, .openChannel(cid: "messaging:random")).0
        XCTAssertNil(receipt(s), "another channel, its members not loaded")
    }

    /// Back after a drop, the members are read again with the missed messages: a read made
    /// while the socket was away (its `message.read` reached no one) shows.
    func testAReturnReadsTheMembersAgain() {
        var s = withMine()
        s.connection = .connecting
        s = reduce(s, .connectionChanged(.connected)).0
        var effects: [ChatEffect]
        (s, effects) = reduce(s, .connectionChanged(.reconnecting(retryInSeconds: 1)), .connectionChanged(.connected))
        XCTAssertEqual(effects.last, .loadMembers(cid: "messaging:general"))
        var members = s.members
        members[1].member.lastRead = Timestamp(seconds: 35)
        s = reduce(s, .membersLoaded(cid: "messaging:random", [])).0
        XCTAssertEqual(s.members.count, 4, "another channel's members are not this one's")
        s = reduce(s, .membersLoaded(cid: "messaging:general", members)).0
        XCTAssertEqual(receipt(s), ReadReceipt(messageID: "a2", readers: ["bob"], others: 3))
    }
}
