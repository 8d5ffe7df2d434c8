import Foundation

/// What a Chatkit conversion read, wrote and changed: the `--report FILE` JSON of
/// `chatterm chatkit convert`, the basis of `migrate`'s reconciliation, and what
/// `chatterm report --chatkit` shows.
///
/// Counts are always exact. The lists that grow with the number of messages (`changes`,
/// `expiringLinks`) keep the first `listLimit` entries; `changesTotal` and
/// `expiringLinksTotal` count them all. Ids that changed and placeholder users are listed whole.
///
/// JSON keys are snake_case (`changed_ids`, `chatkit_id`); use `jsonData()` and
/// `init(jsonData:)` rather than a bare coder so the key style stays one thing.
public struct ChatkitConversionReport: ConversionReporting, Codable, Sendable, Equatable {
    /// Records read per Chatkit file.
    public struct SourceCounts: Codable, Sendable, Equatable {
        public var users = 0, rooms = 0, messages = 0, cursors = 0, memberships = 0, roles = 0, userRoles = 0
    }

    /// Items written per Stream type. `users` includes `placeholderUsers`; `lastRead` counts
    /// the members whose read state came from a cursor.
    public struct OutputCounts: Codable, Sendable, Equatable {
        public var users = 0, placeholderUsers = 0, channels = 0, members = 0, messages = 0, lastRead = 0
    }

    /// A Chatkit id Stream would reject, and the id it became (every reference follows it; the
    /// item keeps the original as `chatkit_id`).
    public struct ChangedID: Codable, Sendable, Equatable {
        /// "user" or "channel".
        public var kind: String
        public var chatkitId: String
        public var streamId: String
        public var reason: String
    }

    /// A value that did not come across as it was, and why.
    public struct Change: Codable, Sendable, Equatable {
        /// What the value belongs to: "user", "room", "message", "cursor", "membership", "user_role", "part".
        public var kind: String
        /// The Chatkit id of its record (`room/message` for messages, `room/user` for cursors).
        public var chatkitId: String
        /// The field, when one field is concerned ("custom_data.bio", "text", "parts[2]").
        public var field: String?
        public var action: Action
        public var reason: String
    }

    public enum Action: String, Codable, Sendable {
        /// Left out; the record is still converted.
        case dropped
        /// Shortened to fit a Stream limit.
        case truncated
        /// Kept under another name (a custom key Stream reserves, or its `chatkit_` form).
        case renamed
        /// A non-https link put into the message text, where Stream accepts it.
        case movedToText = "moved_to_text"
        /// The whole record was not converted.
        case skipped
    }

    /// A user or room some record names but the export does not contain, written so the
    /// reference resolves and nothing is lost, marked `chatkit_placeholder: true`: a user with
    /// `name` = its Chatkit id; a private channel of the people who wrote in it.
    public struct Placeholder: Codable, Sendable, Equatable {
        public var chatkitId: String
        public var streamId: String
        /// What named it first: "room general created_by_id", "message general/42 sender", …
        public var referencedBy: String
    }

    /// A signed attachment link that stops working: Chatkit's export signed them for 7 days,
    /// API exports carry `expiration`. Stream's `migrate_resources` fails the whole import on
    /// one dead link, so these must be re-hosted (or imported) before they expire.
    public struct ExpiringLink: Codable, Sendable, Equatable {
        public var messageId: String
        public var url: String
        /// RFC 3339, when the export says; nil for the export format's 7-day links.
        public var expiresAt: String?

        public init(messageId: String, url: String, expiresAt: String?) {
            self.messageId = messageId
            self.url = url
            self.expiresAt = expiresAt
        }
    }

    /// How a Chatkit role became a Stream role.
    public struct RoleMapping: Codable, Sendable, Equatable {
        public var chatkitRole: String
        /// "global" (→ `user.role`) or "room" (→ `member.channel_role`).
        public var scope: String
        public var streamRole: String
    }

    public var export: String
    public var output: String?
    /// The Stream channel type public rooms became ("team" or "livestream"); private rooms are "messaging".
    public var publicRoomType: String
    /// How Stream message ids are made: the channel id, `-`, the Chatkit message id (which
    /// repeats across rooms).
    public var messageIdScheme = "{channel_id}-{chatkit_message_id}"
    public var countsIn = SourceCounts()
    public var countsOut = OutputCounts()
    public var changedIds: [ChangedID] = []
    public var placeholderUsers: [Placeholder] = []
    public var placeholderRooms: [Placeholder] = []
    public var roles: [RoleMapping] = []
    public var changes: [Change] = []
    public var changesTotal = 0
    public var expiringLinks: [ExpiringLink] = []
    public var expiringLinksTotal = 0
    public var accounting: [ConversionTally] = []
    public var listLimit: Int

    public init(export: String, output: String?, publicRoomType: String, listLimit: Int) {
        self.export = export
        self.output = output
        self.publicRoomType = publicRoomType
        self.listLimit = listLimit
    }

    public var sourceKind: SourceKind { .chatkit }

    /// Pretty-printed snake_case JSON, keys sorted.
    public func jsonData() throws -> Data { try Self.encoded(self) }

    public init(jsonData: Data) throws { self = try Self.decoded(Self.self, jsonData) }

    mutating func note(_ change: Change) {
        changesTotal += 1
        if changes.count < listLimit { changes.append(change) }
    }

    mutating func note(_ link: ExpiringLink) {
        expiringLinksTotal += 1
        if expiringLinks.count < listLimit { expiringLinks.append(link) }
    }
}
