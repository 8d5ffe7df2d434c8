import ChatModel

/// The report for a terminal: aligned tables, bar charts and a sparkline. ANSI colour only
/// when asked (the command asks when stdout is a terminal and NO_COLOR is unset).
struct TextRenderer {
    var color: Bool
    /// Cells are cut to this many columns so one long name cannot push a table off screen.
    var cellColumns = 60
    var barColumns = 30

    private func styled(_ text: String, _ code: String) -> String { color ? "\u{1B}[\(code)m" + text + "\u{1B}[0m" : text }

    private func cell(_ text: String) -> String { DisplayWidth.truncate(UntrustedText.plain(text), toWidth: cellColumns, ellipsis: true) }

    func render(_ document: ReportDocument) -> String {
        var out = styled(UntrustedText.plain(document.title), "1") + "\n"
        for line in document.subtitle { out += styled(UntrustedText.plain(line), "2") + "\n" }
        for section in document.sections {
            out +=
                "\n"
                + styled(
                    "━━ " + UntrustedText.plain(section.title) + " " + String(repeating: "━", count: max(3, 60 - section.title.count)),
                    "1;36"
                ) + "\n"
            for block in section.blocks { out += render(block) }
        }
        return out
    }

    private func render(_ block: ReportDocument.Block) -> String {
        switch block {
        case .facts(let facts):
            let width = facts.map { DisplayWidth.of($0.label) }.max() ?? 0
            return "\n"
                + facts.map { "  " + $0.label.padded(toWidth: width) + "  " + styled(UntrustedText.plain($0.value), "1") + "\n" }
                .joined()
        case .table(let table):
            return render(table)
        case .chart(let chart) where chart.kind == .bars:
            guard !chart.points.isEmpty else { return "" }
            let labels = chart.points.map { cell($0.label) }
            let width = labels.map { DisplayWidth.of($0) }.max() ?? 0
            var out = "\n  " + styled(UntrustedText.plain(chart.title), "1") + "\n"
            for (label, point) in zip(labels, chart.points) {
                out +=
                    "  " + label.padded(toWidth: width) + "  "
                    + styled(ChartGlyphs.bar(point.value, max: chart.max, columns: barColumns), "36")
                    + " " + ReportNumber.count(point.value) + "\n"
            }
            return out
        case .chart(let chart):
            guard let first = chart.points.first, let last = chart.points.last else { return "" }
            return "\n  " + styled(UntrustedText.plain(chart.title), "1") + " (most: \(ReportNumber.count(chart.max)))\n"
                + "  " + cell(first.label) + " " + styled(ChartGlyphs.sparkline(chart.points.map(\.value)), "36") + " " + cell(last.label)
                + "\n"
        case .note(let text):
            return "\n  " + styled(UntrustedText.plain(text), "2") + "\n"
        }
    }

    private func render(_ table: ReportDocument.Table) -> String {
        guard !table.rows.isEmpty else { return "" }
        let rows = table.rows.map { $0.map(cell) }
        let headers = table.headers.map(cell)
        let widths = headers.indices.map { i in
            ([headers[i]] + rows.map { i < $0.count ? $0[i] : "" }).map { DisplayWidth.of($0) }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            let text =
                "  "
                + cells.indices.map { cells[$0].padded(toWidth: widths[$0], alignment: table.numeric.contains($0) ? .trailing : .leading) }
                .joined(separator: "  ")
            return String(text.reversed().drop { $0 == " " }.reversed())
        }
        return "\n" + styled(line(headers), "1") + "\n  " + widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
            + rows.map { line($0) + "\n" }.joined()
    }
}
