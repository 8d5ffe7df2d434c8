import ChatCore
import ChatModel
import XCTest

/// `/block`, `/unblock`, `/blocked`: what is asked of the server, and what a blocked user's
/// direct conversations and messages look like afterwards.
final class BlocksReducerTests: XCTestCase, LiveReducerScript {
    private func direct(_ id: String, members: [String]) -> ChannelSummary {
        var channel = Channel(type: "messaging", id: id, createdBy: "alice")
        channel.memberIDs = members
        return ChannelSummary(channel: channel, lastMessageAt: Timestamp(seconds: 1))
    }

    private func command(_ line: String, _ s: ChatState) -> (ChatState, [ChatEffect]) {
        reduce(s, .composeInsert(line), .composeSend)
    }

    func testTheCommandsAskTheServer() {
        let s = live()
        XCTAssertEqual(command("/block @bob", s).1, [.live(.block(userID: "bob", blocking: true))])
        XCTAssertEqual(command("/unblock @bob", s).1, [.live(.block(userID: "bob", blocking: false))])
        XCTAssertEqual(command("/blocked", s).1, [.live(.blockedUsers)])
    }

    func testBadArgumentsAreRefusedAndNothingIsSent() {
        let s = live()
        for (line, status) in [
            ("/block", "/block @user: whom?"), ("/block bob", "/block @user: whom?"), ("/unblock @bob @bea", "/unblock @user: whom?"),
            ("/block @alice", "You cannot block yourself"),
        ] {
            let (next, effects) = command(line, s)
            XCTAssertEqual(effects, [], line)
            XCTAssertEqual(next.status, status, line)
        }
        var offline = ChatState(userID: "alice", userName: "Alice")
        offline = reduce(offline, .channelsLoaded([direct("dm", members: ["alice", "bob"])])).0
        offline.composer.insert("/block @bob")
        let (next, effects) = reduce(offline, .composeSend)
        XCTAssertEqual(effects, [])
        XCTAssertEqual(next.status, "This is a local store: open it through a server (--server) to change messages")
    }

    /// A one-to-one conversation with a blocked user leaves the sidebar (and the channel list
    /// that arrives later keeps it out); a group with others stays, without their messages.
    func testBlockedUsersConversationsAndMessagesGo() {
        var s = live()
        let list = [
            ChannelSummary(channel: Channel(type: "messaging", id: "general", createdBy: "alice")),
            direct("dm-bob", members: ["alice", "bob"]),
            direct("group", members: ["alice", "bob", "carol"]),
        ]
        s = reduce(s, .channelsLoaded(list), .openChannel(cid: "messaging:group")).0
        let rows = [
            message("g1", from: "bob", cid: "messaging:group", at: 20), message("g2", from: "carol", cid: "messaging:group", at: 21),
        ]
        s = reduce(s, .channelLoaded(cid: "messaging:group", rows: rows, members: [])).0
        XCTAssertEqual(s.window?.rows.map(\.id), ["g1", "g2"])
        s = reduce(s, .blockedUsers(["bob"])).0
        XCTAssertEqual(s.channels.map(\.channel.id).sorted(), ["general", "group"])
        XCTAssertEqual(s.window?.rows.map(\.id), ["g2"], "bob's message in the group goes")
        s = reduce(s, .messageUpserted(message("g3", from: "bob", cid: "messaging:group", at: 22))).0
        XCTAssertEqual(s.window?.rows.map(\.id), ["g2"], "and so do his new ones")
        XCTAssertEqual(s.openChannel?.unreadCount, 0, "uncounted")
        s = reduce(s, .channelsLoaded(list)).0
        XCTAssertFalse(s.channels.contains { $0.channel.id == "dm-bob" }, "a later list keeps it out")
        // In a channel that is not a direct conversation, bob is still heard.
        s = reduce(s, .openChannel(cid: "messaging:general")).0
        s = reduce(s, .channelLoaded(cid: "messaging:general", rows: [message("n1", from: "bob", at: 30)], members: [])).0
        XCTAssertEqual(s.window?.rows.map(\.id), ["n1"])
        // Unblocked, the next list brings the conversation back.
        s = reduce(s, .blockedUsers([]), .channelsLoaded(list)).0
        XCTAssertTrue(s.channels.contains { $0.channel.id == "dm-bob" })
    }
}
