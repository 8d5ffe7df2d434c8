import ChatCore
import ChatModel
import TerminalUI
import XCTest

/// Who has seen the reader's messages: one quiet mark under the newest of theirs another
/// member has read, and the names in its details. Maya's newest message is m7 (09:45); Tomás
/// (m8) and Priya (m9) wrote after it, so they have seen it, but a mark naming only them would
/// say what their answers below already show.
final class ReadReceiptViewTests: XCTestCase {
    private let context = ChatFixture.context()

    private func member(_ id: String, read: String? = nil) -> MemberRow {
        var member = Member(channelType: "team", channelID: "engineering", userID: id)
        member.lastRead = read.map(ChatFixture.time)
        return MemberRow(member: member, user: User(id: id, custom: ["name": .string(ChatFixture.names[id] ?? id.capitalized)]))
    }

    private func state(members: [MemberRow]) -> ChatState {
        var s = ChatFixture.state()
        s.members = members
        return s
    }

    /// The mark is the line under m7's text, in its own style, and on no other message.
    func testTheMarkIsUnderTheNewestMessageOthersRead() throws {
        let frame = ChatView.render(
            state(members: [member("maya"), member("tomas"), member("priya"), member("rosa", read: "2020-03-03T09:50:00Z"), member("sam")]),
            width: 120,
            height: 40,
            context: context
        )
        let text = try XCTUnwrap(frame.find("Thanks! I'll go through it today."))
        let mark = try XCTUnwrap(frame.find("✓ seen by Priya Patel, Rosa, Tomás Silva"))
        XCTAssertEqual(mark.y, text.y + 1)
        XCTAssertEqual(mark.x, text.x, "under the text")
        XCTAssertEqual(frame[mark.x, mark.y].style, context.style("message.seen"))
        XCTAssertNil(frame.find("✓ seen", below: mark.y), "one mark")
    }

    func testEveryoneOrJustSeenInAConversationOfTwo() {
        let all = ChatView.render(
            state(members: [member("maya"), member("tomas"), member("priya"), member("rosa", read: "2020-03-03T09:50:00Z")]),
            width: 120,
            height: 40,
            context: context
        )
        XCTAssertNotNil(all.find("✓ seen by everyone"))
        let two = ChatView.render(
            state(members: [member("maya"), member("rosa", read: "2020-03-03T09:50:00Z")]),
            width: 80,
            height: 24,
            context: context
        )
        XCTAssertNotNil(two.find("✓ seen"))
        XCTAssertNil(two.find("✓ seen by"))
        let answered = ChatView.render(state(members: [member("maya"), member("tomas")]), width: 80, height: 24, context: context)
        XCTAssertNil(answered.find("✓ seen"), "Tomás answered below: no mark over his answer")
        let none = ChatView.render(state(members: []), width: 120, height: 40, context: context)
        XCTAssertNil(none.find("✓ seen"), "no members known: nothing said")
    }

    /// More than three readers: three names and how many more. (Tomás and Priya, who wrote
    /// after m7, are not members here: five of nine have read past it.)
    func testManyReadersAreCounted() {
        var s = state(members: [member("maya")])
        s.members += ["ana", "bo", "cy", "di", "ed"].map { member($0, read: "2020-03-03T09:50:00Z") }
        s.members += ["fi", "gus", "hal", "ivo"].map { member($0) }
        let frame = ChatView.render(s, width: 120, height: 40, context: context)
        XCTAssertNotNil(frame.find("✓ seen by Ana, Bo, Cy +2"))
    }

    /// Long names in a narrow pane: as many whole names as fit, and the count after them.
    func testANarrowPaneShowsFewerNamesAndTheCount() {
        var s = state(members: [member("maya")])
        s.members += ["ana", "bo", "cy", "di", "ed"].map { member($0 + "-platform", read: "2020-03-03T09:50:00Z") }
        s.members += ["fi", "gus"].map { member($0) }
        let frame = ChatView.render(s, width: 80, height: 24, context: context)
        XCTAssertNotNil(frame.find("✓ seen by Ana-Platform, Bo-Platform +3"))
    }

    /// The details of the reader's message name who has seen it and who has not.
    func testDetailsNameWhoHasSeenTheMessage() throws {
        var s = state(members: [member("maya"), member("tomas"), member("priya"), member("rosa", read: "2020-03-03T09:00:00Z")])
        let m7 = try XCTUnwrap(s.window?.rows.first { $0.id == "m7" })
        s.modes.push(.select(pane: .messages, messageID: "m7"))
        s.modes.push(.details(MessageDetails(row: m7, reactions: [])))
        let frame = ChatView.render(s, width: 120, height: 40, context: context)
        XCTAssertNotNil(frame.find("seen by 2 of 3: Priya Patel, Tomás Silva"))
        XCTAssertNotNil(frame.find("not seen by: Rosa"))
    }

    /// Names past the box's width go on the next lines, none cut off.
    func testDetailsWrapALongListOfReaders() throws {
        var s = state(members: [member("maya")])
        let names = ["ana", "bo", "cy", "di", "ed", "fi", "gus", "hal", "ivo", "jo", "kai", "lu"].map { $0 + "-with-a-long-name" }
        s.members += names.map { member($0, read: "2020-03-03T09:50:00Z") }
        let m7 = try XCTUnwrap(s.window?.rows.first { $0.id == "m7" })
        s.modes.push(.select(pane: .messages, messageID: "m7"))
        s.modes.push(.details(MessageDetails(row: m7, reactions: [])))
        let frame = ChatView.render(s, width: 80, height: 24, context: context)
        let label = try XCTUnwrap(frame.find("seen by 12 of 12: "))
        for name in names { XCTAssertNotNil(frame.find(name.capitalized, below: label.y - 1), name) }
    }
}
