import ChatImport
import ChatModel

/// A Chatkit conversion report for people: counts, then the first few of each list (the
/// `--report` JSON has them all). Ids and values came from the export, so all of it goes
/// through `terminalSafe`.
struct ChatkitSummary {
    var report: ChatkitConversionReport
    /// Entries of each list shown before "… and N more".
    var shown = 10

    func print(to stream: OutputStream) {
        stream.write(terminalSafeLines(text()))
    }

    func text() -> String {
        let i = report.countsIn
        let o = report.countsOut
        let n = NumberText.grouped
        var out = "converted \(report.export)" + (report.output.map { " → \($0)" } ?? "") + "\n"
        out +=
            "  users     \(n(i.users)) read → \(n(o.users)) written (\(n(o.placeholderUsers)) placeholder\(o.placeholderUsers == 1 ? "" : "s"))\n"
        out +=
            "  rooms     \(n(i.rooms)) read → \(n(o.channels)) channels (private → messaging, public → \(report.publicRoomType)), \(n(o.members)) members\n"
        out += "  messages  \(n(i.messages)) read → \(n(o.messages)) written (ids: \(report.messageIdScheme))\n"
        out += "  cursors   \(n(i.cursors)) read → \(n(o.lastRead)) last_read\n"
        if i.memberships + i.roles + i.userRoles > 0 {
            out += "  also read \(n(i.memberships)) memberships, \(n(i.roles)) roles, \(n(i.userRoles)) role assignments\n"
        }
        for tally in report.accounting where !tally.notConverted.isEmpty {
            out += "  \(tally.kind) not converted: " + tally.notConverted.map { "\($0.count) \($0.reason)" }.joined(separator: "; ") + "\n"
        }
        out += list(
            "ids changed",
            report.changedIds.map { "\($0.kind) \($0.chatkitId) → \($0.streamId) (\($0.reason))" },
            total: report.changedIds.count
        )
        out += list(
            "placeholder users",
            report.placeholderUsers.map { "\($0.streamId) (for \($0.referencedBy))" },
            total: report.placeholderUsers.count
        )
        out += list(
            "placeholder rooms",
            report.placeholderRooms.map { "\($0.streamId) (for \($0.referencedBy))" },
            total: report.placeholderRooms.count
        )
        out += list("roles", report.roles.map { "\($0.scope) \($0.chatkitRole) → \($0.streamRole)" }, total: report.roles.count)
        out += list(
            "values changed",
            report.changes.map { change in
                "\(change.action.rawValue): \(change.kind) \(change.chatkitId)\(change.field.map { " \($0)" } ?? ""): \(change.reason)"
            },
            total: report.changesTotal
        )
        if report.expiringLinksTotal > 0 {
            out += list(
                "attachment links that expire (Chatkit signed export links for 7 days: re-host the files before importing to Stream)",
                report.expiringLinks.map { "\($0.messageId): \($0.url)" + ($0.expiresAt.map { " (expires \($0))" } ?? "") },
                total: report.expiringLinksTotal
            )
        }
        return out
    }

    private func list(_ title: String, _ lines: [String], total: Int) -> String {
        ConversionSummary.list(title, lines, total: total, shown: shown)
    }
}
