import ChatImport
import ChatModel
import ChatTestSupport
import XCTest

/// The file forms Stream accepts, and malformed files.
final class ImportReaderTests: ValidationTestCase {
    func testToleratesBOMCRLFAndBlankLines() throws {
        let text = "\u{FEFF}" + SampleImports.streamDocsExample.joined(separator: "\r\n\r\n   \r\n") + "\r\n\n"
        let result = try ImportAnalyzer().run(path: directory.write("crlf.jsonl", text: text))
        XCTAssertEqual(result.errors, [])
        XCTAssertEqual(result.total.total, 6)
    }

    func testLastLineWithoutNewline() throws {
        let result = try ImportAnalyzer().run(
            path: directory.write("nonl.jsonl", text: SampleImports.streamDocsExample.joined(separator: "\n"))
        )
        XCTAssertEqual(result.total.total, 6)
        XCTAssertTrue(result.isValid)
    }

    /// The older format: one JSON array, `item` instead of `data`, `channel_member` for members.
    func testOlderJSONArrayFormWithItemAndChannelMember() throws {
        let items = SampleImports.streamDocsExample.map {
            $0.replacingOccurrences(of: #""data":"#, with: #""item":"#).replacingOccurrences(
                of: #""type":"member""#,
                with: #""type":"channel_member""#
            )
        }
        let pretty = "[\n  " + items.joined(separator: ",\n  ") + "\n]\n"
        let result = try ImportAnalyzer().run(path: directory.write("old.json", text: pretty))
        XCTAssertEqual(result.errors, [])
        XCTAssertEqual(result.total[.member], 1)
        XCTAssertEqual(result.total.total, 6)
        let compact = try ImportAnalyzer().run(path: directory.write("old1.json", text: "[" + items.joined(separator: ",") + "]"))
        XCTAssertEqual(compact.total.total, 6)
        XCTAssertTrue(compact.isValid)
    }

