import ChatModel
import ChatTestSupport
import XCTest

@testable import ChatImport

/// `IDTable`, the reference checker's id store: every id found again after the table grew,
/// parts of a composite key never run together, ids equal only when their bytes are.
final class IDTableTests: ValidationTestCase {
    func testEveryIDIsFoundAgainAfterTheTableGrows() {
        var table = IDTable()
        let ids = (0..<50_000).map { $0 % 3 == 0 ? "m-\($0)" : "a-much-longer-message-id-past-fifteen-bytes-\($0)" }
        for (n, id) in ids.enumerated() {
            let (index, inserted) = table.insert(id)
            XCTAssertTrue(inserted, id)
            XCTAssertEqual(index, n)
        }
        XCTAssertEqual(table.count, ids.count)
        for (n, id) in ids.enumerated() where n % 97 == 0 {
            XCTAssertEqual(table.index(of: id), n)
            XCTAssertEqual(table.key(at: n), id)
            XCTAssertEqual(table.insert(id).index, n)
            XCTAssertFalse(table.insert(id).inserted)
        }
        XCTAssertNil(table.index(of: "m-1"))
        XCTAssertNil(table.index(of: ""))
        XCTAssertEqual(table.insert("").index, ids.count)
        XCTAssertEqual(table.index(of: ""), ids.count)
    }

    /// A table sized ahead (from the file's size) holds the same ids, and grows past its size.
    func testAReservedTableFindsEveryIDAndGrowsPastItsSize() {
        var table = IDTable()
        table.reserve(1_000)
        let ids = (0..<3_000).map { "msg-\($0)" }
        for (n, id) in ids.enumerated() { XCTAssertEqual(table.insert(id).index, n) }
        for (n, id) in ids.enumerated() { XCTAssertEqual(table.index(of: id), n, id) }
        XCTAssertNil(table.index(of: "msg-3000"))
        table.reserve(10)  // smaller than it holds: nothing lost
        XCTAssertEqual(table.index(of: "msg-2999"), 2_999)
    }

    /// A cid looked up from its two parts finds the whole cid inserted as one string.
    func testASeparatedKeyFindsTheWholeKey() {
        var table = IDTable()
        table.insert("messaging:general")
        table.insert("team:a-channel-id-longer-than-fifteen-bytes")
        XCTAssertEqual(table.index(of: "messaging", UInt8(ascii: ":"), "general"), 0)
        XCTAssertEqual(table.index(of: "team", UInt8(ascii: ":"), "a-channel-id-longer-than-fifteen-bytes"), 1)
        XCTAssertNil(table.index(of: "messaging", "general"), "joined by 0xFF, not by the colon")
        XCTAssertNil(table.index(of: "messaging:", UInt8(ascii: ":"), "general"))
    }

    func testCompositeKeysKeepTheirParts() {
        var table = IDTable()
        XCTAssertTrue(table.insert("ab", "c").inserted)
        XCTAssertTrue(table.insert("a", "bc").inserted)
        XCTAssertTrue(table.insert("a", "b", "c").inserted)
        XCTAssertTrue(table.insert("abc").inserted)
        XCTAssertFalse(table.insert("a", "bc").inserted)
        XCTAssertNil(table.index(of: "a", "b"))
        XCTAssertEqual(table.index(of: "ab", "c"), 0)
        XCTAssertEqual(table.index(of: "a", "bc"), 1)
    }

    /// Two spellings of "é" are equal `String`s but different ids, in SQLite's keys as in Stream.
    func testIDsAreEqualByTheirBytes() throws {
        var table = IDTable()
        XCTAssertTrue(table.insert("caf\u{E9}").inserted)
        XCTAssertTrue(table.insert("cafe\u{301}").inserted)
        try assertValid(
            base(
                #"{"type":"message","data":{"id":"caf\u00e9","channel_type":"messaging","channel_id":"general","user":"bob"}}"#,
                #"{"type":"message","data":{"id":"cafe\u0301","channel_type":"messaging","channel_id":"general","user":"bob"}}"#
            )
        )
    }

