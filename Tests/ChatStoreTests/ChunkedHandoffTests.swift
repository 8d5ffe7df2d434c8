import ChatModel
import XCTest

@testable import ChatStore

/// The PostgreSQL import makes its rows on the handoff's thread: every item must be run once,
/// in order, the first error must reach the import's thread, and nothing may run after a stop
/// (the import's transaction ends then).
final class ChunkedHandoffTests: XCTestCase {
    private struct Refused: Error, Equatable { let element: Int }

    func testEveryElementRunsOnceInOrderByTheFlush() throws {
        let seen = Locked<[Int]>([])
        let handoff = ChunkedHandoff<Int>(label: "test", chunkSize: 7) { element in seen.withLock { $0.append(element) } }
        for i in 0..<100 { try handoff.append(i) }
        try handoff.flush()
        XCTAssertEqual(seen.withLock { $0 }, Array(0..<100))
        // A wait leaves the chunk being filled where it is; a flush hands it over.
        try handoff.append(100)
        try handoff.wait()
        XCTAssertEqual(seen.withLock { $0.count }, 100)
        try handoff.flush()
        XCTAssertEqual(seen.withLock { $0.last }, 100)
    }

    func testTheFirstErrorStopsTheRestAndReachesTheCaller() throws {
        let seen = Locked<[Int]>([])
        let handoff = ChunkedHandoff<Int>(label: "test", chunkSize: 4) { element in
            if element == 5 || element == 9 { throw Refused(element: element) }
            seen.withLock { $0.append(element) }
        }
        for i in 0..<8 { try handoff.append(i) }
        XCTAssertThrowsError(try handoff.wait()) { XCTAssertEqual($0 as? Refused, Refused(element: 5)) }
        // The next hand-off (a full chunk) throws it too, and runs nothing.
        XCTAssertThrowsError(
            try {
                for i in 8..<12 { try handoff.append(i) }
            }()
        ) { XCTAssertEqual($0 as? Refused, Refused(element: 5)) }
        XCTAssertThrowsError(try handoff.flush()) { XCTAssertEqual($0 as? Refused, Refused(element: 5)) }
        XCTAssertEqual(seen.withLock { $0 }, [0, 1, 2, 3, 4])
    }

    func testNothingRunsAfterAStop() throws {
        let seen = Locked<[Int]>([])
        let running = DispatchSemaphore(value: 0)
        let proceed = DispatchSemaphore(value: 0)
        let handoff = ChunkedHandoff<Int>(label: "test", chunkSize: 4) { element in
            if element == 1 {
                running.signal()
                proceed.wait()
            }
            seen.withLock { $0.append(element) }
        }
        for i in 0..<8 { try handoff.append(i) }
        running.wait()
        // Element 1 is running: the stop waits for it and runs nothing after it.
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.1) { proceed.signal() }
        handoff.stop()
        XCTAssertEqual(seen.withLock { $0 }, [0, 1])
        Thread.sleep(forTimeInterval: 0.1)
        XCTAssertEqual(seen.withLock { $0 }, [0, 1])
    }
}
