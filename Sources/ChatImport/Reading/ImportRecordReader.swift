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
    private var array = ArrayScanState()

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
        self.chunkSize = chunkSize
        self.batchRecords = batchRecords
    }

    deinit { if ownsFD { close(fd) } }

    /// The next batch of records, or nil at the end of the file.
    public func nextBatch() throws(ImportFileError) -> ImportRecordBatch? {
        var out = ImportRecordBatch(bytes: [], records: [], bytesConsumed: 0)
        out.bytes.reserveCapacity(chunkSize + chunkSize / 4)
        while out.records.count < batchRecords {
            if !cutRecords(into: &out) {
                if eof { break }
                try fill()
            }
            if out.bytes.count >= chunkSize { break }
        }
        if eof { finish(into: &out) }
        out.bytesConsumed = consumed
        return out.records.isEmpty && eof && pending.isEmpty ? nil : out
    }

    private func fill() throws(ImportFileError) {
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, chunkSize) }
        guard n >= 0 else { throw ImportFileError(path: "", reason: String(cString: strerror(errno))) }
        if n == 0 {
            eof = true
            return
        }
        consumed += Int64(n)
        if format == nil, pending.isEmpty, consumed == Int64(n), n >= 3, chunk[0] == 0xEF, chunk[1] == 0xBB, chunk[2] == 0xBF {
            pending.append(contentsOf: chunk[3..<n])
        } else {
            pending.append(contentsOf: chunk[0..<n])
        }
    }

    /// Cuts complete records out of `pending`; false when it needs more bytes.
    private func cutRecords(into batch: inout ImportRecordBatch) -> Bool {
        if format == nil {
            guard let first = pending.firstIndex(where: { !isSpace($0) }) else { return false }
            format = pending[first] == UInt8(ascii: "[") ? .jsonArray : .jsonLines
        }
        let before = batch.records.count
        switch format! {
        case .jsonLines: cutLines(into: &batch)
        case .jsonArray: cutArrayElements(into: &batch, atEOF: false)
        }
        return batch.records.count > before
    }

    private func cutLines(into batch: inout ImportRecordBatch) {
        var start = 0
        var line = pendingStartLine
        pending.withUnsafeBufferPointer { buf in
            var i = 0
            while i < buf.count, batch.records.count < batchRecords {
                guard let nl = memchrIndex(buf, from: i) else { break }
                appendRecord(buf, start..<nl, line: line, into: &batch)
                line += 1
                i = nl + 1
                start = i
            }
        }
        dropPending(upTo: start, newLine: line)
        if batch.records.count < batchRecords, pending.count > ImportRecordReader.maxRecordBytes {
            // Skip the rest of an overlong line without holding it.
            batch.records.append(ImportRecord(range: 0..<0, line: pendingStartLine, problem: overlongMessage))
            skipOverlongLine()
        }
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

    private func appendRecord(_ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, line: Int, into batch: inout ImportRecordBatch) {
        var lo = range.lowerBound
        var hi = range.upperBound
        while lo < hi, isSpace(buf[lo]) { lo += 1 }
        while hi > lo, isSpace(buf[hi - 1]) { hi -= 1 }  // also drops the CR of CRLF
        guard lo < hi else { return }  // blank line
        if hi - lo > ImportRecordReader.maxRecordBytes {
            batch.records.append(ImportRecord(range: 0..<0, line: line, problem: overlongMessage))
            return
        }
        let offset = batch.bytes.count
        batch.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buf[lo..<hi]))
        batch.records.append(ImportRecord(range: offset..<(offset + hi - lo), line: line + countNewlines(buf, range.lowerBound..<lo)))
    }

    private func dropPending(upTo index: Int, newLine: Int) {
        guard index > 0 else { return }
        pending.removeSubrange(0..<index)
        pendingStartLine = newLine
    }

    /// At end of file: the last line without a newline, or what is left of an array.
    private func finish(into batch: inout ImportRecordBatch) {
        guard !pending.isEmpty, batch.records.count < batchRecords else { return }
        switch format {
        case .jsonLines?, nil:
            pending.withUnsafeBufferPointer { appendRecord($0, 0..<$0.count, line: pendingStartLine, into: &batch) }
            pending.removeAll()
        case .jsonArray?:
            cutArrayElements(into: &batch, atEOF: true)
        }
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
