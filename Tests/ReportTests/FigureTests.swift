import ChatImport
import ChatModel
import ChatStore
import ChatTestSupport
import XCTest

/// The figures of `HandCountedImport`, each counted by hand from the file.
final class FigureTests: XCTestCase {
    let directory = TemporaryDirectory()
    private var figures = MigrationFigures()

    override func setUpWithError() throws {
        let (store, _) = try HandCountedImport.store(in: directory)
        figures = try store.migrationFigures()
    }

    private func tallies(_ list: [MigrationFigures.Tally]) -> [String] { list.map { "\($0.label) \($0.count)" } }

    func testTotalsPerItemType() {
        let t = figures.totals
        XCTAssertEqual(
            [t[.user], t[.device], t[.futureChannelBan], t[.channel], t[.member], t[.message], t[.reaction], t[.poll], t[.pollVote]],
            [4, 3, 1, 4, 7, 10, 4, 1, 3]
        )
    }

    func testChannelsAndMembers() {
        XCTAssertEqual(tallies(figures.channelsByType), ["messaging 2", "livestream 1", "team 1"])
        XCTAssertEqual(figures.members.total, 7)
        XCTAssertEqual(figures.members.largest, .init(id: "messaging:general", name: "General", count: 3))
        // general 3, eng 2, the DM 2, town 0: the middle two are 2 and 2.
        XCTAssertEqual(figures.members.median, 2)
    }

    func testMessageStates() {
        let m = figures.messages
        XCTAssertEqual([m.total, m.deleted, m.pinned, m.system, m.edited, m.withAttachments], [10, 1, 1, 1, 0, 3])
        // e2 is for alice and bob only; e1 calls @here and a role, g2 @channel; g6's empty role list is none.
        XCTAssertEqual([m.restrictedVisibility, m.mentionedHere, m.mentionedChannel, m.mentionedRoles], [1, 1, 1, 1])
    }

    func testTimelineIsWeeklyWithEmptyWeeksKept() {
        XCTAssertEqual(figures.timeline.period, .week)
        XCTAssertEqual(figures.timeline.firstDay, "2020-01-01")
        XCTAssertEqual(figures.timeline.lastDay, "2020-01-21")
        // Weeks start on Monday: 30 Dec (1, 2, 3 Jan), 6 Jan (8 Jan), 13 Jan (nothing), 20 Jan (20, 21 Jan).
        XCTAssertEqual(
            figures.timeline.buckets.map { "\($0.start) \($0.count)" },
            ["2019-12-30 6", "2020-01-06 2", "2020-01-13 0", "2020-01-20 2"]
        )
    }

    func testBusiestChannelsAndUsers() {
        XCTAssertEqual(figures.busiestChannels.map(\.count), [7, 2, 1])
        XCTAssertEqual(figures.busiestChannels.prefix(2).map(\.title), ["General", "Eng"])
        XCTAssertTrue(figures.busiestChannels.last?.id.hasPrefix("messaging:!members-") ?? false)
        XCTAssertEqual(figures.busiestChannels.last?.title, "Alice, Bob", "a distinct channel without a name: its members'")
        // alice and bob tie on 4 (by id), carol has 2 and no name.
        XCTAssertEqual(figures.busiestUsers.map { "\($0.title) \($0.count)" }, ["Alice 4", "Bob 4", "carol 2"])
    }

    func testThreads() {
        XCTAssertEqual(figures.threads.count, 2)
        XCTAssertEqual(figures.threads.replies, 3)
        XCTAssertEqual(figures.threads.deepest?.id, "g1")
        XCTAssertEqual(figures.threads.deepest?.count, 2)
        XCTAssertEqual(figures.threads.deepestChannel, "messaging:general")
    }

    func testReactionsAndAttachments() {
        XCTAssertEqual(tallies(figures.reactionsByType), ["like 3", "love 1"])
        XCTAssertEqual(figures.attachments.total, 4)
        XCTAssertEqual(tallies(figures.attachments.byType), ["image 2", "file 1", "video 1"])
        // The signed S3 link and the CloudFront-style Expires link.
        XCTAssertEqual(figures.attachments.expiringURLs, 2)
        XCTAssertEqual(figures.attachments.nonHTTPSURLs, 0)
    }

    func testUnreadFollowsTheClientsRule() {
        let u = figures.unread
        // alice in general: g2 and g4 (g3 and g7 stay in threads, g5 is deleted, g6 is hers);
        // bob in eng: e1 and e2; alice's hidden DM is left out.
        XCTAssertEqual(u.membersWithReadState, 2)
        XCTAssertEqual(u.usersWithUnread, 2)
        XCTAssertEqual(u.unreadMessages, 4)
        XCTAssertEqual(
            u.channels,
            [
                .init(cid: "messaging:general", name: "General", members: 1, messages: 2),
                .init(cid: "team:eng", name: "Eng", members: 1, messages: 2),
            ]
        )
    }

    func testDevicesAndBans() {
        XCTAssertEqual(tallies(figures.devicesByProvider), ["firebase 2", "apn 1"])
        XCTAssertEqual(figures.bans.appWide, 0)
        XCTAssertEqual(figures.bans.inChannels, 1)
        XCTAssertEqual(figures.bans.futureChannelBans, 1)
    }

    /// Over half a year of history the timeline counts months, empty ones included.
    func testALongHistoryIsCountedPerMonth() throws {
        let message = { (id: String, day: String) in
            #"{"type":"message","data":{"id":"\#(id)","channel_type":"messaging","channel_id":"general","user":"bob","text":"x","created_at":"\#(day)T12:00:00Z"}}"#
        }
        let store = try TestStore.open(directory.file("long.sqlite"))
        let path = directory.write(
            "long.jsonl",
            lines: SampleImports.base + [message("a", "2020-03-01"), message("b", "2020-09-30"), message("c", "2020-09-01")]
        )
        let task = try store.runImport(path: path, mode: .upsert) { try ImportAnalyzer(existing: $0, sink: $1).run(path: path) }
        XCTAssertEqual(task.state, .completed)
        let timeline = try store.migrationFigures().timeline
        XCTAssertEqual(timeline.period, .month)
        // m1 of the base file is from 2020-01-01.
        XCTAssertEqual(
            timeline.buckets.map { "\($0.start) \($0.count)" },
            ["2020-01 1", "2020-02 0", "2020-03 1", "2020-04 0", "2020-05 0", "2020-06 0", "2020-07 0", "2020-08 0", "2020-09 2"]
        )
    }

    func testAnEmptyStoreHasZeroFigures() throws {
        let empty = try TestStore.open(directory.file("empty.sqlite")).migrationFigures()
        XCTAssertEqual(empty.totals.total, 0)
        XCTAssertEqual(empty.members.median, 0)
        XCTAssertNil(empty.members.largest)
        XCTAssertTrue(empty.timeline.buckets.isEmpty)
        XCTAssertNil(empty.threads.deepest)
        XCTAssertEqual(empty.unread.usersWithUnread, 0)
    }
}
