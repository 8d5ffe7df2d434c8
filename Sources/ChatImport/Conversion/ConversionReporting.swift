import Foundation

/// What every conversion report offers the commands and the migration report, whatever the
/// source: `ChatkitConversionReport` (kept in its own shape, `chatkit_id` and all) and
/// `ConversionReport` (Slack, Mattermost).
public protocol ConversionReporting: Sendable {
    var sourceKind: SourceKind { get }
    var export: String { get }
    var output: String? { get set }
    /// Every source record kind accounted for: read, converted, and why the rest were not.
    var accounting: [ConversionTally] { get }
    /// Pretty-printed snake_case JSON, keys sorted: `--report FILE`.
    func jsonData() throws -> Data
}

/// One source record kind accounted for: how many were read, how many became Stream items, and
/// why the rest did not. `source == converted + notConverted.map(\.count).sum`.
public struct ConversionTally: Codable, Sendable, Equatable {
    /// "users", "rooms", "channels", "messages", "cursors", "reactions"…
    public var kind: String
    public var source: Int
    public var converted: Int
    /// Reasons, most frequent first (an array, not a map: reasons are prose, not keys).
    public var notConverted: [Reason]

    public struct Reason: Codable, Sendable, Equatable {
        public var reason: String
        public var count: Int
    }

    public init(kind: String, source: Int, converted: Int, notConverted: [Reason]) {
        self.kind = kind
        self.source = source
        self.converted = converted
        self.notConverted = notConverted
    }

    /// The tally of `kind` from per-reason counts, most frequent first.
    init(kind: String, source: Int, converted: Int, reasons: [String: Int]) {
        let sorted = reasons.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        self.init(kind: kind, source: source, converted: converted, notConverted: sorted.map { .init(reason: $0.key, count: $0.value) })
    }

    /// How many of `reason`'s records were not converted.
    public func count(_ reason: String) -> Int { notConverted.first { $0.reason == reason }?.count ?? 0 }
}

extension ConversionReporting {
    /// The tally of one kind.
    public func tally(_ kind: String) -> ConversionTally? { accounting.first { $0.kind == kind } }

    static func encoded<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    static func decoded<T: Decodable>(_ type: T.Type, _ data: Data) throws -> T {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(type, from: data)
    }
}
