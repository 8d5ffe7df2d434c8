import ChatImport
import ChatModel
import ChatTestSupport
import XCTest

@testable import ChatStore

/// PostgreSQL imports write many rows a statement (`PostgresImportSink`): the rows and counts
/// must be SQLite's, row for row, and a failure anywhere must leave the store as it was.
/// PostgreSQL only (`CHATTERM_TEST_POSTGRES`).
final class PostgresBatchImportTests: XCTestCase {
    let directory = TemporaryDirectory()

    override func setUpWithError() throws {
        guard TestStore.postgresServer != nil else { throw XCTSkip("PostgreSQL only: set CHATTERM_TEST_POSTGRES (Tests/all.sh does)") }
    }

    /// More messages than one statement holds, so full batches and a partial one are written,
    /// and every item type; `seed` changes the content, not the keys.
    private func generated(_ name: String, seed: UInt64) throws -> String {
        let path = directory.file(name)
        try SyntheticImport.write(.init(users: 80, channels: 12, messages: 2500, seed: seed), to: path)
        return path
    }

    /// Items that exist after the generated files, each with fewer fields than before: upsert
    /// overwrites only what an item provides.
    private func partial() -> String {
        directory.write(
            "partial.jsonl",
            lines: [
                #"{"type":"user","data":{"id":"user-3","custom_color":"red"}}"#,
                #"{"type":"user","data":{"id":"user-new"}}"#,
                #"{"type":"channel","data":{"type":"messaging","id":"general-0","created_by":"user-3","frozen":true}}"#,
                #"{"type":"member","data":{"channel_type":"messaging","channel_id":"general-0","user_id":"user-new"}}"#,
                #"{"type":"member","data":{"channel_type":"messaging","channel_id":"general-0","user_id":"user-3","channel_role":"channel_member"}}"#,
            ]
        )
    }

    /// Items without `created_at` get the task's time: the same for both stores.
    @discardableResult
    private func importFile(_ path: String, into store: ChatStore, mode: ImportMode) throws -> ImportResult {
        var result = ImportResult()
        let created = ImportTask(
            id: UUID().uuidString,
            path: path,
            mode: mode,
            size: nil,
            createdAt: Timestamp(seconds: 1_700_000_000, nanoseconds: 0)
        )
        let task = try store.runImport(created) { existing, sink in
            result = try ImportAnalyzer(existing: existing, sink: sink).run(path: path)
            return result
        }
        XCTAssertEqual(task.state, .completed, "\(path): \(result.errors.map(\.error))")
        return result
    }

    func testBatchedImportsGiveSQLitesRowsAndCountsInBothModes() throws {
        let first = try generated("first.jsonl", seed: 1)
        let second = try generated("second.jsonl", seed: 2)
        let third = partial()
        for mode in ImportMode.allCases {
            let sqlite = try ChatStore(path: directory.file("\(mode).sqlite"))
            let postgres = try TestStore.open(directory.file("\(mode)-pg.sqlite"))
            var skipped = 0
            for file in [first, second, third] {
                let expected = try importFile(file, into: sqlite, mode: mode)
                let got = try importFile(file, into: postgres, mode: mode)
                XCTAssertEqual(got.imported, expected.imported, "\(mode) \(file): written")
                XCTAssertEqual(got.skipped, expected.skipped, "\(mode) \(file): skipped")
                skipped += expected.skipped?.total ?? 0
                let rows = try TestStore.dump(sqlite)
                let pgRows = try TestStore.dump(postgres)
                XCTAssertEqual(pgRows.count, rows.count, "\(mode) \(file): rows")
                if let i = rows.indices.first(where: { $0 < pgRows.count && rows[$0] != pgRows[$0] }) {
                    XCTFail("\(mode) \(file) row \(i):\n  \(rows[i])\n  \(pgRows[i])")
                }
                XCTAssertGreaterThan(rows.count, 3000)
                // Every message's words are chatterm's split of its text, inserted or upserted.
                let texts = try postgres.inspect("SELECT id, text, words FROM messages")
                let wrong = texts.filter { MessageWordIndex.postgresWords(of: $0["text"] ?? "") != $0["words"] ?? "" }
                XCTAssertEqual(wrong.map { $0["id"] ?? "" }, [], "\(mode) \(file)")
            }
            // Insert mode skips what exists; upsert writes it over.
            if mode == .insert { XCTAssertGreaterThan(skipped, 2000) } else { XCTAssertEqual(skipped, 0) }
        }
    }

