import ChatImport

extension ConversionFindings {
    /// Changed ids listed in the report (all are counted).
    static let changedIDExamples = 25

    /// The findings of any converter's report: ids changed, values changed or dropped
    /// (grouped by record kind, field, action and reason), and every source record kind
    /// accounted for, read against converted, with the reasons for the rest.
    public init(report: any ConversionReporting) {
        switch report {
        case let chatkit as ChatkitConversionReport: self.init(chatkit: chatkit)
        case let generic as ConversionReport: self.init(conversion: generic)
        default: self.init(source: report.export, reconciliation: Self.rows(report.accounting, placeholders: 0))
        }
    }

    /// The findings of `ChatkitConverter`'s report (placeholders are users and rooms).
    public init(chatkit report: ChatkitConversionReport) {
        let placeholders = report.placeholderUsers.count + report.placeholderRooms.count
        self.init(
            source: report.export,
            changedIDCount: report.changedIds.count,
            changedIDs: report.changedIds.prefix(Self.changedIDExamples).map {
                ChangedID(itemType: $0.kind, from: $0.chatkitId, to: $0.streamId, reason: $0.reason)
            },
            dropped: Self.grouped(report.changes.map { ($0.kind, $0.chatkitId, $0.field, $0.action.rawValue, $0.reason) }),
            changedValueCount: report.changesTotal,
            placeholders: placeholders,
            expiringLinks: report.expiringLinksTotal,
            reconciliation: Self.rows(report.accounting, placeholders: placeholders)
        )
    }

    /// The findings of a Slack or Mattermost conversion (its unresolvable links count as expiring).
    init(conversion report: ConversionReport) {
        self.init(
            source: report.export,
            changedIDCount: report.changedIds.count,
            changedIDs: report.changedIds.prefix(Self.changedIDExamples).map {
                ChangedID(itemType: $0.kind, from: $0.sourceId, to: $0.streamId, reason: $0.reason)
            },
            dropped: Self.grouped(report.changes.map { ($0.kind, $0.sourceId, $0.field, $0.action.rawValue, $0.reason) }),
            changedValueCount: report.changesTotal,
            placeholders: report.placeholders.count,
            expiringLinks: report.linksTotal,
            reconciliation: Self.rows(report.accounting, placeholders: report.placeholders.count)
        )
    }

    /// Changes grouped by kind, field, action and reason, most frequent first, each with an example record.
    private static func grouped(_ changes: [(kind: String, id: String, field: String?, action: String, reason: String)]) -> [DroppedValue] {
        var groups: [String: DroppedValue] = [:]
        var order: [String] = []
        for change in changes {
            let key = [change.kind, change.field ?? "", change.action, change.reason].joined(separator: "\u{0}")
            if groups[key] == nil {
                order.append(key)
                groups[key] = DroppedValue(
                    itemType: change.kind,
                    field: change.field ?? "(whole record)",
                    count: 0,
                    reason: change.action.replacingOccurrences(of: "_", with: " ") + ": " + change.reason,
                    example: change.id
                )
            }
            groups[key]?.count += 1
        }
        return order.compactMap { groups[$0] }.sorted { $0.count > $1.count }
    }

    private static func rows(_ accounting: [ConversionTally], placeholders: Int) -> [ReconciliationRow] {
        var rows = accounting.map { tally in
            let reasons = tally.notConverted.map { "\($0.count) \($0.reason)" }.joined(separator: "; ")
            return ReconciliationRow(
                item: tally.kind,
                source: tally.source,
                imported: tally.converted,
                reason: reasons.isEmpty ? "matches" : reasons
            )
        }
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
        return rows
    }
}
