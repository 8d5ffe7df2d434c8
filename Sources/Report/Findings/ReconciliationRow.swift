/// One line of a reconciliation table: how many items of a type the source had, how many the
/// store holds, and why they differ. Rows with a difference always carry a reason.
public struct ReconciliationRow: Sendable, Hashable {
    public var item: String
    public var source: Int
    public var imported: Int
    public var reason: String

    public init(item: String, source: Int, imported: Int, reason: String) {
        self.item = item
        self.source = source
        self.imported = imported
        self.reason = reason
    }

    /// Imported minus source: negative when items are missing. Every output (the report's
    /// formats, `chatterm chatkit migrate`) shows this sign.
    public var difference: Int { imported - source }

    /// The difference as the outputs print it: `+2`, `-4`, `0`.
    public var differenceText: String { ReportNumber.signed(difference) }
}
