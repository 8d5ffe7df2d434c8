import ChatModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One item's bytes in a batch, and the line it starts on.
public struct ImportRecord: Sendable {
    public var range: Range<Int>
    public var line: Int
    /// Set when the record could not be cut out whole (too long); the bytes are then empty.
    public var problem: String?
}

/// A run of records sharing one byte buffer, so a million lines do not cost a million arrays.
public struct ImportRecordBatch: Sendable {
    public var bytes: [UInt8]
    public var records: [ImportRecord]
    /// File bytes consumed up to the end of this batch, for progress.
    public var bytesConsumed: Int64
}

/// Reads an import file record by record in bounded memory: JSON Lines (`{"type","data"}` a
/// line), or the older JSON-array form (`[{"type","item"}, …]`, pretty-printed or not).
/// A UTF-8 BOM, CRLF line ends and blank lines are tolerated.
public final class ImportRecordReader {
    /// A record longer than this is reported and skipped, not buffered: no valid item comes
    /// near it (custom data ≤ 5 KiB, text ≤ 20,000 characters, ≤ 30 attachments).
    public static let maxRecordBytes = 8 << 20

    public enum Format: Sendable { case jsonLines, jsonArray }

    private let fd: Int32
    private let ownsFD: Bool
    private let chunkSize: Int
    private let batchRecords: Int
    private var pending: [UInt8] = []  // bytes read but not yet cut into records
    private var pendingStartLine = 1  // line number of pending[0]
    private var eof = false
    private var consumed: Int64 = 0
    public private(set) var format: Format?
    /// Whether a UTF-8 BOM at the file's start was looked for (and dropped).
    private var lookedForBOM = false
    private var array = ArrayScanState()
    /// The file's size when known (0 for a pipe), for callers that size their tables by it.
    public let fileBytes: Int

