import ChatModel

/// Where the store's SQL differs between SQLite and PostgreSQL. Everything else the store
/// writes is SQL both accept. JSON lives in TEXT columns: SQLite reads it with its JSON
/// functions, PostgreSQL casts it to `jsonb`.
public enum SQLDialect: Sendable {
    case sqlite, postgres

    /// The stored custom object with the incoming one's keys laid over it, one level deep (a key
    /// in the file replaces the stored value whole; stored keys the file lacks stay), in the
    /// stored order with new keys after. SQLite calls the store's own function (its JSON functions
    /// cannot keep `true` apart from 1); PostgreSQL does it in SQL.
    func mergedCustom(stored: String, incoming: String) -> String {
        switch self {
        case .sqlite:
            return "\(MergeCustomFunction.name)(\(stored), \(incoming))"
        case .postgres:
            return """
                (SELECT COALESCE(json_object_agg(m.k, m.v ORDER BY m.o), '{}'::json)::text FROM (\
                SELECT s.k, s.v, s.o FROM json_each(\(stored)::json) WITH ORDINALITY AS s(k, v, o) \
                WHERE NOT jsonb_exists(\(incoming)::jsonb, s.k) \
                UNION ALL SELECT n.k, n.v, n.o + 1000000000 FROM json_each(\(incoming)::json) WITH ORDINALITY AS n(k, v, o)) AS m)
                """
        }
    }

    /// The larger of two SQL expressions of one kind (SQLite's two-argument `MAX`).
    func greatest(_ a: String, _ b: String) -> String {
        switch self {
        case .sqlite: "MAX(\(a), \(b))"
        case .postgres: "GREATEST(\(a), \(b))"
        }
    }

    /// The JSON array text in `column` holds the string `value` (both SQL expressions).
    func jsonArray(_ column: String, contains value: String) -> String {
        switch self {
        case .sqlite: "EXISTS (SELECT 1 FROM json_each(\(column)) WHERE value = \(value))"
        case .postgres: "jsonb_exists((\(column))::jsonb, \(value))"
        }
    }

    /// The JSON object `json` (an SQL expression)'s `key` when it is a string, else NULL
    /// (custom data may hold anything). On PostgreSQL the text compares byte by byte, as the
    /// store's columns and SQLite's text do, so lists ordered by it come out alike.
    func jsonString(_ json: String, key: String) -> String {
        switch self {
        case .sqlite: "CASE json_type(\(json), '$.\(key)') WHEN 'text' THEN json_extract(\(json), '$.\(key)') END"
        case .postgres:
            "(CASE jsonb_typeof((\(json))::jsonb -> '\(key)') WHEN 'string' THEN (\(json))::jsonb ->> '\(key)' END) COLLATE \"C\""
        }
    }

    /// The JSON object `json` (an SQL expression)'s `key` when it is a whole number, else NULL.
    func jsonInteger(_ json: String, key: String) -> String {
        switch self {
        case .sqlite: "CASE json_type(\(json), '$.\(key)') WHEN 'integer' THEN json_extract(\(json), '$.\(key)') END"
        case .postgres:
            """
            (SELECT CASE WHEN jsonb_typeof(v) = 'number' AND (v #>> '{}')::numeric = trunc((v #>> '{}')::numeric) \
            THEN (v #>> '{}')::numeric::bigint END FROM (SELECT (\(json))::jsonb -> '\(key)' AS v) AS j)
            """
        }
    }

    /// A FROM item with one row per element of the JSON array text in `column`, as the text
    /// `alias.value` (a string element's text, any other element's JSON); no rows when the
    /// column is NULL or not an array.
    func jsonArrayElements(_ column: String, as alias: String) -> String {
        switch self {
        case .sqlite:
            "json_each(CASE WHEN json_valid(\(column)) THEN CASE json_type(\(column)) WHEN 'array' THEN \(column) END END) \(alias)"
        case .postgres:
            """
            jsonb_array_elements_text(CASE jsonb_typeof((\(column))::jsonb) WHEN 'array' THEN (\(column))::jsonb ELSE '[]' END) \
            AS \(alias)(value)
            """
        }
    }

    /// `text` matches the LIKE `pattern` (both SQL expressions), ASCII case folded as
    /// SQLite's LIKE is.
    func like(_ text: String, _ pattern: String) -> String {
        switch self {
        case .sqlite: "\(text) LIKE \(pattern)"
        case .postgres: "\(text) ILIKE \(pattern)"
        }
    }
}
