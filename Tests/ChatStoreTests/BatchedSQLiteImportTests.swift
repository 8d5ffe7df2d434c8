import ChatImport
import ChatModel
import ChatStore
import ChatTestSupport
import GRDB
import XCTest

/// Imports write many rows a statement (`SQLiteImportSink` on SQLite, `PostgresImportSink` on
/// PostgreSQL): with more rows than one statement holds, and keys that are partly new and partly
/// stored, each mode's counts and rows must be those of one statement a row.
final class BatchedSQLiteImportTests: XCTestCase {
    let directory = TemporaryDirectory()

    /// Many more messages than one statement binds (`SQLiteImportSink`: 1,024 values at most).
    private func messages(_ ids: Range<Int>, text: String, name: String) -> String {
        directory.write(
            name,
            lines: ids.map {
                #"{"type":"message","data":{"id":"b-\#($0)","channel_type":"messaging","channel_id":"general","user":"bob","text":"\#(text) \#($0)"}}"#
            }
        )
    }

    private typealias Counts = (imported: JSONValue?, skipped: JSONValue?)

    /// The task's imported and skipped messages.
    private func importFile(_ path: String, into store: ChatStore, mode: ImportMode) throws -> Counts {
        try importFile(path, into: store, mode: mode, types: ["messages"])["messages"] ?? (nil, nil)
    }

    /// The task's imported and skipped counts of each of `types` (`messages`, `reactions`).
    private func importFile(_ path: String, into store: ChatStore, mode: ImportMode, types: [String]) throws -> [String: Counts] {
        let task = try store.runImport(path: path, mode: mode) { existing, sink in
            try ImportAnalyzer(existing: existing, sink: sink).run(path: path)
        }
        XCTAssertEqual(task.state, .completed)
        let stats = task.result?.objectValue?["stats"]?.objectValue
        var counts: [String: Counts] = [:]
        for type in types { counts[type] = (stats?["imported"]?.objectValue?[type], stats?["skipped"]?.objectValue?[type]) }
        return counts
    }

    private func text(_ store: ChatStore, _ id: Int) throws -> String? {
        try store.inspect("SELECT text FROM messages WHERE id = 'b-\(id)'").first.flatMap { String.decode($0.values[0]) }
    }

    func testManyStatementsOfNewAndStoredKeysCountAndWriteAsOneRowAtATime() throws {
        let store = try TestStore.open(directory.file("chat.sqlite"))
        _ = try importFile(directory.write("base.jsonl", lines: SampleImports.base), into: store, mode: .upsert)
        let stored = try store.counts()[.message]

        let first = try importFile(messages(0..<4000, text: "first", name: "first.jsonl"), into: store, mode: .insert)
        XCTAssertEqual(first.imported, 4000)
        XCTAssertEqual(first.skipped, 0)

        // Insert skips the 2,000 stored keys and writes the 2,000 new ones.
        let second = try importFile(messages(2000..<6000, text: "second", name: "second.jsonl"), into: store, mode: .insert)
        XCTAssertEqual(second.imported, 2000)
        XCTAssertEqual(second.skipped, 2000)
        XCTAssertEqual(try text(store, 1999), "first 1999")
        XCTAssertEqual(try text(store, 2000), "first 2000")
        XCTAssertEqual(try text(store, 3999), "first 3999")
        XCTAssertEqual(try text(store, 4000), "second 4000")
        XCTAssertEqual(try text(store, 5999), "second 5999")
        XCTAssertEqual(try store.counts()[.message], stored + 6000)

        // Upsert overwrites the 5,000 stored keys and writes the 1,000 new ones.
        let third = try importFile(messages(1000..<7000, text: "third", name: "third.jsonl"), into: store, mode: .upsert)
        XCTAssertEqual(third.imported, 6000)
        XCTAssertEqual(third.skipped, 0)
        XCTAssertEqual(try text(store, 999), "first 999")
        XCTAssertEqual(try text(store, 1000), "third 1000")
        XCTAssertEqual(try text(store, 4500), "third 4500")
        XCTAssertEqual(try text(store, 6999), "third 6999")
        XCTAssertEqual(try store.counts()[.message], stored + 7000)
    }

    /// Messages of two shapes (with and without custom data) and reactions (a key of three
    /// columns), each shape's rows ending in a partial statement at the end of the file.
    private func shapes(_ ids: Range<Int>, reactionsOn reacted: Range<Int>, text: String, name: String) -> String {
        let messages = ids.map { n in
            let custom = n.isMultiple(of: 2) ? #","color":"\#(text)""# : ""
            return
                #"{"type":"message","data":{"id":"s-\#(n)","channel_type":"messaging","channel_id":"general","user":"bob","text":"\#(text) \#(n)"\#(custom)}}"#
        }
        let reactions = reacted.flatMap { n in
            ["like", "wow"].map { kind in
                #"{"type":"reaction","data":{"message_id":"s-\#(n)","type":"\#(kind)","user_id":"alice","created_at":"2020-01-01T10:00:00Z","score":"\#(text)"}}"#
            }
        }
        return directory.write(name, lines: messages + reactions)
    }