    public init(path: String, chunkSize: Int = 1 << 20, batchRecords: Int = 8192) throws(ImportFileError) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw ImportFileError(path: path, reason: String(cString: strerror(errno))) }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw ImportFileError(path: path, reason: "is a directory")
        }
        self.fd = fd
        self.ownsFD = true
        self.fileBytes = (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : 0
        self.chunkSize = chunkSize
        self.batchRecords = batchRecords
    }

    deinit { if ownsFD { close(fd) } }

    /// The next batch of records, or nil at the end of the file.
    public func nextBatch() throws(ImportFileError) -> ImportRecordBatch? {
        while format == nil {
            // Looked for once three bytes are in: a short read may hold part of a BOM.
            if !lookedForBOM, pending.count >= 3 || eof {
                if pending.starts(with: [0xEF, 0xBB, 0xBF]) { pending.removeFirst(3) }
                lookedForBOM = true
            }
            if lookedForBOM, let first = pending.firstIndex(where: { !isSpace($0) }) {
                format = pending[first] == UInt8(ascii: "[") ? .jsonArray : .jsonLines
            } else if eof {
                return nil
            } else {
                try fill()
            }
        }
        var out = ImportRecordBatch(bytes: [], records: [], bytesConsumed: 0)
        out.records.reserveCapacity(batchRecords)
        switch format! {
        case .jsonLines: try cutLines(into: &out)
        case .jsonArray: try cutArray(into: &out)
        }
        out.bytesConsumed = consumed
        return out.records.isEmpty && eof && pending.isEmpty ? nil : out
    }

    /// Appends up to `chunkSize` bytes of the file to `pending`.
    private func fill() throws(ImportFileError) { try readChunk(into: &pending) }

    /// Reads up to `chunkSize` bytes straight into `buffer`'s end, which is grown for them.
    private func readChunk(into buffer: inout [UInt8]) throws(ImportFileError) {
        let have = buffer.count
        let count = chunkSize
        var n = 0
        // A new array with room for the old bytes and the new: `read` fills it in place, where
        // appending a chunk read elsewhere would copy every byte of the file once more.
        buffer = [UInt8](unsafeUninitializedCapacity: have + count) { [fd] room, initialized in
            buffer.withUnsafeBufferPointer { old in
                if let from = old.baseAddress { room.baseAddress!.update(from: from, count: have) }
            }
            n = read(fd, room.baseAddress! + have, count)
            initialized = have + max(n, 0)
        }
        guard n >= 0 else { throw ImportFileError(path: "", reason: String(cString: strerror(errno))) }
        if n == 0 { eof = true }
        consumed += Int64(n)
    }

    /// JSON Lines: the batch's bytes are the unfinished line of the batch before and the bytes
    /// read after it, read into place once; its records are ranges of them, never copies.
    private func cutLines(into batch: inout ImportRecordBatch) throws(ImportFileError) {
        var bytes: [UInt8] = []
        swap(&bytes, &pending)
        var start = 0  // where the first line not yet cut starts
        var line = pendingStartLine
        // Lines left over from a full batch are cut before more is read, so they cannot pile up.
        var readMore = bytes.count < chunkSize
        repeat {
            if readMore, !eof { try readChunk(into: &bytes) }
            readMore = true
            bytes.withUnsafeBufferPointer { buf in
                while batch.records.count < batchRecords, let nl = memchrIndex(buf, from: start) {
                    appendLine(buf, start..<nl, line: line, into: &batch)
                    line += 1
                    start = nl + 1
                }
                if eof, batch.records.count < batchRecords, start < buf.count {
                    appendLine(buf, start..<buf.count, line: line, into: &batch)
                    start = buf.count
                }
            }
            // What is left holds no newline: an overlong line in progress, skipped without holding it.
            if batch.records.count < batchRecords, bytes.count - start > ImportRecordReader.maxRecordBytes {
                if !batch.records.isEmpty { break }  // it starts the next batch
                batch.records.append(ImportRecord(range: 0..<0, line: line, problem: overlongMessage))
                pending = []
                pendingStartLine = line
                skipOverlongLine()
                return
            }
        } while batch.records.isEmpty && !eof
        pending = start < bytes.count ? Array(bytes[start...]) : []
        pendingStartLine = line
        batch.bytes = bytes
    }

    /// A line of the batch's own bytes, as a range of them.
    private func appendLine(_ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, line: Int, into batch: inout ImportRecordBatch) {
        guard let trimmed = trimmed(buf, range) else { return }  // blank line
        let tooLong = trimmed.count > ImportRecordReader.maxRecordBytes
        batch.records.append(ImportRecord(range: tooLong ? 0..<0 : trimmed, line: line, problem: tooLong ? overlongMessage : nil))
    }

    /// The JSON-array form: elements are cut from `pending` and copied into the batch.
    private func cutArray(into batch: inout ImportRecordBatch) throws(ImportFileError) {
        batch.bytes.reserveCapacity(chunkSize + chunkSize / 4)
        while batch.records.count < batchRecords {
            let before = batch.records.count
            cutArrayElements(into: &batch, atEOF: false)
            if batch.records.count == before {
                if eof { break }
                try fill()
            }
            if batch.bytes.count >= chunkSize { break }
        }
        if eof, !pending.isEmpty, batch.records.count < batchRecords { cutArrayElements(into: &batch, atEOF: true) }
    }

    private func skipOverlongLine() {
        while true {
            if let nl = pending.firstIndex(of: 0x0A) {
                pending.removeSubrange(0...nl)
                pendingStartLine += 1
                return
            }
            pending.removeAll(keepingCapacity: true)
            if eof { return }
            do { try fill() } catch {
                eof = true
                return
            }
        }
    }

    private var overlongMessage: String { "Parse error: item is longer than \(ImportRecordReader.maxRecordBytes >> 20) MiB" }

    /// `range` without the spaces around it (the CR of CRLF among them); nil when blank.
    private func trimmed(_ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int>? {
        var lo = range.lowerBound
        var hi = range.upperBound
        while lo < hi, isSpace(buf[lo]) { lo += 1 }
        while hi > lo, isSpace(buf[hi - 1]) { hi -= 1 }
        return lo < hi ? lo..<hi : nil
    }

    /// An array element: copied from `pending` into the batch's bytes.
    private func appendRecord(_ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, line: Int, into batch: inout ImportRecordBatch) {
        guard let trimmed = trimmed(buf, range) else { return }
        if trimmed.count > ImportRecordReader.maxRecordBytes {
            batch.records.append(ImportRecord(range: 0..<0, line: line, problem: overlongMessage))
            return
        }
        let offset = batch.bytes.count
        batch.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buf[trimmed]))
        let line = line + countNewlines(buf, range.lowerBound..<trimmed.lowerBound)
        batch.records.append(ImportRecord(range: offset..<(offset + trimmed.count), line: line))
    }

    // MARK: JSON array form

    /// Where the scan of a top-level array stands between reads.
    private struct ArrayScanState {
        var opened = false, closed = false
        var depth = 0, inString = false, escaped = false
        var scanned = 0  // bytes of pending already scanned
        var elementStart: Int?
        var elementLine = 1
        var line = 1
    }

    /// Finds the top-level elements of `[ … ]` by tracking strings and nesting; each element
    /// then goes through the same line parser as JSON Lines.
    private func cutArrayElements(into batch: inout ImportRecordBatch, atEOF: Bool) {
        var s = array
        if s.scanned == 0 { s.line = pendingStartLine }
        var cut = 0
        pending.withUnsafeBufferPointer { buf in
            var i = s.scanned
            while i < buf.count, batch.records.count < batchRecords {
                let c = buf[i]
                if c == 0x0A { s.line += 1 }
                if s.inString {
                    if s.escaped {
                        s.escaped = false
                    } else if c == UInt8(ascii: "\\") {
                        s.escaped = true
                    } else if c == UInt8(ascii: "\"") {
                        s.inString = false
                    }
                } else if !s.opened {
                    if c == UInt8(ascii: "[") {
                        s.opened = true
                        cut = i + 1
                    } else if !isSpace(c) {
                        s.elementStart = i
                        s.elementLine = s.line
                        s.opened = true
                        s.closed = true
                    }
                } else if s.closed {
                    if !isSpace(c), s.elementStart == nil {
                        s.elementStart = i
                        s.elementLine = s.line
                    }
                } else {
                    switch c {
                    case UInt8(ascii: "\""):
                        s.inString = true
                        if s.elementStart == nil {
                            s.elementStart = i
                            s.elementLine = s.line
                        }
                    case UInt8(ascii: "{"), UInt8(ascii: "["):
                        if s.elementStart == nil {
                            s.elementStart = i
                            s.elementLine = s.line
                        }
                        s.depth += 1
                    case UInt8(ascii: "}"), UInt8(ascii: "]"):
                        if s.depth == 0, c == UInt8(ascii: "]") {
                            if let start = s.elementStart { appendRecord(buf, start..<i, line: s.elementLine, into: &batch) }
                            s.elementStart = nil
                            s.closed = true
                            cut = i + 1
                        } else {
                            s.depth -= 1
                        }
                    case UInt8(ascii: ",") where s.depth == 0:
                        appendRecord(buf, (s.elementStart ?? i)..<i, line: s.elementLine, into: &batch)
                        if s.elementStart == nil {
                            batch.records.append(
                                ImportRecord(
                                    range: 0..<0,
                                    line: s.line,
                                    problem: "Parse error: invalid character ',' looking for beginning of value"
                                )
                            )
                        }
                        s.elementStart = nil
                        cut = i + 1
                    default:
                        if !isSpace(c), s.elementStart == nil {
                            s.elementStart = i
                            s.elementLine = s.line
                        }
                    }
                }
                i += 1
            }
            s.scanned = i
        }
        if atEOF {
            let line = s.elementLine
            if let start = s.elementStart, start < pending.count {
                let record = s.closed ? "Parse error: invalid character after top-level value" : "Parse error: unexpected end of JSON input"
                batch.records.append(ImportRecord(range: 0..<0, line: line, problem: record))
            } else if !s.closed {
                batch.records.append(ImportRecord(range: 0..<0, line: s.line, problem: "Parse error: unexpected end of JSON input"))
            }
            pending.removeAll()
            array = ArrayScanState()
            return
        }
        // Keep only the unfinished element; rebase the positions that point into pending.
        let keepFrom = s.elementStart.map { min($0, cut) } ?? cut
        if keepFrom > 0 {
            pending.removeSubrange(0..<keepFrom)
            s.scanned -= keepFrom
            if let start = s.elementStart { s.elementStart = start - keepFrom }
        }
        if let start = s.elementStart, s.scanned - start > ImportRecordReader.maxRecordBytes {
            batch.records.append(ImportRecord(range: 0..<0, line: s.elementLine, problem: overlongMessage))
            // An element this long cannot be trusted to end where its brackets say; stop here.
            pending.removeAll()
            s = ArrayScanState(opened: true, closed: true, scanned: 0)
            eof = true
        }
        array = s
    }

    // MARK: Bytes

    @inline(__always) private func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 }

    private func memchrIndex(_ buf: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard from < buf.count, let base = buf.baseAddress else { return nil }
        guard let p = memchr(base + from, 0x0A, buf.count - from) else { return nil }
        return base.distance(to: p.assumingMemoryBound(to: UInt8.self))
    }

    private func countNewlines(_ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        range.reduce(0) { $0 + (buf[$1] == 0x0A ? 1 : 0) }
    }
}

/// A file that could not be read at all (as opposed to one with bad items in it).
public struct ImportFileError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { path.isEmpty ? reason : "\(path): \(reason)" }
}
