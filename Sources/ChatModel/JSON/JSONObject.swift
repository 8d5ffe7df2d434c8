/// A JSON object that keeps its members in file order. Lookups scan linearly: chat items
/// have a dozen keys, where a scan beats hashing and keeps the order for free.
/// A repeated key is kept once, the last value winning, as Go's encoding/json (and so
/// Stream's importer) reads it.
public struct JSONObject: Sendable, Hashable {
    public struct Member: Sendable, Hashable {
        public var key: String
        public var value: JSONValue
        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    public internal(set) var members: [Member]

    public init() { members = [] }

    /// Builds an object from members in order; a later repeat of a key replaces the earlier one.
    public init(_ members: [Member]) {
        self.members = []
        self.members.reserveCapacity(members.count)
        for m in members { self[m.key] = m.value }
    }

    public var isEmpty: Bool { members.isEmpty }
    public var count: Int { members.count }
    public var keys: [String] { members.map(\.key) }

    public subscript(key: String) -> JSONValue? {
        get {
            for m in members where m.key == key { return m.value }
            return nil
        }
        set {
            if let i = members.firstIndex(where: { $0.key == key }) {
                if let newValue { members[i].value = newValue } else { members.remove(at: i) }
            } else if let newValue {
                members.append(Member(key: key, value: newValue))
            }
        }
    }

    /// Members already known to be distinct (the parser checks as it reads).
    init(uniqueMembers: [Member]) { members = uniqueMembers }

    /// Room for `count` members in all, for a builder that knows about how many it appends: a
    /// message's forty keys appended one by one reallocated its members six times.
    public mutating func reserveCapacity(_ count: Int) {
        members.reserveCapacity(count)
    }

    /// Appends without the duplicate check; for builders that know their keys are distinct.
    public mutating func appendUnique(_ key: String, _ value: JSONValue) {
        members.append(Member(key: key, value: value))
    }

    /// This object with `other`'s members laid over it (other wins on a shared key).
    public func merging(_ other: JSONObject) -> JSONObject {
        var result = self
        for m in other.members { result[m.key] = m.value }
        return result
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements.map { Member(key: $0.0, value: $0.1) })
    }
}
