import XCTest

@testable import ChatServer

/// A connection's queue: its writer takes everything waiting in one go, oldest first; a full
/// queue refuses (the hub then drops the connection); the end comes after what waits.
final class FrameQueueTests: XCTestCase {
    private func frame(_ n: Int) -> EventFrame { EventFrame(Array("{\"n\":\(n)}".utf8)) }

    func testFramesQueuedMeanwhileComeOutTogetherInOrder() async {
        let queue = FrameQueue(limit: 10)
        for n in 0..<5 { XCTAssertTrue(queue.push(frame(n))) }
        let batch = await queue.next()
        XCTAssertEqual(batch?.map(\.text), (0..<5).map { "{\"n\":\($0)}" })
        XCTAssertTrue(queue.push(frame(5)))
        let next = await queue.next()
        XCTAssertEqual(next?.map(\.text), ["{\"n\":5}"], "taken frames are not handed out again")
    }

    func testAWaitingReaderGetsTheNextFrame() async {
        let queue = FrameQueue(limit: 10)
        let reader = Task { await queue.next() }
        // The reader may not be waiting yet; either way it gets the frame, alone.
        try? await Task.sleep(nanoseconds: 20_000_000)
        XCTAssertTrue(queue.push(frame(1)))
        let got = await reader.value
        XCTAssertEqual(got?.map(\.text), ["{\"n\":1}"])
    }

    func testAFullQueueRefusesAndKeepsWhatItHas() async {
        let queue = FrameQueue(limit: 3)
        for n in 0..<3 { XCTAssertTrue(queue.push(frame(n))) }
        XCTAssertFalse(queue.push(frame(3)), "a stalled reader's queue takes no more")
        let batch = await queue.next()
        XCTAssertEqual(batch?.count, 3)
        XCTAssertTrue(queue.push(frame(4)), "drained, it takes frames again")
    }

    func testAfterFinishWhatWaitsIsReadThenTheEnd() async {
        let queue = FrameQueue(limit: 10)
        XCTAssertTrue(queue.push(frame(0)))
        queue.finish()
        XCTAssertFalse(queue.push(frame(1)), "nothing is queued after the end")
        let last = await queue.next()
        XCTAssertEqual(last?.map(\.text), ["{\"n\":0}"])
        let end = await queue.next()
        XCTAssertNil(end)
    }

    func testFinishWakesAWaitingReader() async {
        let queue = FrameQueue(limit: 10)
        let reader = Task { await queue.next() }
        try? await Task.sleep(nanoseconds: 20_000_000)
        queue.finish()
        let got = await reader.value
        XCTAssertNil(got)
    }

    func testCancellingAWaitingReaderEndsIt() async {
        let queue = FrameQueue(limit: 10)
        let reader = Task { await queue.next() }
        try? await Task.sleep(nanoseconds: 20_000_000)
        reader.cancel()
        let got = await reader.value
        XCTAssertNil(got, "a cancelled writer's task ends rather than waiting for an event forever")
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
