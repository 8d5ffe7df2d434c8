import ChatImport
import ChatModel

/// A Slack or Mattermost conversion report for people: every record kind read against
/// converted, items written, then the first few of each list (the `--report` JSON has them
/// all). Ids and values came from the export, so all of it goes through `terminalSafe`.
struct ConversionSummary {
    var report: ConversionReport
    /// Entries of each list shown before "… and N more".
    var shown = 10

    /// The summary of any source's report (Chatkit's keeps its own wording).
    static func text(_ report: any ConversionReporting) -> String {
        if let chatkit = report as? ChatkitConversionReport { return ChatkitSummary(report: chatkit).text() }
        if let generic = report as? ConversionReport { return ConversionSummary(report: generic).text() }
        return "converted \(report.export)\n"
    }

    func text() -> String {
        let n = NumberText.grouped
        var out = "converted \(report.export)" + (report.output.map { " → \($0)" } ?? "") + "\n"
        for tally in report.accounting where tally.source > 0 {
            out += "  \(tally.kind.padded(toWidth: 12)) \(n(tally.source)) read → \(n(tally.converted)) converted\n"
        }
        let written = ItemType.allCases.compactMap { type in report.countsOut[type.name].map { "\(n($0)) \(type.name)s" } }
        out += "  wrote \(written.joined(separator: ", ")) (message ids: \(report.messageIdScheme))\n"
        for tally in report.accounting where !tally.notConverted.isEmpty {
            out +=
                "  \(tally.kind) not converted: " + tally.notConverted.map { "\(n($0.count)) \($0.reason)" }.joined(separator: "; ") + "\n"
        }
        out += list(
            "ids changed",
            report.changedIds.map { "\($0.kind) \($0.sourceId) → \($0.streamId) (\($0.reason))" },
            total: report.changedIds.count
        )
        out += list(
            "placeholder users",
            report.placeholders.map { "\($0.streamId) (for \($0.referencedBy))" },
            total: report.placeholders.count
        )
        out += list(
            "values changed",
            report.changes.map { "\($0.action.rawValue): \($0.kind) \($0.sourceId)\($0.field.map { " \($0)" } ?? ""): \($0.reason)" },
            total: report.changesTotal
        )
        out += list(
            "attachment links that will not resolve as they are",
            report.links.map { "\($0.messageId): \($0.url) (\($0.reason))" },
            total: report.linksTotal
        )
        return out
    }

    private func list(_ title: String, _ lines: [String], total: Int) -> String { Self.list(title, lines, total: total, shown: shown) }

    /// A titled list: its total, the first `shown` lines, then "… and N more".
    static func list(_ title: String, _ lines: [String], total: Int, shown: Int) -> String {
        guard total > 0 else { return "" }
        let n = NumberText.grouped
        var out = "  \(title): \(n(total))\n"
        for line in lines.prefix(shown) { out += "    \(line)\n" }
        if total > min(shown, lines.count) { out += "    … and \(n(total - min(shown, lines.count))) more (see --report)\n" }
        return out
    }
}
