import ChatImport
import ChatModel
import ChatStore

/// What the validator found in an import file, grouped by kind, and how the file's items
/// compare with what the store holds.
public struct ValidationFindings: Sendable, Hashable {
    public struct Example: Sendable, Hashable {
        public var line: Int?
        public var error: String
        /// The offending item as compact JSON, cut at `exampleLength` characters.
        public var item: String
    }

    public struct Kind: Sendable, Hashable {
        public var itemType: String
        public var kind: String
        public var count: Int
        public var examples: [Example]
    }

    public var file: String
    public var errorCount: Int
    /// Most frequent first.
    public var kinds: [Kind]
    /// Items per type in the file.
    public var source: ItemCounts
    public var reconciliation: [ReconciliationRow]

    public var isValid: Bool { errorCount == 0 }

    static let examplesPerKind = 3
    static let exampleLength = 200

    /// Validates `file` as `chatterm validate --db` would (references may resolve in the store)
    /// and reconciles its counts with the store's `imported` counts. Throws `ImportFileError`
    /// when the file cannot be read.
    public static func make(file: String, store: ChatStore, imported: ItemCounts) throws -> ValidationFindings {
        var kinds: [String: Kind] = [:]
        var order: [String] = []
        let result = try store.readExisting { existing in
            let analyzer = ImportAnalyzer(existing: existing)
            analyzer.onIssue = { issue in
                let kind = ErrorKind.of(issue.error)
                let key = issue.itemType + "\u{0}" + kind
                if kinds[key] == nil {
                    kinds[key] = Kind(itemType: issue.itemType, kind: kind, count: 0, examples: [])
                    order.append(key)
                }
                kinds[key]!.count += 1
                if kinds[key]!.examples.count < examplesPerKind {
                    // A line that is not JSON has no item.
                    let json = issue.item == .null ? "" : JSONWriter().string(issue.item)
                    let item = json.count <= exampleLength ? json : String(json.prefix(exampleLength)) + "…"
                    kinds[key]!.examples.append(Example(line: issue.line, error: issue.error, item: item))
                }
            }
            return try analyzer.run(path: file)
        }
        // Most frequent first; ties in the order first met in the file.
        let sorted = order.enumerated().sorted { a, b in
            let (x, y) = (kinds[a.element]!.count, kinds[b.element]!.count)
            return x != y ? x > y : a.offset < b.offset
        }.map { kinds[$0.element]! }
        return ValidationFindings(
            file: file,
            errorCount: result.errorCount,
            kinds: sorted,
            source: result.total,
            reconciliation: reconcile(source: result.total, imported: imported, errors: result.errorCount)
        )
    }

    /// File against store, per item type, with the reason for each gap.
    static func reconcile(source: ItemCounts, imported: ItemCounts, errors: Int) -> [ReconciliationRow] {
        ItemType.allCases.map { type in
            let (s, i) = (source[type], imported[type])
            let reason: String
            if s == i {
                reason = "matches"
            } else if errors > 0 {
                reason = "the file has \(errors) error\(errors == 1 ? "" : "s"): an import of it writes nothing"
            } else if i > s {
                reason = "the store holds \(i - s) more (other imports, or made through the server)"
            } else {
                reason = "\(s - i) of the file's items are not in the store (not imported yet, or removed since)"
            }
            return ReconciliationRow(item: type.statsKey, source: s, imported: i, reason: reason)
        }
    }
}
