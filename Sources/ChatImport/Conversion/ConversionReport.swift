import ChatModel
import Foundation

/// What a Slack or Mattermost conversion read, wrote and changed: `--report FILE`, the basis of
/// `migrate`'s reconciliation and of `chatterm report --source`'s Conversion section.
///
/// Counts are exact. `accounting` holds every source record kind (read, converted, the reasons
/// for the rest); `countsOut` the Stream items written. The lists that grow with the messages
/// (`changes`, `links`) keep the first `listLimit` entries and count them all; ids changed and
/// placeholders are listed whole (they follow the users and channels).
public struct ConversionReport: ConversionReporting, Codable, Sendable, Equatable {
    /// A source id Stream would reject, and the id it became (every reference follows it; the
    /// item keeps the original as `slack_id` or `mm_username`).
    public struct ChangedID: Codable, Sendable, Equatable {
        /// "user" or "channel".
        public var kind: String
        public var sourceId: String
        public var streamId: String
        public var reason: String
    }

    /// A value that did not come across as it was, and why.
    public struct Change: Codable, Sendable, Equatable {
        /// What it belongs to: "user", "channel", "message", "reaction", "file", "day_file"…
        public var kind: String
        /// The source record (`channel/ts` for Slack messages).
        public var sourceId: String
        public var field: String?
        public var action: Action
        public var reason: String
    }

    public enum Action: String, Codable, Sendable {
        /// Left out; the record is still converted.
        case dropped
        /// Shortened or reshaped to fit a Stream rule (the original is kept beside it).
        case changed
        /// Carried in another form (a notice as a system message, an archive as `frozen`).
        case mapped
        /// The whole record was not converted.
        case skipped
    }

    /// A user (or channel) records name but the export lacks, written so references resolve,
    /// marked with the source's placeholder field.
    public struct Placeholder: Codable, Sendable, Equatable {
        public var kind: String
        public var sourceId: String
        public var streamId: String
        /// What named it first: "message C1/1700000000.000100 user", …
        public var referencedBy: String
    }

    /// An attachment link that will not resolve as it is: it needs the workspace's token
    /// (Slack's `url_private`) or names a file the export holds only by path (Mattermost).
    public struct Link: Codable, Sendable, Equatable {
        public var messageId: String
        public var url: String
        public var reason: String
    }

    public var source: String
    public var export: String
    public var output: String?
    /// How Stream message ids are made.
    public var messageIdScheme: String
    public var countsOut: [String: Int] = [:]
    public var changedIds: [ChangedID] = []
    public var placeholders: [Placeholder] = []
    public var changes: [Change] = []
    public var changesTotal = 0
    public var links: [Link] = []
    public var linksTotal = 0
    public var accounting: [ConversionTally] = []
    public var listLimit: Int

    public init(source: SourceKind, export: String, messageIdScheme: String, listLimit: Int = 1000) {
        self.source = source.rawValue
        self.export = export
        self.messageIdScheme = messageIdScheme
        self.listLimit = listLimit
    }

    public var sourceKind: SourceKind { SourceKind(rawValue: source) ?? .slack }

    public func jsonData() throws -> Data { try Self.encoded(self) }

    public init(jsonData: Data) throws { self = try Self.decoded(Self.self, jsonData) }

    // MARK: Recording, as a conversion goes

    private func slot(_ kind: String) -> Int? { accounting.firstIndex { $0.kind == kind } }

    /// Declares the record kinds in the order the report lists them.
    mutating func track(_ kinds: [String]) {
        for kind in kinds where slot(kind) == nil {
            accounting.append(ConversionTally(kind: kind, source: 0, converted: 0, notConverted: []))
        }
    }

    mutating func read(_ kind: String, _ count: Int = 1) {
        track([kind])
        accounting[slot(kind)!].source += count
    }

    mutating func converted(_ kind: String) {
        track([kind])
        accounting[slot(kind)!].converted += 1
    }

    mutating func wrote(_ type: ItemType) { countsOut[type.name, default: 0] += 1 }

    /// A record left out: counted under `kind` with its reason, and listed as a change.
    mutating func skip(_ kind: String, _ reason: String, record: String, id: String) {
        track([kind])
        let i = slot(kind)!
        if let r = accounting[i].notConverted.firstIndex(where: { $0.reason == reason }) {
            accounting[i].notConverted[r].count += 1
        } else {
            accounting[i].notConverted.append(.init(reason: reason, count: 1))
        }
        note(record, id, nil, .skipped, reason)
    }

    mutating func note(_ kind: String, _ id: String, _ field: String?, _ action: Action, _ reason: String) {
        changesTotal += 1
        if changes.count < listLimit { changes.append(Change(kind: kind, sourceId: id, field: field, action: action, reason: reason)) }
    }

    mutating func note(link: Link) {
        linksTotal += 1
        if links.count < listLimit { links.append(link) }
    }

    mutating func changedIDs(_ map: StreamIDMap, kind: String) {
        for (original, mapped) in map.changes {
            changedIds.append(ChangedID(kind: kind, sourceId: original, streamId: mapped, reason: map.reason(original)))
        }
    }

    /// Reasons most frequent first, once the conversion is done.
    mutating func finish() {
        for i in accounting.indices {
            accounting[i].notConverted.sort { ($0.count, $1.reason) > ($1.count, $0.reason) }
        }
    }
}
