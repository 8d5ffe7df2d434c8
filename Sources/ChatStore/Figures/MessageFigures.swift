import ChatModel

/// Aggregates over the messages table. Each is one SQL statement whose answer is bounded by
/// days, types or a `LIMIT`, never by the number of messages.
enum MessageFigures {
    /// One row per day with the message states counted: the day rows feed both the totals and
    /// the timeline, so the big table is scanned once for both.
    static func days(_ db: any SQLSession) throws -> (messages: MigrationFigures.Messages, days: [(day: String, count: Int)]) {
        var messages = MigrationFigures.Messages()
        var days: [(day: String, count: Int)] = []
        for row in try db.rows(
            """
            SELECT substr(created_at, 1, 10) AS day, COUNT(*) AS n,
                COUNT(CASE WHEN type = 'deleted' OR deleted_at IS NOT NULL THEN 1 END) AS deleted,
                COUNT(pinned_at) AS pinned, COUNT(CASE WHEN type = 'system' THEN 1 END) AS system,
                COUNT(text_updated_at) AS edited, COUNT(attachments) AS with_attachments,
                COUNT(CASE WHEN restricted_visibility IS NOT NULL AND restricted_visibility <> '[]' THEN 1 END) AS restricted,
                COUNT(CASE WHEN mentioned_here <> 0 THEN 1 END) AS here, COUNT(CASE WHEN mentioned_channel <> 0 THEN 1 END) AS whole,
                COUNT(CASE WHEN mentioned_roles IS NOT NULL AND mentioned_roles <> '[]' THEN 1 END) AS roles
            FROM messages GROUP BY day ORDER BY day
            """
        ) {
            let n: Int = row["n"]
            days.append((row["day"], n))
            messages.total += n
            messages.deleted += row["deleted"] as Int
            messages.pinned += row["pinned"] as Int
            messages.system += row["system"] as Int
            messages.edited += row["edited"] as Int
            messages.withAttachments += row["with_attachments"] as Int
            messages.restrictedVisibility += row["restricted"] as Int
            messages.mentionedHere += row["here"] as Int
            messages.mentionedChannel += row["whole"] as Int
            messages.mentionedRoles += row["roles"] as Int
        }
        return (messages, days)
    }

    static func busiestUsers(_ db: any SQLSession, limit: Int) throws -> [MigrationFigures.Ranked] {
        try FigureSQL.ranked(
            db,
            """
            SELECT m.user_id AS id, \(db.dialect.jsonString("u.custom", key: "name")) AS name, m.n
            FROM (SELECT user_id, COUNT(*) AS n FROM messages GROUP BY user_id ORDER BY n DESC, user_id LIMIT ?) m
            LEFT JOIN users u ON u.id = m.user_id ORDER BY m.n DESC, m.user_id
            """,
            limit
        )
    }

    /// Threads (messages with replies), their replies, and the one with the most replies.
    static func threads(_ db: any SQLSession) throws -> MigrationFigures.Threads {
        var threads = MigrationFigures.Threads()
        let perThread = "WITH t AS (SELECT parent_id, COUNT(*) AS n FROM messages WHERE parent_id IS NOT NULL GROUP BY parent_id)"
        if let row = try db.row(perThread + " SELECT COUNT(*) AS threads, COALESCE(SUM(n), 0) AS replies FROM t") {
            threads.count = row["threads"]
            threads.replies = row["replies"]
        }
        let deepest = try db.row(
            perThread + """
                 SELECT t.parent_id AS id, p.cid, t.n FROM t LEFT JOIN messages p ON p.id = t.parent_id ORDER BY t.n DESC, t.parent_id LIMIT 1
                """
        )
        threads.deepest = deepest.map { MigrationFigures.Ranked(id: $0["id"], name: nil, count: $0["n"]) }
        threads.deepestChannel = deepest?["cid"]
        return threads
    }

    /// URL query keys that make a link stop working after a while: signed S3 / CloudFront /
    /// Google Cloud Storage links, Azure SAS (`se`), and bearer tokens in the URL.
    static let expiringURLMarkers = ["expires=", "x-amz-expires=", "signature=", "x-goog-signature=", "se=", "token="]

    /// The attachment keys that hold a URL.
    static let urlKeys = ["asset_url", "image_url", "thumb_url"]

    /// Attachments by type, and how many have an asset, image or thumb URL that is not https
    /// or that expires (a marker right after `?` or `&`; ASCII case ignored).
    static func attachments(_ db: any SQLSession) throws -> MigrationFigures.Attachments {
        let dialect = db.dialect
        let urls = urlKeys.map { "\(dialect.jsonString("e.value", key: $0)) AS \($0)" }.joined(separator: ", ")
        let expiring = urlKeys.flatMap { key in
            expiringURLMarkers.flatMap { [dialect.like(key, "'%?\($0)%'"), dialect.like(key, "'%&\($0)%'")] }
        }
        let plain = urlKeys.map { "(\($0) IS NOT NULL AND NOT (\(dialect.like($0, "'https://%'"))))" }
        // One row per attachment with its type and URLs, materialized so each is extracted from
        // the JSON once: PostgreSQL would otherwise repeat the extraction in every LIKE.
        let sql = """
            WITH a AS MATERIALIZED (
                SELECT \(dialect.jsonString("e.value", key: "type")) AS label, \(urls)
                FROM messages m, \(dialect.jsonArrayElements("m.attachments", as: "e")) WHERE m.attachments IS NOT NULL
            )
            SELECT label, COUNT(*) AS n, COUNT(CASE WHEN \(expiring.joined(separator: " OR ")) THEN 1 END) AS expiring,
                COUNT(CASE WHEN \(plain.joined(separator: " OR ")) THEN 1 END) AS plain
            FROM a GROUP BY label ORDER BY n DESC, label
            """
        var attachments = MigrationFigures.Attachments()
        for row in try db.rows(sql) {
            let label: String = row["label"] ?? ""
            attachments.byType.append(MigrationFigures.Tally(label.isEmpty ? "(none)" : label, row["n"]))
            attachments.total += row["n"] as Int
            attachments.expiringURLs += row["expiring"] as Int
            attachments.nonHTTPSURLs += row["plain"] as Int
        }
        return attachments
    }
}
