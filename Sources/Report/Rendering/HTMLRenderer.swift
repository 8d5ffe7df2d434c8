/// The report as one self-contained HTML page: inline CSS, inline SVG charts, no script and
/// no external asset, so it opens offline, on a projector or from a mail attachment, and prints.
struct HTMLRenderer {
    private let esc = UntrustedText.html

    func render(_ document: ReportDocument) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>" + esc(document.title) + "</title>\n<style>\n" + HTMLStyle.css + "\n</style>\n</head>\n<body>\n"
        out +=
            "<header><h1>" + esc(document.title) + "</h1>" + document.subtitle.map { "<p>" + esc($0) + "</p>" }.joined()
            + "</header>\n<main>\n"
        for section in document.sections {
            out += "<section>\n<h2>" + esc(section.title) + "</h2>\n"
            for block in section.blocks { out += render(block) + "\n" }
            out += "</section>\n"
        }
        return out + "</main>\n</body>\n</html>\n"
    }

    private func render(_ block: ReportDocument.Block) -> String {
        switch block {
        case .facts(let facts):
            return "<dl class=\"facts\">" + facts.map { "<div><dt>" + esc($0.label) + "</dt><dd>" + esc($0.value) + "</dd></div>" }.joined()
                + "</dl>"
        case .table(let table):
            return table.rows.isEmpty ? "" : render(table)
        case .chart(let chart):
            return chart.points.isEmpty ? "" : "<h3>" + esc(chart.title) + "</h3>" + SVGChart.render(chart)
        case .note(let text):
            return "<p class=\"note\">" + esc(text) + "</p>"
        }
    }

    private func render(_ table: ReportDocument.Table) -> String {
        func cells(_ row: [String], _ tag: String) -> String {
            row.enumerated().map { i, text in
                "<\(tag)\(table.numeric.contains(i) ? " class=\"num\"" : "")>" + esc(text) + "</\(tag)>"
            }.joined()
        }
        return "<table><thead><tr>" + cells(table.headers, "th") + "</tr></thead><tbody>"
            + table.rows.map { "<tr>" + cells($0, "td") + "</tr>" }.joined() + "</tbody></table>"
    }
}
