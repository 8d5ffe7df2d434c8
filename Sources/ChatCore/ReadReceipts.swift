import ChatModel

/// Who has seen the reader's own messages in the open channel, as Stream's UI kits show it on
/// the sender's messages (a read tick, "Seen by"), kept quiet for a terminal: one mark, on the
/// reader's newest message another member has read.
///
/// A member has read up to their read state's `last_read` (the channel state's `read`, the
/// store's member row, moved on by `message.read`), or up to their own newest message: whoever
/// writes has seen what came before, as stream-chat-js counts a `message.new`'s author as read.
/// A member with no read state and no message has read nothing the reader can know of; with
/// `read_events` off the server shares no one's, and no mark shows.
public struct ReadReceipt: Sendable, Equatable {
    /// The reader's message the mark is on.
    public var messageID: String
    /// The names of the other members who have read it, by name.
    public var readers: [String]
    /// How many other members the channel has: one makes a conversation of two ("seen").
    public var others: Int

    public init(messageID: String, readers: [String], others: Int) {
        self.messageID = messageID
        self.readers = readers
        self.others = others
    }
}

public enum ReadReceipts {
    /// The mark for the open channel: on `viewer`'s newest message in `rows` that another of
    /// `members` has read, naming all who have. Nil when no other member has read any, or when
    /// all who have answered after it.
    public static func latest(in rows: [MessageRow], members: [MemberRow], viewer: String) -> ReadReceipt? {
        let positions = readPositions(rows: rows, members: members, viewer: viewer)
        let memberIDs = Set(members.map(\.user.id))
        // Drawn with every frame: the furthest any member has read picks the message, then the
        // members are gone through once (not once a message: a big channel has thousands).
        guard let furthest = positions.filter({ memberIDs.contains($0.key) }).values.max(),
            let index = rows.lastIndex(where: { isReceipted($0, viewer: viewer) && $0.message.createdAt.map { $0 <= furthest } ?? false }),
            let at = rows[index].message.createdAt
        else { return nil }
        let row = rows[index]
        let readers = members.filter { positions[$0.user.id].map { $0 >= at } ?? false }
        // Readers who answered below the message show it themselves: a mark naming only them
        // ("✓ seen" over the other's reply in a conversation of two) says nothing new.
        let answered = Set(rows[(index + 1)...].map(\.message.userID)).subtracting([viewer])
        guard readers.contains(where: { !answered.contains($0.user.id) }) else { return nil }
        return ReadReceipt(messageID: row.id, readers: names(readers), others: others(members, viewer: viewer).count)
    }

    /// Who of the other members has read `row` and who has not (the details overlay), by
    /// name; nil for a message that takes no receipt (someone else's, a reply in a thread).
    public static func readers(
        of row: MessageRow,
        rows: [MessageRow],
        members: [MemberRow],
        viewer: String
    ) -> (
        seen: [String], notSeen: [String]
    )? {
        guard isReceipted(row, viewer: viewer), let at = row.message.createdAt else { return nil }
        let positions = readPositions(rows: rows, members: members, viewer: viewer)
        let others = others(members, viewer: viewer)
        let seen = others.filter { positions[$0.user.id].map { $0 >= at } ?? false }
        let seenIDs = Set(seen.map(\.user.id))
        return (names(seen), names(others.filter { !seenIDs.contains($0.user.id) }))
    }

    /// A message of the reader's that others read in the channel: not a thread's reply (threads
    /// have read states of their own), and not one only the reader sees or that says nothing.
    static func isReceipted(_ row: MessageRow, viewer: String) -> Bool {
        let m = row.message
        return m.userID == viewer && (m.parentID == nil || m.showInChannel == true) && [.regular, .reply].contains(m.type)
    }

    /// How far each other member has read: their read state, or their newest message in `rows`.
    static func readPositions(rows: [MessageRow], members: [MemberRow], viewer: String) -> [String: Timestamp] {
        var positions: [String: Timestamp] = [:]
        for row in members where row.user.id != viewer {
            if let at = row.member.lastRead { positions[row.user.id] = at }
        }
        for row in rows where row.message.userID != viewer {
            guard let at = row.message.createdAt, positions[row.message.userID].map({ $0 < at }) ?? true else { continue }
            positions[row.message.userID] = at
        }
        return positions
    }

    private static func others(_ members: [MemberRow], viewer: String) -> [MemberRow] {
        members.filter { $0.user.id != viewer }
    }

    private static func names(_ members: [MemberRow]) -> [String] {
        members.map(\.user.displayName).sorted { $0.lowercased() < $1.lowercased() }
    }
}
