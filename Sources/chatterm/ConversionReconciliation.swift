import ChatImport
import ChatModel
import ChatStore
import Report

/// Every source record accounted for (Chatkit users, rooms, messages and cursors; Slack users,
/// channels, day files, messages and reactions; …): in the export, in the import file, in the
/// store, and why any are missing.
struct ConversionReconciliation {
    /// One kind of item: the export against the store as the report reads it (`source` is the
    /// export, `imported` the store, so the difference is negative when items are
    /// missing), and how many the import file held between them.
    struct Row {
        var counts: ReconciliationRow
        var converted: Int
    }

    var rows: [Row] = []
    var kind: SourceKind

    init(report: any ConversionReporting, written: ConversionOutputTally, store: ChatStore) throws {
        kind = report.sourceKind
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
        // What the store can be asked about; other kinds (day files, teams, reactions) count as converted.
        let inStore = [
            "users": usersInStore, "rooms": channelsInStore, "channels": channelsInStore, "messages": messagesInStore,
            "cursors": readsInStore,
        ]
        for tally in report.accounting {
            var reasons = tally.notConverted.map { "\(NumberText.grouped($0.count)) \($0.reason)" }
            let found = inStore[tally.kind] ?? tally.converted
            let lost = tally.converted - found
            if lost > 0 { reasons.append("\(NumberText.grouped(lost)) converted but not found in the store") }
            rows.append(Self.row(tally.kind, source: tally.source, converted: tally.converted, inStore: found, reasons: reasons))
        }
        rows.append(
            Self.row(
                "placeholder users",
                source: 0,
                converted: written.placeholders.count,
                inStore: placeholdersInStore,
                reasons: written.placeholders.isEmpty ? [] : ["users the export names but does not contain"]
            )
        )
        // Only Chatkit's messages can name a room its export lacks.
        guard kind == .chatkit else { return }
        rows.append(
            Self.row(
                "placeholder rooms",
                source: 0,
                converted: written.placeholderCIDs.count,
                inStore: placeholderChannelsInStore,
                reasons: written.placeholderCIDs.isEmpty ? [] : ["rooms messages name but the export does not contain"]
            )
        )
    }

    private static func row(_ kind: String, source: Int, converted: Int, inStore: Int, reasons: [String]) -> Row {
        Row(
            counts: ReconciliationRow(item: kind, source: source, imported: inStore, reason: reasons.joined(separator: "; ")),
            converted: converted
        )
    }

    /// True when everything converted is in the store.
    var isComplete: Bool { rows.allSatisfy { $0.converted == $0.counts.imported } }

    func text() -> String {
        // Each column is at least this wide and ends in a space, however long its cell.
        let columns = [18, 9, 11, 10, 12]
        func line(_ cells: [String]) -> String {
            "  " + zip(cells, columns).map { cell, width in cell.padded(toWidth: width - 1) + " " }.joined()
        }
        var out = "reconciliation (\(kind.title) → import file → store):\n"
        out += line(["", kind.rawValue, "converted", "in store", "difference"]) + "reason\n"
        for row in rows {
            let counts = row.counts
            out +=
                line([
                    counts.item, NumberText.grouped(counts.source), NumberText.grouped(row.converted), NumberText.grouped(counts.imported),
                    counts.differenceText,
                ])
                + (counts.reason.isEmpty ? "-" : counts.reason) + "\n"
        }
        return out
    }
}
