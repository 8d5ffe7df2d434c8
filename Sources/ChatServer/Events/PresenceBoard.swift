import ChatModel

/// Who is online, and when each user was last active, as the event hub learns it (on
/// PostgreSQL from every server sharing the store): read without waiting for the hub, so every
/// answer can show it. `online` and `last_active` are set in each user object of a REST answer
/// (`JSONResponse`), wherever it sits: a message's author, members, watchers, reads, flags.
/// `last_active` is the time of the user's last connection opening or closing, since this
/// server started; a user not seen since has none, as at Stream a user who never connected.
public final class PresenceBoard: Sendable {
    private struct Entry: Sendable {
        var online: Bool
        var lastActive: Timestamp
    }

    private let entries = Locked<[String: Entry]>([:])

    init() {}

    /// A user's first connection opened (`online`), or their last one closed, at `at`.
    func record(_ userID: String, online: Bool, at: Timestamp) {
        entries.withLock { $0[userID] = Entry(online: online, lastActive: at) }
    }

    /// `value` with every user object in it showing its presence. A user object is one with the
    /// fields `UserJSON` always writes; nothing else is touched.
    func shown(_ value: JSONValue) -> JSONValue {
        let known = entries.withLock { $0 }
        guard !known.isEmpty else { return value }
        return Self.apply(known, to: value)
    }

    private static func apply(_ known: [String: Entry], to value: JSONValue) -> JSONValue {
        switch value {
        case .array(let items):
            return .array(items.map { apply(known, to: $0) })
        case .object(var o):
            for member in o.members where member.value.isContainer { o[member.key] = apply(known, to: member.value) }
            if isUser(o), let id = o["id"]?.stringValue, let entry = known[id] {
                // An invisible user is shown offline, as at Stream.
                o["online"] = .bool(entry.online && o["invisible"]?.boolValue != true)
                o["last_active"] = .string(entry.lastActive.rfc3339)
            }
            return .object(o)
        default:
            return value
        }
    }

    private static func isUser(_ o: JSONObject) -> Bool {
        o["online"]?.boolValue != nil && o["shadow_banned"] != nil && o["invisible"] != nil && o["role"] != nil
    }
}

extension JSONValue {
    fileprivate var isContainer: Bool {
        switch self {
        case .array, .object: true
        default: false
        }
    }
}
