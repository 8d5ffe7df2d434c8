import ChatModel

/// A poll rule a write broke (closed poll, too many votes, answers off…): the reason in words,
/// for the API's error.
public struct PollRuleError: Error, Sendable, Equatable {
    public let reason: String
}

/// Polls and their options, as Stream's Poll API changes them. Votes are in `PollVotes.swift`.
/// A poll's options keep their order in `position`; deleting a poll or an option takes its
/// votes with it, and a message that carried a deleted poll carries none.
extension ChatStore {
    /// Stores a new poll with its options; false when a poll with its id exists.
    public func create(poll: Poll) throws -> Bool {
        try backend.write { db in
            guard try db.row("SELECT id FROM polls WHERE id = ?", poll.id) == nil else { return false }
            try db.execute(
                """
                INSERT INTO polls (id, name, description, created_by_id, voting_visibility, enforce_unique_vote,
                    max_votes_allowed, allow_user_suggested_options, allow_answers, is_closed, created_at, updated_at, custom)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                Self.pollColumns(poll)
            )
            try Self.insert(options: poll.options, of: poll.id, from: 0, db)
            return true
        }
    }

    public func poll(id: String) throws -> Poll? {
        try backend.read { db in try Self.poll(id: id, db) }
    }

    /// Every poll, oldest first (query polls filters and sorts them as the API shows them).
    public func polls() throws -> [Poll] {
        try backend.read { db in
            var options: [String: [SQLRow]] = [:]
            for row in try db.rows("SELECT * FROM poll_options ORDER BY poll_id, position", []) {
                options[row["poll_id"], default: []].append(row)
            }
            return try db.rows("SELECT * FROM polls ORDER BY created_at, id", []).map {
                StoredItems.poll($0, options: options[$0["id"]] ?? [])
            }
        }
    }

    /// Replaces a poll's fields and options (a full update). Options kept by id keep their
    /// votes; votes for options that are gone go with them. False when there is no such poll.
    public func replace(poll: Poll) throws -> Bool {
        try backend.write { db in
            guard try db.row("SELECT id FROM polls WHERE id = ?", poll.id) != nil else { return false }
            try db.execute(
                """
                UPDATE polls SET name = ?, description = ?, created_by_id = ?, voting_visibility = ?, enforce_unique_vote = ?,
                    max_votes_allowed = ?, allow_user_suggested_options = ?, allow_answers = ?, is_closed = ?, created_at = ?,
                    updated_at = ?, custom = ? WHERE id = ?
                """,
                Array(Self.pollColumns(poll).dropFirst()) + [poll.id.sqlValue]
            )
            let kept = poll.options.map(\.id)
            try db.execute(
                "DELETE FROM poll_votes WHERE poll_id = ? AND is_answer = 0 AND option_id NOT IN (\(placeholders(kept.count)))",
                [poll.id.sqlValue] + kept.map(\.sqlValue)
            )
            try db.execute("DELETE FROM poll_options WHERE poll_id = ?", poll.id)
            try Self.insert(options: poll.options, of: poll.id, from: 0, db)
            return true
        }
    }

    /// Deletes a poll, its options and votes, and takes it off the messages that carried it.
    /// Returns the ids of those messages; nil when there was no such poll.
    public func deletePoll(id: String) throws -> [String]? {
        try backend.write { db in
            guard try db.execute("DELETE FROM polls WHERE id = ?", id) > 0 else { return nil }
            try db.execute("DELETE FROM poll_options WHERE poll_id = ?", id)
            try db.execute("DELETE FROM poll_votes WHERE poll_id = ?", id)
            let messages: [String] = try db.values("SELECT id FROM messages WHERE poll_id = ? ORDER BY id", [id.sqlValue])
            try db.execute("UPDATE messages SET poll_id = '' WHERE poll_id = ?", id)
            return messages
        }
    }

    /// Adds an option at the end of the poll; false when the poll has one with that id.
    public func add(option: PollOption, toPoll pollID: String, at time: Timestamp) throws -> Bool {
        try backend.write { db in
            guard try db.row("SELECT id FROM poll_options WHERE poll_id = ? AND id = ?", pollID, option.id) == nil else { return false }
            let last: Int? = try db.value("SELECT MAX(position) FROM poll_options WHERE poll_id = ?", pollID)
            try Self.insert(options: [option], of: pollID, from: (last ?? -1) + 1, db)
            try Self.touch(pollID, time, db)
            return true
        }
    }

    /// Changes an option's text and custom data; false when the poll has no such option.
    public func update(option: PollOption, ofPoll pollID: String, at time: Timestamp) throws -> Bool {
        try backend.write { db in
            let changed = try db.execute(
                "UPDATE poll_options SET text = ?, custom = ? WHERE poll_id = ? AND id = ?",
                option.text,
                StoredValue.json(option.custom),
                pollID,
                option.id
            )
            if changed > 0 { try Self.touch(pollID, time, db) }
            return changed > 0
        }
    }

    /// Deletes an option and the votes for it; false when the poll has no such option.
    public func deleteOption(id: String, ofPoll pollID: String, at time: Timestamp) throws -> Bool {
        try backend.write { db in
            guard try db.execute("DELETE FROM poll_options WHERE poll_id = ? AND id = ?", pollID, id) > 0 else { return false }
            try db.execute("DELETE FROM poll_votes WHERE poll_id = ? AND option_id = ? AND is_answer = 0", pollID, id)
            try Self.touch(pollID, time, db)
            return true
        }
    }

    /// Puts `pollID` on a message (sending a poll).
    public func attach(pollID: String, toMessage messageID: String) throws {
        try backend.write { db in _ = try db.execute("UPDATE messages SET poll_id = ? WHERE id = ?", pollID, messageID) }
    }

    /// The poll a message carries; nil when none.
    public func pollID(ofMessage messageID: String) throws -> String? {
        let id: String? = try backend.read { db in try db.value("SELECT poll_id FROM messages WHERE id = ?", messageID) }
        return id?.isEmpty == false ? id : nil
    }

    /// The messages that carry a poll, with their channels: where its events go.
    public func messages(carryingPoll pollID: String) throws -> [(id: String, cid: String)] {
        try backend.read { db in
            try db.rows("SELECT id, cid FROM messages WHERE poll_id = ? ORDER BY created_at, id", pollID).map { ($0["id"], $0["cid"]) }
        }
    }

    static func poll(id: String, _ db: any SQLSession) throws -> Poll? {
        guard let row = try db.row("SELECT * FROM polls WHERE id = ?", id) else { return nil }
        return StoredItems.poll(row, options: try db.rows("SELECT * FROM poll_options WHERE poll_id = ? ORDER BY position", id))
    }

    private static func touch(_ pollID: String, _ time: Timestamp, _ db: any SQLSession) throws {
        try db.execute("UPDATE polls SET updated_at = ? WHERE id = ?", time.storageText, pollID)
    }

    private static func insert(options: [PollOption], of pollID: String, from first: Int, _ db: any SQLSession) throws {
        for (offset, option) in options.enumerated() {
            try db.execute(
                "INSERT INTO poll_options (poll_id, id, position, text, custom) VALUES (?, ?, ?, ?, ?)",
                pollID,
                option.id,
                first + offset,
                option.text,
                StoredValue.json(option.custom)
            )
        }
    }

    /// The `polls` columns in table order, `id` first.
    private static func pollColumns(_ poll: Poll) -> [SQLValue] {
        let now = Timestamp.now()
        return [
            poll.id.sqlValue, poll.name.sqlValue, StoredValue.text(poll.description), StoredValue.text(poll.createdByID),
            poll.votingVisibility.rawValue.sqlValue, poll.enforceUniqueVote.sqlValue, poll.maxVotesAllowed.sqlValue,
            poll.allowUserSuggestedOptions.sqlValue, poll.allowAnswers.sqlValue, poll.isClosed.sqlValue,
            (poll.createdAt ?? now).storageText.sqlValue, (poll.updatedAt ?? now).storageText.sqlValue, StoredValue.json(poll.custom),
        ]
    }
}
