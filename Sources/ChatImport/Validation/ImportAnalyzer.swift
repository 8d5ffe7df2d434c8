import ChatModel
import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads an import file, checks every rule, and — when a sink is given — hands each valid item
/// to it in file order. Once any error is found nothing more is written, and the result says
/// the import is invalid, so the caller rolls the sink's transaction back.
public final class ImportAnalyzer {
    public struct Options: Sendable {
        /// Errors past this many are counted but not kept (Stream's tools stop listing at 25).
        public var maxErrors = 25
        /// Threads that parse and check items on their own; 1 keeps everything on the caller's thread.
        public var workers = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        /// Checked between batches: once set, `run` throws `ImportInterruption.Interrupted`.
        public var interruption: ImportInterruption?
        /// Import v2's `skip_references_check` (see `ReferenceChecker`).
        public var skipReferencesCheck = false
        public init() {}
    }

    private let options: Options
    private let sink: (any ImportSink)?
    // The checker and the result are used by `run` alone, on its thread, a few times for each
    // item of the file: without the runtime's exclusivity checks, which were 7 % of the checking
    // thread's instructions (Swift cannot check a class's properties at compile time).
    @exclusivity(unchecked) private var checker: ReferenceChecker
    /// The channel types the file may use: the built-in ones and those of the store it goes into.
    private let types: ImportChannelTypes
    @exclusivity(unchecked) private var result = ImportResult()
    /// Called with every error, kept or not: for callers that tally all of them (the report's
    /// errors by kind) without keeping every one in memory.
    public var onIssue: ((ImportIssue) -> Void)?

    public init(existing: any ExistingItems = NoExistingItems(), sink: (any ImportSink)? = nil, options: Options = Options()) {
        self.options = options
        self.sink = sink
        self.checker = ReferenceChecker(existing: existing, skipsReferences: options.skipReferencesCheck)
        self.types = existing.channelTypes()
        if sink != nil {
            result.imported = ItemCounts()
            result.skipped = ItemCounts()
        }
    }

    /// Runs the whole file. Throws only when the file cannot be read or the sink fails;
    /// problems in the file are in the result.
    public func run(path: String, progress: ((ImportProgress) -> Void)? = nil) throws -> ImportResult {
        let workers = options.workers
        let types = self.types
        let keySeed = checker.seed
        // One for each run of a batch (see `decode`), kept from batch to batch.
        let distinctIDs = (0..<Self.runs(workers: workers)).map { _ in DistinctChannelIDs() }
        let reader = try ImportRecordReader(path: path)
        checker.reserve(forFileBytes: reader.fileBytes)
        let pipeline = DecodePipeline(reader: reader) {
            ImportAnalyzer.decode($0, workers: workers, types: types, distinctIDs: distinctIDs, keySeed: keySeed)
        }
        defer { pipeline.cancel() }
        var items = 0
        var bytesRead: Int64 = 0
        while let batch = try pipeline.next() {
            try options.interruption?.check()
            checker.bytesLeft = reader.fileBytes - Int(bytesRead)
            bytesRead = batch.bytesConsumed
            if items == 0, let problem = Self.notJSONLines(batch.records.head(Self.headLines)) { return failWhole(problem) }
            let records = batch.records
            checker.lookAhead(at: records)
            for i in 0..<records.count {
                let ahead = i + Self.prefetchDistance < records.count ? records.keyHashes(at: i + Self.prefetchDistance) : KeyHashes()
                try records.take(i) { try take(&$0, bytes: batch.bytes, ahead: ahead) }
            }
            items += batch.recordCount
            progress?(ImportProgress(items: items, bytes: batch.bytesConsumed))
        }
        if items == 0 { return failWhole("empty file: no items") }
        for (context, problem) in checker.finish() {
            report("Validation error: " + problem, typeName: context.typeName, item: context.data, line: context.line)
        }
        // An invalid import is rolled back: deferred items need not be written.
        if let sink, result.isValid {
            let counts = try sink.finish()
            for type in ItemType.allCases {
                result.imported?[type] += counts.written[type]
                result.skipped?[type] += counts.skipped[type]
            }
        }
        return result
    }

    /// How many records ahead the checker prefetches the table slots of (`ReferenceChecker.check`):
    /// enough for a miss in memory to arrive, few enough that the slots are still cached.
    static let prefetchDistance = 8

    /// Lines looked at before deciding a file is not JSON Lines at all.
    static let headLines = 10

