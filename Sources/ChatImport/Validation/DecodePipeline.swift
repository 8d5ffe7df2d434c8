import ChatModel
import Dispatch

/// Reads and decodes batches on a background thread while the caller checks and writes the
/// previous one, so parsing (on every core) overlaps with the sequential work. At most
/// `depth` decoded batches wait, which bounds memory.
final class DecodePipeline: @unchecked Sendable {
    struct Decoded {
        var records: DecodedRecords
        /// The batch's bytes, which flat-path records point into.
        var bytes: [UInt8]
        var recordCount: Int
        var bytesConsumed: Int64
    }

    private let free: DispatchSemaphore
    private let depth: Int
    private let filled = DispatchSemaphore(value: 0)
    private let lock = DispatchQueue(label: "chatterm.decode-pipeline")
    // Guarded by `lock`.
    private var queue: [Result<Decoded?, ImportFileError>] = []
    private var cancelled = false

    init(reader: ImportRecordReader, depth: Int = 2, decode: @escaping @Sendable (ImportRecordBatch) -> DecodedRecords) {
        // Made at 0 and raised to `depth`: libdispatch traps when a semaphore is freed below the
        // value it was made with, which is where a run the consumer stops early leaves `free`.
        free = DispatchSemaphore(value: 0)
        for _ in 0..<depth { free.signal() }
        self.depth = depth
        let box = ReaderBox(reader)
        DispatchQueue.global().async { [self] in
            while true {
                free.wait()
                if isCancelled { return }
                let item = Result<ImportRecordBatch?, ImportFileError> { () throws(ImportFileError) in try box.reader.nextBatch() }
                    .map {
                        $0.map {
                            Decoded(records: decode($0), bytes: $0.bytes, recordCount: $0.records.count, bytesConsumed: $0.bytesConsumed)
                        }
                    }
                lock.sync { queue.append(item) }
                filled.signal()
                if case .success(nil) = item { return }
                if case .failure = item { return }
            }
        }
    }

    private var isCancelled: Bool { lock.sync { cancelled } }

    /// The next decoded batch, or nil at the end of the file.
    func next() throws(ImportFileError) -> Decoded? {
        filled.wait()
        let item = lock.sync { queue.removeFirst() }
        free.signal()
        return try item.get()
    }

    /// Stops the producer; call when the consumer stops before the end. `free` is signalled
    /// past its starting value: libdispatch traps when a semaphore is freed below it, which a
    /// stop with batches still unread would leave (a server that cancels an import lives on).
    func cancel() {
        lock.sync { cancelled = true }
        for _ in 0...depth { free.signal() }
    }
}

/// The reader, handed to the producer thread, which is then its only user.
private final class ReaderBox: @unchecked Sendable {
    let reader: ImportRecordReader
    init(_ reader: ImportRecordReader) { self.reader = reader }
}

/// A batch's decoded records in slots the worker threads fill, each initialised exactly once by
/// one thread (a shared Swift array would race on its copy-on-write check). The consumer then
/// moves each record out, so it is never copied (a copy retains every string of its item).
final class DecodedRecords: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<DecodedRecord>
    let count: Int
    /// Slots below this were moved out by `take`. Only the consumer's thread uses it, once an
    /// item: without the runtime's exclusivity check (see `ImportAnalyzer.checker`).
    @exclusivity(unchecked) private var taken = 0

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: max(count, 1))
    }

    deinit {
        (slots + taken).deinitialize(count: count - taken)
        slots.deallocate()
    }

    func set(_ i: Int, _ record: consuming DecodedRecord) { (slots + i).initialize(to: record) }

    /// Record `i`'s key hashes, read ahead of its turn (for `ReferenceChecker.prefetch`).
    func keyHashes(at i: Int) -> KeyHashes { slots[i].keyHashes }

    /// `body` over record `i`'s item where it lies, ahead of its turn.
    func withItem<R>(at i: Int, _ body: (ImportItem?) -> R) -> R { body(slots[i].item) }

    /// Slot `i`, uninitialised, for a record made in place.
    func slot(_ i: Int) -> UnsafeMutablePointer<DecodedRecord> { slots + i }

    /// Copies of the first `n` records, for a look before they are taken.
    func head(_ n: Int) -> [DecodedRecord] { (0..<min(n, count)).map { slots[$0] } }

    /// `body` over record `i` where it lies, which then ends (no move of the whole record out
    /// of its slot); records are taken once each, in order, after every slot was set.
    func take<R>(_ i: Int, _ body: (inout DecodedRecord) throws -> R) rethrows -> R {
        precondition(i == taken, "records are taken in order")
        taken += 1
        defer { (slots + i).deinitialize(count: 1) }
        return try body(&slots[i])
    }
}
