import ChatModel

/// Per room, each message's Chatkit id and time: all a cursor needs to become `last_read`,
/// and all the converter keeps of the messages between its two passes over them (24 bytes a
/// message, never the text).
struct ChatkitMessageIndex {
    private struct Entry {
        var id: Int64
        var seconds: Int64
        var nanoseconds: Int32
        /// Position of the record in the messages file: which of two repeats came first.
        var ordinal: Int32
    }

    private var slots: [String: Int] = [:]
    private var rooms: [[Entry]] = []

    mutating func add(room: String, id: Int64, time: Timestamp, ordinal: Int) {
        let slot: Int
        if let existing = slots[room] {
            slot = existing
        } else {
            slot = rooms.count
            slots[room] = slot
            rooms.append([])
        }
        rooms[slot].append(Entry(id: id, seconds: time.seconds, nanoseconds: time.nanoseconds, ordinal: Int32(ordinal)))
    }

    /// Sorts each room by id and drops repeats of an id within a room (the first in the file
    /// stays); returns the ordinals of the repeats, which the second pass skips.
    mutating func seal() -> Set<Int32> {
        var repeats: Set<Int32> = []
        for slot in rooms.indices {
            rooms[slot].sort { ($0.id, $0.ordinal) < ($1.id, $1.ordinal) }
            var kept: [Entry] = []
            kept.reserveCapacity(rooms[slot].count)
            for entry in rooms[slot] {
                if let last = kept.last, last.id == entry.id { repeats.insert(entry.ordinal) } else { kept.append(entry) }
            }
            rooms[slot] = kept
        }
        return repeats
    }

    enum ReadPosition: Equatable {
        /// The newest message with id ≤ the position, and whether the next one shares its
        /// time to the second (Stream, counting messages *after* `last_read` as unread, then
        /// reads it as read too).
        case at(Timestamp, sameSecondAfter: Bool)
        /// Every message of the room comes after the position; the first one's time.
        case beforeFirst(Timestamp)
        case emptyRoom
    }

    /// Where a cursor at `position` stands in `room`. Deleted messages count: a position is a
    /// message id either way.
    func readPosition(room: String, position: Int64) -> ReadPosition {
        guard let slot = slots[room], !rooms[slot].isEmpty else { return .emptyRoom }
        let entries = rooms[slot]
        // Binary search for the first id > position.
        var lo = 0
        var hi = entries.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if entries[mid].id <= position { lo = mid + 1 } else { hi = mid }
        }
        func time(_ e: Entry) -> Timestamp { Timestamp(seconds: e.seconds, nanoseconds: e.nanoseconds) }
        guard lo > 0 else { return .beforeFirst(time(entries[0])) }
        let hit = entries[lo - 1]
        let sameSecond = lo < entries.count && entries[lo].seconds == hit.seconds && entries[lo].nanoseconds <= hit.nanoseconds
        return .at(time(hit), sameSecondAfter: sameSecond)
    }
}
