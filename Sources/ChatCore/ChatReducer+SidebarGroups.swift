import ChatModel

/// Folding the sidebar's groups: a folded group shows only its heading, with a count;
/// `foldedGroups` is kept across restarts.
extension ChatReducer {
    static func toggleFold(_ group: SidebarGroup, _ s: inout ChatState) {
        if s.foldedGroups.remove(group) == nil { s.foldedGroups.insert(group) }
    }

    /// The direct conversation's partner whose presence its dot shows: the one other member of
    /// a one-to-one conversation (a group conversation has no single partner).
    public static func partner(of c: ChannelSummary, viewer: String) -> String? {
        guard let others = c.channel.memberIDs?.filter({ $0 != viewer }), others.count == 1 else { return nil }
        return others[0]
    }
}