    /// Why the file is not JSON Lines at all, or nil: none of its first `headLines` lines is a
    /// JSON object, and either there are that many or one of them is binary (a NUL byte, not
    /// UTF-8). One error says so instead of a parse error per line; a short text file, or one with
    /// any JSON object in its head, gets Stream's per-line errors.
    private static func notJSONLines(_ records: [DecodedRecord]) -> String? {
        let head = records.prefix(headLines)
        guard !head.isEmpty, head.allSatisfy(\.isNotAnObject) else { return nil }
        if let binary = head.first(where: \.isBinary) { return "not a JSON Lines file: line \(binary.line) is binary" }
        guard head.count == headLines else { return nil }
        return "not a JSON Lines file: none of its first \(headLines) lines is a JSON object"
    }

    /// One error for the whole file, with no line.
    private func failWhole(_ problem: String) -> ImportResult {
        result.errorCount += 1
        result.errors.append(ImportIssue(error: problem, itemType: "", item: .null, line: nil))
        return result
    }

    /// Runs of neighbouring records a batch is cut into: four a thread, so that a thread that
    /// ends its run early (the checking thread took its core for a while) takes another instead
    /// of waiting, and no two threads write records that share a cache line but at the ends of runs.
    private static func runs(workers: Int) -> Int { workers > 1 ? workers * 4 : 1 }

    /// Parses and applies the per-item rules to a batch, split across the worker threads. Run
    /// `i` uses `distinctIDs[i]`: one thread at a time, as batches are decoded one after another.
    private static func decode(
        _ batch: ImportRecordBatch,
        workers: Int,
        types: ImportChannelTypes,
        distinctIDs: [DistinctChannelIDs],
        keySeed: IDTable.Seed
    ) -> DecodedRecords {
        let records = batch.records
        let output = DecodedRecords(count: records.count)
        let parts = min(runs(workers: workers), max(1, records.count / 256))
        batch.bytes.withUnsafeBufferPointer { bytes in
            let shared = SharedBytes(bytes)
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                var scratch: [FlatObject.Member] = []
                scratch.reserveCapacity(FlatLineScanner.maxMembers)
                for i in (records.count * part / parts)..<(records.count * (part + 1) / parts) {
                    let r = records[i]
                    if let problem = r.problem {
                        output.set(i, DecodedRecord(line: r.line, type: nil, typeName: "", data: .null, item: nil, errors: [problem]))
                    } else {
                        DecodedRecord.decode(
                            UnsafeBufferPointer(rebasing: shared.bytes[r.range]),
                            line: r.line,
                            offset: r.range.lowerBound,
                            types: types,
                            distinctIDs: distinctIDs[part],
                            keySeed: keySeed,
                            scratch: &scratch,
                            into: output.slot(i)
                        )
                    }
                }
            }
        }
        return output
    }

    /// `bytes` are the record's batch, from which a flat-path record's `data` is parsed when
    /// an error report needs it; `ahead` the key hashes of a record `prefetchDistance` on.
    private func take(_ record: inout DecodedRecord, bytes: [UInt8], ahead: KeyHashes) throws {
        func data() -> JSONValue {
            guard let range = record.dataBytes else { return record.data }
            return (try? bytes.withUnsafeBufferPointer { try JSONParser.parse(UnsafeBufferPointer(rebasing: $0[range])) }) ?? .null
        }
        if let type = record.type {
            result.total[type] += 1
            if let problem = checker.checkOrder(type) {
                report("Validation error: " + problem, typeName: record.typeName, item: data(), line: record.line)
            }
        }
        for error in record.errors { report(error, typeName: record.typeName, item: data(), line: record.line) }
        // Moved out, not copied (a copy retains every string of the item).
        guard let item = record.item.take() else { return }
        func context() -> ReferenceChecker.Context { ReferenceChecker.Context(line: record.line, typeName: record.typeName, data: data()) }
        for problem in checker.check(item, hashes: record.keyHashes, ahead: ahead, context: context()) {
            report("Validation error: " + problem, typeName: record.typeName, item: data(), line: record.line)
        }
        guard let sink, result.isValid else { return }
        switch try sink.write(item) {
        case .written: result.imported?[item.type] += 1
        case .skipped: result.skipped?[item.type] += 1
        case .deferred: break
        }
    }

    /// `item` is made only when the error is kept or tallied (a flat-path record's is parsed then).
    private func report(_ error: String, typeName: String, item: @autoclosure () -> JSONValue, line: Int) {
        result.errorCount += 1
        let keep = result.errors.count < options.maxErrors
        guard keep || onIssue != nil else { return }
        let issue = ImportIssue(error: error, itemType: typeName, item: item(), line: line)
        if keep { result.errors.append(issue) }
        onIssue?(issue)
    }
}

/// The batch's bytes, read (never written) by every worker thread.
private struct SharedBytes: @unchecked Sendable {
    let bytes: UnsafeBufferPointer<UInt8>
    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }
}
