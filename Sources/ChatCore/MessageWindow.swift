import ChatModel

/// The loaded part of one channel: at most `MessageWindow.capacity` messages, oldest first.
public struct MessageWindow: Sendable, Equatable {
    public static let pageSize = 50
    public static let capacity = 400

    public var cid: String
    public var rows: [MessageRow]
    public var hasOlder: Bool
    public var hasNewer = false
    public var loadingOlder = false
    /// The reader's `last_read` when the channel was opened: the "New messages" line goes
    /// above the first message after it.
    public var readMarker: Timestamp?
    /// Index of the lowest message on screen; nil follows the newest.
    public var bottomIndex: Int?
    /// Messages after which history may be missing (the client was offline), oldest first.
    /// A marker line shows each; Enter on an empty line fetches the one in view.
    public var gaps: [String] = []
    /// The gap a `loadNewer` is filling, so its answer lands there.
    public var fillingGap: String?

    public init(cid: String, rows: [MessageRow], hasOlder: Bool, readMarker: Timestamp?) {
        self.cid = cid
        self.rows = rows
        self.hasOlder = hasOlder
        self.readMarker = readMarker
    }

    /// A page from elsewhere in the channel in place of the rows held (the read marker stays).
    mutating func replaceRows(_ page: [MessageRow], hasOlder: Bool, hasNewer: Bool) {
        rows = page
        self.hasOlder = hasOlder
        self.hasNewer = hasNewer
        loadingOlder = false
        gaps = []
        fillingGap = nil
    }

    /// The id of the first message after the read marker, from someone else.
    public func firstUnreadID(viewer: String) -> String? {
        guard let marker = readMarker else { return nil }
        return rows.first { ($0.message.createdAt ?? marker) > marker && $0.message.userID != viewer }?.id
    }
}
