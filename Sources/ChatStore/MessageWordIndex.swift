/// The full-text index over `messages.text` that `search` reads, and how each backend asks it
/// for words. A word is what `MessageWords` splits (a run of letters, digits and marks), case
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
    /// PostgreSQL: until schema step v14m, a GIN index over `to_tsvector('simple', …)` of the
    /// text with ASCII punctuation made spaces first (`regexpWords`); since, one over the words
    /// chatterm splits itself (`postgresWordsStep`).
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
        postgres: ["CREATE INDEX message_words ON messages USING GIN (\(regexpWords))"]
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

    /// `rebuild` after an import into a new store, with FTS5's in-memory word table at 8 MiB
    /// while it fills instead of its 1 MiB default. Each time the table is full it goes to disk
    /// as a segment, and FTS5 merges segments four at a time, level by level: over a million
    /// messages 1 MiB made about a hundred segments and wrote the index over a few times (1.5 s);
    /// 8 MiB takes 0.9 s and 9 MB more, at the import's end, where its memory is lowest. The
    /// default comes back for the writes that follow: an import into a filled store fills the
    /// table through the triggers while its memory peaks.
    static let bulkRebuild = [
        "INSERT INTO message_words (message_words, rank) VALUES ('hashsize', \(8 << 20))",
        rebuild,
        "INSERT INTO message_words (message_words, rank) VALUES ('hashsize', \(1 << 20))",
    ]

    /// PostgreSQL's words of `messages.text` from schema step v14k to v14m, by its own parser.
    /// The bracket names the 32 ASCII punctuation characters by their ranges (`!`–`/`, `:`–`@`,
    /// `[`–`` ` ``, `{`–`~`), not by the locale's `[[:punct:]]`. Until v14k this was
    /// `translate(text, '!"#…~', 32 spaces)`, which gives the same words but looks up each
    /// character of UTF-8 text in the list one by one: 6.1 s over a million messages, against
    /// 0.4 s for `regexp_replace`, and the import computes it for every message it writes.
    private static let regexpWords = "to_tsvector('simple', regexp_replace(text, '[!-/:-@[-`{-~]', ' ', 'g'))"

    /// The word index over the cheaper expression of the same words (`regexpWords`): a
    /// database that got v14a before it has the index over the older one.
    static let postgresRebuild = Schema.Step(
        name: "v14k: word index without translate",
        sql: "",
        postgres: ["DROP INDEX IF EXISTS message_words", "CREATE INDEX message_words ON messages USING GIN (\(regexpWords))"]
    )

    /// PostgreSQL: `messages.words` holds the text's words as `MessageWords` splits them, one
    /// space between, and the GIN index is over those words as a `tsvector`. chatterm splits
    /// the words as it writes the text (`StoreImportSink.row`, which every write of a message's
    /// text goes through), so PostgreSQL's words are the ones SQLite's index and `MessageSearch`
    /// find, and PostgreSQL no longer runs its text search parser: building the index over a
    /// million messages took 7 s of its CPU with `to_tsvector`, mostly the parser, and less
    /// than half of that now (6.0 s against 13.7 s on a busy machine). `array_to_tsvector` over the split words sorts and de-duplicates them without
    /// parsing (a cast of the text to `tsvector` parses it: half as dear again). It checks no
    /// length, so `postgresWords` leaves out what a `tsvector` cannot hold. This step fills the
    /// column of the messages a database holds, the index made first: an update that changes
    /// no indexed column leaves its row's old version in place ("HOT"), and an index made over
    /// such rows is one that transactions older than its own cannot use (`indcheckxmin`), so
    /// searches would read every message until they end.
    static let postgresWordsStep = Schema.Step(
        name: "v14m: words chatterm splits",
        sql: "",
        postgres: [
            "DROP INDEX IF EXISTS message_words", "ALTER TABLE messages ADD COLUMN words TEXT COLLATE \"C\" NOT NULL DEFAULT ''",
            "CREATE INDEX message_words ON messages USING GIN (\(postgresIndexed("words")))",
        ],
        fill: fillWords
    )

    /// The `tsvector` the index holds for the words column `words`.
    static func postgresIndexed(_ words: String) -> String { "array_to_tsvector(string_to_array(\(words), ' '))" }

    /// What `messages.words` holds for `text`: its words, without one longer than a `tsvector`
    /// holds, and no more than its 1 MiB of words in all.
    static func postgresWords(of text: String) -> String {
        MessageWords.spaced(text, longest: postgresLongestWord, total: (1 << 20) - 1)
    }

    /// The bytes of the longest word a PostgreSQL `tsvector` holds.
    static let postgresLongestWord = 2047

    /// Fills `messages.words` from the text, a page of messages at a time.
    private static func fillWords(_ db: PostgresSession) throws {
        var after = ""
        while true {
            let page = try db.rows("SELECT id, text FROM messages WHERE id > ? ORDER BY id LIMIT 5000", [.text(after)])
            guard let last = page.last, let lastID = String.decode(last.values[0]) else { return }
            after = lastID
            var ids = PostgresArrayColumn(kind: .text)
            var words = PostgresArrayColumn(kind: .text)
            for row in page {
                ids.append(row.values[0])
                words.append(.text(postgresWords(of: String.decode(row.values[1]) ?? "")))
            }
            _ = try db.rows(
                numbered:
                    "UPDATE messages SET words = w.words FROM unnest($1::text[], $2::text[]) AS w(id, words) WHERE messages.id = w.id",
                columns: [ids, words]
            )
        }
    }

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
        case (.postgres, _): "\(postgresIndexed("m.words")) @@ :query::tsquery"
        }
    }

    /// The query text for `words`, each a quoted string (so `AND`, `NEAR(` or `*` in them are
    /// words, never syntax), all required, each a word's start when `prefix`. Nil when nothing
    /// can match: on PostgreSQL, words that split into no index words at all, or into one the
    /// index leaves out as too long.
    static func query(_ dialect: SQLDialect, words: [String], prefix: Bool) -> String? {
        switch dialect {
        case .sqlite:
            return words.map { "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\"" + (prefix ? "*" : "") }.joined(separator: " ")
        case .postgres:
            // A query word the index splits into several needs each of them (FTS5 would want
            // them side by side; the index keeps no positions), the last a word's start when
            // `prefix`. Index words hold no quote, backslash or space: quoting needs no escapes.
            let split = words.map(MessageWords.split).filter { !$0.isEmpty }
            guard !split.isEmpty, split.allSatisfy({ $0.allSatisfy { $0.utf8.count <= postgresLongestWord } }) else { return nil }
            return split.map { parts in
                parts.enumerated().map { "'\($1)'" + (prefix && $0 == parts.count - 1 ? ":*" : "") }.joined(separator: " & ")
            }.joined(separator: " & ")
        }
    }
}
