/// What a conversion (a Chatkit export into Stream's import format) changed: its own section of
/// the report. A small value so any converter can feed it; the report does not depend on how
/// the conversion is done.
public struct ConversionFindings: Sendable, Hashable {
    /// An id the conversion had to change (Stream's id rules, distinct channels…).
    public struct ChangedID: Sendable, Hashable {
        public var itemType: String
        public var from: String
        public var to: String
        public var reason: String
        public init(itemType: String, from: String, to: String, reason: String) {
            self.itemType = itemType
            self.from = from
            self.to = to
            self.reason = reason
        }
    }

    /// Values of one field that could not be carried over, with how many and an example.
    public struct DroppedValue: Sendable, Hashable {
        public var itemType: String
        public var field: String
        public var count: Int
        public var reason: String
        public var example: String?
        public init(itemType: String, field: String, count: Int, reason: String, example: String? = nil) {
            self.itemType = itemType
            self.field = field
            self.count = count
            self.reason = reason
            self.example = example
        }
    }

    /// The export the findings are about.
    public var source: String
    /// All ids changed; `changedIDs` holds examples.
    public var changedIDCount: Int
    public var changedIDs: [ChangedID]
    public var dropped: [DroppedValue]
    /// All values changed (`dropped` may list only the first ones, grouped).
    public var changedValueCount: Int
    /// Users and rooms named by records but missing from the export, written as placeholders.
    public var placeholders: Int
    /// Attachment links that will not resolve as they are, to re-host before the real import:
    /// Chatkit's are signed to expire, Slack's need the workspace's token, Mattermost's are files
    /// in the export (the JSON keeps the name `expiring_links`).
    public var expiringLinks: Int
    /// Source items per kind (in the export's terms) against items written.
    public var reconciliation: [ReconciliationRow]

    public init(
        source: String,
        changedIDCount: Int = 0,
        changedIDs: [ChangedID] = [],
        dropped: [DroppedValue] = [],
        changedValueCount: Int? = nil,
        placeholders: Int = 0,
        expiringLinks: Int = 0,
        reconciliation: [ReconciliationRow] = []
    ) {
        self.source = source
        self.changedIDCount = changedIDCount
        self.changedIDs = changedIDs
        self.dropped = dropped
        self.changedValueCount = changedValueCount ?? dropped.reduce(0) { $0 + $1.count }
        self.placeholders = placeholders
        self.expiringLinks = expiringLinks
        self.reconciliation = reconciliation
    }
}
