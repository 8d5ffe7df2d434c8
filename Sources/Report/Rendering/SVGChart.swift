import ChatModel

/// Charts as inline SVG: drawn by the page itself, so the HTML report needs no script, no
/// font and no image from anywhere. Labels go through `UntrustedText.html`.
enum SVGChart {
    private static let esc = UntrustedText.html

    static func render(_ chart: ReportDocument.Chart) -> String {
        chart.kind == .bars ? bars(chart) : columns(chart)
    }

    /// Horizontal bars, one row per point: label, bar, value.
    static func bars(_ chart: ReportDocument.Chart) -> String {
        let (width, labelWidth, rowHeight) = (900, 260, 30)
        let barSpace = width - labelWidth - 90
        let height = chart.points.count * rowHeight + 8
        var svg = open(chart.title, width: width, height: height)
        for (i, point) in chart.points.enumerated() {
            let y = 4 + i * rowHeight
            let length = chart.max > 0 ? max(point.value > 0 ? 2 : 0, point.value * barSpace / chart.max) : 0
            let label = fitted(UntrustedText.plain(point.label), toEms: Double(labelWidth - 10) / labelFontSize)
            svg += "<text class=\"label\" x=\"\(labelWidth - 10)\" y=\(q(y + 20)) text-anchor=\"end\">\(esc(label))</text>"
            svg += "<rect class=\"bar\" x=\(q(labelWidth)) y=\(q(y + 5)) width=\(q(length)) height=\"20\" rx=\"3\"/>"
            svg += "<text class=\"value\" x=\(q(labelWidth + length + 8)) y=\(q(y + 20))>\(ReportNumber.count(point.value))</text>"
        }
        return svg + "</svg>"
    }

    /// The labels' font size in px (`svg .label` in `HTMLStyle`).
    private static let labelFontSize = 15.0

    /// `text` cut (with "…") to at most `ems` as DejaVu Sans draws it, the widest of the sans fonts
    /// a page falls back to; the page has no script to measure it, and a label longer than its
    /// column runs off the page's left edge.
    static func fitted(_ text: String, toEms ems: Double) -> String {
        func width(_ c: Character) -> Double {
            if DisplayWidth.of(c) == 2 { return 1 }
            guard c.isASCII else { return 0.7 }
            if "ijlI.,:;'!|` ".contains(c) { return 0.32 }
            if "mwMW@%".contains(c) { return 1 }
            if "#&".contains(c) || c.isUppercase { return 0.84 }
            return 0.64
        }
        guard text.reduce(0, { $0 + width($1) }) > ems else { return text }
        var out = ""
        var used = width("…")
        for c in text {
            used += width(c)
            if used > ems { break }
            out.append(c)
        }
        return out + "…"
    }

    /// Vertical columns over time, a baseline, the highest count, and some period labels.
    static func columns(_ chart: ReportDocument.Chart) -> String {
        guard !chart.points.isEmpty else { return "" }
        let (width, height, left, bottom, top) = (900, 300, 60, 40, 20)
        let plotWidth = width - left - 10
        let plotHeight = height - bottom - top
        let step = Double(plotWidth) / Double(chart.points.count)
        var svg = open(chart.title, width: width, height: height)
        svg += "<line class=\"axis\" x1=\(q(left)) y1=\(q(top + plotHeight)) x2=\(q(width - 10)) y2=\(q(top + plotHeight))/>"
        svg += "<text class=\"value\" x=\(q(left - 6)) y=\(q(top + 6)) text-anchor=\"end\">\(ReportNumber.count(chart.max))</text>"
        svg += "<text class=\"value\" x=\(q(left - 6)) y=\(q(top + plotHeight)) text-anchor=\"end\">0</text>"
        // About eight labels whatever the number of periods, so they never overlap.
        let labelEvery = max(1, (chart.points.count + 7) / 8)
        for (i, point) in chart.points.enumerated() {
            let x = Double(left) + Double(i) * step
            let h = chart.max > 0 ? Double(point.value) * Double(plotHeight) / Double(chart.max) : 0
            let barWidth = max(1, step * 0.8)
            svg +=
                "<rect class=\"bar\" x=\(q(x + step * 0.1)) y=\(q(Double(top + plotHeight) - h)) width=\(q(barWidth)) height=\(q(h))>"
                + "<title>\(esc(point.label)): \(ReportNumber.count(point.value))</title></rect>"
            if i % labelEvery == 0 {
                svg += "<text class=\"label\" x=\(q(x + step / 2)) y=\(q(height - 14)) text-anchor=\"middle\">\(esc(point.label))</text>"
            }
        }
        return svg + "</svg>"
    }

    private static func open(_ title: String, width: Int, height: Int) -> String {
        "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 \(width) \(height)\" width=\"100%\" aria-label=\(q(title))>"
            + "<title>\(esc(title))</title>"
    }

    /// A quoted, escaped attribute value.
    private static func q(_ value: String) -> String { "\"" + esc(value) + "\"" }
    private static func q(_ value: Int) -> String { "\"\(value)\"" }
    private static func q(_ value: Double) -> String { "\"" + String(Double(Int(value * 10)) / 10) + "\"" }
}
