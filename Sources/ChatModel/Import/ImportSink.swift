/// How an import treats items that already exist, as Stream defines the two modes.
public enum ImportMode: String, Sendable, CaseIterable {
    /// Existing items get the provided fields overwritten and their custom data replaced.
    case upsert
    /// Existing items (same id, or same composite key for members and reactions) are skipped.
    case insert
}

/// What a sink did with one item.
public enum ImportWriteOutcome: Sendable {
    case written, skipped
    /// Held for a batch: `finish()` writes it and counts it.
    case deferred
}

/// Items a sink wrote or skipped, per type.
public struct ImportWriteCounts: Sendable {
    public var written = ItemCounts()
    public var skipped = ItemCounts()
    public init() {}
}

/// Where validated items go. The store implements it inside one transaction, so an import
/// with an error anywhere can be undone whole.
public protocol ImportSink: AnyObject {
    func write(_ item: ImportItem) throws -> ImportWriteOutcome
    /// Writes the items `write` deferred; how many of them were written and skipped.
    func finish() throws -> ImportWriteCounts
}

extension ImportSink {
    public func finish() throws -> ImportWriteCounts { ImportWriteCounts() }
}

/// Items that already exist where the import is going. References in a file may point to
/// them instead of to items in the file.
public protocol ExistingItems {
    /// The teams of an existing user, or nil when there is no such user.
    func userTeams(_ id: String) -> [String]?
    /// An existing channel's team ("" when it has none), or nil when there is no such channel.
    func channelTeam(cid: String) -> String?
    /// An existing message's channel and whether it is a thread reply, or nil.
    func message(_ id: String) -> (cid: String, isReply: Bool)?
    /// The channel types the app has besides the built-in ones, and their message limits.
    func channelTypes() -> ImportChannelTypes
    /// An existing poll with its options (votes in a file may be for it), or nil.
    func poll(_ id: String) -> Poll?
    /// Whether `lookAhead(messages:)` is worth a call: questions one at a time are dear (each a
    /// round trip) and the store holds messages to find.
    var looksAhead: Bool { get }
    /// Asks at once about the messages the next items refer to, which `message(_:)` then
    /// answers without a question each, until the next call.
    func lookAhead(messages ids: [String])
}

extension ExistingItems {
    public func channelTypes() -> ImportChannelTypes { .builtIn }
    public func poll(_ id: String) -> Poll? { nil }
    public var looksAhead: Bool { false }
    public func lookAhead(messages ids: [String]) {}
}

/// Nothing exists yet: validation of a file on its own.
public struct NoExistingItems: ExistingItems {
    public init() {}
    public func userTeams(_ id: String) -> [String]? { nil }
    public func channelTeam(cid: String) -> String? { nil }
    public func message(_ id: String) -> (cid: String, isReply: Bool)? { nil }
}
