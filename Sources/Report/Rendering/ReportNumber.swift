import ChatModel

/// Numbers as the report prints them: thousands grouped, shares as percentages.
enum ReportNumber {
    static func count(_ n: Int) -> String { NumberText.grouped(n) }

    static func share(_ part: Int, of whole: Int) -> String { NumberText.share(part, of: whole) }

    static func signed(_ n: Int) -> String { n > 0 ? "+" + count(n) : count(n) }

    static func decimal(_ x: Double) -> String { NumberText.decimal(x) }
}
