/// Counts as people read them, the same in the report and the client's summary.
public enum NumberText {
    /// `1,234,567`.
    public static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = n < 0 ? "-" : ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }

    /// A median or mean: `2` when whole, else one decimal (`2.5`).
    public static func decimal(_ x: Double) -> String {
        let tenths = Int((x * 10).rounded())
        return tenths % 10 == 0 ? grouped(tenths / 10) : "\(grouped(tenths / 10)).\(abs(tenths % 10))"
    }

    /// `part` of `whole` as `12.5 %` (one decimal); `—` when there is no whole.
    public static func share(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "—" }
        let tenths = (part * 1000 + whole / 2) / whole
        return "\(tenths / 10).\(tenths % 10) %"
    }
}
