import ChatModel

/// The hashes of an item's keys in the reference checker's two big tables (messages, and
/// reactions), made on the decoding threads. The checker, one thread for the whole file,
/// then only probes, and it prefetches the slots of items a few records ahead: with a million
/// messages each probe is a miss in memory, and in the reactions, short lines quick to decode,
/// those misses were what the decoding threads waited on.
struct KeyHashes {
    /// A message's id, or the message a reaction is on (`ReferenceChecker`'s `messages`).
    var message: UInt64?
    /// A reaction's message, type and user (its `reactions`).
    var reaction: UInt64?

    init() {}

    /// From a flat-path item's own bytes under the checker's `seed`: the item was read from
    /// them (the fields `MessageRules` and `ReactionRules` take the keys from), and reading them
    /// back from the item copied it whole. A key that is not ASCII gets no hash (the item's
    /// `String` holds it repaired when it is not UTF-8); the checker hashes it then.
    init(_ type: ItemType, _ data: FlatObject, seed: IDTable.Seed) {
        switch type {
        case .message:
            message = data.asciiString("id").map { IDTable.hash($0, seed: seed) }
        case .reaction:
            guard let id = data.asciiString("message_id") else { return }
            message = IDTable.hash(id, seed: seed)
            guard let type = data.asciiString("type"), let user = data.asciiString("user_id") else { return }
            reaction = IDTable.hash(id, type, user, seed: seed)
        default: break
        }
    }
}

extension FlatObject {
    /// The bytes of string member `key` when it is there and ASCII (they point into the line,
    /// which outlives the `FlatObject`), else nil.
    fileprivate func asciiString(_ key: String) -> UnsafeBufferPointer<UInt8>? {
        guard let index = fieldIndex(key), let bytes = withStringBytes(at: index, { $0 }) else { return nil }
        var i = 0
        while i + 8 <= bytes.count {
            guard UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 else { return nil }
            i += 8
        }
        while i < bytes.count {
            guard bytes[i] < 0x80 else { return nil }
            i += 1
        }
        return bytes
    }
}
