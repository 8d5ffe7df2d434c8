import ChatImport
import ChatTestSupport
import XCTest

/// `demo-data/broken.jsonl` exists to show the validator's errors; each deliberate break must show.
final class BrokenDemoFileTests: XCTestCase {
    func testEveryDeliberateErrorIsReported() throws {
        var options = ImportAnalyzer.Options()
        options.maxErrors = 100
        let result = try ImportAnalyzer(options: options).run(path: packageRoot + "/demo-data/broken.jsonl")
        let errors = result.errors.map(\.error)
        for expected in [
            "Validation error: max channelID length exceeded (64)",
            #"Parse error: invalid item type "foobar""#,
            "Parse error: invalid character '}' looking for beginning of object key string",
            "Validation error: either channel.id or channel.member_ids should be provided, but not both",
            "Validation error: channel.id or channel.member_ids required, but not both",
            #"Validation error: "cid" is a reserved field"#,
            #"Validation error: duplicated item "alice""#,
            #"Validation error: "user" required"#,
            "Validation error: a message of type reply requires parent_id",
            "Validation error: a message of type deleted requires deleted_at",
            "Validation error: max reactionType length exceeded (30)",
            "Validation error: invite_accepted_at is only allowed when invited is true",
            "Validation error: pinned_at and pinned_by_id must be provided together",
        ] {
            XCTAssertTrue(errors.contains(expected), "missing: \(expected)")
        }
        XCTAssertTrue(errors.contains { $0.contains("must come before") }, "an order error")
        XCTAssertTrue(errors.contains { $0.contains("is not a valid attachment.image_url") }, "an http attachment")
        XCTAssertTrue(errors.contains { $0.contains("'yesterday' is not a valid created_at") }, "a bad timestamp")
        XCTAssertTrue(errors.contains { $0.contains(#"user id "ghost" doesn't exist"#) }, "a dangling user")
        XCTAssertEqual(result.errorCount, errors.count)
    }
}
