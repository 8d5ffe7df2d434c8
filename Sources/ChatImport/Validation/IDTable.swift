import CPrefetch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A set of ids for `ReferenceChecker`, compact and quick for millions of entries: every id's
/// UTF-8 bytes sit in one byte arena, and an open-addressing table holds each id's index with
/// 32 bits of its hash. Ids are numbered in order of insertion, so a caller keeps what it
/// knows of each id in an array beside the table.
///
/// Compared with `[String: Value]`, an entry costs its bytes plus about 20 bytes instead of a
/// 16-byte `String` (and its heap copy, when longer than 15 bytes) in a table at most 3/4
/// full whose resize holds old and new at once; and it is hashed with a seeded word-at-a-time
/// mix rather than SipHash set up per lookup.
///
/// Ids are equal when their bytes are: SQLite's text keys and Stream compare ids that way too,
/// where `String`'s `==` would also equate canonically equivalent spellings. A key of several
/// parts (a member's channel and user) joins them with 0xFF, a byte UTF-8 never holds.
struct IDTable {
    /// The key of a table's hash. Random per table or per checker (its tables share one, so that
    /// the decoding threads can hash ids for all of them): an import file cannot choose ids that collide.
    struct Seed: Sendable {
        let value: UInt64
        static func random() -> Seed { Seed(value: .random(in: .min ... .max)) }
    }

    /// Every id's bytes, one after another.
    private var arena: [UInt8] = []
    /// Where each id ends in `arena` (its start is the previous one's end).
    private var ends: [Int] = []
    /// 0 for an empty slot; else the high 32 bits of the id's hash, then its index + 1.
    private var slots: [UInt64]
    private let seed: Seed

    init(seed: Seed = .random()) {
        self.seed = seed
        slots = [UInt64](repeating: 0, count: 16)
    }

    var count: Int { ends.count }

