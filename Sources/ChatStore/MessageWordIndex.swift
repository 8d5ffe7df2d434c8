/// The full-text index over `messages.text` that `search` reads, and how each backend asks it
/// for words. A word is a run of letters, digits and marks (anything else splits words), case
/// folded, accents kept, never stemmed: the same words `MessageSearch` splits a query into.
public enum MessageWordIndex {
    /// SQLite: an FTS5 table with external content. The text stays in `messages` only (a
    /// contentless table would work as well, but FTS5's `rebuild`, which fills the index from
    /// the rows after an import and on migration, needs the content table); the index maps
    /// words to `messages.rowid`. Triggers keep it exact on every write: insert, a changed
    /// text, and every delete (a message's own, a truncate's, a channel's). `columnsize=0`:
    /// nothing ranks by length. The rowid of a table with a text key can change under `VACUUM`,
    /// which chatterm never runs; `INSERT INTO message_words(message_words) VALUES('rebuild')`
    /// mends the index after one.
    /// PostgreSQL: a GIN index over `to_tsvector('simple', …)` of the text with ASCII punctuation
    /// made spaces first, so its parser sees words only (no URLs, e-mail addresses, file paths
    /// or hyphenated words, which would hide the words inside them).
    static let step = Schema.Step(
        name: "v14a: message text search",
        sql: """
            CREATE VIRTUAL TABLE message_words USING fts5(
                text, content = 'messages', content_rowid = 'rowid', columnsize = 0,
                tokenize = "unicode61 remove_diacritics 0 categories 'L* N* Co M*' separators '\(separators)'"
            );
            CREATE TRIGGER message_words_insert AFTER INSERT ON messages BEGIN
                INSERT INTO message_words (rowid, text) VALUES (new.rowid, new.text);
            END;
            CREATE TRIGGER message_words_delete AFTER DELETE ON messages BEGIN
                INSERT INTO message_words (message_words, rowid, text) VALUES ('delete', old.rowid, old.text);
            END;
            CREATE TRIGGER message_words_update AFTER UPDATE OF text ON messages WHEN old.text IS NOT new.text BEGIN
                INSERT INTO message_words (message_words, rowid, text) VALUES ('delete', old.rowid, old.text);
                INSERT INTO message_words (rowid, text) VALUES (new.rowid, new.text);
            END;
            \(rebuild);
            """,
        postgres: ["CREATE INDEX message_words ON messages USING GIN (\(postgresWords("text")))"]
    )

    /// Every scalar past ASCII that is not a letter, digit, mark or private use, named to FTS5 as
    /// a separator. SQLite's unicode61 tables are older than the text people write and read what
    /// they do not know (🥳 and most emoji since 2016, the bidi isolates U+2066–2069) as part of a
    /// word: "thanks🥳" would index no word "thanks", while `MessageSearch` splits the query there.
    /// Named from Swift's own Unicode data, so the index splits where the query does.
    static let separators: String = {
        var out = String.UnicodeScalarView()
        for value in 0x80...0x2FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            switch scalar.properties.generalCategory {
            case .otherSymbol, .mathSymbol, .currencySymbol, .modifierSymbol, .format, .control, .spaceSeparator, .lineSeparator,
                .paragraphSeparator, .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                .initialPunctuation, .finalPunctuation, .otherPunctuation:
                out.append(scalar)
            default:
                continue
            }
        }
        return String(out)
    }()

    /// Fills the SQLite index from every message, as it drops what it held.
    static let rebuild = "INSERT INTO message_words (message_words) VALUES ('rebuild')"

    /// PostgreSQL's words of the text column `text`, exactly as the index holds them. The
    /// bracket names the 32 ASCII punctuation characters by their ranges (`!`–`/`, `:`–`@`,
    /// `[`–`` ` ``, `{`–`~`), not by the locale's `[[:punct:]]`. Until schema step v14k this was
    /// `translate(text, '!"#…~', 32 spaces)`, which gives the same words but looks up each
    /// character of UTF-8 text in the list one by one: 6.1 s over a million messages, against
    /// 0.4 s for `regexp_replace`, and the import computes it for every message it writes.
    static func postgresWords(_ text: String) -> String {
        "to_tsvector('simple', regexp_replace(\(text), '[!-/:-@[-`{-~]', ' ', 'g'))"
    }

    /// The word index over the cheaper expression of the same words (`postgresWords`): a
    /// database that got v14a before it has the index over the older one, which searches
    /// would no longer use.
    static let postgresRebuild = Schema.Step(
        name: "v14k: word index without translate",
        sql: "",
        postgres: [
            "DROP INDEX IF EXISTS message_words",
            "CREATE INDEX message_words ON messages USING GIN (\(MessageWordIndex.postgresWords("text")))",
        ]
    )

    /// Where a search starts on SQLite. FTS5 lists every message holding the words before any
    /// is checked against the channels searched, so a common word over a few channels reads
    /// far more rows than it keeps (`the` is in one message of seven); then reading the
    /// channels' messages and checking each one's words (`WordMatchFunction`) costs less, and
    /// stops at a page's end when the order follows the channel index. PostgreSQL's planner
    /// makes this choice itself from the GIN index's statistics.
    public enum Plan: String, Sendable, CaseIterable {
        case fromIndex, fromScope
    }

    /// `fromScope` when the messages `range` (a condition on `messages m` the `(cid,
    /// created_at)` index answers alone) selects are no more than the index's matches of the
    /// query bound to `query`, which are counted only that far.
    static func plan(_ db: any SQLSession, range: String, _ arguments: [String: SQLValue]) throws -> Plan {
        func count(_ sql: String, _ arguments: [String: SQLValue]) throws -> Int {
            try db.rows(sql, named: arguments).first.flatMap { Int.decode($0.values[0]) } ?? 0
        }
        var arguments = arguments
        let inRange = try count("SELECT count(*) FROM messages m WHERE \(range)", arguments)
        arguments["inRange"] = inRange.sqlValue
        let matches = try count(
            "SELECT count(*) FROM (SELECT 1 FROM message_words WHERE message_words MATCH :query LIMIT :inRange)",
            arguments
        )
        return matches < inRange ? .fromIndex : .fromScope
    }

    /// The condition that `messages m` holds every word of the query text bound to `query`
    /// (on SQLite with `fromScope`: the words bound to `words`, and `prefix`).
    static func condition(_ dialect: SQLDialect, plan: Plan) -> String {
        switch (dialect, plan) {
        case (.sqlite, .fromIndex): "m.rowid IN (SELECT rowid FROM message_words WHERE message_words MATCH :query)"
        case (.sqlite, .fromScope): "\(WordMatchFunction.name)(m.text, :words, :prefix)"
        case (.postgres, _): "\(postgresWords("m.text")) @@ to_tsquery('simple', :query)"
        }
    }

    /// The query text for `words`, each a quoted string (so `AND`, `NEAR(` or `*` in them are
    /// words, never syntax), all required, each a word's start when `prefix`.
    static func query(_ dialect: SQLDialect, words: [String], prefix: Bool) -> String {
        switch dialect {
        case .sqlite:
            words.map { "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\"" + (prefix ? "*" : "") }.joined(separator: " ")
        case .postgres:
            words.map {
                "'\($0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "''"))'" + (prefix ? ":*" : "")
            }.joined(separator: " & ")
        }
    }
}
