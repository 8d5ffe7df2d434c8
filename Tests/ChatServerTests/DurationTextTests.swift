import XCTest

@testable import ChatServer

/// The `duration` every answer carries, in milliseconds with two decimals as Stream writes it.
final class DurationTextTests: XCTestCase {
    func testMillisecondsToTheNearestHundredth() {
        XCTAssertEqual(ServerContext.durationText(.zero), "0.00ms")
        XCTAssertEqual(ServerContext.durationText(.microseconds(4)), "0.00ms")
        XCTAssertEqual(ServerContext.durationText(.microseconds(5)), "0.01ms")
        XCTAssertEqual(ServerContext.durationText(.microseconds(90)), "0.09ms")
        XCTAssertEqual(ServerContext.durationText(.microseconds(1_234)), "1.23ms")
        XCTAssertEqual(ServerContext.durationText(.microseconds(999_996)), "1000.00ms")
        XCTAssertEqual(ServerContext.durationText(.seconds(12) + .microseconds(345_600)), "12345.60ms")
    }
}