    /// Messages and reactions go into an empty table by COPY, whose text format reads a
    /// backslash, tab, newline or carriage return as its own syntax, and `\N` as NULL and `\.`
    /// as the data's end: text holding them arrives as written, as on SQLite.
    func testTextCOPYWouldReadAsItsOwnSyntaxArrivesAsWritten() throws {
        let texts = [
            #"a\tb \N \\ c\\.d"#, "\\.", #"\N"#, "tab\tnewline\ncarriage\rend", "\\N\\t", "ü 🫠 \u{7}",
        ]
        var lines = [
            #"{"type":"user","data":{"id":"ada"}}"#,
            #"{"type":"channel","data":{"type":"messaging","id":"c","created_by":"ada"}}"#,
        ]
        let at: JSONValue = "2026-01-02T03:04:05Z"
        for (i, text) in texts.enumerated() {
            let message: JSONObject = [
                "id": .string("m\(i)"), "channel_type": "messaging", "channel_id": "c", "user": "ada", "text": .string(text),
                "note": .string(text), "created_at": at,
            ]
            lines.append(JSONWriter().string(["type": "message", "data": .object(message)]))
        }
        for (i, text) in texts.enumerated() {
            let reaction: JSONObject = [
                "message_id": .string("m\(i)"), "type": "like", "user_id": "ada", "why": .string(text), "created_at": at,
            ]
            lines.append(JSONWriter().string(["type": "reaction", "data": .object(reaction)]))
        }
        let path = directory.write("escapes.jsonl", lines: lines)
        let sqlite = try ChatStore(path: directory.file("escapes.sqlite"))
        let postgres = try TestStore.open(directory.file("escapes-pg.sqlite"))
        try importFile(path, into: sqlite, mode: .insert)
        try importFile(path, into: postgres, mode: .insert)
        XCTAssertEqual(try TestStore.dump(postgres), try TestStore.dump(sqlite))
        let stored = try postgres.inspect("SELECT text FROM messages ORDER BY id").map { String.decode($0.values[0]) }
        XCTAssertEqual(stored, texts.map(Optional.some))
    }

