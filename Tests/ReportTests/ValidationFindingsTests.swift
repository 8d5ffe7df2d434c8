import ChatImport
import ChatModel
import ChatStore
import ChatTestSupport
import Report
import XCTest

final class ValidationFindingsTests: XCTestCase {
    let directory = TemporaryDirectory()

    func testTheImportedFileReconcilesExactly() throws {
        let (store, path) = try HandCountedImport.store(in: directory)
        let findings = try XCTUnwrap(MigrationReport.make(store: store, importFile: path).validation)
        XCTAssertTrue(findings.isValid)
        XCTAssertEqual(findings.kinds, [])
        XCTAssertEqual(
            findings.reconciliation.map { "\($0.item) \($0.source) \($0.imported) \($0.difference)" },
            [
                "users 4 4 0", "devices 3 3 0", "future_channel_bans 1 1 0", "channels 4 4 0", "members 7 7 0", "messages 10 10 0",
                "reactions 4 4 0", "polls 1 1 0", "poll_votes 3 3 0",
            ]
        )
        XCTAssertEqual(Set(findings.reconciliation.map(\.reason)), ["matches"])
    }

    func testAFileNotYetImportedShowsTheGapWithAReason() throws {
        let (store, _) = try HandCountedImport.store(in: directory)
        // One more reaction, where reactions go: before the polls.
        var lines = HandCountedImport.lines
        lines.insert(
            #"{"type":"reaction","data":{"message_id":"e2","type":"fire","user_id":"carol","created_at":"2020-01-05T00:00:00Z"}}"#,
            at: try XCTUnwrap(lines.firstIndex { $0.hasPrefix(#"{"type":"poll""#) })
        )
        let more = directory.write("more.jsonl", lines: lines)
        let findings = try XCTUnwrap(MigrationReport.make(store: store, importFile: more).validation)
        let reactions = try XCTUnwrap(findings.reconciliation.first { $0.item == "reactions" })
        XCTAssertEqual([reactions.source, reactions.imported, reactions.difference], [5, 4, -1])
        XCTAssertTrue(reactions.reason.contains("1 of the file's items are not in the store"), reactions.reason)
        XCTAssertEqual(findings.reconciliation.first { $0.item == "users" }?.reason, "matches")
    }

    func testErrorsAreGroupedByKindWithExamples() throws {
        let store = try TestStore.open(directory.file("empty.sqlite"))
        let broken = directory.write(
            "broken.jsonl",
            lines: SampleImports.base + [
                #"{"type":"message","data":{"id":"x1","channel_type":"messaging","channel_id":"general","user":"ghost1","text":"a","created_at":"2020-01-01T10:00:00Z"}}"#,
                #"{"type":"message","data":{"id":"x2","channel_type":"messaging","channel_id":"general","user":"ghost2","text":"b","created_at":"2020-01-01T10:00:00Z"}}"#,
                #"{"type":"message","data":{"id":"x3","channel_type":"messaging","channel_id":"general","user":"ghost3","text":"c","created_at":"2020-01-01T10:00:00Z"}}"#,
                #"{"type":"message","data":{"id":"x4","channel_type":"messaging","channel_id":"general","user":"ghost4","text":"d","created_at":"2020-01-01T10:00:00Z"}}"#,
                #"{"type":"message","data":{"id":"x5","channel_type":"messaging","channel_id":"general","user":"alice","text":"e","created_at":"2020-01-01T10:00:00Z","type":"shout"}}"#,
            ]
        )
        let findings = try XCTUnwrap(MigrationReport.make(store: store, importFile: broken).validation)
        XCTAssertEqual(findings.errorCount, 5)
        XCTAssertEqual(findings.kinds.map(\.count), [4, 1])
        let missing = try XCTUnwrap(findings.kinds.first)
        XCTAssertEqual(missing.itemType, "message")
        XCTAssertEqual(
            missing.kind,
            #"Validation error: user user id "…" doesn't exist. please include all users as separate user entries"#
        )
        // At most three examples, the first ones in file order, with their lines.
        XCTAssertEqual(missing.examples.map(\.line), [7, 8, 9])
        XCTAssertTrue(missing.examples[0].item.contains("ghost1"))
        XCTAssertEqual(findings.kinds.last?.kind, "Validation error: '…' is not a valid message.type (regular, reply, deleted or system)")
        // Nothing was imported from a file with errors, and the table says why.
        let messages = try XCTUnwrap(findings.reconciliation.first { $0.item == "messages" })
        XCTAssertEqual([messages.source, messages.imported], [6, 0])
        XCTAssertEqual(messages.reason, "the file has 5 errors: an import of it writes nothing")
    }

    /// A line that is not JSON has no item to show: its example is the line alone, not "null".
    func testALineThatIsNotJSONIsShownByItsLineAlone() throws {
        let store = try TestStore.open(directory.file("empty.sqlite"))
        let broken = directory.write("malformed.jsonl", lines: SampleImports.base + [#"{"type":"message","data":{"id":}"#])
        let report = try MigrationReport.make(store: store, importFile: broken)
        let parse = try XCTUnwrap(report.validation?.kinds.first)
        XCTAssertTrue(parse.kind.hasPrefix("Parse error"), parse.kind)
        XCTAssertEqual(parse.examples.map(\.item), [""])
        let text = report.rendered(as: .text)
        XCTAssertTrue(text.contains("line 7\n") || text.contains("line 7 "), text)
        XCTAssertFalse(text.contains("null"), text)
    }

    /// Poll errors group by kind too: the polls', options' and votes' own ids and counts are taken out.
    func testPollErrorsAreGroupedByKind() throws {
        let store = try TestStore.open(directory.file("polls.sqlite"))
        let poll = { (id: String) in
            #"{"type":"poll","data":{"id":"\#(id)","name":"?","max_votes_allowed":1,"options":[{"id":"a","text":"A"},{"id":"b","text":"B"}]}}"#
        }
        let vote = { (id: String, poll: String, option: String) in
            #"{"type":"poll_vote","data":{"id":"\#(id)","poll_id":"\#(poll)","option_id":"\#(option)","user_id":"bob","created_at":"2020-01-01T00:00:00Z"}}"#
        }
        let lines =
            SampleImports.base + [
                poll("p1"), poll("p2"), vote("v1", "p1", "x"), vote("v2", "p2", "y"), vote("v3", "p1", "a"), vote("v4", "p1", "b"),
                vote("v5", "p2", "a"), vote("v6", "p2", "b"),
            ]
        let findings = try XCTUnwrap(
            MigrationReport.make(store: store, importFile: directory.write("polls.jsonl", lines: lines)).validation
        )
        XCTAssertEqual(
            findings.kinds.map { "\($0.count) \($0.kind)" },
            [
                #"2 Validation error: option_id "…" is not an option of poll "…""#,
                #"2 Validation error: poll "…" has max_votes_allowed N: user "…" votes for N options"#,
            ]
        )
    }

    func testAnUnreadableFileIsAnError() throws {
        let store = try TestStore.open(directory.file("empty.sqlite"))
        XCTAssertThrowsError(try MigrationReport.make(store: store, importFile: directory.file("missing.jsonl"))) { error in
            XCTAssertTrue(error is ImportFileError, "\(error)")
        }
    }
}
