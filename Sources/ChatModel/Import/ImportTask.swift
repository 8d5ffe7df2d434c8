/// The states an import task goes through. Stream documents `uploaded`, `analyzing`,
/// `analyze_failed`, `waiting_confirmation` and `completed`; a local import needs no
/// confirmation, so it goes uploaded → analyzing → completed or analyze_failed. Import v2
/// adds cancelling a queued or running task: `cancelled`.
public enum ImportTaskState: String, Sendable, CaseIterable {
    case uploaded, analyzing
    case analyzeFailed = "analyze_failed"
    case waitingConfirmation = "waiting_confirmation"
    case completed
    case cancelled

    /// Import v2's integer state. Stream's OpenAPI has integers without names; stream-cli takes
    /// 1–4 and its docs say *queued* and *processing*. The order here (queued, processing,
    /// completed, failed, then cancelled, which came later) is this server's choice.
    public var v2Number: Int {
        switch self {
        case .uploaded, .waitingConfirmation: 1
        case .analyzing: 2
        case .completed: 3
        case .analyzeFailed: 4
        case .cancelled: 5
        }
    }

    /// The states an Import v2 number stands for.
    public static func withV2Number(_ number: Int) -> [ImportTaskState] { allCases.filter { $0.v2Number == number } }
}

public struct ImportTaskTransition: Sendable, Hashable {
    public var prevState: ImportTaskState
    public var nextState: ImportTaskState
    public var createdAt: Timestamp

    public init(prevState: ImportTaskState, nextState: ImportTaskState, createdAt: Timestamp) {
        self.prevState = prevState
        self.nextState = nextState
        self.createdAt = createdAt
    }

    public var json: JSONValue {
        ["prev_state": .string(prevState.rawValue), "next_state": .string(nextState.rawValue), "created_at": .string(createdAt.rfc3339)]
    }
}

/// One problem found in an import file, in Stream's shape (`error`, `item_type`, `item`),
/// plus the line it is on, which Stream does not report but a person fixing a file needs.
public struct ImportIssue: Sendable, Hashable, Error {
    public var error: String
    public var itemType: String
    public var item: JSONValue
    public var line: Int?

    public init(error: String, itemType: String, item: JSONValue, line: Int?) {
        self.error = error
        self.itemType = itemType
        self.item = item
        self.line = line
    }

    public var json: JSONValue {
        ["error": .string(error), "item_type": .string(itemType), "item": item]
    }
}

/// Item counts per type, keyed as in Stream's `stats`.
public struct ItemCounts: Sendable, Hashable {
    public private(set) var counts: [Int] = Array(repeating: 0, count: ItemType.allCases.count)
    public init() {}

    public subscript(type: ItemType) -> Int {
        get { counts[type.rawValue] }
        set { counts[type.rawValue] = newValue }
    }

    public var total: Int { counts.reduce(0, +) }

    public var json: JSONValue {
        var o = JSONObject()
        for t in ItemType.allCases { o.appendUnique(t.statsKey, .int(self[t])) }
        return .object(o)
    }
}

/// What an analysis or import found: Stream's `{"errors":[…],"stats":{"total":{…}}}`, with
/// `imported` and `skipped` added once items were written.
public struct ImportResult: Sendable, Hashable {
    public var errors: [ImportIssue] = []
    /// Errors beyond the reporting cap are counted, not kept.
    public var errorCount = 0
    public var total = ItemCounts()
    public var imported: ItemCounts?
    public var skipped: ItemCounts?

    public init() {}

    public var isValid: Bool { errorCount == 0 }

    public var json: JSONValue {
        var stats: JSONObject = ["total": total.json]
        if let imported { stats["imported"] = imported.json }
        if let skipped { stats["skipped"] = skipped.json }
        // `error_count` (not in Stream's report) keeps the total when `errors` stops at the cap.
        return ["errors": .array(errors.map(\.json)), "error_count": .number(String(errorCount)), "stats": .object(stats)]
    }
}

/// An import as Stream records it: the file, the mode, the state and its history, the result.
public struct ImportTask: Sendable, Hashable {
    public var id: String
    public var path: String
    public var mode: ImportMode
    /// Upsert merges the file's custom data into what is stored instead of replacing it.
    public var mergeCustom = false
    /// Import v2: references to items neither in the file nor in the store are not errors.
    public var skipReferencesCheck = false
    /// Import v2: items are stored as made at the import's time (`ImportItem.madeAt`).
    public var useImportTimeAsOpTime = false
    /// Import v2's `product` (`chat`); nil for a classic import task.
    public var product: String?
    public var state: ImportTaskState
    public var size: Int64?
    public var createdAt: Timestamp
    public var updatedAt: Timestamp
    public var history: [ImportTaskTransition]
    /// `ImportResult.json` once the analysis ran; kept as JSON so stored tasks read back as written.
    public var result: JSONValue?

    public init(id: String, path: String, mode: ImportMode, size: Int64?, createdAt: Timestamp) {
        self.id = id
        self.path = path
        self.mode = mode
        self.state = .uploaded
        self.size = size
        self.createdAt = createdAt
        self.updatedAt = createdAt
        self.history = []
    }

    public mutating func move(to next: ImportTaskState, at time: Timestamp) {
        history.append(ImportTaskTransition(prevState: state, nextState: next, createdAt: time))
        state = next
        updatedAt = time
    }

    /// Failed without an analysis result: it threw, was stopped, or its process is gone. Nothing was
    /// written (the import's transaction never committed), so the result has one error and no counts.
    public mutating func markFailed(_ reason: String, at time: Timestamp) {
        var failed = ImportResult()
        failed.errors = [ImportIssue(error: reason, itemType: "", item: .null, line: nil)]
        failed.errorCount = 1
        result = failed.json
        move(to: .analyzeFailed, at: time)
    }

    /// Cancelled before or while it ran: like a failure, nothing was written.
    public mutating func markCancelled(at time: Timestamp) {
        result = ImportResult().json
        move(to: .cancelled, at: time)
    }

    /// Completed, failed or cancelled: nothing more will happen to it.
    public var isFinal: Bool { state == .completed || state == .analyzeFailed || state == .cancelled }

    public var json: JSONValue {
        var o: JSONObject = [
            "id": .string(id), "path": .string(path), "mode": .string(mode.rawValue), "state": .string(state.rawValue),
            "created_at": .string(createdAt.rfc3339), "updated_at": .string(updatedAt.rfc3339),
            "history": .array(history.map(\.json)),
        ]
        o["size"] = size.map { .number(String($0)) } ?? .null
        o["result"] = result ?? .null
        return .object(o)
    }
}
