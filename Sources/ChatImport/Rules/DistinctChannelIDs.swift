import ChatModel

/// Distinct channels' ids by their member lists, kept by one decoding thread: a file's
/// messages name the same distinct channels again and again, and each id is a SHA-512/256 of
/// the sorted, joined list. A list is a key as written (the same members in another order are
/// another key, with the same id). Past `capacity` lists it starts over, so a file of a million
/// distinct channels costs no more memory than one of a few thousand.
final class DistinctChannelIDs: @unchecked Sendable {  // one thread at a time: see `ImportAnalyzer.decode`
    private var ids: [[String]: String] = [:]
    private let capacity: Int

    init(capacity: Int = 4096) { self.capacity = capacity }

    func id(memberIDs: [String]) -> String {
        if let id = ids[memberIDs] { return id }
        let id = DistinctChannelID.make(memberIDs: memberIDs)
        if ids.count >= capacity { ids.removeAll(keepingCapacity: true) }
        ids[memberIDs] = id
        return id
    }
}
