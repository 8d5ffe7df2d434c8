/// Charts drawn with block characters, for the terminal and for Markdown.
enum ChartGlyphs {
    private static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    private static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// A bar `columns` wide at `max`, in eighths of a column; a non-zero value shows at least a sliver.
    static func bar(_ value: Int, max: Int, columns: Int) -> String {
        guard max > 0, value > 0 else { return "" }
        let eighthsLong = Swift.max(1, value * columns * 8 / max)
        var out = String(repeating: "█", count: eighthsLong / 8)
        if eighthsLong % 8 > 0 { out.append(eighths[eighthsLong % 8 - 1]) }
        return out
    }

    /// One character per value, `▁` (zero or least) to `█` (the most); zero stays a space so gaps show.
    static func sparkline(_ values: [Int]) -> String {
        let top = values.max() ?? 0
        return String(
            values.map { v -> Character in
                guard top > 0, v > 0 else { return " " }
                return levels[Swift.min(levels.count - 1, (v * levels.count - 1) / top)]
            }
        )
    }
}