    /// The last item of a big file fails after whole batches were written: the import's
    /// transaction takes them all back.
    func testAFailureLateInABigImportLeavesTheStoreAsItWas() throws {
        let store = try TestStore.open(directory.file("chat.sqlite"))
        try importFile(partial(), into: store, mode: .upsert)
        let before = try TestStore.dump(store)
        let lines = try String(contentsOfFile: try generated("big.jsonl", seed: 3), encoding: .utf8)
            .split(separator: "\n").map(String.init)

        // A validation error on the last line.
        let invalid = directory.write(
            "invalid.jsonl",
            lines: lines + [#"{"type":"reaction","data":{"message_id":"no-such-message","type":"like","user_id":"user-1"}}"#]
        )
        let result = try store.runImport(path: invalid, mode: .upsert) { existing, sink in
            try ImportAnalyzer(existing: existing, sink: sink).run(path: invalid)
        }
        XCTAssertEqual(result.state, .analyzeFailed)
        XCTAssertEqual(try TestStore.dump(store), before)

        // PostgreSQL itself refuses the file's last message (a constraint the test adds), in the
        // last batch, after whole batches of messages were written.
        let last = try XCTUnwrap(lines.last { $0.hasPrefix(#"{"type":"message""#) })
        let id = try XCTUnwrap(try JSONParser.parse(last).objectValue?["data"]?.objectValue?["id"]?.stringValue)
        _ = try store.inspect("ALTER TABLE messages ADD CONSTRAINT not_the_last CHECK (id <> '\(id)')")
        let refused = directory.write("refused.jsonl", lines: lines)
        XCTAssertThrowsError(
            try store.runImport(path: refused, mode: .upsert) { existing, sink in
                try ImportAnalyzer(existing: existing, sink: sink).run(path: refused)
            }
        ) { XCTAssertTrue(String(reflecting: $0).contains("not_the_last"), String(reflecting: $0)) }
        XCTAssertEqual(try TestStore.dump(store), before)
        let states = try store.importTasks(limit: 10, offset: 0).map(\.state).sorted { $0.rawValue < $1.rawValue }
        XCTAssertEqual(states, [.analyzeFailed, .analyzeFailed, .completed])
    }

    /// A batch fails while in flight and the file's next item reads the store (a reaction to a
    /// message the store holds): the batch's error is reported, not a missing message.
    func testAFailedBatchIsReportedNotTheReadsAfterIt() throws {
        let store = try TestStore.open(directory.file("chat.sqlite"))
        try importFile(
            directory.write(
                "old.jsonl",
                lines: [
                    #"{"type":"user","data":{"id":"user-1"}}"#,
                    #"{"type":"channel","data":{"type":"messaging","id":"c","created_by":"user-1"}}"#,
                    #"{"type":"message","data":{"id":"old-message","channel_type":"messaging","channel_id":"c","user":"user-1","text":"old"}}"#,
                ]
            ),
            into: store,
            mode: .upsert
        )
        let before = try TestStore.dump(store)
        // Full batches of messages (5,000 rows a statement), sent before the reaction is read.
        let messages = (0..<12_000).map {
            #"{"type":"message","data":{"id":"m-\#($0)","channel_type":"messaging","channel_id":"c","user":"user-1","text":"hi"}}"#
        }
        let path = directory.write(
            "new.jsonl",
            lines: messages + [#"{"type":"reaction","data":{"message_id":"old-message","type":"like","user_id":"user-1"}}"#]
        )
        _ = try store.inspect("ALTER TABLE messages ADD CONSTRAINT not_m_500 CHECK (id <> 'm-500')")
        XCTAssertThrowsError(
            try store.runImport(path: path, mode: .upsert) { existing, sink in
                try ImportAnalyzer(existing: existing, sink: sink).run(path: path)
            }
        ) { XCTAssertTrue(String(reflecting: $0).contains("not_m_500"), String(reflecting: $0)) }
        XCTAssertEqual(try TestStore.dump(store), before)
    }

    /// A cancel stops an import whose statement in flight would not end by itself (a check on
    /// messages that sleeps for an hour): the statement is cancelled at once, the task is
    /// recorded as cancelled and the store is left as it was. Waiting for the statement to end,
    /// as the analysis's own check between batches would, the import would run for an hour.
    func testACancelStopsTheStatementInFlight() throws {
        let store = try TestStore.open(directory.file("chat.sqlite"))
        try importFile(partial(), into: store, mode: .upsert)
        let before = try TestStore.dump(store)
        let path = try generated("big.jsonl", seed: 4)
        _ = try store.inspect("CREATE FUNCTION waits_an_hour() RETURNS boolean LANGUAGE sql AS 'SELECT true FROM pg_sleep(3600)'")
        _ = try store.inspect("ALTER TABLE messages ADD CONSTRAINT waits CHECK (waits_an_hour())")

        let interruption = ImportInterruption()
        let task = try store.createImportTask(path: path, mode: .upsert)
        let outcome = Locked<(any Error)?>(nil)
        let ended = expectation(description: "the import ends")
        Thread.detachNewThread {
            do {
                _ = try store.runImport(task, interruption: interruption) { existing, sink in
                    try ImportAnalyzer(existing: existing, sink: sink).run(path: path)
                }
            } catch {
                outcome.withLock { $0 = error }
            }
            ended.fulfill()
        }
        var asleep = false
        for _ in 0..<2400 where !asleep {
            asleep = try !store.inspect("SELECT 1 FROM pg_stat_activity WHERE wait_event = 'PgSleep' AND datname = current_database()")
                .isEmpty
            if !asleep { Thread.sleep(forTimeInterval: 0.05) }
        }
        XCTAssertTrue(asleep, "the import's insert into messages never ran")
        interruption.cancel()
        wait(for: [ended], timeout: 120)

        let error = try XCTUnwrap(outcome.withLock { $0 })
        XCTAssertTrue((error as? ImportInterruption.Interrupted)?.isCancel == true, String(reflecting: error))
        XCTAssertEqual(try store.importTasks(limit: 1, offset: 0).first?.state, .cancelled)
        XCTAssertEqual(try TestStore.dump(store), before)
        XCTAssertEqual(
            try store.inspect("SELECT 1 FROM pg_stat_activity WHERE wait_event = 'PgSleep' AND datname = current_database()").count,
            0
        )
    }

    /// Every index of the database, by name and definition.
    private func indexes(_ store: ChatStore) throws -> [String] {
        try store.inspect("SELECT indexname || ': ' || indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname")
            .compactMap { String.decode($0.values[0]) }
    }

    /// Every constraint of the schema's tables with its definition: primary keys included.
    private func constraints(_ store: ChatStore) throws -> [String] {
        try store.inspect(
            "SELECT conrelid::regclass || ' ' || conname || ': ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1"
        ).compactMap { String.decode($0.values[0]) }
    }

    /// The object id of index `name`: a new one when the index was dropped and made again.
    private func indexID(_ name: String, in store: ChatStore) throws -> Int64? {
        try store.inspect("SELECT '\(name)'::regclass::oid::bigint").first.flatMap { Int64.decode($0.values[0]) }
    }

    /// Into a new database the import drops the secondary indexes of the tables it fills and
    /// makes them again after the rows: the database ends with every index as the schema made
    /// it, and a word search finds an imported message at once. Into a table that holds rows,
    /// its indexes are kept as they are. An index someone added is made again as it was, and one
    /// that backs a constraint (which cannot be dropped alone) is kept.
    func testAnImportIntoANewDatabaseMakesItsIndexesAgainAndSearchFindsItsWords() throws {
        let store = try TestStore.open(directory.file("chat.sqlite"))
        _ = try store.inspect("CREATE INDEX messages_by_user ON messages (user_id, lower(text)) WHERE type <> 'deleted'")
        _ = try store.inspect("ALTER TABLE messages ADD CONSTRAINT one_per_id EXCLUDE USING btree (id WITH =)")
        let before = try indexes(store)
        let keys = try constraints(store)
        XCTAssertTrue(keys.contains("messages messages_pkey: PRIMARY KEY (id)"), "\(keys)")
        // The primary key of a table filled by COPY too.
        let rebuilt = ["message_words", "messages_by_channel", "members_by_user", "messages_by_user", "messages_pkey"]
        XCTAssertTrue(before.contains { $0.hasPrefix("messages_by_user: ") } && before.contains { $0.hasPrefix("one_per_id: ") })
        XCTAssertTrue(before.contains { $0.hasPrefix("message_words: ") }, "\(before)")
        let firstIDs = try rebuilt.map {
            try indexID($0, in: store)
        }
        let constraintIndex = try indexID("one_per_id", in: store)
        let path = directory.write(
            "words.jsonl",
            lines: [
                #"{"type":"user","data":{"id":"ada"}}"#,
                #"{"type":"channel","data":{"type":"messaging","id":"c","created_by":"ada"}}"#,
                #"{"type":"member","data":{"channel_type":"messaging","channel_id":"c","user_id":"ada"}}"#,
                #"{"type":"message","data":{"id":"m1","channel_type":"messaging","channel_id":"c","user":"ada","text":"Marmalade, please!"}}"#,
                #"{"type":"message","data":{"id":"m2","channel_type":"messaging","channel_id":"c","user":"ada","text":"tea"}}"#,
            ]
        )
        try importFile(path, into: store, mode: .insert)
        XCTAssertEqual(try indexes(store), before)
        XCTAssertEqual(try constraints(store), keys)
        let rebuiltIDs = try rebuilt.map {
            try indexID($0, in: store)
        }
        for (first, rebuilt) in zip(firstIDs, rebuiltIDs) { XCTAssertNotEqual(first, rebuilt) }
        XCTAssertEqual(try indexID("one_per_id", in: store), constraintIndex)
        XCTAssertEqual(try store.search(text: "marmalade", userID: "ada", limit: 10).map(\.id), ["m1"])

        try importFile(try generated("more.jsonl", seed: 5), into: store, mode: .upsert)
        XCTAssertEqual(try indexes(store), before)
        XCTAssertEqual(
            try rebuilt.map { try indexID($0, in: store) },
            rebuiltIDs
        )
        XCTAssertEqual(try store.search(text: "marmalade", userID: "ada", limit: 10).map(\.id), ["m1"])
    }

    /// An import into a new database that fails after dropping the indexes, by a validation
    /// error at the file's end or by PostgreSQL refusing its last message, leaves every index
    /// as it was, as well as the rows.
    func testAFailedImportIntoANewDatabaseLeavesEveryIndex() throws {
        let store = try TestStore.open(directory.file("chat.sqlite"))
        let before = try indexes(store)
        let keys = try constraints(store)
        let rows = try TestStore.dump(store)
        let lines = try String(contentsOfFile: try generated("big.jsonl", seed: 6), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let invalid = directory.write(
            "invalid.jsonl",
            lines: lines + [#"{"type":"reaction","data":{"message_id":"no-such-message","type":"like","user_id":"user-1"}}"#]
        )
        let result = try store.runImport(path: invalid, mode: .insert) { existing, sink in
            try ImportAnalyzer(existing: existing, sink: sink).run(path: invalid)
        }
        XCTAssertEqual(result.state, .analyzeFailed)
        XCTAssertEqual(try indexes(store), before)
        XCTAssertEqual(try constraints(store), keys)
        XCTAssertEqual(try TestStore.dump(store), rows)

        let last = try XCTUnwrap(lines.last { $0.hasPrefix(#"{"type":"message""#) })
        let id = try XCTUnwrap(try JSONParser.parse(last).objectValue?["data"]?.objectValue?["id"]?.stringValue)
        _ = try store.inspect("ALTER TABLE messages ADD CONSTRAINT not_the_last CHECK (id <> '\(id)')")
        let checked = try constraints(store)
        let refused = directory.write("refused.jsonl", lines: lines)
        XCTAssertThrowsError(
            try store.runImport(path: refused, mode: .insert) { existing, sink in
                try ImportAnalyzer(existing: existing, sink: sink).run(path: refused)
            }
        ) { XCTAssertTrue(String(reflecting: $0).contains("not_the_last"), String(reflecting: $0)) }
        XCTAssertEqual(try indexes(store), before)
        XCTAssertEqual(try constraints(store), checked)
        XCTAssertEqual(try TestStore.dump(store), rows)
    }
}
