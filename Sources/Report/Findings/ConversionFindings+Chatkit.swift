import ChatImport

extension ConversionFindings {
    /// Changed ids listed in the report (all are counted).
    static let changedIDExamples = 25

    /// The findings of `ChatkitConverter`'s report: ids changed, values changed or dropped
    /// (grouped by record kind, field, action and reason), and every Chatkit record kind
    /// accounted for, read against converted, with the reasons for the rest.
    public init(chatkit report: ChatkitConversionReport) {
        var groups: [String: DroppedValue] = [:]
        var order: [String] = []
        for change in report.changes {
            let key = [change.kind, change.field ?? "", change.action.rawValue, change.reason].joined(separator: "\u{0}")
            if groups[key] == nil {
                order.append(key)
                groups[key] = DroppedValue(
                    itemType: change.kind,
                    field: change.field ?? "(whole record)",
                    count: 0,
                    reason: change.action.rawValue.replacingOccurrences(of: "_", with: " ") + ": " + change.reason,
                    example: change.chatkitId
                )
            }
            groups[key]?.count += 1
        }
        var rows = report.accounting.map { tally in
            let reasons = tally.notConverted.map { "\($0.count) \($0.reason)" }.joined(separator: "; ")
            return ReconciliationRow(
                item: tally.kind,
                source: tally.source,
                imported: tally.converted,
                reason: reasons.isEmpty ? "matches" : reasons
            )
        }
        let placeholders = report.placeholderUsers.count + report.placeholderRooms.count
        if placeholders > 0 {
            rows.append(
                ReconciliationRow(
                    item: "placeholders",
                    source: 0,
                    imported: placeholders,
                    reason: "named by records but not in the export: written so references resolve"
                )
            )
        }
        self.init(
            source: report.export,
            changedIDCount: report.changedIds.count,
            changedIDs: report.changedIds.prefix(Self.changedIDExamples).map {
                ChangedID(itemType: $0.kind, from: $0.chatkitId, to: $0.streamId, reason: $0.reason)
            },
            dropped: order.compactMap { groups[$0] }.sorted { $0.count > $1.count },
            changedValueCount: report.changesTotal,
            placeholders: placeholders,
            expiringLinks: report.expiringLinksTotal,
            reconciliation: rows
        )
    }
}
