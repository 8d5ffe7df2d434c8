/// The report as Markdown that pastes into a ticket: headings, lists of key figures, pipe
/// tables (charts become a table with a bar column). Every cell is escaped: `|` cannot end a
/// cell early and HTML in a name stays text.
struct MarkdownRenderer {
    var barColumns = 20

    private let md = UntrustedText.markdown

    func render(_ document: ReportDocument) -> String {
        var out = "# " + md(document.title) + "\n\n"
        out += document.subtitle.map { md($0) }.joined(separator: "  \n") + "\n"
        for section in document.sections {
            out += "\n## " + md(section.title) + "\n"
            for block in section.blocks { out += "\n" + render(block) }
        }
        return out
    }

    private func render(_ block: ReportDocument.Block) -> String {
        switch block {
        case .facts(let facts):
            return facts.map { "- **" + md($0.label) + "**: " + md($0.value) + "\n" }.joined()
        case .table(let table):
            return table.rows.isEmpty ? "_none_\n" : render(table)
        case .chart(let chart):
            guard !chart.points.isEmpty else { return "" }
            let label = chart.kind == .timeline ? "period" : ""
            return "**" + md(chart.title) + "**\n\n"
                + render(
                    ReportDocument.Table(
                        headers: [label, "count", ""],
                        rows: chart.points.map {
                            [$0.label, ReportNumber.count($0.value), ChartGlyphs.bar($0.value, max: chart.max, columns: barColumns)]
                        },
                        numeric: [1]
                    )
                )
        case .note(let text):
            return "_" + md(text) + "_\n"
        }
    }

    private func render(_ table: ReportDocument.Table) -> String {
        let row = { (cells: [String]) in "| " + cells.map { md($0) }.joined(separator: " | ") + " |\n" }
        let rule = "|" + table.headers.indices.map { table.numeric.contains($0) ? "---:" : "---" }.joined(separator: "|") + "|\n"
        return row(table.headers) + rule + table.rows.map(row).joined()
    }
}
