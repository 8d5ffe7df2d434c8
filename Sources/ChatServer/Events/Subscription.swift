import ChatModel

/// What a REST call asks of a WebSocket connection: watch channels (`watch: true`), stop
/// watching one (`stop-watching`), or hear users' presence (`presence: true`). Behind a load
/// balancer the call may reach another server than the one holding the connection; on
/// PostgreSQL it then travels through the event log, and the holder applies it in the log's
/// order, before any event published after the call answered.
struct Subscription: Sendable {
    enum Kind: String, Sendable {
        case watch, unwatch, presence
    }

    var kind: Kind
    var connection: String
    /// Channel cids, or user ids for `presence`.
    var ids: [String]
    /// Who asked: only the connection's own user or a server token may change it.
    var actor: StreamToken.Actor?

    var json: JSONValue {
        let asker: JSONValue =
            switch actor {
            case .server: "server"
            case .user(let id): ["user": .string(id)]
            case nil: .null
            }
        return [
            "to": "subscription", "kind": .string(kind.rawValue), "connection": .string(connection),
            "ids": .array(ids.map(JSONValue.string)), "actor": asker,
        ]
    }

    init(kind: Kind, connection: String, ids: [String], actor: StreamToken.Actor?) {
        self.kind = kind
        self.connection = connection
        self.ids = ids
        self.actor = actor
    }

    init?(json o: JSONObject) {
        guard let kind = o["kind"]?.stringValue.flatMap(Kind.init(rawValue:)), let connection = o["connection"]?.stringValue,
            let ids = o["ids"]?.arrayValue
        else { return nil }
        self.kind = kind
        self.connection = connection
        self.ids = ids.compactMap(\.stringValue)
        if o["actor"]?.stringValue == "server" {
            actor = .server
        } else {
            actor = o["actor"]?.objectValue?["user"]?.stringValue.map(StreamToken.Actor.user)
        }
    }
}
