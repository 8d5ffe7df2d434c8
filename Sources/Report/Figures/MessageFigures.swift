import ChatModel
import GRDB

/// Aggregates over the messages table. Each is one SQL statement whose answer is bounded by
/// days, types or a `LIMIT`, never by the number of messages.
enum MessageFigures {
    /// One row per day with the message states summed: the day rows feed both the totals and
    /// the timeline, so the big table is scanned once for both.
    static func days(_ db: Database) throws -> (messages: MigrationFigures.Messages, days: [(day: String, count: Int)]) {
        var messages = MigrationFigures.Messages()
        var days: [(day: String, count: Int)] = []
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT substr(created_at, 1, 10) AS day, COUNT(*) AS n,
                    SUM(type = 'deleted' OR deleted_at IS NOT NULL) AS deleted, SUM(pinned_at IS NOT NULL) AS pinned,
                    SUM(type = 'system') AS system, SUM(text_updated_at IS NOT NULL) AS edited,
                    SUM(attachments IS NOT NULL) AS with_attachments
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
        }
        return (messages, days)
    }

    static func busiestUsers(_ db: Database, limit: Int) throws -> [MigrationFigures.Ranked] {
        try FigureSQL.ranked(
            db,
            """
            SELECT m.user_id AS id, \(FigureSQL.name("u.custom")) AS name, m.n
            FROM (SELECT user_id, COUNT(*) AS n FROM messages GROUP BY user_id ORDER BY n DESC, user_id LIMIT ?) m
            LEFT JOIN users u ON u.id = m.user_id ORDER BY m.n DESC, m.user_id
            """,
            [limit]
        )
    }

    /// Threads (messages with replies), their replies, and the one with the most replies.
    static func threads(_ db: Database) throws -> MigrationFigures.Threads {
        var threads = MigrationFigures.Threads()
        let perThread = "WITH t AS (SELECT parent_id, COUNT(*) AS n FROM messages WHERE parent_id IS NOT NULL GROUP BY parent_id)"
        if let row = try Row.fetchOne(db, sql: perThread + " SELECT COUNT(*) AS threads, IFNULL(SUM(n), 0) AS replies FROM t") {
            threads.count = row["threads"]
            threads.replies = row["replies"]
        }
        let deepest = try Row.fetchOne(
            db,
            sql: perThread + """
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

    /// Attachments by type, and how many have an asset, image or thumb URL that is not https
    /// or that expires (a marker right after `?` or `&`; LIKE ignores ASCII case).
    static func attachments(_ db: Database) throws -> MigrationFigures.Attachments {
        let expiring = expiringURLMarkers.flatMap { ["u.value LIKE '%?\($0)%'", "u.value LIKE '%&\($0)%'"] }.joined(separator: " OR ")
        let urls = "SELECT 1 FROM json_each(a.value) u WHERE u.key IN ('asset_url', 'image_url', 'thumb_url') AND u.type = 'text'"
        var attachments = MigrationFigures.Attachments()
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT CASE json_type(a.value, '$.type') WHEN 'text' THEN json_extract(a.value, '$.type') END AS label, COUNT(*) AS n,
                    SUM(EXISTS (\(urls) AND (\(expiring)))) AS expiring,
                    SUM(EXISTS (\(urls) AND u.value NOT LIKE 'https://%')) AS plain
                FROM messages m, json_each(m.attachments) a WHERE m.attachments IS NOT NULL
                GROUP BY label ORDER BY n DESC, label
                """
        ) {
            let label: String = row["label"] ?? ""
            attachments.byType.append(MigrationFigures.Tally(label.isEmpty ? "(none)" : label, row["n"]))
            attachments.total += row["n"] as Int
            attachments.expiringURLs += row["expiring"] as Int
            attachments.nonHTTPSURLs += row["plain"] as Int
        }
        return attachments
    }
}
