import ChatImport
import ChatModel
import ChatTestSupport
import XCTest

@testable import ChatStore

/// Search through the word index, on either backend: Stream's word rules, query text that
/// is never index syntax, and an index that follows every write (imports, sends, edits, deletes,
/// truncates, channel deletes) and existing stores that migrate to it.
final class MessageSearchTests: XCTestCase {
    let directory = TemporaryDirectory()
    let general = "messaging:general"

    private func message(_ id: String, _ text: String, user: String = "bob", channel: String = "general", at time: String) -> String {
        let quoted = JSONWriter().string(.string(text))
        return
            #"{"type":"message","data":{"id":"\#(id)","channel_type":"messaging","channel_id":"\#(channel)","user":"\#(user)","text":\#(quoted),"created_at":"2020-01-01T\#(time)Z"}}"#
    }

    private func importLines(_ lines: [String], into store: ChatStore, name: String) throws -> ImportTask {
        let path = directory.write(name, lines: lines)
        return try store.runImport(path: path, mode: .upsert) { try ImportAnalyzer(existing: $0, sink: $1).run(path: path) }
    }

    /// A new store with two channels alice belongs to and `texts` in general, one a minute from 09:00.
    private func store(_ texts: [String]) throws -> ChatStore {
        let store = try TestStore.open(directory.file("search.sqlite"))
        let lines =
            [
                #"{"type":"user","data":{"id":"alice"}}"#, #"{"type":"user","data":{"id":"bob"}}"#,
                #"{"type":"user","data":{"id":"carol"}}"#,
                #"{"type":"channel","data":{"id":"general","type":"messaging","created_by":"alice"}}"#,
                #"{"type":"channel","data":{"id":"random","type":"messaging","created_by":"alice"}}"#,
                #"{"type":"member","data":{"channel_type":"messaging","channel_id":"general","user_id":"alice"}}"#,
                #"{"type":"member","data":{"channel_type":"messaging","channel_id":"random","user_id":"alice"}}"#,
            ] + texts.enumerated().map { message("m\($0)", $1, at: String(format: "09:%02d:00", $0)) }
        XCTAssertEqual(try importLines(lines, into: store, name: "first.jsonl").state, .completed)
        return store
    }

    private func found(_ store: ChatStore, _ query: String, prefix: Bool = false) throws -> [String] {
        try store.search(
            MessageSearch(query: query, prefix: prefix, order: [(key: .createdAt, descending: false)]),
            cids: [general, "messaging:random"],
            viewer: "alice",
            limit: 100,
            offset: 0
        ).map(\.message.id)
    }

    func testQueryWordsMatchWholeWordsOfTheTextCaseFolded() throws {
        let store = try store([
            "Supercalifragilisticexpialidocious!", "the SUPER bowl", "super-star", "superb 42x",
            "docs at https://example.com/setup-guide?page=2 or mail ops@example.org", "snake_case and file/path.txt",
            "café crème", "don’t stop",
        ])
        XCTAssertEqual(try found(store, "cious"), [])
        XCTAssertEqual(try found(store, "SUPERCALIFRAGILISTICEXPIALIDOCIOUS"), ["m0"])
        XCTAssertEqual(try found(store, "super"), ["m1", "m2"])
        XCTAssertEqual(try found(store, "42"), [])
        XCTAssertEqual(try found(store, "42x"), ["m3"])
        XCTAssertEqual(try found(store, "super bowl"), ["m1"], "every word, not any")
        XCTAssertEqual(try found(store, "bowl  SUPER!"), ["m1"], "in any order, punctuation between")
        // Words inside URLs, addresses, paths and snake_case are words of their own.
        for word in ["example", "setup", "guide", "page", "ops", "org", "snake", "case", "path", "txt"] {
            XCTAssertEqual(try found(store, word).count, 1, word)
        }
        XCTAssertEqual(try found(store, "café"), ["m6"])
        XCTAssertEqual(try found(store, "cafe"), [], "accents are kept")
        XCTAssertEqual(try found(store, "don"), ["m7"])
        XCTAssertEqual(try found(store, "t stop"), ["m7"])
    }

