import ChatModel

/// Source ids → Stream ids, for every converter. Chatkit ids could be any string (emails, `:`,
/// spaces, non-ASCII, 160 characters), Mattermost usernames hold `.`; Stream takes `[@A-Za-z0-9_-]` ≤ 255 for users and `[A-Za-z0-9_-]` ≤ 64 for
/// channels. A valid id is kept. Any other has its bad bytes replaced with `_`, is cut to fit,
/// and gets `-` and 8 hex digits of a hash of the original, so two ids that sanitise alike
/// (`a.b`, `a:b`) stay apart and the same export always maps the same way.
struct StreamIDMap {
    private let rule: IDRule
    private var map: [String: String] = [:]
    private var taken: Set<String> = []
    /// Original → new, for the ids that changed, in the order they were added.
    private(set) var changes: [(original: String, mapped: String)] = []

    init(_ rule: IDRule) { self.rule = rule }

    func isValid(_ id: String) -> Bool { !id.isEmpty && rule.problem(with: id, field: "") == nil }

    /// Maps a batch of ids: the valid ones first, so a changed id can never take the place of
    /// one that was already fine.
    mutating func add(_ ids: [String]) {
        for id in ids where map[id] == nil && isValid(id) && !taken.contains(id) {
            map[id] = id
            taken.insert(id)
        }
        for id in ids where map[id] == nil { assign(id) }
    }

    private mutating func assign(_ id: String) {
        let hash = Self.hexHash(id)
        // Every byte Stream refuses becomes `_`, a run of them one `_` (so `café` reads `caf_`).
        var cleaned: [UInt8] = []
        for byte in id.utf8 {
            if rule.accepts(byte) {
                cleaned.append(byte)
            } else if cleaned.last != UInt8(ascii: "_") {
                cleaned.append(UInt8(ascii: "_"))
            }
        }
        var digits = 8
        while true {
            let suffix = "-" + hash.prefix(digits)
            let mapped = String(decoding: cleaned.prefix(rule.maxLength - suffix.utf8.count), as: UTF8.self) + suffix
            if !taken.contains(mapped) {
                map[id] = mapped
                taken.insert(mapped)
                changes.append((id, mapped))
                return
            }
            digits += 4
        }
    }

    /// The hex digits of a hash of `text`: what keeps shortened ids and names apart.
    static func hexHash(_ text: String) -> String {
        SHA512_256.hash(Array(text.utf8)).map { String($0, radix: 16).padded(toWidth: 2, with: "0", alignment: .trailing) }.joined()
    }

    /// Why `id` had to change, for the report.
    func reason(_ id: String) -> String {
        if id.isEmpty { return "empty" }
        if id.utf8.count > rule.maxLength { return "longer than \(rule.maxLength) bytes" }
        if rule.problem(with: id, field: "id") != nil {
            return rule == .user
                ? "characters Stream does not allow in user ids (only letters, digits, @, _ and -)"
                : "characters Stream does not allow in channel ids (only letters, digits, _ and -)"
        }
        return "collides with another id"
    }

    subscript(id: String) -> String? { map[id] }
    func contains(_ id: String) -> Bool { map[id] != nil }
}
