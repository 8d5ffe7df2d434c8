import ChatImport
import ChatModel
import ChatStore
import ChatTestSupport
import XCTest

final class StoreImportTests: XCTestCase {
    let directory = TemporaryDirectory()

    private func openStore() throws -> ChatStore { try TestStore.open(directory.file("chat.sqlite")) }

    @discardableResult
    private func importLines(
        _ lines: [String],
        into store: ChatStore,
        mode: ImportMode = .upsert,
        name: String = "import.jsonl"
    ) throws -> ImportTask {
        try importFile(directory.write(name, lines: lines), into: store, mode: mode)
    }

    private func importFile(_ path: String, into store: ChatStore, mode: ImportMode = .upsert) throws -> ImportTask {
        try store.runImport(path: path, mode: mode) { existing, sink in
            try ImportAnalyzer(existing: existing, sink: sink).run(path: path)
        }
    }

    private func value(_ store: ChatStore, _ sql: String) throws -> String? {
        try store.inspect(sql).first.flatMap { String.decode($0.values[0]) }
    }

    func testStreamDocsExampleImportsWithTheRightCounts() throws {
        let store = try openStore()
        let task = try importLines(SampleImports.streamDocsExample, into: store)
        XCTAssertEqual(task.state, .completed)
        XCTAssertEqual(task.history.map(\.nextState), [.analyzing, .completed])
        let counts = try store.counts()
        // The example predates bans and polls.
        for type in ItemType.allCases {
            XCTAssertEqual(counts[type], [.futureChannelBan, .poll, .pollVote].contains(type) ? 0 : 1, type.name)
        }
        // Custom fields are kept flat and whole; timestamps keep their instant.
        XCTAssertEqual(
            try value(store, "SELECT custom FROM users"),
            #"{"name":"Jesse","image":"http://getstream.com","description":"Taj Mahal guitar player at some point"}"#
        )
        XCTAssertEqual(try value(store, "SELECT created_at FROM members"), "2017-02-01T02:00:00.000000000Z")
        XCTAssertEqual(try value(store, "SELECT channel_role FROM members"), "channel_moderator")
    }

    /// Into a new SQLite store the secondary indexes and the word index's triggers are dropped and
    /// made again after the rows, inside the import's transaction: after a failed import and after
    /// a good one, each is there as defined, and a channel's page is read through one. The word
    /// index is filled with a larger in-memory table, which is back at FTS5's default after.
    func testIndexesBuiltAfterTheRowsAreThereAfterFailureAndSuccess() throws {
        try XCTSkipIf(TestStore.postgresServer != nil, "SQLite's own index handling")
        let store = try openStore()
        let indexes = "SELECT name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY name"
        let before = try store.inspect(indexes).map(\.values)
        XCTAssertTrue(before.contains { String.decode($0[0]) == "messages_by_channel" })
        XCTAssertTrue(before.contains { String.decode($0[0]) == "message_words_delete" })
        let bad =
            #"{"type":"reaction","data":{"message_id":"message_001","type":"x","user_id":"nobody","created_at":"2019-03-02T15:00:00Z"}}"#
        XCTAssertEqual(try importLines(SampleImports.streamDocsExample + [bad], into: store, name: "bad.jsonl").state, .analyzeFailed)
        XCTAssertEqual(try store.inspect(indexes).map(\.values), before)
        XCTAssertEqual(try importLines(SampleImports.streamDocsExample, into: store).state, .completed)
        XCTAssertEqual(try store.inspect(indexes).map(\.values), before)
        let plan = try store.inspect("EXPLAIN QUERY PLAN SELECT id FROM messages WHERE cid = 'messaging:channel_001' ORDER BY created_at")
        XCTAssertTrue(plan.contains { $0.values.contains { String.decode($0)?.contains("messages_by_channel") == true } }, "\(plan)")
        XCTAssertEqual(try value(store, "SELECT COUNT(*) FROM messages INDEXED BY messages_by_channel WHERE cid > ''"), "1")
        XCTAssertEqual(
            try value(store, "SELECT id FROM messages WHERE rowid IN (SELECT rowid FROM message_words('chat AND stream'))"),
            "message_001"
        )
        XCTAssertEqual(try value(store, "SELECT v FROM message_words_config WHERE k = 'hashsize'"), "1048576")
    }

