/// Ephemeral /giphy messages waiting for send, shuffle or cancel.
actor EphemeralMessages {
    struct Giphy: Sendable {
        var id: String, cid: String, userID: String, query: String, index: Int
    }

    private var waiting: [String: Giphy] = [:]

    func put(_ g: Giphy) { waiting[g.id] = g }
    func take(_ id: String) -> Giphy? { waiting.removeValue(forKey: id) }
    func get(_ id: String) -> Giphy? { waiting[id] }
}
