import ChatImport
import ChatModel
import ChatStore
import ChatTestSupport
import XCTest

/// Polls and votes into the store's tables, in both modes, on either backend (PostgreSQL with
/// `CHATTERM_TEST_POSTGRES`, where they go in batches).
final class PollImportTests: XCTestCase {
    let directory = TemporaryDirectory()

    private static let poll =
        #"{"type":"poll","data":{"id":"p1","name":"Drinks?","created_by_id":"alice","max_votes_allowed":2,"allow_answers":true,"options":[{"id":"b","text":"Coffee"},{"id":"a","text":"Tea","hot":true}],"created_at":"2020-01-01T10:30:00Z","flavour":"x"}}"#
    private static let lines =
        Array(SampleImports.base.dropLast()) + [
            #"{"type":"message","data":{"id":"m1","channel_type":"messaging","channel_id":"general","user":"alice","text":"hi","poll_id":"p1","created_at":"2020-01-01T10:00:00Z"}}"#,
            poll,
            #"{"type":"poll_vote","data":{"id":"v1","poll_id":"p1","option_id":"a","user_id":"bob","created_at":"2020-01-01T11:00:00Z"}}"#,
            #"{"type":"poll_vote","data":{"id":"v2","poll_id":"p1","is_answer":true,"answer_text":"Juice","user_id":"bob","created_at":"2020-01-01T11:01:00Z"}}"#,
        ]

    private func importLines(_ lines: [String], into store: ChatStore, mode: ImportMode, name: String) throws -> ImportTask {
        let path = directory.write(name, lines: lines)
        return try store.runImport(path: path, mode: mode) { existing, sink in
            try ImportAnalyzer(existing: existing, sink: sink).run(path: path)
        }
    }

    private func rows(_ store: ChatStore, _ sql: String) throws -> [String] {
        try store.inspect(sql).map { $0.values.map { String.decode($0) ?? "NULL" }.joined(separator: "|") }
    }