    func testOneBadLineAtTheEndWritesNothing() throws {
        let store = try openStore()
        let lines =
            SampleImports.streamDocsExample + [
                #"{"type":"reaction","data":{"message_id":"message_001","type":"x","user_id":"nobody","created_at":"2019-03-02T15:00:00Z"}}"#
            ]
        let task = try importLines(lines, into: store)
        XCTAssertEqual(task.state, .analyzeFailed)
        XCTAssertEqual(try store.counts().total, 0)
        let errors = task.result?.objectValue?["errors"]?.arrayValue ?? []
        XCTAssertEqual(
            errors.first?.objectValue?["error"]?.stringValue,
            #"Validation error: user_id user id "nobody" doesn't exist (reaction "message_001:x:nobody"). please include all users as separate user entries"#
        )
        // The failed task is on record.
        XCTAssertEqual(try store.importTask(id: task.id)?.state, .analyzeFailed)
        // and says nothing was imported: the users and messages before the bad line were
        // written in the transaction and rolled back with it.
        let stats = task.result?.objectValue?["stats"]?.objectValue
        XCTAssertEqual(stats?["total"]?.objectValue?["messages"], 1)
        for counts in ["imported", "skipped"] {
            let values = stats?[counts]?.objectValue?.members.map(\.value) ?? []
            XCTAssertFalse(values.isEmpty, counts)
            XCTAssertTrue(values.allSatisfy { $0 == 0 }, "\(counts): \(values)")
        }
    }

