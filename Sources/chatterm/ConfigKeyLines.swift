/// Where each key of a TOML file is written, for errors found after parsing (a wrong type, an
/// unknown command): TOMLKit gives lines for syntax errors only. Reads `[table]` headers and
/// `key = …` lines (bare, quoted or dotted keys); a key inside an inline table is found at the
/// line of the key that holds the table.
struct ConfigKeyLines {
    /// Each key's dotted path and its line (1-based), in file order; a `[table]` header is the
    /// table's entry.
    private(set) var entries: [(path: [String], line: Int)] = []

    init(_ text: String) {
        var table: [String] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.drop { $0 == " " || $0 == "\t" }
            if line.hasPrefix("["), !line.hasPrefix("[["), let close = line.firstIndex(of: "]") {
                table = Self.path(line[line.index(after: line.startIndex)..<close])
                entries.append((table, index + 1))
            } else if !line.hasPrefix("#"), let equals = Self.assignment(in: line) {
                entries.append((table + Self.path(line[..<equals]), index + 1))
            }
        }
    }

    /// The line of `key` (a dotted path), else of the nearest key that holds it.
    func line(of key: [String]) -> Int? {
        for length in stride(from: key.count, to: 0, by: -1) {
            if let entry = entries.first(where: { $0.path == Array(key.prefix(length)) }) { return entry.line }
        }
        return nil
    }

    /// The `=` that ends a key, outside quotes.
    static func assignment(in line: Substring) -> Substring.Index? {
        var quote: Character?
        for index in line.indices {
            let c = line[index]
            if let open = quote {
                if c == open { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "=" {
                return index
            }
        }
        return nil
    }

    /// `a."b c".d` → ["a", "b c", "d"].
    static func path(_ text: Substring) -> [String] {
        var parts: [String] = []
        var current = ""
        var quote: Character?
        for c in text {
            if let open = quote {
                if c == open { quote = nil } else { current.append(c) }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "." {
                parts.append(current.trimmingSpaces)
                current = ""
            } else {
                current.append(c)
            }
        }
        parts.append(current.trimmingSpaces)
        return parts
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