    func testPollsOptionsVotesAndTheMessagesPollAreStored() throws {
        let store = try TestStore.open(directory.file("chat.sqlite"))
        let task = try importLines(Self.lines, into: store, mode: .insert, name: "polls.jsonl")
        XCTAssertEqual(task.state, .completed, "\(task.result ?? .null)")
        let imported = task.result?.objectValue?["stats"]?.objectValue?["imported"]?.objectValue
        XCTAssertEqual(imported?["polls"], 1)
        XCTAssertEqual(imported?["poll_votes"], 2)
        XCTAssertEqual(try store.counts()[.poll], 1)
        XCTAssertEqual(try store.counts()[.pollVote], 2)
        XCTAssertEqual(
            try rows(
                store,
                "SELECT name, created_by_id, voting_visibility, max_votes_allowed, allow_answers, is_closed, custom FROM polls"
            ),
            [#"Drinks?|alice|public|2|1|0|{"flavour":"x"}"#]
        )
        // The file's option order, kept by position; an option's other keys are its custom data.
        XCTAssertEqual(
            try rows(store, "SELECT id, position, text, custom FROM poll_options WHERE poll_id = 'p1' ORDER BY position"),
            ["b|0|Coffee|{}", #"a|1|Tea|{"hot":true}"#]
        )
        XCTAssertEqual(
            try rows(store, "SELECT id, option_id, is_answer, answer_text, user_id FROM poll_votes ORDER BY id"),
            ["v1|a|0|NULL|bob", "v2||1|Juice|bob"]
        )
        XCTAssertEqual(try rows(store, "SELECT poll_id FROM messages WHERE id = 'm1'"), ["p1"])
        // A poll without updated_at was last updated when it was made.
        XCTAssertEqual(try rows(store, "SELECT updated_at FROM polls"), try rows(store, "SELECT created_at FROM polls"))
    }

    func testInsertSkipsAPollThatExistsAndUpsertReplacesItsOptions() throws {
        let store = try TestStore.open(directory.file("modes.sqlite"))
        XCTAssertEqual(try importLines(Self.lines, into: store, mode: .insert, name: "first.jsonl").state, .completed)
        let changed =
            #"{"type":"poll","data":{"id":"p1","name":"Drinks, again?","options":[{"id":"a","text":"Green tea"},{"id":"c","text":"Water"}]}}"#
        let vote =
            #"{"type":"poll_vote","data":{"id":"v3","poll_id":"p1","option_id":"a","user_id":"alice","created_at":"2020-01-02T00:00:00Z"}}"#

        let insert = try importLines([changed, vote], into: store, mode: .insert, name: "insert.jsonl")
        XCTAssertEqual(insert.state, .completed, "\(insert.result ?? .null)")
        XCTAssertEqual(insert.result?.objectValue?["stats"]?.objectValue?["skipped"]?.objectValue?["polls"], 1)
        XCTAssertEqual(try rows(store, "SELECT name FROM polls"), ["Drinks?"])
        XCTAssertEqual(try rows(store, "SELECT id, text FROM poll_options ORDER BY position"), ["b|Coffee", "a|Tea"])
        XCTAssertEqual(try store.counts()[.pollVote], 3, "a vote for the stored poll is written")

        let upsert = try importLines([changed], into: store, mode: .upsert, name: "upsert.jsonl")
        XCTAssertEqual(upsert.state, .completed, "\(upsert.result ?? .null)")
        XCTAssertEqual(try rows(store, "SELECT name, max_votes_allowed, custom FROM polls"), ["Drinks, again?|2|{}"])
        XCTAssertEqual(try rows(store, "SELECT id, position, text FROM poll_options ORDER BY position"), ["a|0|Green tea", "c|1|Water"])
    }

    /// Enough polls that their option rows fill several multi-row statements, the stored ones
    /// among them: each written poll gets its own options, each skipped one keeps its stored ones.
    func testManyPollsGoInFullStatementsAndInsertSkipsTheStoredOnes() throws {
        let store = try TestStore.open(directory.file("many.sqlite"))
        func polls(_ range: Range<Int>, options: Int, name: String) -> [String] {
            range.map { i in
                let list = (0..<options).map { #"{"id":"o\#($0)","text":"\#(name) \#(i).\#($0)"}"# }.joined(separator: ",")
                return #"{"type":"poll","data":{"id":"p\#(i)","name":"\#(name) \#(i)","created_by_id":"alice","options":[\#(list)]}}"#
            }
        }
        let first = try importLines(
            Array(SampleImports.base.dropLast()) + polls(0..<100, options: 2, name: "first"),
            into: store,
            mode: .insert,
            name: "first.jsonl"
        )
        XCTAssertEqual(first.state, .completed, "\(first.result ?? .null)")

        let second = try importLines(polls(0..<300, options: 3, name: "second"), into: store, mode: .insert, name: "second.jsonl")
        XCTAssertEqual(second.state, .completed, "\(second.result ?? .null)")
        let stats = second.result?.objectValue?["stats"]?.objectValue
        XCTAssertEqual(stats?["imported"]?.objectValue?["polls"], 200)
        XCTAssertEqual(stats?["skipped"]?.objectValue?["polls"], 100)
        XCTAssertEqual(try store.counts()[.poll], 300)
        XCTAssertEqual(try rows(store, "SELECT COUNT(*) FROM poll_options"), ["\(100 * 2 + 200 * 3)"])
        XCTAssertEqual(
            try rows(store, "SELECT name FROM polls WHERE id IN ('p0', 'p99', 'p100', 'p299') ORDER BY name"),
            [
                "first 0", "first 99", "second 100", "second 299",
            ]
        )
        XCTAssertEqual(
            try rows(
                store,
                "SELECT poll_id, id, position, text FROM poll_options WHERE poll_id IN ('p99', 'p299') ORDER BY poll_id, position"
            ),
            ["p299|o0|0|second 299.0", "p299|o1|1|second 299.1", "p299|o2|2|second 299.2", "p99|o0|0|first 99.0", "p99|o1|1|first 99.1"]
        )
    }

    func testAVoteForAnOptionTheStoredPollLacksIsRefusedAndWritesNothing() throws {
        let store = try TestStore.open(directory.file("refused.sqlite"))
        XCTAssertEqual(try importLines(Self.lines, into: store, mode: .upsert, name: "first.jsonl").state, .completed)
        let before = try TestStore.dump(store)
        let bad = [
            #"{"type":"poll_vote","data":{"id":"v9","poll_id":"p1","option_id":"b","user_id":"alice","created_at":"2020-01-02T00:00:00Z"}}"#,
            #"{"type":"poll_vote","data":{"id":"v10","poll_id":"p1","option_id":"zz","user_id":"alice","created_at":"2020-01-02T00:00:00Z"}}"#,
        ]
        let task = try importLines(bad, into: store, mode: .upsert, name: "bad.jsonl")
        XCTAssertEqual(task.state, .analyzeFailed)
        XCTAssertTrue("\(task.result ?? .null)".contains(#"option_id \"zz\" is not an option of poll \"p1\""#), "\(task.result ?? .null)")
        XCTAssertEqual(try TestStore.dump(store), before)
    }
}