    func testArrayFormReportsElementLinesAndTruncation() throws {
        let text = "[\n" + #"{"type":"user","item":{"id":"a"}},"# + "\n" + #"{"type":"user","item":{"id":"b c"}}"# + "\n]"
        let result = try ImportAnalyzer().run(path: directory.write("lines.json", text: text))
        XCTAssertEqual(result.errors.map(\.line), [3])
        let cut = try ImportAnalyzer().run(path: directory.write("cut.json", text: "[" + #"{"type":"user","item":{"id":"a"}},{"type":"us"#))
        XCTAssertEqual(cut.errors.map(\.error), ["Parse error: unexpected end of JSON input"])
        XCTAssertEqual(cut.total[.user], 1)
    }

    func testMalformedLinesAreErrorsWithLineNumbers() throws {
        let lines = [SampleImports.base[0], "{not json", SampleImports.base[1], #"{"type":"user","data":{"id":"x"}"#]
        let result = try analyze(lines)
        XCTAssertEqual(result.errors.map(\.line), [2, 4])
        XCTAssertEqual(
            result.errors.map(\.error),
            [
                "Parse error: invalid character 'n' looking for beginning of object key string",
                "Parse error: unexpected end of JSON input",
            ]
        )
        XCTAssertEqual(result.total[.user], 2)
    }

    /// An overlong line is reported and skipped without being held in memory; lines after it still count.
    func testOverlongLineIsReportedAndSkipped() throws {
        let huge =
            #"{"type":"user","data":{"id":"x","bio":""# + String(repeating: "x", count: ImportRecordReader.maxRecordBytes + 10) + #""}}"#
        let result = try analyze([SampleImports.base[0], huge, SampleImports.base[1]])
        XCTAssertEqual(result.errors.map(\.error), ["Parse error: item is longer than 8 MiB"])
        XCTAssertEqual(result.errors.map(\.line), [2])
        XCTAssertEqual(result.total[.user], 2)
    }

    /// Records are cut across read chunks and batches without losing or splitting any.
    func testSmallChunksAndBatchesReadEveryRecord() throws {
        let path = directory.write("many.jsonl", lines: (0..<1000).map { #"{"type":"user","data":{"id":"u\#($0)"}}"# })
        let reader = try ImportRecordReader(path: path, chunkSize: 37, batchRecords: 7)
        var lines: [Int] = []
        var ids: [String] = []
        while let batch = try reader.nextBatch() {
            for record in batch.records {
                lines.append(record.line)
                let value = try JSONParser.parse(batch.bytes[record.range])
                ids.append(value.objectValue?["data"]?.objectValue?["id"]?.stringValue ?? "?")
            }
        }
        XCTAssertEqual(lines, Array(1...1000))
        XCTAssertEqual(ids, (0..<1000).map { "u\($0)" })
    }

    /// The batch's bytes are read in place, each batch taking the unfinished line of the one
    /// before: every chunk and batch size cuts the same records on the same lines, with lines
    /// longer than a chunk, ids split across chunks, CRLF, blank lines, a BOM, no last newline.
    func testEveryChunkAndBatchSizeCutsTheSameRecords() throws {
        var text = "\u{FEFF}"
        var expected: [(line: Int, text: String)] = []
        var line = 1
        for i in 0..<60 {
            let record = #"{"type":"user","data":{"id":"user-\#(i)","name":"\#(String(repeating: "é", count: i * 5))"}}"#
            text += (i % 4 == 1 ? "  " : "") + record + (i % 3 == 0 ? " \r\n" : "\n")
            expected.append((line, record))
            line += 1
            if i % 5 == 0 {
                text += "  \r\n\n"
                line += 2
            }
        }
        text += #"{"type":"user","data":{"id":"last"}}"#
        expected.append((line, #"{"type":"user","data":{"id":"last"}}"#))
        let path = directory.write("chunks.jsonl", text: text)
        for chunkSize in [1, 2, 3, 7, 64, 600, 1 << 16] {
            for batchRecords in [1, 4, 8192] {
                let reader = try ImportRecordReader(path: path, chunkSize: chunkSize, batchRecords: batchRecords)
                var got: [(line: Int, text: String)] = []
                while let batch = try reader.nextBatch() {
                    XCTAssertLessThanOrEqual(batch.records.count, batchRecords)
                    for record in batch.records { got.append((record.line, String(decoding: batch.bytes[record.range], as: UTF8.self))) }
                }
                XCTAssertEqual(got.map(\.line), expected.map(\.line), "chunk \(chunkSize), batch \(batchRecords)")
                XCTAssertEqual(got.map(\.text), expected.map(\.text), "chunk \(chunkSize), batch \(batchRecords)")
            }
        }
        let result = try ImportAnalyzer().run(path: path)
        XCTAssertEqual(result.errors, [])
        XCTAssertEqual(result.total[.user], 61)
    }

    func testMissingFileAndDirectoryAreFileErrors() {
        XCTAssertThrowsError(try ImportAnalyzer().run(path: directory.file("absent.jsonl"))) { error in
            XCTAssertEqual((error as? ImportFileError)?.reason, "No such file or directory")
        }
        XCTAssertThrowsError(try ImportAnalyzer().run(path: directory.path)) { error in
            XCTAssertEqual((error as? ImportFileError)?.reason, "is a directory")
        }
    }

    /// An empty file imports nothing, which is never what was meant: one error says so.
    func testEmptyFileIsOneError() throws {
        for text in ["", "\n  \n"] {
            let result = try ImportAnalyzer().run(path: directory.write("empty.jsonl", text: text))
            XCTAssertEqual(result.errors.map(\.error), ["empty file: no items"])
            XCTAssertEqual(result.errorCount, 1)
            XCTAssertEqual(result.total.total, 0)
        }
    }

    /// A file that is not JSON Lines at all gets one error, not one per line; a file with JSON
    /// objects in its first lines, or a short text file, keeps Stream's per-line errors.
    func testAFileThatIsNotJSONLinesIsOneError() throws {
        let binary = directory.write("binary.jsonl", text: "\u{7F}ELF\u{0}\u{1}\n" + String(repeating: "x\n", count: 30))
        XCTAssertEqual(try ImportAnalyzer().run(path: binary).errors.map(\.error), ["not a JSON Lines file: line 1 is binary"])

        let prose = directory.write("prose.jsonl", lines: (1...30).map { "words, not JSON \($0)" })
        let result = try ImportAnalyzer().run(path: prose)
        XCTAssertEqual(result.errors.map(\.error), ["not a JSON Lines file: none of its first 10 lines is a JSON object"])
        XCTAssertEqual(result.errorCount, 1)

        let short = try ImportAnalyzer().run(path: directory.write("short.jsonl", lines: ["not json", "nor this"]))
        XCTAssertEqual(short.errorCount, 2)
        XCTAssertEqual(short.errors.map(\.line), [1, 2])

        let late = directory.write("late.jsonl", lines: (1...10).map { "junk \($0)" } + [SampleImports.base[0]])
        XCTAssertEqual(try ImportAnalyzer().run(path: late).errorCount, 1, "the first 10 lines decide")
        let early = directory.write("early.jsonl", lines: [SampleImports.base[0]] + (1...12).map { "junk \($0)" })
        XCTAssertEqual(try ImportAnalyzer().run(path: early).errorCount, 12, "a JSON object in the head: an error per line")
    }
}