    /// The id numbered `index`.
    func key(at index: Int) -> String {
        let start = index == 0 ? 0 : ends[index - 1]
        return arena.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<ends[index]]), as: UTF8.self) }
    }

    /// The index of `key`, or nil. `hash`, when given, is `IDTable.hash(key, seed:)` under this
    /// table's seed, made earlier (on a decoding thread).
    func index(of key: String, hash: UInt64? = nil) -> Int? { Self.joined(key) { find($0, hash: hash) } }
    func index(of a: String, _ b: String) -> Int? { Self.joined(a, b) { find($0) } }
    /// The index of `a`, `separator`, `b` (a channel's cid from its type and id, with no `String` made).
    func index(of a: String, _ separator: UInt8, _ b: String) -> Int? { Self.joined(a, b, separator: separator) { find($0) } }

    /// Adds `key` unless it is there; either way, its index.
    @discardableResult
    mutating func insert(_ key: String, hash: UInt64? = nil) -> (index: Int, inserted: Bool) { Self.joined(key) { insert($0, hash: hash) } }
    mutating func insert(_ a: String, _ b: String) -> (index: Int, inserted: Bool) { Self.joined(a, b) { insert($0) } }
    mutating func insert(_ a: String, _ b: String, _ c: String, hash: UInt64? = nil) -> (index: Int, inserted: Bool) {
        Self.joined(a, b, c) { insert($0, hash: hash) }
    }

    /// The hash of a key's UTF-8 bytes, for `index(of:hash:)` and `insert(_:hash:)`.
    static func hash(_ key: UnsafeBufferPointer<UInt8>, seed: Seed) -> UInt64 { hash(UnsafeRawBufferPointer(key), seed: seed) }

    /// The hash of a key of three parts, as `insert(_:_:_:hash:)` joins them.
    static func hash(
        _ a: UnsafeBufferPointer<UInt8>,
        _ b: UnsafeBufferPointer<UInt8>,
        _ c: UnsafeBufferPointer<UInt8>,
        seed: Seed
    ) -> UInt64 {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: a.count + b.count + c.count + 2) { buffer in
            let afterA = buffer.initialize(fromContentsOf: a)
            buffer[afterA] = 0xFF
            let afterB = buffer[(afterA + 1)...].initialize(fromContentsOf: b)
            buffer[afterB] = 0xFF
            let end = buffer[(afterB + 1)...].initialize(fromContentsOf: c)
            return hash(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: buffer[..<end])), seed: seed)
        }
    }

    /// Starts loading the slot where a probe for `hash` begins, so that the probe, a few items
    /// later, finds it in the cache: in a table of a million ids each probe is a miss in memory.
    func prefetch(_ hash: UInt64) {
        slots.withUnsafeBufferPointer { chatterm_prefetch($0.baseAddress! + (Int(truncatingIfNeeded: hash) & ($0.count - 1))) }
    }

    // MARK: Keys as bytes

    private static func joined<T>(_ key: String, _ body: (UnsafeRawBufferPointer) -> T) -> T {
        var key = key
        return key.withUTF8 { body(UnsafeRawBufferPointer($0)) }
    }

    private static func joined<T>(_ a: String, _ b: String, separator: UInt8 = 0xFF, _ body: (UnsafeRawBufferPointer) -> T) -> T {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: a.utf8.count + b.utf8.count + 1) { buffer in
            let at = append(b, to: buffer, at: append(a, to: buffer, at: 0, separator: separator))
            return body(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: buffer[..<(at - 1)])))
        }
    }

    private static func joined<T>(_ a: String, _ b: String, _ c: String, _ body: (UnsafeRawBufferPointer) -> T) -> T {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: a.utf8.count + b.utf8.count + c.utf8.count + 2) { buffer in
            let at = append(c, to: buffer, at: append(b, to: buffer, at: append(a, to: buffer, at: 0)))
            return body(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: buffer[..<(at - 1)])))
        }
    }

    /// Writes `part` and a separator at `at`; where the next part goes.
    private static func append(_ part: String, to buffer: UnsafeMutableBufferPointer<UInt8>, at: Int, separator: UInt8 = 0xFF) -> Int {
        let end = buffer[at...].initialize(fromContentsOf: part.utf8)
        if end < buffer.count { buffer[end] = separator }
        return end + 1
    }

    // MARK: The table

    private func find(_ key: UnsafeRawBufferPointer, hash: UInt64? = nil) -> Int? {
        let hash = hash ?? Self.hash(key, seed: seed)
        return slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let entry = slots[slot]
                if entry == 0 { return nil }
                if entry >> 32 == hash >> 32, let index = matching(entry, key) { return index }
                slot = (slot + 1) & mask
            }
        }
    }

    private mutating func insert(_ key: UnsafeRawBufferPointer, hash: UInt64? = nil) -> (index: Int, inserted: Bool) {
        if (count + 1) * 4 > slots.count * 3 { grow() }
        let hash = hash ?? Self.hash(key, seed: seed)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            if entry >> 32 == hash >> 32, let index = matching(entry, key) { return (index, false) }
            slot = (slot + 1) & mask
        }
        let index = count
        arena.append(contentsOf: key)
        ends.append(arena.count)
        slots[slot] = (hash & 0xFFFF_FFFF_0000_0000) | UInt64(index + 1)
        return (index, true)
    }

    /// The index in `entry` when its id's bytes are `key`'s.
    private func matching(_ entry: UInt64, _ key: UnsafeRawBufferPointer) -> Int? {
        let index = Int(entry & 0xFFFF_FFFF) - 1
        let start = index == 0 ? 0 : ends[index - 1]
        guard ends[index] - start == key.count else { return nil }
        let same = arena.withUnsafeBytes { key.isEmpty || memcmp($0.baseAddress! + start, key.baseAddress!, key.count) == 0 }
        return same ? index : nil
    }

    /// Makes room for `count` ids in all, so the table does not grow (each growth places every
    /// id again) on the way there.
    mutating func reserve(_ count: Int) {
        ends.reserveCapacity(count)
        var size = slots.count
        while count * 4 > size * 3 { size *= 2 }
        if size > slots.count { rehash(size) }
    }

    private mutating func grow() { rehash(slots.count * 2) }

    /// `size` slots, every id placed again from its bytes.
    private mutating func rehash(_ size: Int) {
        var bigger = [UInt64](repeating: 0, count: size)
        let mask = bigger.count - 1
        arena.withUnsafeBytes { arena in
            var start = 0
            for (index, end) in ends.enumerated() {
                let hash = Self.hash(UnsafeRawBufferPointer(rebasing: arena[start..<end]), seed: seed)
                var slot = Int(truncatingIfNeeded: hash) & mask
                while bigger[slot] != 0 { slot = (slot + 1) & mask }
                bigger[slot] = (hash & 0xFFFF_FFFF_0000_0000) | UInt64(index + 1)
                start = end
            }
        }
        slots = bigger
    }

    /// A seeded multiply-xorshift over 8-byte words, finished with MurmurHash3's mixer: low
    /// bits pick the slot, high bits tell ids apart before their bytes are compared.
    private static func hash(_ key: UnsafeRawBufferPointer, seed: Seed) -> UInt64 {
        var h = seed.value ^ (UInt64(key.count) &* 0x9E37_79B9_7F4A_7C15)
        var i = 0
        while i + 8 <= key.count {
            h = (h ^ key.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
            i += 8
        }
        if i < key.count {
            // A key of 8 bytes or more ends with its last 8 bytes in one load, overlapping the
            // word before (the length is in `h`, so no two keys are confused by it); a shorter
            // one byte by byte.
            var tail: UInt64 = 0
            if key.count >= 8 {
                tail = key.loadUnaligned(fromByteOffset: key.count - 8, as: UInt64.self)
            } else {
                for j in i..<key.count { tail |= UInt64(key[j]) << UInt64((j - i) * 8) }
            }
            h = (h ^ tail) &* 0xBF58_476D_1CE4_E5B9
        }
        h ^= h >> 33
        h &*= 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h &*= 0xC4CE_B9FE_1A85_EC53
        return h ^ (h >> 33)
    }
}
