import ChatCore
import ChatModel
import Foundation
import TerminalUI
import XCTest

/// The sidebar's groups fold to a heading with a count (and how many of their channels are
/// unread and their mentions), stay folded across a restart (kept
/// with the drafts), scroll by the wheel, and show a presence dot for each direct partner the
/// server told about.
final class SidebarGroupsTests: XCTestCase {
    private let context = ChatFixture.context()

    /// The sidebar's lines from its groups on: the threads' line and the blank after it, which
    /// stay at its top (`ThreadsViewTests`), are left out.
    private func sidebar(_ state: ChatState, width: Int = 120, height: Int = 40) -> [String] {
        let frame = ChatView.render(state, width: width, height: height, context: context)
        let lines = frame.lines.map { String($0.prefix { $0 != "│" }).trimmingCharacters(in: .whitespaces) }
        XCTAssertEqual(lines.prefix(2), ["⤷ Threads", ""])
        return Array(lines.dropFirst(2))
    }

    func testAFoldedGroupIsItsHeadingWithACount() {
        var state = ChatFixture.state()
        state.foldedGroups = [.channels]
        let rows = sidebar(state)
        XCTAssertEqual(rows.first, "CHANNELS ▸ 1 unread @2", "what it hides: #engineering unread (#random is muted), 2 mentions")
        XCTAssertFalse(rows.contains { $0.hasPrefix("#design") }, "\(rows)")
        XCTAssertFalse(rows.contains { $0.hasPrefix("#engineering") }, "the open channel folds with its group: \(rows)")
        XCTAssertTrue(rows.contains("DIRECT MESSAGES"))
        XCTAssertTrue(rows.contains { $0.hasPrefix("@Tomás Silva") })
        state.foldedGroups = [.direct, .livestreams]
        XCTAssertTrue(sidebar(state).contains("DIRECT MESSAGES ▸ 1 unread @1"), "\(sidebar(state))")
        XCTAssertTrue(sidebar(state).contains("LIVESTREAMS ▸ 1 unread"))
        XCTAssertTrue(sidebar(state, width: 80, height: 24).contains("DIRECT M… ▸ 1 unread @1"), "the heading is cut, not the news")
        state.channels = state.channels.map {
            var c = $0
            c.unreadCount = 0
            c.mentionCount = 0
            return c
        }
        XCTAssertTrue(sidebar(state).contains("LIVESTREAMS (1) ▸"), "nothing unread: how many channels it holds")
        state.foldedGroups = []
        XCTAssertEqual(sidebar(state).prefix(2), ["CHANNELS", "#engineering"])
    }

    func testANameThatStartsWithTheSigilIsNotShownWithTwo() {
        var state = ChatFixture.state()
        state.channels[0].channel.custom["name"] = "#engineering"
        state.channels[1].channel.custom["name"] = "#"
        let frame = ChatView.render(state, width: 120, height: 40, context: context)
        let rows = frame.lines.map { String($0.prefix { $0 != "│" }).trimmingCharacters(in: .whitespaces) }
        XCTAssertEqual(
            rows.prefix(5),
            ["⤷ Threads", "", "CHANNELS", "#engineering (2)", "#design"],
            "a bare \"#\" name falls back to the id"
        )
        XCTAssertNotNil(frame.find("#engineering · "), "the header names it once too")
        XCTAssertNil(frame.find("##"))
    }

    func testPresenceDotsForTheDirectPartnerOnlyWhenKnown() throws {
        var state = ChatFixture.state()
        let row = { (s: ChatState) in self.sidebar(s).first { $0.hasPrefix("@Tomás") } }
        XCTAssertEqual(row(state), "@Tomás Silva (1)", "browsing a store: no dot")
        state.presence = ["tomas": true]
        XCTAssertEqual(row(state), "@Tomás Silva ● (1)")
        state.presence = ["tomas": false]
        XCTAssertEqual(row(state), "@Tomás Silva ○ (1)")
        let frame = ChatView.render(state, width: 120, height: 40, context: context)
        let dot = try XCTUnwrap(frame.find("○"))
        XCTAssertEqual(frame[dot.x, dot.y].style, context.style("sidebar.presence.offline"))
        state.presence = ["tomas": true]
        let online = ChatView.render(state, width: 120, height: 40, context: context)
        let filled = try XCTUnwrap(online.find("●"))
        XCTAssertEqual(online[filled.x, filled.y].style, context.style("sidebar.presence.online"))
        XCTAssertNotEqual(context.style("sidebar.presence.online"), context.style("sidebar.presence.offline"))
    }

    func testTheWheelsTopHoldsUntilAChannelIsOpenedByKey() {
        var state = ChatFixture.state()
        state.openCID = "livestream:launch"
        // Ten rows in the six of a pane of eight the threads' line leaves, centred on the open
        // livestream: the start is cut (the threads' line stays).
        XCTAssertEqual(sidebar(state, width: 80, height: 9).first, "↑ 4 more")
        state.sidebarTop = 0
        XCTAssertEqual(sidebar(state, width: 80, height: 9).first, "CHANNELS")
        state.sidebarTop = 99
        XCTAssertEqual(sidebar(state, width: 80, height: 9).first, "↑ 4 more", "no further than the end")
    }

    func testFoldedGroupsSurviveARestartWithTheDrafts() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("folds-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let archive = ComposerArchive(user: "maya", place: "store:/tmp/x.sqlite", environment: ["XDG_STATE_HOME": directory])
        var state = ChatFixture.state()
        state.foldedGroups = [.direct, .livestreams]
        try archive.save(state)
        var next = ChatState(userID: "maya", userName: "Maya Okafor")
        archive.restore(into: &next)
        XCTAssertEqual(next.foldedGroups, [.direct, .livestreams], "the archive unfolded, as it was")
        // A file from before groups folded (no `folded`) keeps the default; an unknown name is left out.
        try Data(#"{"version":1,"channels":{},"folded":["direct","someday"]}"#.utf8).write(to: URL(fileURLWithPath: archive.path))
        next = ChatState(userID: "maya", userName: "Maya Okafor")
        archive.restore(into: &next)
        XCTAssertEqual(next.foldedGroups, [.direct])
        try Data(#"{"version":1,"channels":{}}"#.utf8).write(to: URL(fileURLWithPath: archive.path))
        next = ChatState(userID: "maya", userName: "Maya Okafor")
        archive.restore(into: &next)
        XCTAssertEqual(next.foldedGroups, [.archived])
        XCTAssertNil(next.notice)
    }
}