    private func firstValue(_ store: ChatStore, _ sql: String) throws -> String? {
        try store.inspect(sql).first.flatMap { String.decode($0.values[0]) }
    }

    func testRowsOfSeveralShapesAndCompositeKeysCountExactlyInBothModes() throws {
        let store = try TestStore.open(directory.file("chat.sqlite"))
        _ = try importFile(directory.write("base.jsonl", lines: SampleImports.base), into: store, mode: .upsert)
        let first = try importFile(shapes(0..<600, reactionsOn: 0..<300, text: "one", name: "one.jsonl"), into: store, mode: .insert)
        XCTAssertEqual(first.imported, 600)

        // Half of each shape's keys are stored: insert skips exactly those.
        let second = shapes(300..<900, reactionsOn: 150..<450, text: "two", name: "two.jsonl")
        let counts = try importFile(second, into: store, mode: .insert, types: ["messages", "reactions"])
        XCTAssertEqual(counts["messages"]?.imported, 300)
        XCTAssertEqual(counts["messages"]?.skipped, 300)
        XCTAssertEqual(counts["reactions"]?.imported, 300)
        XCTAssertEqual(counts["reactions"]?.skipped, 300)
        XCTAssertEqual(try store.inspect("SELECT COUNT(*) FROM reactions WHERE message_id LIKE 's-%'").first?.values[0], .int(900))
        XCTAssertEqual(try firstValue(store, "SELECT text FROM messages WHERE id = 's-300'"), "one 300")
        XCTAssertEqual(try firstValue(store, "SELECT text FROM messages WHERE id = 's-601'"), "two 601")
        XCTAssertEqual(
            try firstValue(store, "SELECT custom FROM reactions WHERE message_id = 's-200' AND type = 'wow'"),
            #"{"score":"one"}"#
        )
        XCTAssertEqual(
            try firstValue(store, "SELECT custom FROM reactions WHERE message_id = 's-400' AND type = 'wow'"),
            #"{"score":"two"}"#
        )

        // Upsert writes them all, the stored ones overwritten.
        let third = shapes(300..<900, reactionsOn: 150..<450, text: "three", name: "three.jsonl")
        let upserted = try importFile(third, into: store, mode: .upsert, types: ["messages", "reactions"])
        XCTAssertEqual(upserted["messages"]?.imported, 600)
        XCTAssertEqual(upserted["messages"]?.skipped, 0)
        XCTAssertEqual(upserted["reactions"]?.imported, 600)
        XCTAssertEqual(upserted["reactions"]?.skipped, 0)
        XCTAssertEqual(
            try firstValue(store, "SELECT custom FROM reactions WHERE message_id = 's-200' AND type = 'wow'"),
            #"{"score":"three"}"#
        )
        XCTAssertEqual(
            try firstValue(store, "SELECT custom FROM reactions WHERE message_id = 's-100' AND type = 'like'"),
            #"{"score":"one"}"#
        )
        XCTAssertEqual(try firstValue(store, "SELECT text FROM messages WHERE id = 's-300'"), "three 300")
        XCTAssertEqual(try firstValue(store, "SELECT custom FROM messages WHERE id = 's-302'"), #"{"color":"three"}"#)
        XCTAssertEqual(try firstValue(store, "SELECT custom FROM messages WHERE id = 's-2'"), #"{"color":"one"}"#)
    }

    /// SQLite refuses a row on the rows' own thread (a trigger the test adds), after whole
    /// statements of the file went in, while the import's thread reads the store for the file's
    /// last item (a reaction to a stored message): the import fails with SQLite's error, its
    /// task says so, and the store is as it was.
    func testARowRefusedOnTheRowsThreadFailsTheImportAndLeavesTheStore() throws {
        try XCTSkipIf(TestStore.postgresServer != nil, "SQLite's rows thread (PostgresBatchImportTests has PostgreSQL's)")
        let path = directory.file("chat.sqlite")
        let store = try TestStore.open(path)
        _ = try importFile(directory.write("base.jsonl", lines: SampleImports.base), into: store, mode: .upsert)
        let before = try TestStore.dump(store)
        try DatabaseQueue(path: path).write { db in
            try db.execute(
                sql: "CREATE TRIGGER refuse BEFORE INSERT ON messages WHEN new.id = 'b-1500' BEGIN SELECT RAISE(ABORT, 'no b-1500'); END"
            )
        }
        let file = messages(0..<3000, text: "new", name: "new.jsonl")
        let reaction = #"{"type":"reaction","data":{"message_id":"m1","type":"like","user_id":"bob","created_at":"2020-01-02T10:00:00Z"}}"#
        try (String(contentsOfFile: file, encoding: .utf8) + reaction + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(
            try store.runImport(path: file, mode: .upsert) { existing, sink in
                try ImportAnalyzer(existing: existing, sink: sink).run(path: file)
            }
        ) { XCTAssertTrue(String(reflecting: $0).contains("no b-1500"), String(reflecting: $0)) }
        XCTAssertEqual(try TestStore.dump(store), before)
        let task = try XCTUnwrap(try store.importTasks(limit: 1, offset: 0).first)
        XCTAssertEqual(task.state, .analyzeFailed)
    }
}
