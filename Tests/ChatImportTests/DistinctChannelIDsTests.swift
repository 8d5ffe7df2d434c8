import ChatImport
import ChatModel
import XCTest

@testable import ChatImport

/// A decoding run's distinct channel ids, remembered by member list.
final class DistinctChannelIDsTests: ValidationTestCase {
    func testRememberedIDsAreTheDerivedOnesInAnyOrderAndPastCapacity() {
        let ids = DistinctChannelIDs(capacity: 3)
        let lists = (0..<10).map { ["user-\($0)", "user-\($0 + 1)"] } + [["b", "a"], ["a", "b"], ["a", "b", "c"], ["solo"]]
        // Twice over: the second round reads what the first remembered (or made again past capacity).
        for list in lists + lists.reversed() {
            XCTAssertEqual(ids.id(memberIDs: list), DistinctChannelID.make(memberIDs: list), "\(list)")
        }
        XCTAssertEqual(ids.id(memberIDs: ["b", "a"]), ids.id(memberIDs: ["a", "b"]))
        XCTAssertNotEqual(ids.id(memberIDs: ["a", "b"]), ids.id(memberIDs: ["a", "b", "c"]))
    }

    /// Thousands of messages and members naming a few distinct channels by their members, in
    /// both orders, cut into many decoding runs: those of the channels in the file are valid,
    /// and each one naming a channel that is not gets the derived id's error, on its own line,
    /// with one worker or two.
    func testAFileOfRepeatedAndUnknownDistinctChannelsGetsTheDerivedIDsErrors() throws {
        let known = [["u0", "u1"], ["u1", "u2"], ["u0", "u1", "u2"]]
        let unknown = [["u5", "u6"], ["u7"]]
        var lines = (0..<8).map { #"{"type":"user","data":{"id":"u\#($0)"}}"# }
        for list in known {
            lines.append(#"{"type":"channel","data":{"type":"messaging","member_ids":\#(json(list)),"created_by":"u0"}}"#)
        }
        for list in known {
            for user in list.reversed() {
                lines.append(
                    #"{"type":"member","data":{"channel_type":"messaging","channel_member_ids":\#(json(list.reversed())),"user_id":"\#(user)"}}"#
                )
            }
        }
        var expected: [(line: Int, error: String)] = []
        let lists = known + unknown
        for i in 0..<3_000 {
            let list = i % 2 == 0 ? lists[i % lists.count] : lists[i % lists.count].reversed()
            lines.append(
                #"{"type":"message","data":{"id":"m\#(i)","channel_type":"messaging","channel_member_ids":\#(json(list)),"user":"\#(list[0])"}}"#
            )
            if unknown.contains(list.sorted()) {
                let cid = "messaging:" + DistinctChannelID.make(memberIDs: list)
                expected.append(
                    (
                        lines.count,
                        "Validation error: channel \"\(cid)\" doesn't exist (message \"m\(i)\"). please include all channels as separate channel entries"
                    )
                )
            }
        }
        let path = directory.write("distinct.jsonl", lines: lines)
        for workers in [1, 2] {
            var options = ImportAnalyzer.Options()
            options.maxErrors = 10_000
            options.workers = workers
            let result = try ImportAnalyzer(options: options).run(path: path)
            XCTAssertEqual(result.errors.count, 1_200, "workers: \(workers)")
            XCTAssertEqual(result.errors.map(\.error), expected.map(\.error), "workers: \(workers)")
            XCTAssertEqual(result.errors.map(\.line), expected.map { $0.line }, "workers: \(workers)")
        }
    }

    private func json(_ list: [String]) -> String { "[" + list.map { "\"\($0)\"" }.joined(separator: ",") + "]" }
}
