import ChatImport
import ChatModel
import ChatTestSupport
import Foundation
import XCTest

@testable import ChatStore

/// Two imports into one PostgreSQL database at once (two servers, or a server and
/// `chatterm import`) deadlocked, and one failed. They now run one after the other.
/// PostgreSQL only.
final class PostgresConcurrentImportTests: XCTestCase {
    let directory = TemporaryDirectory()

    override func setUpWithError() throws {
        guard TestStore.postgresServer != nil else { throw XCTSkip("PostgreSQL only: set CHATTERM_TEST_POSTGRES (Tests/all.sh does)") }
    }

    private static func runImport(_ path: String, into store: ChatStore) -> ImportTaskState {
        let task = ImportTask(id: UUID().uuidString, path: path, mode: .upsert, size: nil, createdAt: Timestamp(seconds: 1_700_000_000))
        let done = try? store.runImport(task) { existing, sink in try ImportAnalyzer(existing: existing, sink: sink).run(path: path) }
        return done?.state ?? .analyzeFailed
    }

    func testTwoImportsAtOnceBothCompleteAndLeaveWhatOneWould() throws {
        let path = directory.file("file.jsonl")
        try SyntheticImport.write(.init(users: 100, channels: 20, messages: 4000, seed: 3), to: path)
        let small = directory.write("small.jsonl", lines: [#"{"type":"user","data":{"id":"user-1"}}"#])
        let shared = directory.file("shared.sqlite")
        // A store with users only: each import finds the other tables empty and drops their
        // secondary indexes to build them after its rows, which is where the two deadlocked
        // (one dropping an index, the other reading the table).
        let first = try TestStore.open(shared)
        XCTAssertEqual(Self.runImport(small, into: first), .completed)
        let stores = [first, try TestStore.open(shared)]
        let states = Locked<[ImportTaskState]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            let state = Self.runImport(path, into: stores[i])
            states.withLock { $0.append(state) }
        }
        XCTAssertEqual(states.withLock { $0 }, [.completed, .completed])
        let once = try TestStore.open(directory.file("once.sqlite"))
        XCTAssertEqual(Self.runImport(small, into: once), .completed)
        XCTAssertEqual(Self.runImport(path, into: once), .completed)
        XCTAssertEqual(try TestStore.dump(first).count, try TestStore.dump(once).count)
    }
}
