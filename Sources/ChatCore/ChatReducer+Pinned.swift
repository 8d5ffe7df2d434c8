import ChatModel

/// `/pinned`: the open channel's pinned messages, shown over the panes as the mentions view
/// is (matterhorn's `/pinned-posts`), newest pin first; Enter opens one in place.
extension ChatReducer {
    static func openPinned(_ s: inout ChatState) -> [ChatEffect] {
        guard let cid = s.openCID else {
            s.status = "/pinned: open a channel first"
            return []
        }
        s.modes.popAll()
        s.notice = "Looking for pinned messages…"
        return [.loadPinned(cid: cid)]
    }

    /// Dropped if the reader opened something else meanwhile.
    static func pinnedLoaded(cid: String, _ rows: [MessageRow], _ s: inout ChatState) {
        guard s.modes.overlays.isEmpty, s.openCID == cid else { return }
        let name = s.openChannel.map { $0.sigil + $0.title } ?? cid
        s.notice = rows.isEmpty ? "Nothing is pinned in \(name)" : nil
        if !rows.isEmpty { s.modes.push(.search(SearchResults(query: "", rows: rows, kind: .pinned(in: name)))) }
    }
}
