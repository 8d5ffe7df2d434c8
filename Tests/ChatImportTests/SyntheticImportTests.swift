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
