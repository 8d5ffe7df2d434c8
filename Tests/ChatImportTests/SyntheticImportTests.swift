import ChatImport
import ChatModel
import ChatTestSupport
import Foundation
import XCTest

final class SyntheticImportTests: ValidationTestCase {
    func testGeneratedFileIsValidAndCoversEveryFeature() throws {
        let path = directory.file("gen.jsonl")
        let spec = SyntheticImport.Spec(users: 40, channels: 12, messages: 4000, seed: 7)
        let written = try SyntheticImport.write(spec, to: path)
        let sink = RecordingSink()
        let result = try ImportAnalyzer(sink: sink).run(path: path)
        XCTAssertEqual(result.errors.map(\.error), [])
        XCTAssertEqual(result.total, written)
        XCTAssertEqual(result.total[.user], 40)
        XCTAssertEqual(result.total[.channel], 12)
        XCTAssertEqual(result.total[.message], 4000)

        let channels = sink.items.compactMap { if case .channel(let c) = $0 { c } else { nil } }
        XCTAssertEqual(Set(channels.map(\.type)), Set(BuiltInChannelType.allCases.map(\.rawValue)))
        XCTAssertTrue(channels.contains { $0.memberIDs != nil }, "a distinct channel")
        let messages = sink.items.compactMap { if case .message(let m) = $0 { m } else { nil } }
        XCTAssertTrue(messages.contains { $0.parentID != nil }, "a thread reply")
        XCTAssertTrue(messages.contains { $0.quotedMessageID != nil }, "a quote")
        XCTAssertTrue(messages.contains { $0.mentionedUserIDs != nil }, "a mention")
        XCTAssertTrue(messages.contains { $0.type == .deleted }, "a deleted message")
        XCTAssertTrue(messages.contains { $0.pinnedAt != nil }, "a pin")
        let kinds = Set(messages.flatMap(\.attachments).compactMap(\.type))
        XCTAssertEqual(kinds, ["image", "video", "audio", "file", "giphy"])
        let members = sink.items.compactMap { if case .member(let m) = $0 { m } else { nil } }
        XCTAssertTrue(members.contains { $0.lastRead != nil } && members.contains { $0.lastRead == nil }, "read and unread state")
        XCTAssertGreaterThan(result.total[.reaction], 0)
        // Polls of each kind on their messages, with option votes and answers (all valid, as checked above).
        let polls = sink.items.compactMap { if case .poll(let p) = $0 { p } else { nil } }
        XCTAssertGreaterThan(polls.count, 10)
        XCTAssertEqual(Set(messages.compactMap(\.pollID)), Set(polls.map(\.id)))
        XCTAssertTrue(polls.contains { $0.enforceUniqueVote } && polls.contains { $0.maxVotesAllowed == 2 })
        XCTAssertTrue(polls.contains { $0.allowAnswers && $0.votingVisibility == .anonymous } && polls.contains(where: \.isClosed))
        let votes = sink.items.compactMap { if case .pollVote(let v) = $0 { v } else { nil } }
        XCTAssertTrue(votes.contains(where: \.isAnswer) && votes.contains { $0.optionID != nil })
    }

    func testSameSeedSameFileOtherSeedOtherFile() throws {
        let spec = SyntheticImport.Spec(users: 20, channels: 6, messages: 500, seed: 3)
        try SyntheticImport.write(spec, to: directory.file("a.jsonl"))
        try SyntheticImport.write(spec, to: directory.file("b.jsonl"))
        var other = spec
        other.seed = 4
        try SyntheticImport.write(other, to: directory.file("c.jsonl"))
        let a = try Data(contentsOf: URL(fileURLWithPath: directory.file("a.jsonl")))
        XCTAssertEqual(a, try Data(contentsOf: URL(fileURLWithPath: directory.file("b.jsonl"))))
        XCTAssertNotEqual(a, try Data(contentsOf: URL(fileURLWithPath: directory.file("c.jsonl"))))
    }
}
