import ChatImport
import ChatModel
import ChatStore
import ChatTestSupport
import XCTest

/// Imports write many rows a statement (`SQLiteImportSink` on SQLite, `PostgresImportSink` on
/// PostgreSQL): with more rows than one statement holds, and keys that are partly new and partly
/// stored, each mode's counts and rows must be those of one statement a row.
final class BatchedSQLiteImportTests: XCTestCase {
    let directory = TemporaryDirectory()

    /// More messages than one statement binds (1,489 at 22 values a message).
    private func messages(_ ids: Range<Int>, text: String, name: String) -> String {
        directory.write(
            name,
            lines: ids.map {
                #"{"type":"message","data":{"id":"b-\#($0)","channel_type":"messaging","channel_id":"general","user":"bob","text":"\#(text) \#($0)"}}"#
            }
        )
    }

    private func importFile(_ path: String, into store: ChatStore, mode: ImportMode) throws -> (imported: JSONValue?, skipped: JSONValue?) {
        let task = try store.runImport(path: path, mode: mode) { existing, sink in
            try ImportAnalyzer(existing: existing, sink: sink).run(path: path)
        }
        XCTAssertEqual(task.state, .completed)
        let stats = task.result?.objectValue?["stats"]?.objectValue
        return (stats?["imported"]?.objectValue?["messages"], stats?["skipped"]?.objectValue?["messages"])
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
}
