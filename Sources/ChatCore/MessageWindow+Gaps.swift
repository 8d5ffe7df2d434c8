import ChatModel

/// Gaps: after a reconnect the window keeps what the reader had (and where they were) and
/// marks where messages may be missing, instead of throwing the window away.
extension MessageWindow {
    /// The gap to fill next: the newest one at or above the bottom of the screen, else the
    /// first one below it.
    public var gapInView: String? {
        let bottom = bottomIndex ?? rows.count - 1
        let placed = gaps.compactMap { id in rows.firstIndex { $0.id == id }.map { (id, $0) } }
        return placed.last { $0.1 <= bottom }?.0 ?? placed.first?.0
    }

    /// Opens a gap after the newest message held (nothing to mark in an empty window, or in
    /// one that does not reach the newest end: paging down fetches that part anyway).
    mutating func openGapAtNewestEnd() -> String? {
        guard !hasNewer, let last = rows.last?.id else { return nil }
        if !gaps.contains(last) { gaps.append(last) }
        return last
    }

    /// Puts a page fetched after `gap` in place: messages already held are not added twice,
    /// the order is by time, and the screen stays on the message it showed. The gap closes
    /// when the page was short or reached messages already held; else it moves to the page's end.
    mutating func fill(gap: String, with page: [MessageRow]) {
        gaps.removeAll { $0 == gap }
        let held = Set(rows.map(\.id))
        let fresh = page.filter { !held.contains($0.id) }
        let anchor = bottomIndex.map { rows[min($0, rows.count - 1)].id }
        rows = (rows + fresh).enumerated().sorted { a, b in
            switch (a.element.message.createdAt, b.element.message.createdAt) {
            case let (x?, y?) where x != y: x < y
            default: a.offset < b.offset
            }
        }.map(\.element)
        if fresh.count == page.count, page.count >= Self.pageSize, let end = page.last?.id { gaps.append(end) }
        dropOldestPastCapacity()
        bottomIndex = anchor.flatMap { id in rows.firstIndex { $0.id == id } } ?? bottomIndex.map { _ in 0 }
        gaps = gaps.filter { id in rows.contains { $0.id == id } }
    }
}