    /// Emoji newer than SQLite's own Unicode tables (🥳, 🦜, 🫶) and format characters (the bidi
    /// isolates, a zero-width space) split words as the query splits them.
    func testEmojiAndFormatCharactersSplitWords() throws {
        let store = try store(["thanks🥳everyone", "parrot🦜 mode", "abc\u{202E}dcba\u{2066}x\u{2069}\u{200B}", "hands🫶"])
        XCTAssertEqual(try found(store, "thanks"), ["m0"])
        XCTAssertEqual(try found(store, "everyone"), ["m0"])
        XCTAssertEqual(try found(store, "parrot"), ["m1"])
        XCTAssertEqual(try found(store, "abc dcba x"), ["m2"])
        XCTAssertEqual(try found(store, "hands"), ["m3"])
        XCTAssertEqual(try found(store, "hands", prefix: true), ["m3"])
    }

    func testAutocompleteMatchesTheStartOfWords() throws {
        let store = try store(["Supercalifragilisticexpialidocious!", "the SUPER bowl", "superb 42x", "a superstar"])
        XCTAssertEqual(try found(store, "superb", prefix: true), ["m2"])
        XCTAssertEqual(try found(store, "super", prefix: true), ["m0", "m1", "m2", "m3"])
        XCTAssertEqual(try found(store, "perb", prefix: true), [])
        XCTAssertEqual(try found(store, "the sup", prefix: true), ["m1"])
    }

