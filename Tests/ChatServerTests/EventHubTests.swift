import ChatModel
import XCTest

@testable import ChatServer

/// The hub's fan-out over real loopback connections: every watcher gets every event once, in
/// order, whichever event loop serves it; a connection that stops reading is dropped once its
/// queue is full, and the others get every event meanwhile.
final class EventHubTests: XCTestCase {
    private let cid = "messaging:general"

    func testEveryWatcherOnEitherEventLoopGetsEveryEventOnceInOrder() async throws {
        let sockets = try await LoopbackSockets()
        let hub = EventHub()
        var readers: [Task<[Int], Never>] = []
        let total = 500
        for n in 0..<6 {
            let (socket, _, texts) = try await sockets.connect(reading: true)
            let connection = await hub.connect(user: ["id": .string("u\(n)")], socket: socket)
            await hub.watch(connection, cids: [cid], as: .server)
            readers.append(Task { await numbers(in: texts, upTo: total) })
        }
        // A user's own event goes to that user's connection only, through the same queue.
        await hub.publish(["type": "notification.mark_read", "n": -1], toUser: "u0")
        for n in 0..<total { await hub.publish(["type": "message.new", "n": .int(n)], cid: cid) }
        var got: [[Int]] = []
        for reader in readers { got.append(await reader.value) }
        XCTAssertEqual(got[0], [-1] + Array(0..<total))
        for numbers in got.dropFirst() { XCTAssertEqual(numbers, Array(0..<total)) }
        try await sockets.shutdown()
    }

    /// `/connect` registers the connection, then writes `health.check` with its id: an event for
    /// the user published in between must follow that frame, so nothing is written before `open`.
    func testNothingIsWrittenToAConnectionBeforeItOpens() async throws {
        let sockets = try await LoopbackSockets()
        let hub = EventHub()
        let (socket, _, texts) = try await sockets.connect(reading: true, open: false)
        _ = await hub.connect(user: ["id": "u0"], socket: socket)
        let arrived = Locked(0)
        let reader = Task {
            var seen: [Int] = []
            for await text in texts {
                guard let n = (try? JSONParser.parse(text))?.objectValue?["n"]?.intValue else { continue }
                seen.append(n)
                arrived.withLock { $0 = seen.count }
                if seen.count == 2 { break }
            }
            return seen
        }
        await hub.publish(["type": "notification.mark_read", "n": 0], toUser: "u0")
        try await Task.sleep(nanoseconds: 300_000_000)
        XCTAssertEqual(arrived.withLock { $0 }, 0, "an event reached the client before its connection opened")
        socket.open()
        await hub.publish(["type": "notification.mark_read", "n": 1], toUser: "u0")
        let received = await reader.value
        XCTAssertEqual(received, [0, 1], "after open, what waited goes first, then each event")
        try await sockets.shutdown()
    }

    func testAStalledConnectionIsDroppedWithoutHoldingUpTheOthers() async throws {
        let sockets = try await LoopbackSockets()
        let hub = EventHub()
        let (stalledSocket, stalledChannel, _) = try await sockets.connect(reading: false)
        let (readerSocket, _, readerTexts) = try await sockets.connect(reading: true)
        let stalled = await hub.connect(user: ["id": "stalled"], socket: stalledSocket)
        let reader = await hub.connect(user: ["id": "reader"], socket: readerSocket)
        await hub.watch(stalled, cids: [cid], as: .server)
        await hub.watch(reader, cids: [cid], as: .server)

        // Events of some size, so the stalled client's few kilobytes of buffers fill early on.
        let padding = String(repeating: "x", count: 200)
        let total = EventHub.queueLimit + 500
        let progress = Locked(0)
        let received = Task {
            var seen: [Int] = []
            for await text in readerTexts {
                guard let n = (try? JSONParser.parse(text))?.objectValue?["n"]?.intValue else { continue }
                seen.append(n)
                progress.withLock { $0 = seen.count }
                if seen.count == total { break }
            }
            return seen
        }
        // In batches the reader keeps up with (a slow machine must not make it the stalled one).
        for batch in stride(from: 0, to: total, by: 100) {
            for n in batch..<min(batch + 100, total) {
                await hub.publish(["type": "message.new", "n": .int(n), "padding": .string(padding)], cid: cid)
            }
            while progress.withLock({ $0 }) < min(batch + 100, total) { try await Task.sleep(nanoseconds: 1_000_000) }
        }
        let seen = await received.value
        XCTAssertEqual(seen, Array(0..<total), "the reader gets every event once, in order")
        let watching = await hub.watcherCount(cid: cid)
        XCTAssertEqual(watching, 1, "the stalled connection no longer watches")
        // Its queue ended: `/connect` then closes the socket.
        await stalledSocket.queue.ended()
        XCTAssertFalse(stalledChannel.isWritable, "it stalled: the channel took no more writes")
        try await sockets.shutdown()
    }
}

/// The `n` of each event, until `count` of them (and one more if the first is -1).
private func numbers(in texts: AsyncStream<String>, upTo count: Int) async -> [Int] {
    var numbers: [Int] = []
    for await text in texts {
        guard let n = (try? JSONParser.parse(text))?.objectValue?["n"]?.intValue else { continue }
        numbers.append(n)
        if numbers.count == count + (numbers.first == -1 ? 1 : 0) { break }
    }
    return numbers
}
