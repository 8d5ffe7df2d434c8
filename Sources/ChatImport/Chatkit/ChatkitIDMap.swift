import ChatModel

/// Chatkit ids → Stream ids. Chatkit ids could be any string (emails, `:`, spaces, non-ASCII,
/// 160 characters); Stream takes `[@A-Za-z0-9_-]` ≤ 255 for users and `[A-Za-z0-9_-]` ≤ 64 for
/// channels. A valid id is kept. Any other has its bad bytes replaced with `_`, is cut to fit,
/// and gets `-` and 8 hex digits of a hash of the original, so two ids that sanitise alike
/// (`a.b`, `a:b`) stay apart and the same export always maps the same way.
struct ChatkitIDMap {
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
        let hash = SHA512_256.hash(Array(id.utf8)).map { String($0, radix: 16).padded(toWidth: 2, with: "0", alignment: .trailing) }
            .joined()
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

    subscript(id: String) -> String? { map[id] }
    func contains(_ id: String) -> Bool { map[id] != nil }
}
