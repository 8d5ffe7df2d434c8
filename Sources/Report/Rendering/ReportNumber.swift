/// Numbers as the report prints them: thousands grouped, shares as percentages.
enum ReportNumber {
    static func count(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// `part` of `whole` as `12.5 %` (one decimal); `—` when there is no whole.
    static func share(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "—" }
        let tenths = (part * 1000 + whole / 2) / whole
        return "\(tenths / 10).\(tenths % 10) %"
    }

    static func signed(_ n: Int) -> String { n > 0 ? "+" + count(n) : count(n) }

    /// A median or mean: an integer when it is one, else one decimal.
    static func decimal(_ x: Double) -> String {
        let tenths = Int((x * 10).rounded())
        return tenths % 10 == 0 ? count(tenths / 10) : "\(count(tenths / 10)).\(tenths % 10)"
    }
}