    /// A key hashed from its bytes ahead (as the decoding threads do) is the key the table
    /// hashes itself: found either way, parts joined alike, and a duplicate still a duplicate.
    func testHashesMadeAheadMatchTheTables() {
        let seed = IDTable.Seed.random()
        func hash(_ parts: String...) -> UInt64 {
            let bytes = parts.map { Array($0.utf8) }
            return bytes[0].withUnsafeBufferPointer { a in
                guard parts.count == 3 else { return IDTable.hash(a, seed: seed) }
                return bytes[1].withUnsafeBufferPointer { b in bytes[2].withUnsafeBufferPointer { c in IDTable.hash(a, b, c, seed: seed) } }
            }
        }
        var table = IDTable(seed: seed)
        let ids = (0..<5_000).map { $0 % 2 == 0 ? "m-\($0)" : "a-message-id-of-more-than-sixteen-bytes-\($0)" }
        for (n, id) in ids.enumerated() { XCTAssertEqual(table.insert(id, hash: n % 3 == 0 ? nil : hash(id)).index, n) }
        for (n, id) in ids.enumerated() {
            XCTAssertEqual(table.index(of: id), n, id)
            XCTAssertEqual(table.index(of: id, hash: hash(id)), n, id)
            XCTAssertFalse(table.insert(id, hash: hash(id)).inserted, id)
        }
        var reactions = IDTable(seed: seed)
        XCTAssertTrue(reactions.insert("msg-1", "like", "alice", hash: hash("msg-1", "like", "alice")).inserted)
        XCTAssertFalse(reactions.insert("msg-1", "like", "alice").inserted)
        XCTAssertTrue(reactions.insert("msg-1", "like", "bob").inserted)
        XCTAssertFalse(reactions.insert("msg-1", "like", "bob", hash: hash("msg-1", "like", "bob")).inserted)
        XCTAssertNil(reactions.index(of: "msg-1", "like"))
    }

    /// Keys hashed on the decoding threads (flat lines, ASCII ids) meet keys the checker hashes
    /// (lines read as a tree, ids with other bytes): references and duplicates hold across them.
    func testKeysHashedAheadMeetKeysHashedByTheChecker() throws {
        let message = { (id: String) in
            #"{"type":"message","data":{"id":"\#(id)","channel_type":"messaging","channel_id":"general","user":"bob"}}"#
        }
        let reaction = { (id: String) in
            #"{"type":"reaction","data":{"message_id":"\#(id)","type":"like","user_id":"alice","created_at":"2020-01-01T10:00:00Z"}}"#
        }
        // `escaped` is "msg-1" read by the tree path; `cafe` is flat but not ASCII.
        let escaped = #"msg-\u0031"#
        let cafe = "caf\u{E9}"
        let lines =
            base() + [message(escaped), message("msg-1"), message(cafe), message(cafe)]
            + [reaction("msg-1"), reaction(escaped), reaction(cafe), reaction(cafe), reaction("msg-2")]
        XCTAssertEqual(
            try analyze(lines).errors.map(\.error),
            [
                #"Validation error: duplicated item "msg-1""#,
                #"Validation error: duplicated item "\#(cafe)""#,
                #"Validation error: duplicated item "msg-1:like:alice""#,
                #"Validation error: duplicated item "\#(cafe):like:alice""#,
                #"Validation error: message_id message "msg-2" doesn't exist (reaction "msg-2:like:alice"). please include all messages as separate message entries"#,
            ]
        )
    }

    /// A duplicate thousands of items after the first, across the table's growth and batches.
    func testDuplicatesFarApartAreFound() throws {
        let messages = (0..<20_000).map {
            #"{"type":"message","data":{"id":"msg-\#($0)","channel_type":"messaging","channel_id":"general","user":"bob"}}"#
        }
        let reactions = (0..<20_000).map {
            #"{"type":"reaction","data":{"message_id":"msg-\#($0)","type":"like","user_id":"alice","created_at":"2020-01-01T10:00:00Z"}}"#
        }
        let lines = base() + messages + [messages[3]] + reactions + [reactions[17]]
        let result = try analyze(lines)
        XCTAssertEqual(
            result.errors.map(\.error),
            [#"Validation error: duplicated item "msg-3""#, #"Validation error: duplicated item "msg-17:like:alice""#]
        )
        XCTAssertEqual(result.errors.map(\.line), [base().count + 20_001, base().count + 40_002])
    }
}
