import ChatModel

/// Pages and live messages join the window at either end; past `capacity` the far end drops,
/// so a long session holds a bounded number of rows. What drops can be fetched again.
extension MessageWindow {
    /// Adds `newer` at the newest end; past capacity the oldest rows drop (`hasOlder` then
    /// says so) and the screen stays on the message it showed.
    mutating func append(_ newer: [MessageRow]) {
        rows += newer
        dropOldestPastCapacity()
    }

    /// Adds `older` at the oldest end, keeping the screen on the message it showed; past
    /// capacity the newest rows drop (`hasNewer` then says so), which stops following the newest.
    mutating func prepend(_ older: [MessageRow]) {
        rows = older + rows
        bottomIndex = bottomIndex.map { $0 + older.count }
        guard rows.count > Self.capacity else { return }
        rows.removeLast(rows.count - Self.capacity)
        hasNewer = true
        bottomIndex = min(bottomIndex ?? rows.count - 1, rows.count - 1)
    }

    /// Past capacity, drops the oldest rows and moves `bottomIndex` with them.
    mutating func dropOldestPastCapacity() {
        guard rows.count > Self.capacity else { return }
        let drop = rows.count - Self.capacity
        rows.removeFirst(drop)
        hasOlder = true
        bottomIndex = bottomIndex.map { max(0, $0 - drop) }
    }
}
