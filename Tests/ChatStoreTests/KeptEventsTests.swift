import ChatModel
import ChatTestSupport
import XCTest

@testable import ChatStore

/// The events kept for `/sync`: read back per channel after a time, oldest first, with their
/// audience; a channel's events older than the horizon go when it keeps another.
final class KeptEventsTests: XCTestCase {
    let directory = TemporaryDirectory()

    func testEventsAreReadPerChannelAfterATimeAndForgottenPastTheHorizon() throws {
        let store = try TestStore.open(directory.file("kept.sqlite"))
        let at = { (seconds: Int64) in Timestamp(seconds: 1_800_000_000 + seconds) }
        try store.keep(event: #"{"n":1}"#, cid: "messaging:a", at: at(10), audience: nil, forgetting: at(0))
        try store.keep(event: #"{"n":2}"#, cid: "messaging:a", at: at(20), audience: ["ann", "bo"], forgetting: at(0))
        try store.keep(event: #"{"n":3}"#, cid: "messaging:b", at: at(30), audience: nil, forgetting: at(0))

        let a = try store.keptEvents(cid: "messaging:a", since: at(0), limit: 10)
        XCTAssertEqual(a.map(\.body), [#"{"n":1}"#, #"{"n":2}"#])
        XCTAssertEqual(a.map(\.audience), [nil, ["ann", "bo"]])
        XCTAssertEqual(a.map(\.at), [at(10), at(20)])
        XCTAssertEqual(try store.keptEvents(cid: "messaging:a", since: at(10), limit: 10).map(\.body), [#"{"n":2}"#], "after, not at")
        XCTAssertEqual(try store.keptEvents(cid: "messaging:a", since: at(0), limit: 1).count, 1)

        // Keeping a fourth with the horizon at 15 forgets the first, and nothing of the other channel.
        try store.keep(event: #"{"n":4}"#, cid: "messaging:a", at: at(40), audience: nil, forgetting: at(15))
        XCTAssertEqual(try store.keptEvents(cid: "messaging:a", since: at(0), limit: 10).map(\.body), [#"{"n":2}"#, #"{"n":4}"#])
        XCTAssertEqual(try store.keptEvents(cid: "messaging:b", since: at(0), limit: 10).map(\.body), [#"{"n":3}"#])
    }
}
