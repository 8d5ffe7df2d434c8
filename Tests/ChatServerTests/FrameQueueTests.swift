import XCTest

@testable import ChatServer

/// A connection's queue: its event loop takes everything waiting in one go, oldest first, and
/// only the first frame after a take asks for a drain; a full queue refuses (the hub then drops
/// the connection); after the end nothing is queued and the waiter returns.
final class FrameQueueTests: XCTestCase {
    private func frame(_ n: Int) -> EventFrame { EventFrame(Array("{\"n\":\(n)}".utf8)) }

    func testFramesQueuedMeanwhileComeOutTogetherInOrderWithOneDrainAsked() {
        let queue = FrameQueue(limit: 10)
        XCTAssertEqual(queue.push(frame(0)), .needsDrain, "the first frame asks for a drain")
        for n in 1..<5 { XCTAssertEqual(queue.push(frame(n)), .queued, "one is due already") }
        XCTAssertEqual(queue.take().map(\.text), (0..<5).map { "{\"n\":\($0)}" })
        XCTAssertEqual(queue.push(frame(5)), .needsDrain, "after a take the next frame asks again")
        XCTAssertEqual(queue.take().map(\.text), ["{\"n\":5}"], "taken frames are not handed out again")
        XCTAssertEqual(queue.take().count, 0)
    }

    func testAHeldQueueAsksForNoDrainUntilItsFirstTake() {
        let queue = FrameQueue(limit: 10, held: true)
        XCTAssertEqual(queue.push(frame(0)), .queued, "held: the connection's first frame is not written yet")
        XCTAssertEqual(queue.push(frame(1)), .queued)
        XCTAssertEqual(queue.take().map(\.text), ["{\"n\":0}", "{\"n\":1}"])
        XCTAssertEqual(queue.push(frame(2)), .needsDrain, "after the first take it works as any queue")
    }

    func testAFullQueueRefusesAndKeepsWhatItHas() {
        let queue = FrameQueue(limit: 3)
        for n in 0..<3 { XCTAssertNotEqual(queue.push(frame(n)), .refused) }
        XCTAssertEqual(queue.push(frame(3)), .refused, "a stalled reader's queue takes no more")
        XCTAssertEqual(queue.take().count, 3)
        XCTAssertEqual(queue.push(frame(4)), .needsDrain, "drained, it takes frames again")
    }

    func testAfterFinishNothingIsQueuedWhatWaitsCanBeTakenAndTheEndComes() async {
        let queue = FrameQueue(limit: 10)
        XCTAssertEqual(queue.push(frame(0)), .needsDrain)
        queue.finish()
        XCTAssertEqual(queue.push(frame(1)), .refused, "nothing is queued after the end")
        XCTAssertEqual(queue.take().map(\.text), ["{\"n\":0}"])
        await queue.ended()
    }

    func testFinishWakesAWaiter() async {
        let queue = FrameQueue(limit: 10)
        let waiter = Task {
            await queue.ended()
            return true
        }
        try? await Task.sleep(nanoseconds: 20_000_000)
        queue.finish()
        let ended = await waiter.value
        XCTAssertTrue(ended)
    }

    func testCancellingAWaiterEndsItsWait() async {
        let queue = FrameQueue(limit: 10)
        let waiter = Task {
            await queue.ended()
            return true
        }
        try? await Task.sleep(nanoseconds: 20_000_000)
        waiter.cancel()
        let ended = await waiter.value
        XCTAssertTrue(ended, "a cancelled connection's task ends rather than waiting for the hub forever")
        XCTAssertEqual(queue.push(frame(0)), .needsDrain, "the queue itself is not finished by that")
    }

    /// Header lengths of 1, 2 and 8 bytes: the text is the JSON whatever the size.
    func testAFrameHoldsItsTextBehindAHeaderOfTheRightLength() {
        for (size, header) in [(125, 2), (126, 4), (65_535, 4), (65_536, 10)] {
            let json = Array(repeating: UInt8(ascii: "x"), count: size)
            let frame = EventFrame(json)
            XCTAssertEqual(frame.bytes.readableBytes, size + header)
            XCTAssertEqual(frame.bytes.getInteger(at: 0, as: UInt8.self), 0x81, "a final text frame")
            XCTAssertEqual(frame.text.utf8.count, size)
        }
    }
}