    /// The query's characters are words or separators, never the index's query syntax.
    func testQuerySyntaxCharactersAreNeverSyntax() throws {
        let store = try store([
            "AND or NOT", #"she said "near" twice"#, "NEAR the end", "stars * and quotes ' \\ here", "plain words",
        ])
        XCTAssertEqual(try found(store, "AND"), ["m0", "m3"])
        XCTAssertEqual(try found(store, "OR"), ["m0"])
        XCTAssertEqual(try found(store, "NOT"), ["m0"])
        XCTAssertEqual(try found(store, "\""), [])
        XCTAssertEqual(try found(store, "\"near"), ["m1", "m2"])
        XCTAssertEqual(try found(store, "NEAR(the end)"), ["m2"])
        XCTAssertEqual(try found(store, "NEAR(words plain, 2)"), [], "NEAR and 2 are words the text lacks")
        XCTAssertEqual(try found(store, "*"), [])
        XCTAssertEqual(try found(store, "star*"), [])
        XCTAssertEqual(try found(store, "star*", prefix: true), ["m3"])
        XCTAssertEqual(try found(store, "'quotes' & !here | :*"), ["m3"])
        XCTAssertEqual(try found(store, "plain:* -words ^plain {words}"), ["m4"])
        XCTAssertEqual(try found(store, #"\ here"#), ["m3"])
    }

    func testTheIndexFollowsSendsEditsAndDeletes() async throws {
        let store = try store(["first words", "second words"])
        var sent = Message(id: "new", channelType: "messaging", channelID: "general", userID: "carol", text: "freshly sent")
        sent.createdAt = Timestamp(rfc3339: "2020-01-01T10:00:00Z")
        let inserted = try await store.insert(message: sent)
        XCTAssertTrue(inserted)
        XCTAssertEqual(try found(store, "freshly"), ["new"])

        sent.text = "edited since"
        try store.update(message: sent, by: "carol")
        XCTAssertEqual(try found(store, "freshly"), [], "the old words leave the index")
        XCTAssertEqual(try found(store, "edited"), ["new"])

        try store.softDelete(messageID: "m0", by: "bob")
        XCTAssertEqual(try found(store, "words"), ["m1"], "a deleted message is never a result")

        // A hard delete takes the words out: the next message may get the deleted row's rowid,
        // and must not be found by the words it never had.
        XCTAssertNotNil(try store.deleteUser(id: "carol", hard: true, messages: .hardDelete, at: .now()))
        var next = Message(id: "after", channelType: "messaging", channelID: "general", userID: "bob", text: "unrelated")
        next.createdAt = Timestamp(rfc3339: "2020-01-01T11:00:00Z")
        let insertedNext = try await store.insert(message: next)
        XCTAssertTrue(insertedNext)
        XCTAssertEqual(try found(store, "edited"), [])
        XCTAssertEqual(try found(store, "unrelated"), ["after"])

        XCTAssertEqual(try store.truncate(cid: general, at: XCTUnwrap(Timestamp(rfc3339: "2020-01-01T09:00:30Z"))), 1)
        XCTAssertEqual(try found(store, "first"), [])
        XCTAssertEqual(try found(store, "second"), ["m1"])
        try store.deleteChannel(cid: general)
        XCTAssertEqual(try found(store, "second"), [])
        XCTAssertEqual(try found(store, "unrelated"), [])
        try assertIndexIntact(store)
    }

    func testImportsIntoAnExistingStoreKeepTheIndexInStep() throws {
        let store = try store(["old words", "kept words"])
        let update = [
            #"{"type":"user","data":{"id":"bob"}}"#, message("m0", "new text", at: "09:00:00"),
            message("r0", "random words", channel: "random", at: "09:30:00"),
        ]
        XCTAssertEqual(try importLines(update, into: store, name: "second.jsonl").state, .completed)
        XCTAssertEqual(try found(store, "old"), [])
        XCTAssertEqual(try found(store, "new text"), ["m0"])
        XCTAssertEqual(try found(store, "words"), ["m1", "r0"])
        // A failed import changes nothing, the index included.
        let bad = [message("m1", "rolled back", at: "09:01:00"), message("x", "no such user", user: "nobody", at: "09:02:00")]
        XCTAssertEqual(try importLines(bad, into: store, name: "bad.jsonl").state, .analyzeFailed)
        XCTAssertEqual(try found(store, "rolled"), [])
        XCTAssertEqual(try found(store, "kept"), ["m1"])
        try assertIndexIntact(store)
    }

    /// A store made before the index gets it filled when it is opened for writing.
    func testAStoreFromBeforeTheIndexGetsItFilled() throws {
        _ = try store(["from before", "the index"])
        let step = MessageWordIndex.step.name
        try TestStore.open(directory.file("search.sqlite")).backend.write { db in
            if db.dialect == .sqlite {
                for trigger in ["insert", "delete", "update"] { try db.execute("DROP TRIGGER message_words_\(trigger)") }
                try db.execute("DROP TABLE message_words")
                try db.execute("DELETE FROM grdb_migrations WHERE identifier = ?", step)
            } else {
                try db.execute("DROP INDEX message_words")
                try db.execute("ALTER TABLE messages DROP COLUMN words")
                for name in [step, MessageWordIndex.postgresRebuild.name, MessageWordIndex.postgresWordsStep.name] {
                    try db.execute("DELETE FROM chatterm_migrations WHERE name = ?", name)
                }
            }
        }
        let reopened = try TestStore.open(directory.file("search.sqlite"))
        XCTAssertEqual(try found(reopened, "before"), ["m0"])
        XCTAssertEqual(try found(reopened, "index"), ["m1"])
        try assertIndexIntact(reopened)
    }

    /// A PostgreSQL database from before v14m (its index over PostgreSQL's own words of the
    /// text, as v14k made it, and no words column) gets the words of every message it holds
    /// and the index over them, which search conditions use.
    func testAPostgresDatabaseFromBeforeTheWordsColumnGetsTheWords() throws {
        guard TestStore.postgresServer != nil else { return }
        _ = try store(["from-before", "the.index", "Mixed CASE wörds"])
        try TestStore.open(directory.file("search.sqlite")).backend.write { db in
            try db.execute("DROP INDEX message_words")
            try db.execute("ALTER TABLE messages DROP COLUMN words")
            try db.execute(
                "CREATE INDEX message_words ON messages USING GIN (to_tsvector('simple', regexp_replace(text, '[!-/:-@[-`{-~]', ' ', 'g')))"
            )
            try db.execute("DELETE FROM chatterm_migrations WHERE name = ?", MessageWordIndex.postgresWordsStep.name)
        }
        let reopened = try TestStore.open(directory.file("search.sqlite"))
        XCTAssertEqual(try found(reopened, "before"), ["m0"])
        XCTAssertEqual(try found(reopened, "index"), ["m1"])
        XCTAssertEqual(try found(reopened, "WÖRDS case"), ["m2"])
        try reopened.backend.write { db in
            let words = try db.values("SELECT words FROM messages ORDER BY id", []) as [String]
            XCTAssertEqual(words, ["from before", "the index", "mixed case wörds"])
            let definition: String? = try db.value("SELECT indexdef FROM pg_indexes WHERE indexname = 'message_words'")
            XCTAssertEqual(definition?.contains("array_to_tsvector"), true, definition ?? "no index")
            // The planner can answer a search's condition from the index: same expression.
            try db.execute("SET LOCAL enable_seqscan = off")
            let plan = try db.rows(
                "EXPLAIN SELECT id FROM messages m WHERE \(MessageWordIndex.condition(.postgres, plan: .fromIndex))",
                named: ["query": .text("'index'")]
            )
            .compactMap { String.decode($0.values[0]) }.joined(separator: "\n")
            XCTAssertTrue(plan.contains("message_words"), plan)
        }
    }

    /// Each store finds the words `MessageWords` splits text into, whatever the script, case or
    /// punctuation: SQLite's tokenizer is told where to split, and PostgreSQL holds chatterm's
    /// own split of each message (its own parser, before v14m, made
    /// `x²` the word `x` and `H₂O` the words `h` and `o`).
    func testEachStoreFindsTheWordsChattermSplits() throws {
        let texts = [
            "café crème", "cafe\u{301} decomposed", "CAFÉ loud", "naïve façade", "日本語のテキスト and 中文", "中文",
            "see https://example.com/setup-guide?page=2&the=1", "snake_case_words", "don’t stop", "emoji 👍🏽 thumbs 👨‍👩‍👧 family",
            "Straße STRASSE", "İstanbul ıstanbul", "ΣΊΣΥΦΟΣ σίσυφος", "x² and H₂O", "हिन्दी शब्द", "private \u{E000}mark",
            "thanks🥳everyone", "abc\u{202E}dcba\u{2066}x\u{2069}\u{200B}", "it's a 'quoted' \\ word",
            String(repeating: "long", count: 600) + " short",
        ]
        let store = try store(texts)
        let queries = [
            "café", "cafe", "CAFÉ", "naïve", "日本語のテキスト", "中文", "example", "the", "snake", "don", "t", "thumbs", "family",
            "straße", "strasse", "istanbul", "İstanbul", "ıstanbul", "σίσυφος", "x²", "h₂o", "हिन्दी", "mark", "thanks", "dcba", "s",
            "quoted", "short", "long", String(repeating: "long", count: 600), "co",
        ]
        // A word longer than a PostgreSQL tsvector holds (2,047 bytes) is in SQLite's index only.
        let longest = TestStore.postgresServer == nil ? Int.max : MessageWordIndex.postgresLongestWord
        let words = texts.map { MessageWords.split($0).filter { $0.utf8.count <= longest } }
        for query in queries {
            let asked = MessageSearch(query: query, prefix: false, order: []).words.flatMap(MessageWords.split)
            for prefix in [false, true] {
                let expected = words.indices.filter { index in
                    asked.allSatisfy { word in
                        words[index].contains { prefix ? $0.utf8.starts(with: word.utf8) : $0.utf8.elementsEqual(word.utf8) }
                    }
                }
                XCTAssertEqual(try found(store, query, prefix: prefix), expected.map { "m\($0)" }, "\(query) prefix: \(prefix)")
            }
        }
    }

    func testTheNearestMatchBeforeOrAfterAMessage() throws {
        let store = try store(["needle one", "hay", "needle two", "hay", "needle three"])
        let search = MessageSearch(query: "NEEDLE", prefix: false, order: [])
        let at = { (id: String, minute: Int) in
            MessageCursor(createdAt: Timestamp(rfc3339: String(format: "2020-01-01T09:%02d:00Z", minute))!, id: id)
        }
        XCTAssertEqual(try store.matchID(search, cid: general, viewer: "alice", beyond: at("m4", 4), older: true), "m2")
        XCTAssertEqual(try store.matchID(search, cid: general, viewer: "alice", beyond: at("m2", 2), older: true), "m0")
        XCTAssertNil(try store.matchID(search, cid: general, viewer: "alice", beyond: at("m0", 0), older: true))
        XCTAssertEqual(try store.matchID(search, cid: general, viewer: "alice", beyond: at("m1", 1), older: false), "m2")
        XCTAssertNil(try store.matchID(search, cid: general, viewer: "alice", beyond: at("m4", 4), older: false))
        XCTAssertNil(try store.matchID(search, cid: "messaging:random", viewer: "alice", beyond: at("m4", 4), older: true))
    }

    /// Both SQLite plans (the index first, or the channels' messages each checked by
    /// `WordMatchFunction`) give the same messages in the same order, page by page, and the same
    /// nearest match, on text whose words are hard to split.
    func testBothPlansFindTheSameMessages() throws {
        guard TestStore.postgresServer == nil else { return }
        let texts = [
            "café crème", "cafe\u{301} decomposed", "CAFÉ loud", "naïve façade", "日本語のテキスト and 中文", "中文",
            "see https://example.com/setup-guide?page=2&the=1", "snake_case_words", "don’t stop", "don't stop",
            "emoji 👍🏽 thumbs 👨‍👩‍👧 family", "Straße STRASSE", "İstanbul ıstanbul", "ΣΊΣΥΦΟΣ σίσυφος", "x² and H₂O",
            "हिन्दी शब्द", "private \u{E000}mark", "the end", "The beginning", "THE", "them there", "a_the_b",
        ]
        let store = try store(texts)
        let queries = [
            "café", "cafe", "CAFÉ", "naïve", "日本語のテキスト", "中文", "example", "guide", "the", "snake", "words",
            "don", "t", "thumbs", "👍", "family", "straße", "strasse", "istanbul", "İstanbul", "ıstanbul", "σίσυφος", "ΣΊΣΥΦΟΣ", "x²",
            "h₂o", "हिन्दी", "\u{E000}mark", "the end", "th", "e", "stop don",
        ]
        let orders: [[(key: MessageSearch.Key, descending: Bool)]] = [[], [(key: .id, descending: true)]]
        for query in queries {
            for prefix in [false, true] {
                for order in orders {
                    var answers: [[String]] = []
                    for plan in [MessageWordIndex.Plan.fromIndex, .fromScope] {
                        var search = MessageSearch(query: query, prefix: prefix, order: order)
                        search.plan = plan
                        let pages = try [0, 2, 4].map {
                            try store.search(search, cids: [general, "messaging:random"], viewer: "alice", limit: 2, offset: $0)
                        }
                        let at = MessageCursor(createdAt: Timestamp(rfc3339: "2020-01-01T09:10:00Z")!, id: "m10")
                        let nearest = try [true, false].map {
                            try store.matchID(search, cid: general, viewer: "alice", beyond: at, older: $0) ?? "none"
                        }
                        answers.append(pages.flatMap { $0.map(\.message.id) } + nearest)
                    }
                    XCTAssertEqual(answers[0], answers[1], "\(query) prefix: \(prefix) order: \(order.map(\.key))")
                }
            }
        }
        var search = MessageSearch(query: "the", prefix: false, order: [])
        search.plan = .fromScope
        XCTAssertEqual(
            try store.search(search, cids: [general], viewer: "alice", limit: 10, offset: 0).map(\.message.id),
            ["m21", "m19", "m18", "m17", "m6"],
            "the check itself finds whole words only"
        )
    }

    /// Each search picks the cheaper plan: the index for a word rarer than the channels'
    /// messages, the channels for a word most of them hold.
    func testThePlanFollowsTheCounts() throws {
        guard TestStore.postgresServer == nil else { return }
        let store = try store(["the one", "the two", "the three", "the rare word"])
        let arguments: [String: SQLValue] = ["c": .text(general)]
        let plans = try store.backend.read { db in
            try ["\"rare\"", "\"the\"", "\"absent\""].map {
                try MessageWordIndex.plan(db, range: "m.cid = :c", arguments.merging(["query": .text($0)]) { $1 })
            }
        }
        XCTAssertEqual(plans, [.fromIndex, .fromScope, .fromIndex])
    }

    /// SQLite's own check of an external-content index against its rows.
    private func assertIndexIntact(_ store: ChatStore, file: StaticString = #filePath, line: UInt = #line) throws {
        guard TestStore.postgresServer == nil else { return }
        XCTAssertNoThrow(
            try store.backend.write { try $0.execute("INSERT INTO message_words (message_words, rank) VALUES ('integrity-check', 1)") },
            file: file,
            line: line
        )
    }
}
