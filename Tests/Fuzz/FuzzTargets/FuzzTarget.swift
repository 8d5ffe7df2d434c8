import ChatImport
import ChatModel
import ChatServer
import Foundation
import TerminalUI

/// What the fuzzer attacks: each target takes arbitrary bytes and either handles them or
/// stops the process (a crash, or a broken invariant checked with `precondition`). The same
/// targets replay the seed corpus in the test suite, so every finding stays a regression test.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// An import file: the line reader, every item rule and the reference checks.
    case importFile = "import"
    /// A request body or `payload` query parameter: the server's JSON parser, and the writer
    /// that answers with what it parsed (it must read back the same).
    case json
    /// An `Authorization` header: the JWT verifier; without the secret nothing passes.
    case jwt
    /// Untrusted text on its way to the screen: the sanitizer, the width function and the wrapper.
    case text
    /// A Chatkit export bundle: the converter's readers (both field-name families), id mapping,
    /// parts and cursors.
    case chatkit
    /// A channel upload's body: the multipart parser (boundary `fuzz`).
    case multipart
    /// A Slack export as a ZIP: the archive reader (names, sizes, inflating, CRCs), the day files,
    /// the markup and every mapping.
    case slack
    /// A Mattermost bulk export's JSON Lines: every line type, nested replies and reactions, ids.
    case mattermost

    public func run(_ bytes: [UInt8]) {
        switch self {
        case .importFile: Self.importFile(bytes)
        case .json: Self.json(bytes)
        case .jwt: Self.jwt(bytes)
        case .text: Self.text(bytes)
        case .chatkit: Self.chatkit(bytes)
        case .multipart: Self.multipart(bytes)
        case .slack: Self.converted(bytes, as: .slack, file: "export.zip")
        case .mattermost: Self.converted(bytes, as: .mattermost, file: "import.jsonl")
        }
    }

    private static let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("chatterm-fuzz-\(getpid()).jsonl").path

    private static func importFile(_ bytes: [UInt8]) {
        _ = FileManager.default.createFile(atPath: scratch, contents: Data(bytes))
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        guard let result = try? ImportAnalyzer().run(path: scratch) else { return }
        // Every problem is reported with a message, and counted.
        precondition(result.errors.allSatisfy { !$0.error.isEmpty }, "an error without a message")
        precondition(result.errors.count <= result.errorCount, "more errors reported than counted")
    }

    private static let bundle = FileManager.default.temporaryDirectory.appendingPathComponent("chatterm-fuzz-\(getpid())-bundle.json")

    private static func chatkit(_ bytes: [UInt8]) {
        _ = FileManager.default.createFile(atPath: bundle.path, contents: Data(bytes))
        defer { try? FileManager.default.removeItem(at: bundle) }
        guard let report = try? ChatkitConverter.report(export: bundle) else { return }
        accounted(report)
    }

    private static func converted(_ bytes: [UInt8], as kind: SourceKind, file: String) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("chatterm-fuzz-\(getpid())-\(file)").path
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard let report = try? kind.open(path).report() else { return }
        accounted(report)
    }

    /// Nothing is lost without a word: every record read is converted or accounted for.
    private static func accounted(_ report: any ConversionReporting) {
        for tally in report.accounting {
            precondition(
                tally.source == tally.converted + tally.notConverted.reduce(0) { $0 + $1.count },
                "\(tally.kind) unaccounted for: \(tally)"
            )
        }
    }

    private static func json(_ bytes: [UInt8]) {
        guard let value = try? JSONParser.parse(bytes) else { return }
        let written = JSONWriter().string(value)
        guard let again = try? JSONParser.parse(written) else {
            preconditionFailure("the writer produced JSON its parser refuses: \(written)")
        }
        precondition(JSONWriter().string(again) == written, "a value did not survive writing and reading: \(written)")
    }

    private static let secret = String(repeating: "s", count: 32)

    private static func jwt(_ bytes: [UInt8]) {
        let token = String(decoding: bytes, as: UTF8.self)
        guard (try? StreamToken.verify(token, secret: secret, now: 1_700_000_000)) != nil else { return }
        // Only a signed token may pass (the corpus holds tokens signed with this secret).
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        precondition(parts.count == 3 && !parts[2].isEmpty, "a token without a signature passed: \(token)")
    }

    private static func text(_ bytes: [UInt8]) {
        let text = SanitizedText(untrusted: String(decoding: bytes, as: UTF8.self))
        for scalar in text.value.unicodeScalars {
            let v = scalar.value
            precondition(v == 0x0A || !(v < 0x20 || (0x7F...0x9F).contains(v)), "a control character survived: U+\(String(v, radix: 16))")
            precondition(
                !(0x202A...0x202E).contains(v) && !(0x2066...0x2069).contains(v),
                "a bidi control survived: U+\(String(v, radix: 16))"
            )
        }
        precondition(DisplayWidth.of(text.value) >= 0)
        for width in [1, 2, 7, 40] {
            for line in TextWrapper.wrap(text, width: width) {
                precondition(DisplayWidth.of(line) <= max(width, 2), "a wrapped line is wider than \(width): \(line.debugDescription)")
            }
        }
    }

    private static func multipart(_ bytes: [UInt8]) {
        guard let form = try? MultipartForm(body: bytes, boundary: "fuzz") else { return }
        // Every part is named, and its data lies within the body between delimiters: no part
        // holds bytes the body did not, and no part's data contains the delimiter.
        let delimiter = Array("\r\n--fuzz".utf8)
        precondition(form.parts.allSatisfy { !$0.name.isEmpty }, "a part without a name")
        precondition(form.parts.reduce(0) { $0 + $1.data.count } <= bytes.count, "parts hold more bytes than the body")
        for part in form.parts where part.data.count >= delimiter.count {
            precondition(
                !(0...(part.data.count - delimiter.count)).contains { part.data[$0..<($0 + delimiter.count)].elementsEqual(delimiter) },
                "a part's data holds the delimiter"
            )
        }
    }
}
