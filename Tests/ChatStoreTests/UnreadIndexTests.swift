import ChatImport
import ChatModel
import ChatTestSupport
import XCTest

@testable import ChatStore

/// The index `messages_by_channel` (steps v14l, v14s): a channel's messages in page order, holding on
/// SQLite every column the unread count reads. Counts stay exact, on a new store and on one
/// from before the step; the planner counts from the index alone and pages without a sort.
final class UnreadIndexTests: XCTestCase {
    let directory = TemporaryDirectory()
    let general = "messaging:general"
    let step = "v14l: messages by channel in page order"

    /// alice, bob and carol read `general` up to 10:00; after it come messages that count for
    /// some of them and for none.
    private func store(_ name: String = "unread") throws -> ChatStore {
        let msg = { (id: String, user: String, minute: Int, extra: String) in
            #"{"type":"message","data":{"id":"\#(id)","channel_type":"messaging","channel_id":"general","user":"\#(user)","text":"t","created_at":"2020-01-01T10:0\#(minute):00Z"\#(extra)}}"#
        }
        let member = { (user: String) in
            #"{"type":"member","data":{"channel_type":"messaging","channel_id":"general","user_id":"\#(user)","last_read":"2020-01-01T10:00:00Z"}}"#
        }
        let lines = [
            #"{"type":"user","data":{"id":"alice"}}"#, #"{"type":"user","data":{"id":"bob"}}"#, #"{"type":"user","data":{"id":"carol"}}"#,
            #"{"type":"channel","data":{"id":"general","type":"messaging","created_by":"alice"}}"#,
            member("alice"), member("bob"), member("carol"),
            msg("read", "bob", 0, ""), msg("new", "bob", 1, ""), msg("mine", "alice", 2, ""),
            msg("gone", "bob", 3, #","type":"deleted","deleted_at":"2020-01-01T10:09:00Z""#),
            msg("hidden-reply", "bob", 4, #","parent_id":"read""#),
            msg("shown-reply", "bob", 5, #","parent_id":"read","show_in_channel":true"#),
            msg("secret", "alice", 6, #","restricted_visibility":["bob"]"#),
        ]
        let store = try TestStore.open(directory.file("\(name).sqlite"))
        let path = directory.write("\(name).jsonl", lines: lines)
        let task = try store.runImport(path: path, mode: .upsert) { try ImportAnalyzer(existing: $0, sink: $1).run(path: path) }
        XCTAssertEqual(task.state, .completed, "\(task.result ?? .null)")
        return store
    }

    /// alice: new, shown-reply; bob: mine, secret (his to see); carol: new, mine, shown-reply.
    /// Never the read one, one's own, the deleted one or a reply kept in its thread.
    private func assertCounts(_ store: ChatStore, file: StaticString = #filePath, line: UInt = #line) throws {
        let states = try store.readStates(cid: general)
        XCTAssertEqual(states.map(\.userID), ["alice", "bob", "carol"], file: file, line: line)
        XCTAssertEqual(states.map(\.unreadMessages), [2, 2, 3], file: file, line: line)
        let listed = try ["alice", "bob", "carol"].map { try store.channels(for: $0).first?.unreadCount }
        XCTAssertEqual(listed, [2, 2, 3], file: file, line: line)
        // carol's newest page: not the reply kept in its thread, nor what only bob may see.
        XCTAssertEqual(
            try store.messages(cid: general, viewer: "carol", limit: 3).map(\.id),
            ["mine", "gone", "shown-reply"],
            file: file,
            line: line
        )
    }

    /// The read states' counts, checked against the channel list's (which always tests each
    /// message's visibility) and against `expected` (alice, bob, carol).
    private func assertReadStates(_ store: ChatStore, _ expected: [Int], file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(try store.readStates(cid: general).map(\.unreadMessages), expected, file: file, line: line)
        let listed = try ["alice", "bob", "carol"].map { try store.channels(for: $0).first?.unreadCount }
        XCTAssertEqual(listed, expected, file: file, line: line)
    }

    private func mayHideUnread(_ store: ChatStore) throws -> Bool {
        try store.backend.read { db in try ChatStore.mayHideUnread(cid: general, db: db) }
    }

    /// Without `secret`, nothing after the read position can be hidden from anyone: the read
    /// states count without the visibility test, and still exactly.
    func testAChannelWithNothingHiddenCountsWithoutTheVisibilityTest() throws {
        let store = try store()
        XCTAssertTrue(try mayHideUnread(store))
        try store.backend.write { db in try db.execute("DELETE FROM messages WHERE id = 'secret'") }
        XCTAssertFalse(try mayHideUnread(store))
        try assertReadStates(store, [2, 1, 3])
        // A shadowed message everyone has read already does not turn the test back on.
        try store.backend.write { db in try db.execute("UPDATE messages SET shadowed = 1 WHERE id = 'read'") }
        XCTAssertFalse(try mayHideUnread(store))
        try assertReadStates(store, [2, 1, 3])
    }

    /// Each kind of message hidden from some members, after their read position, brings the
    /// per-message test back, and the counts leave it out for those it is hidden from.
    func testEachKindOfHiddenMessageKeepsTheVisibilityTest() throws {
        let changes: [(String, [Int])] = [
            ("UPDATE messages SET shadowed = 1 WHERE id = 'new'", [1, 1, 2]),
            ("UPDATE messages SET pending = 1 WHERE id = 'new'", [1, 1, 2]),
            (#"UPDATE messages SET restricted_visibility = '["alice"]' WHERE id = 'new'"#, [2, 1, 2]),
            ("INSERT INTO deleted_for_me (message_id, user_id, deleted_at) VALUES ('new', 'carol', '2020-01-01T11:00:00Z')", [2, 1, 2]),
        ]
        for (number, (change, expected)) in changes.enumerated() {
            let store = try store("hidden\(number)")
            try store.backend.write { db in
                try db.execute("DELETE FROM messages WHERE id = 'secret'")
                try db.execute(change)
            }
            XCTAssertTrue(try mayHideUnread(store), change)
            try assertReadStates(store, expected)
        }
    }

    /// A message restricted to no one (`[]`, or `null` as stored) is one everyone sees: the
    /// index of hidable messages (`messages_hidable`, whose condition `mayHideUnread` repeats)
    /// holds no entry for it, and it counts for every member but its author.
    func testARestrictionToNoOneHidesNothing() throws {
        for (number, list) in ["'[]'", "'null'"].enumerated() {
            let store = try store("open\(number)")
            try store.backend.write { db in try db.execute("UPDATE messages SET restricted_visibility = \(list) WHERE id = 'secret'") }
            XCTAssertFalse(try mayHideUnread(store), list)
            try assertReadStates(store, [2, 2, 4])
        }
    }

    /// A store from before step v14n gets the index of hidable messages when opened: on SQLite
    /// `mayHideUnread` names it, and answers as before.
    func testAStoreFromBeforeTheHidableStepGetsItsIndex() throws {
        _ = try store()
        try TestStore.open(directory.file("unread.sqlite")).backend.write { db in
            try db.execute("DROP INDEX messages_hidable")
            if db.dialect == .sqlite {
                try db.execute("DELETE FROM grdb_migrations WHERE identifier = ?", "v14n: hidable messages")
            } else {
                try db.execute("DELETE FROM chatterm_migrations WHERE name = ?", "v14n: hidable messages")
            }
        }
        let older = try TestStore.open(directory.file("unread.sqlite"))
        XCTAssertTrue(try mayHideUnread(older))
        try assertCounts(older)
    }

    private func indexDefinition(_ store: ChatStore) throws -> String? {
        try store.backend.read { db in
            db.dialect == .sqlite
                ? try db.value("SELECT sql FROM sqlite_master WHERE name = 'messages_by_channel'")
                : try db.value("SELECT indexdef FROM pg_indexes WHERE indexname = 'messages_by_channel'")
        }
    }

    func testCountsStayExactOnANewStore() throws {
        let store = try store()
        try assertCounts(store)
        let definition = try XCTUnwrap(try indexDefinition(store))
        XCTAssertTrue(definition.contains("created_at, id"), definition)
    }

    /// A store whose index predates the step (by `(cid, created_at)` alone) gets the new one when
    /// opened, and answers the same counts and pages.
    func testAStoreFromBeforeTheStepGetsTheIndex() throws {
        _ = try store()
        try TestStore.open(directory.file("unread.sqlite")).backend.write { db in
            try db.execute("DROP INDEX messages_by_channel")
            try db.execute("CREATE INDEX messages_by_channel ON messages(cid, created_at)")
            if db.dialect == .sqlite {
                try db.execute("DELETE FROM grdb_migrations WHERE identifier = ?", step)
            } else {
                try db.execute("DELETE FROM chatterm_migrations WHERE name = ?", step)
            }
        }
        let older = try TestStore.open(directory.file("unread.sqlite"))
        let definition = try XCTUnwrap(try indexDefinition(older))
        XCTAssertTrue(definition.contains("created_at, id"), definition)
        try assertCounts(older)
    }

    /// SQLite counts each member's unread messages without visiting a table row, and reads a
    /// page in the index's order without sorting it: a column read by `unreadCondition` that the
    /// index lacks, or a page order it does not give, shows here.
    func testSQLiteCountsFromTheIndexAloneAndPagesWithoutASort() throws {
        guard TestStore.postgresServer == nil else { return }
        let store = try store()
        let plan = { (sql: String) in
            try store.backend.read { db in
                try db.rows("EXPLAIN QUERY PLAN " + sql, [.text(self.general)]).compactMap { $0["detail"] as String? }
            }
        }
        let count = try plan(
            """
            SELECT (SELECT COUNT(*) FROM messages m WHERE \(ChatStore.unreadCondition(user: "mb.user_id", .sqlite)))
            FROM members mb JOIN channels c ON c.cid = mb.cid WHERE mb.cid = ?
            """
        )
        XCTAssertTrue(count.contains("SEARCH m USING COVERING INDEX messages_by_channel (cid=? AND created_at>?)"), "\(count)")
        let page = try plan(
            """
            SELECT * FROM messages m WHERE m.cid = ? AND \(ChatStore.visibleCondition(viewer: "'carol'", .sqlite))
            ORDER BY m.created_at DESC, m.id DESC LIMIT 50
            """
        )
        XCTAssertTrue(page.contains("SEARCH m USING INDEX messages_by_channel (cid=?)"), "\(page)")
        XCTAssertFalse(page.contains { $0.contains("TEMP B-TREE") }, "\(page)")
    }

    /// A message sent `silent` counts for no one (Stream's silent messages), in the read states,
    /// the channel list and thread counts, and reads back silent; the import's messages are not.
    func testASilentMessageCountsForNoOne() async throws {
        let store = try store()
        XCTAssertEqual(try store.message(id: "new", viewer: "")?.message.silent, false)
        var quiet = Message(id: "quiet", channelType: "messaging", channelID: "general", userID: "bob", text: "your ride is here")
        quiet.silent = true
        quiet.createdAt = Timestamp(seconds: 1_577_873_400)  // 2020-01-01T10:10:00Z
        let inserted = try await store.insert(message: quiet)
        XCTAssertTrue(inserted)
        XCTAssertEqual(try store.message(id: "quiet", viewer: "")?.message.silent, true)
        try assertReadStates(store, [2, 2, 3])
        try store.backend.write { db in try db.execute("UPDATE messages SET silent = 1 WHERE id = 'new'") }
        try assertReadStates(store, [1, 2, 2])
    }

    /// The counts of the read states' one pass (`readStatesInOnePass`) against the SQL path's
    /// (`unreadCondition` per member), on a channel of twelve members whose read positions fall
    /// before, between, on (ties, which do not count) and after messages that share their
    /// times, some members writing, one non-member writing, replies and deleted messages mixed in.
    func testOnePassCountsMatchTheSQLPerMemberCounts() throws {
        let users = (0..<12).map { "u\($0)" }
        var lines = (users + ["outsider"]).map { #"{"type":"user","data":{"id":"\#($0)"}}"# }
        lines.append(#"{"type":"channel","data":{"id":"general","type":"messaging","created_by":"u0"}}"#)
        lines += users.map { #"{"type":"member","data":{"channel_type":"messaging","channel_id":"general","user_id":"\#($0)"}}"# }
        var seed: UInt64 = 7
        let next = { (bound: Int) -> Int in
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        let kinds = [
            "", "", "", "", #","parent_id":"m0""#, #","parent_id":"m0","show_in_channel":true"#,
            #","type":"deleted","deleted_at":"2020-01-01T11:00:00Z""#,
        ]
        for number in 0..<80 {
            // Two or three messages a second: many share their time with another.
            let second = number * 2 / 5
            let author = next(5) == 0 ? "outsider" : users[next(6)]
            let extra = number == 0 ? "" : kinds[next(kinds.count)]
            lines.append(
                #"{"type":"message","data":{"id":"m\#(number)","channel_type":"messaging","channel_id":"general","user":"\#(author)","text":"t","created_at":"2020-01-01T10:00:\#(String(format: "%02d", second))Z"\#(extra)}}"#
            )
        }
        let store = try TestStore.open(directory.file("many.sqlite"))
        let path = directory.write("many.jsonl", lines: lines)
        let task = try store.runImport(path: path, mode: .upsert) { try ImportAnalyzer(existing: $0, sink: $1).run(path: path) }
        XCTAssertEqual(task.state, .completed, "\(task.result ?? .null)")
        try store.backend.write { db in
            // u0..u7 on a message's own time (a tie), u8 and u9 between seconds, u10 after
            // every message, u11 with no read position at all.
            for (index, user) in users.prefix(8).enumerated() {
                try db.execute(
                    "UPDATE members SET last_read = (SELECT created_at FROM messages WHERE id = ?) WHERE user_id = ?",
                    [.text("m\(index * 11)"), .text(user)]
                )
            }
            let between = { (text: String) in try XCTUnwrap(Timestamp(rfc3339: text)).storageText }
            try db.execute("UPDATE members SET last_read = ? WHERE user_id = 'u8'", [.text(try between("2020-01-01T10:00:05.5Z"))])
            try db.execute("UPDATE members SET last_read = ? WHERE user_id = 'u9'", [.text(try between("2020-01-01T09:00:00Z"))])
            try db.execute("UPDATE members SET last_read = ? WHERE user_id = 'u10'", [.text(try between("2020-01-01T12:00:00Z"))])
            try db.execute("UPDATE members SET last_read = NULL WHERE user_id = 'u11'")
        }
        let (counted, inSQL, mayHide) = try store.backend.read { db in
            (
                try ChatStore.readStatesInOnePass(cid: general, db: db)?.map { "\($0.userID) \($0.unreadMessages)" },
                try db.rows(
                    """
                    SELECT mb.user_id, (SELECT COUNT(*) FROM messages m WHERE \(ChatStore.unreadCondition(user: "mb.user_id", db.dialect))) AS n
                    FROM members mb JOIN channels c ON c.cid = mb.cid WHERE mb.cid = ? AND mb.last_read IS NOT NULL ORDER BY mb.user_id
                    """,
                    general
                ).map { "\($0["user_id"] as String) \($0["n"] as Int)" },
                try ChatStore.mayHideUnread(cid: general, db: db)
            )
        }
        XCTAssertFalse(mayHide)
        // The one pass reads SQLite's rows in place: on PostgreSQL it always declines.
        guard TestStore.postgresServer == nil else { return XCTAssertNil(counted) }
        let onePass = try XCTUnwrap(counted)
        XCTAssertEqual(onePass.count, 11)
        XCTAssertEqual(onePass, inSQL)
        XCTAssertEqual(try store.readStates(cid: general).map { "\($0.userID) \($0.unreadMessages)" }, inSQL)
        // The counts differ: the read positions and authors are not all alike, and u10 has nothing left.
        XCTAssertGreaterThan(Set(onePass.map { $0.split(separator: " ")[1] }).count, 5, "\(onePass)")
        XCTAssertTrue(onePass.contains("u10 0"), "\(onePass)")
    }

    /// In a channel of two, a message from a user the member blocked does not count: the block
    /// is member-specific, so the one pass declines and the read states go the SQL way.
    func testABlockInAChannelOfTwoKeepsTheSQLCount() throws {
        let store = try store()
        try store.backend.write { db in
            try db.execute("DELETE FROM messages WHERE id = 'secret'")
            try db.execute("DELETE FROM members WHERE user_id = 'carol'")
        }
        // The one pass reads SQLite's rows in place: on PostgreSQL it always declines.
        let onePass = try store.backend.read { db in try ChatStore.readStatesInOnePass(cid: self.general, db: db) }
        XCTAssertEqual(onePass == nil, TestStore.postgresServer != nil)
        XCTAssertEqual(try store.readStates(cid: general).map(\.unreadMessages), [2, 1])
        _ = try store.block(userID: "alice", blocked: "bob", at: .now())
        XCTAssertNil(try store.backend.read { db in try ChatStore.readStatesInOnePass(cid: self.general, db: db) })
        XCTAssertEqual(try store.readStates(cid: general).map(\.unreadMessages), [0, 1])
    }
}