    func testAFailedImportLeavesEarlierDataUntouched() throws {
        let store = try openStore()
        try importLines(SampleImports.base, into: store)
        let before = try TestStore.dump(store)
        try importLines(
            [#"{"type":"user","data":{"id":"carol"}}"#, #"{"type":"user","data":{"id":"bad id"}}"#],
            into: store,
            name: "bad.jsonl"
        )
        XCTAssertEqual(try TestStore.dump(store), before)
    }

    func testUpsertTwiceLeavesTheSameStore() throws {
        let store = try openStore()
        let path = directory.file("gen.jsonl")
        try SyntheticImport.write(SyntheticImport.Spec(users: 30, channels: 8, messages: 1500, seed: 5), to: path)
        XCTAssertEqual(try importFile(path, into: store).state, .completed)
        let first = try TestStore.dump(store)
        let second = try importFile(path, into: store)
        XCTAssertEqual(second.state, .completed)
        XCTAssertEqual(try TestStore.dump(store), first)
        XCTAssertEqual(second.result?.objectValue?["stats"]?.objectValue?["imported"]?.objectValue?["messages"], 1500)
    }

    func testUpsertOverwritesProvidedFieldsAndReplacesCustomData() throws {
        let store = try openStore()
        try importLines([#"{"type":"user","data":{"id":"a","role":"admin","language":"fr","name":"A","team_color":"red"}}"#], into: store)
        try importLines([#"{"type":"user","data":{"id":"a","language":"de","name":"A2"}}"#], into: store, name: "second.jsonl")
        XCTAssertEqual(try value(store, "SELECT role FROM users"), "admin", "a field the item omits keeps its value")
        XCTAssertEqual(try value(store, "SELECT language FROM users"), "de")
        XCTAssertEqual(try value(store, "SELECT custom FROM users"), #"{"name":"A2"}"#, "custom data is replaced whole")
    }

    func testInsertModeSkipsItemsThatExist() throws {
        let store = try openStore()
        try importLines(SampleImports.base, into: store)
        let before = try TestStore.dump(store)
        let changed = [
            #"{"type":"user","data":{"id":"alice","name":"Changed"}}"#,
            #"{"type":"user","data":{"id":"carol","name":"Carol"}}"#,
            #"{"type":"member","data":{"channel_type":"messaging","channel_id":"general","user_id":"alice","channel_role":"channel_moderator"}}"#,
            #"{"type":"member","data":{"channel_type":"messaging","channel_id":"general","user_id":"carol"}}"#,
            #"{"type":"message","data":{"id":"m1","channel_type":"messaging","channel_id":"general","user":"bob","text":"changed"}}"#,
            #"{"type":"reaction","data":{"message_id":"m1","type":"like","user_id":"carol","created_at":"2020-01-02T00:00:00Z"}}"#,
        ]
        let task = try importLines(changed, into: store, mode: .insert, name: "insert.jsonl")
        XCTAssertEqual(task.state, .completed)
        let stats = task.result?.objectValue?["stats"]?.objectValue
        XCTAssertEqual(stats?["skipped"]?.objectValue?["users"], 1)
        XCTAssertEqual(stats?["skipped"]?.objectValue?["members"], 1)
        XCTAssertEqual(stats?["skipped"]?.objectValue?["messages"], 1)
        XCTAssertEqual(stats?["imported"]?.objectValue?["users"], 1)
        XCTAssertEqual(try value(store, "SELECT custom FROM users WHERE id = 'alice'"), #"{"name":"Alice"}"#)
        XCTAssertEqual(try value(store, "SELECT text FROM messages WHERE id = 'm1'"), "hi")
        XCTAssertEqual(try value(store, "SELECT channel_role FROM members WHERE user_id = 'alice'"), "channel_member")
        XCTAssertEqual(try store.counts()[.user], 3)
        XCTAssertEqual(try store.counts()[.reaction], 1)
        XCTAssertNotEqual(try TestStore.dump(store), before)
    }

    /// A later file may reference what an earlier import stored.
    func testReferencesResolveAgainstTheStore() throws {
        let store = try openStore()
        try importLines(Array(SampleImports.base.prefix(2)), into: store)
        let task = try importLines(Array(SampleImports.base.dropFirst(2)), into: store, name: "rest.jsonl")
        XCTAssertEqual(task.state, .completed, "\(task.result ?? .null)")
        XCTAssertEqual(try store.counts()[.message], 1)
        let reply =
            #"{"type":"message","data":{"id":"r1","channel_type":"messaging","channel_id":"general","user":"bob","parent_id":"m1"}}"#
        XCTAssertEqual(try importLines([reply], into: store, name: "reply.jsonl").state, .completed)
        XCTAssertEqual(try value(store, "SELECT type FROM messages WHERE id = 'r1'"), "reply")
    }

    /// Reactions, replies and quotes of stored messages are checked against the store as the file
    /// goes (on PostgreSQL asked a batch at a time): a stored message is found with its channel
    /// and whether it is a reply, a missing one is reported once a reference, and nothing is
    /// written when one is missing.
    func testReactionsRepliesAndQuotesOfStoredMessagesAreCheckedAgainstTheStore() throws {
        let store = try openStore()
        let reply =
            #"{"type":"message","data":{"id":"r1","channel_type":"messaging","channel_id":"general","user":"bob","parent_id":"m1"}}"#
        let other = #"{"type":"channel","data":{"id":"other","type":"messaging","created_by":"alice"}}"#
        let lines = SampleImports.base.prefix(3) + [other] + SampleImports.base.dropFirst(3) + [reply]
        XCTAssertEqual(try importLines(Array(lines), into: store).state, .completed)
        let reaction = { (message: String, user: String) in
            #"{"type":"reaction","data":{"message_id":"\#(message)","type":"like","user_id":"\#(user)","created_at":"2020-01-02T10:00:00Z"}}"#
        }
        let message = { (id: String, channel: String, link: String) in
            #"{"type":"message","data":{"id":"\#(id)","channel_type":"messaging","channel_id":"\#(channel)","user":"bob",\#(link)}}"#
        }
        let valid = try importLines(
            [
                message("q1", "general", #""quoted_message_id":"r1""#), reaction("m1", "alice"), reaction("m1", "bob"),
                reaction("r1", "alice"),
            ],
            into: store,
            name: "valid.jsonl"
        )
        XCTAssertEqual(valid.state, .completed, "\(valid.result ?? .null)")
        XCTAssertEqual(try value(store, "SELECT COUNT(*) FROM reactions WHERE message_id = 'm1'"), "2")
        XCTAssertEqual(try value(store, "SELECT quoted_message_id FROM messages WHERE id = 'q1'"), "r1")
        let before = try TestStore.dump(store)
        let invalid = try importLines(
            [
                message("q2", "other", #""parent_id":"m1""#), message("q3", "general", #""parent_id":"r1""#),
                reaction("m1", "alice"), reaction("gone", "bob"),
            ],
            into: store,
            name: "invalid.jsonl"
        )
        XCTAssertEqual(invalid.state, .analyzeFailed)
        XCTAssertEqual(
            (invalid.result?.objectValue?["errors"]?.arrayValue ?? []).compactMap { $0.objectValue?["error"]?.stringValue },
            [
                #"Validation error: parent_id message "m1" is in channel "messaging:general", not in "messaging:other" (message "q2")"#,
                #"Validation error: parent_id message "r1" is itself a reply: only one level of threads is allowed (message "q3")"#,
                #"Validation error: message_id message "gone" doesn't exist (reaction "gone:like:bob"). please include all messages as separate message entries"#,
            ]
        )
        XCTAssertEqual(try TestStore.dump(store), before)
    }

    func testMissingCreatedAtGetsTheImportTimeOnceOnly() throws {
        let store = try openStore()
        let first = try importLines([#"{"type":"user","data":{"id":"a"}}"#], into: store)
        let stamped = try value(store, "SELECT created_at FROM users")
        XCTAssertEqual(stamped, first.createdAt.storageText)
        try importLines([#"{"type":"user","data":{"id":"a","name":"again"}}"#], into: store, name: "again.jsonl")
        XCTAssertEqual(try value(store, "SELECT created_at FROM users"), stamped)
    }

    func testImportTasksListNewestFirstWithLimitAndOffset() throws {
        let store = try openStore()
        var ids: [String] = []
        for i in 0..<3 {
            ids.append(try importLines(["{\"type\":\"user\",\"data\":{\"id\":\"u\(i)\"}}"], into: store, name: "\(i).jsonl").id)
        }
        XCTAssertEqual(try store.importTasks(limit: 10, offset: 0).map(\.id), ids.reversed())
        XCTAssertEqual(try store.importTasks(limit: 1, offset: 1).map(\.id), [ids[1]])
        let task = try XCTUnwrap(store.importTask(id: ids[0]))
        XCTAssertEqual(task.path, directory.file("0.jsonl"))
        XCTAssertEqual(task.mode, .upsert)
        XCTAssertEqual(task.size, Int64("{\"type\":\"user\",\"data\":{\"id\":\"u0\"}}\n".utf8.count))
        XCTAssertEqual(task.history.map(\.prevState), [.uploaded, .analyzing])
        XCTAssertNil(try store.importTask(id: "nope"))
    }
}

/// The shipped demo workspace, as a user loads it.
final class DemoDataImportTests: XCTestCase {
    let directory = TemporaryDirectory()

    func testDemoDataImportsAndReimportsToTheSameStore() throws {
        let store = try TestStore.open(directory.file("demo.sqlite"))
        let path = packageRoot + "/demo-data/demo.jsonl"
        func load() throws -> ImportTask {
            try store.runImport(path: path, mode: .upsert) { existing, sink in
                try ImportAnalyzer(existing: existing, sink: sink).run(path: path)
            }
        }
        let first = try load()
        XCTAssertEqual(first.state, .completed, "\(first.result ?? .null)")
        let counts = try store.counts()
        XCTAssertGreaterThanOrEqual(counts[.user], 25)
        XCTAssertGreaterThanOrEqual(counts[.channel], 15)
        XCTAssertGreaterThanOrEqual(counts[.message], 3000)
        XCTAssertEqual([counts[.poll], counts[.pollVote]], [2, 15])
        let before = try TestStore.dump(store)
        XCTAssertEqual(try load().state, .completed)
        XCTAssertEqual(try TestStore.dump(store), before)
        // Every built-in channel type is there, and the demo user has unread messages to show.
        let types = try store.inspect("SELECT DISTINCT type FROM channels ORDER BY type").compactMap { String.decode($0.values[0]) }
        XCTAssertEqual(types, ["commerce", "gaming", "livestream", "messaging", "team"])
        let unread = try store.inspect(
            """
            SELECT COUNT(*) FROM messages m JOIN members mb ON mb.cid = m.cid AND mb.user_id = 'maya'
            WHERE mb.last_read IS NOT NULL AND m.created_at > mb.last_read AND m.user_id != 'maya'
            """
        ).first.flatMap { Int.decode($0.values[0]) }
        XCTAssertGreaterThan(unread ?? 0, 0)
    }
}

extension StoreImportTests {
    /// The import binds its values through SQLite's C API: an empty text stays empty text (not
    /// NULL), and non-ASCII text and NULLs arrive as written.
    func testEmptyAndNonASCIITextArriveAsWritten() throws {
        let store = try openStore()
        let lines =
            SampleImports.base + [
                #"{"type":"message","data":{"id":"m2","channel_type":"messaging","channel_id":"general","user":"bob","text":"","created_at":"2020-01-01T10:01:00Z"}}"#,
                #"{"type":"message","data":{"id":"m3","channel_type":"messaging","channel_id":"general","user":"bob","text":"café 🎉","created_at":"2020-01-01T10:02:00Z"}}"#,
            ]
        XCTAssertEqual(try importLines(lines, into: store).state, .completed)
        XCTAssertEqual(
            try value(store, "SELECT CASE WHEN text IS NULL THEN 'null' ELSE '[' || text || ']' END FROM messages WHERE id = 'm2'"),
            "[]"
        )
        XCTAssertEqual(try value(store, "SELECT text FROM messages WHERE id = 'm3'"), "café 🎉")
        XCTAssertEqual(try value(store, "SELECT created_at FROM messages WHERE id = 'm3'"), "2020-01-01T10:02:00.000000000Z")
        XCTAssertEqual(try value(store, "SELECT CASE WHEN html IS NULL THEN 'null' ELSE html END FROM messages WHERE id = 'm3'"), "null")
    }
}
