import ChatImport
import ChatModel
import ChatStore

/// Every Chatkit user, room, message and cursor accounted for: in the export, in the import
/// file, in the store, and why any are missing.
struct ChatkitReconciliation {
    struct Row {
        var kind: String
        var chatkit: Int
        var converted: Int
        var inStore: Int
        var reasons: [String]
        var difference: Int { chatkit - inStore }
    }

    var rows: [Row] = []

    init(report: ChatkitConversionReport, written: ChatkitOutputTally, store: ChatStore) throws {
        let realUsers = written.users.filter { !written.placeholders.contains($0) }
        let usersInStore = try realUsers.filter { try store.user(id: $0) != nil }.count
        let placeholdersInStore = try written.placeholders.filter { try store.user(id: $0) != nil }.count
        let channelsInStore = try written.cids.filter { try !written.placeholderCIDs.contains($0) && store.channel(cid: $0) != nil }.count
        let placeholderChannelsInStore = try written.placeholderCIDs.filter { try store.channel(cid: $0) != nil }.count
        let counts = try store.channelMessageCounts()
        let messagesInStore = written.cids.reduce(0) { $0 + min(counts[$1] ?? 0, written.messagesPerCID[$1] ?? 0) }
        var readsInStore = 0
        for (cid, users) in written.readers {
            readsInStore += try store.readStates(cid: cid).filter { users.contains($0.userID) }.count
        }
        let inStore = ["users": usersInStore, "rooms": channelsInStore, "messages": messagesInStore, "cursors": readsInStore]
        for tally in report.accounting {
            var reasons = tally.notConverted.map { "\($0.count) \($0.reason)" }
            let lost = tally.converted - inStore[tally.kind]!
            if lost > 0 { reasons.append("\(lost) converted but not found in the store") }
            rows.append(
                Row(kind: tally.kind, chatkit: tally.source, converted: tally.converted, inStore: inStore[tally.kind]!, reasons: reasons)
            )
        }
        rows.append(
            Row(
                kind: "placeholder users",
                chatkit: 0,
                converted: written.placeholders.count,
                inStore: placeholdersInStore,
                reasons: written.placeholders.isEmpty ? [] : ["users the export names but does not contain"]
            )
        )
        rows.append(
            Row(
                kind: "placeholder rooms",
                chatkit: 0,
                converted: written.placeholderCIDs.count,
                inStore: placeholderChannelsInStore,
                reasons: written.placeholderCIDs.isEmpty ? [] : ["rooms messages name but the export does not contain"]
            )
        )
    }

    /// True when everything converted is in the store.
    var isComplete: Bool { rows.allSatisfy { $0.converted == $0.inStore } }

    func text() -> String {
        var out = "reconciliation (Chatkit → import file → store):\n"
        out += "  " + pad("", 18) + pad("chatkit", 9) + pad("converted", 11) + pad("in store", 10) + pad("difference", 12) + "reason\n"
        for row in rows {
            out +=
                "  " + pad(row.kind, 18) + pad("\(row.chatkit)", 9) + pad("\(row.converted)", 11) + pad("\(row.inStore)", 10)
                + pad("\(row.difference)", 12) + (row.reasons.isEmpty ? "-" : row.reasons.joined(separator: "; ")) + "\n"
        }
        return out
    }

    private func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count)
    }
}
