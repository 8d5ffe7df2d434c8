import ChatModel
import XCTest

@testable import ChatServer

/// The hub's fan-out: a connection that stops reading is dropped once its queue is full, and
/// the others get every event, in order, meanwhile.
final class EventHubTests: XCTestCase {
    func testAStalledConnectionIsDroppedWithoutHoldingUpTheOthers() async throws {
        let hub = EventHub()
        let (stalled, stalledEvents) = await hub.connect(user: ["id": "stalled"])
        let (reader, readerEvents) = await hub.connect(user: ["id": "reader"])
        await hub.watch(stalled, cids: ["messaging:general"], as: .server)
        await hub.watch(reader, cids: ["messaging:general"], as: .server)

        let total = EventHub.queueLimit + 200
        let progress = Progress()
        let received = Task {
            reading: for await frames in readerEvents {
                for frame in frames {
                    guard let event = try? JSONParser.parse(frame.text).objectValue, let n = event["n"]?.intValue else { continue }
                    if await progress.append(n) == total { break reading }
                }
            }
        }
        // In batches the reader keeps up with (a slow machine must not make it the stalled one).
        for batch in stride(from: 0, to: total, by: 100) {
            for n in batch..<min(batch + 100, total) { await hub.publish(["type": "message.new", "n": .int(n)], cid: "messaging:general") }
            while await progress.seen.count < min(batch + 100, total) { try await Task.sleep(nanoseconds: 1_000_000) }
        }
        await received.value
        let seen = await progress.seen
        XCTAssertEqual(seen, Array(0..<total), "the reader gets every event once, in order")
        let watching = await hub.watcherCount(cid: "messaging:general")
        guard watching == 1 else { return XCTFail("the stalled connection is still watching: \(watching) watchers") }

        // What the stalled connection had queued is still readable, and then its stream ends.
        var queued = 0
        for await frames in stalledEvents { queued += frames.count }
        XCTAssertEqual(queued, EventHub.queueLimit)
        _ = reader
    }
}

private actor Progress {
    private(set) var seen: [Int] = []

    func append(_ n: Int) -> Int {
        seen.append(n)
        return seen.count
    }
}
