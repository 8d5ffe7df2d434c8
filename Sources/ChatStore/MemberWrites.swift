import ChatModel

/// One member's own settings of a channel, for the server: pin, archive, custom data and how
/// far messages reached their devices. Each call is one committed transaction.
extension ChatStore {
    /// The member as stored, or nil when the user is not a member.
    public func member(cid: String, userID: String) throws -> MemberRow? {
        try backend.read { db in
            guard let member = try db.row("SELECT * FROM members WHERE cid = ? AND user_id = ?", cid, userID).map(StoredItems.member)
            else { return nil }
            let user = try db.row("SELECT * FROM users WHERE id = ?", userID).map(StoredItems.user) ?? User(id: userID)
            return MemberRow(member: member, user: user)
        }
    }

    /// Writes a member's pin, archive and custom data exactly as given (a partial update's
    /// result); false when the user is not a member.
    public func updateMemberSettings(_ member: Member) throws -> Bool {
        try backend.write { db in
            try db.execute(
                "UPDATE members SET pinned_at = ?, archived_at = ?, custom = ? WHERE cid = ? AND user_id = ?",
                member.pinnedAt?.storageText,
                member.archivedAt?.storageText,
                StoredValue.json(.object(member.custom)),
                member.cid,
                member.userID
            ) > 0
        }
    }

    /// Records that `messageID` reached the member's devices at `time`; false when the user is
    /// not a member of the channel.
    public func markDelivered(cid: String, userID: String, messageID: String, at time: Timestamp) throws -> Bool {
        try backend.write { db in
            try db.execute(
                "UPDATE members SET last_delivered_at = ?, last_delivered_message_id = ? WHERE cid = ? AND user_id = ?",
                time.storageText,
                messageID,
                cid,
                userID
            ) > 0
        }
    }

    /// Pins (or unpins) the channel for its member, as the client's `/pin-channel` does offline;
    /// a second pin keeps the first time. False when the user is not a member.
    public func setPinned(_ pinned: Bool, cid: String, userID: String) throws -> Bool {
        try setMark(.pinned, pinned, cid: cid, userID: userID)
    }

    /// Archives (or brings back) the channel for its member; false when the user is not a member.
    public func setArchived(_ archived: Bool, cid: String, userID: String) throws -> Bool {
        try setMark(.archived, archived, cid: cid, userID: userID)
    }

    private func setMark(_ mark: MemberMark, _ on: Bool, cid: String, userID: String) throws -> Bool {
        try backend.write { db in
            let column = mark.rawValue
            return on
                ? try db.execute(
                    "UPDATE members SET \(column) = COALESCE(\(column), ?) WHERE cid = ? AND user_id = ?",
                    Timestamp.now().storageText,
                    cid,
                    userID
                ) > 0
                : try db.execute("UPDATE members SET \(column) = NULL WHERE cid = ? AND user_id = ?", cid, userID) > 0
        }
    }

    /// Moves the member's read position to just before message `messageID`, so it and every
    /// later message count unread again (Stream's `mark_unread` from a message); false when the
    /// message is not one of the channel's or the user is not a member.
    public func markUnread(cid: String, userID: String, fromMessageID messageID: String) throws -> Bool {
        guard let row = try message(id: messageID, viewer: userID), row.message.cid == cid, let at = row.message.createdAt else {
            return false
        }
        return try markRead(cid: cid, userID: userID, at: at.justBefore)
    }

    /// A member's own mark on a channel, as `query_channels` filters on it.
    public enum MemberMark: String, Sendable {
        case pinned = "pinned_at"
        case archived = "archived_at"
    }

    /// The channels `userID` has marked `mark` (pinned or archived).
    public func channels(of userID: String, marked mark: MemberMark) throws -> [String] {
        try backend.read { db in
            try db.values("SELECT cid FROM members WHERE user_id = ? AND \(mark.rawValue) IS NOT NULL ORDER BY cid", [.text(userID)])
        }
    }
}
