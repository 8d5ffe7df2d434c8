import ChatModel

/// A poll is a `polls` row and a `poll_options` row per option (in file order, by `position`);
/// a vote is a `poll_votes` row, its `option_id` "" for an answer.
extension StoreImportSink {
    static func pollRow(_ p: Poll, importTime: SQLValue) -> RowWrite {
        typealias V = StoredValue
        var r = RowWrite(table: "polls", key: ["id"])
        r.set("id", V.text(p.id))
        r.set("name", V.text(p.name))
        r.set("description", V.text(p.description))
        r.set("created_by_id", V.text(p.createdByID))
        r.set("voting_visibility", V.text(p.votingVisibility.rawValue))
        r.set("enforce_unique_vote", V.bool(p.enforceUniqueVote))
        r.set("max_votes_allowed", p.maxVotesAllowed.map { .int(Int64($0)) } ?? .null)
        r.set("allow_user_suggested_options", V.bool(p.allowUserSuggestedOptions))
        r.set("allow_answers", V.bool(p.allowAnswers))
        r.set("is_closed", V.bool(p.isClosed))
        let createdAt = V.time(p.createdAt)
        r.set("created_at", createdAt, fallback: importTime)
        r.set("updated_at", V.time(p.updatedAt), fallback: createdAt.isNull ? importTime : createdAt)
        r.set("custom", V.json(p.custom))
        return r
    }

    static func optionRows(of p: Poll) -> [RowWrite] {
        p.options.enumerated().map { position, option in
            var r = RowWrite(table: "poll_options", key: ["poll_id", "id"])
            r.set("poll_id", StoredValue.text(p.id))
            r.set("id", StoredValue.text(option.id))
            r.set("position", .int(Int64(position)))
            r.set("text", StoredValue.text(option.text))
            r.set("custom", StoredValue.json(option.custom))
            return r
        }
    }

    /// The rows batching sinks write for `polls` at their end, each with the item type it counts
    /// for (nil for an option, which counts as its poll): a poll in `existing` (insert mode skips
    /// it) keeps its stored options. Made one poll at a time as the sink takes them: every row
    /// at once (9,000 polls, 45,000 rows) put about 20 MB on top of the import's peak.
    static func pollRows(
        _ polls: [Poll],
        existing: Set<String>,
        importTime: SQLValue
    ) -> some Sequence<(row: RowWrite, counted: ItemType?)> {
        polls.lazy.flatMap { poll in
            let options = existing.contains(poll.id) ? [] : optionRows(of: poll).map { (row: $0, counted: ItemType?.none) }
            return options + [(row: pollRow(poll, importTime: importTime), counted: .poll)]
        }
    }

    /// Upsert replaces a poll's options, as the Poll API's full update does: the stored ones the
    /// item no longer lists go. The statement names the options kept, so it may run before or
    /// after they are written.
    static func staleOptions(of p: Poll) -> (sql: String, arguments: [SQLValue]) {
        let kept = p.options.map { SQLValue.text($0.id) }
        let condition = kept.isEmpty ? "" : " AND id NOT IN (\(placeholders(kept.count)))"
        return ("DELETE FROM poll_options WHERE poll_id = ?" + condition, [.text(p.id)] + kept)
    }

    static func voteRow(_ v: PollVote, importTime: SQLValue) -> RowWrite {
        typealias V = StoredValue
        var r = RowWrite(table: "poll_votes", key: ["id"])
        r.set("id", V.text(v.id))
        r.set("poll_id", V.text(v.pollID))
        // Always provided: upserting an option vote as an answer clears its option.
        r.set("option_id", V.text(v.optionID ?? ""))
        r.set("is_answer", V.bool(v.isAnswer))
        r.set("answer_text", V.text(v.answerText))
        r.set("user_id", V.text(v.userID))
        let createdAt = V.time(v.createdAt)
        r.set("created_at", createdAt, fallback: importTime)
        r.set("updated_at", V.time(v.updatedAt), fallback: createdAt.isNull ? importTime : createdAt)
        return r
    }
}
