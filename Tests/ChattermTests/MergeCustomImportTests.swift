import ChatModel
import ChatStore
import ChatTestSupport
import Foundation
import XCTest

/// `chatterm import --merge-custom`: on upsert each item's custom data is merged into what is
/// stored (the file's keys replace, keys it lacks stay, one level deep), for every item type
/// with custom data, on SQLite and on PostgreSQL; without the flag it is replaced; on insert
/// existing items are skipped, so the flag changes nothing.
final class MergeCustomImportTests: XCTestCase {
    let directory = TemporaryDirectory()

    private func run(_ arguments: [String]) throws -> ChattermCommand.Outcome {
        try ChattermCommand(dataHome: directory.file("xdg")).run(arguments)
    }

    /// The file's items, each with `custom` as its custom fields.
    private func lines(_ custom: String) -> [String] {
        let inner = custom.dropFirst().dropLast()
        let fields = inner.isEmpty ? "" : "," + inner
        return [
            #"{"type":"user","data":{"id":"alice"\#(fields)}}"#,
            #"{"type":"user","data":{"id":"bob"}}"#,
            #"{"type":"channel","data":{"id":"general","type":"messaging","created_by":"alice"\#(fields)}}"#,
            #"{"type":"member","data":{"channel_type":"messaging","channel_id":"general","user_id":"alice"\#(fields)}}"#,
            #"{"type":"message","data":{"id":"m1","channel_type":"messaging","channel_id":"general","user":"alice","text":"hi"\#(fields)}}"#,
            #"{"type":"reaction","data":{"message_id":"m1","type":"like","user_id":"bob","created_at":"2020-01-01T10:00:00Z"\#(fields)}}"#,
        ]
    }

    private static let customTables = ["users WHERE id = 'alice'", "channels", "members WHERE user_id = 'alice'", "messages", "reactions"]

    /// Each table's stored custom object, in `customTables` order.
    private func customs(_ store: ChatStore) throws -> [JSONValue] {
        try Self.customTables.map { table in
            let row = try XCTUnwrap(try store.inspect("SELECT custom FROM \(table)").first, table)
            let text: String = try XCTUnwrap(row["custom"], table)
            return try JSONParser.parse(text)
        }
    }

    /// Imports the first file, then the second with `arguments`, into the store `target` names
    /// (`--db FILE` or `--database URL`); the custom data each table then holds.
    private func importTwice(
        _ first: String,
        _ second: String,
        _ arguments: [String],
        target: [String],
        open: () throws -> ChatStore
    )
        throws -> [JSONValue]
    {
        let a = try run(["import", directory.write("a-\(UUID()).jsonl", lines: lines(first))] + target)
        XCTAssertEqual(a.status, 0, a.stderr)
        let b = try run(["import", directory.write("b-\(UUID()).jsonl", lines: lines(second))] + arguments + target)
        XCTAssertEqual(b.status, 0, b.stderr)
        return try customs(try open())
    }

    private let stored = #"{"color":"red","size":1,"nested":{"a":1,"b":1}}"#
    private let incoming = #"{"size":2,"nested":{"b":2},"flag":true}"#

    private func checkEveryMode(target: () -> [String], open: @escaping (_ target: [String]) throws -> ChatStore) throws {
        let merged = try JSONParser.parse(#"{"color":"red","size":2,"nested":{"b":2},"flag":true}"#)
        var into = target()
        XCTAssertEqual(
            try importTwice(stored, incoming, ["--merge-custom"], target: into) { try open(into) },
            Array(repeating: merged, count: 5)
        )
        // Merging again with the same file changes nothing.
        let again = try run(["import", directory.write("again.jsonl", lines: lines(incoming)), "--merge-custom"] + into)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(try customs(try open(into)), Array(repeating: merged, count: 5))

        into = target()
        let replaced = try JSONParser.parse(incoming)
        XCTAssertEqual(try importTwice(stored, incoming, [], target: into) { try open(into) }, Array(repeating: replaced, count: 5))

        into = target()
        let kept = try JSONParser.parse(stored)
        let insert = ["--merge-custom", "--mode", "insert"]
        XCTAssertEqual(try importTwice(stored, incoming, insert, target: into) { try open(into) }, Array(repeating: kept, count: 5))
    }

    func testMergeCustomMergesEveryItemTypesCustomDataOnSQLite() throws {
        try checkEveryMode(
            target: { ["--db", self.directory.file("\(UUID()).sqlite")] },
            open: { target in try ChatStore(path: target[1], access: .read) }
        )
    }

    func testMergeCustomMergesEveryItemTypesCustomDataOnPostgreSQL() throws {
        guard let server = TestStore.postgresServer else { throw XCTSkip("set CHATTERM_TEST_POSTGRES to run against PostgreSQL") }
        try checkEveryMode(
            target: {
                let name = "merge_" + UUID().uuidString.prefix(8).lowercased()
                return ["--database", (try? PostgresBackend.ensureDatabase(name, onServerOf: server)) ?? ""]
            },
            open: { target in try ChatStore(postgres: target[1], localPath: self.directory.file("pg"), access: .read) }
        )
    }

    /// A merge whose stored row has no custom data yet, and the task records the flag.
    func testMergeIntoAnItemWithoutCustomDataAddsTheFilesKeys() throws {
        let db = directory.file("plain.sqlite")
        let merged = try importTwice("{}", #"{"color":"blue"}"#, ["--merge-custom", "--format", "json"], target: ["--db", db]) {
            try ChatStore(path: db, access: .read)
        }
        XCTAssertEqual(merged, Array(repeating: ["color": "blue"], count: 5))
        let task = try XCTUnwrap(try ChatStore(path: db, access: .read).importTasks(limit: 1, offset: 0).first)
        XCTAssertTrue(task.mergeCustom)
    }
}
