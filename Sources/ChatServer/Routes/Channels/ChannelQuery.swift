import ChatModel
import ChatStore

/// `query_channels`' `filter_conditions` and `sort`, as Stream takes them: any channel field
/// (built-in, custom, dotted into a custom object), `member.user.name`, the viewer's own
/// `joined`, `hidden`, `muted`, `pinned`, `archived`, `invite`, `has_unread` and `unread_count`, combined
/// with `$and` / `$or` / `$nor`; any number of sort keys, `last_updated` newest first by default.
///
/// The top-level conditions the store query can express (cid, id, type, members, frozen and the
/// viewer's marks) narrow the channels in SQL. With nothing else asked and one sort key the store
/// orders by, the store pages too (the common channel list, kept as fast as it was). Otherwise
/// the narrowed channels are read whole, each as a record (its JSON as the API shows it, with the
/// fields above), and `RecordFilter` / `RecordSort` select, order and page them. The top-level
/// conditions on the channel's own fields (custom ones, `team`, `frozen`…) are met first, on
/// the row alone: a record's members, last message and the viewer's state cost a channel some
/// 30 µs, and a server's query by a custom field would otherwise pay that for every channel.
struct ChannelQuery {
    var cids: [String]?
    var ids: [String]?
    var types: [String]?
    var members: [String]?
    var frozen: Bool?
    var hidden: Bool?
    var muted: Bool?
    var joined: Bool?
    var marks: [(ChatStore.MemberMark, Bool)] = []
    /// What the store cannot narrow by; nil when nothing is left.
    private var rest: RecordFilter?
    /// The part of `rest` a channel's row alone answers; nil when there is none.
    private var own: RecordFilter?
    /// Whether the rows alone answer the query: every condition and sort key is on the
    /// channel's own fields, so no record is read at all.
    private var rowsSuffice = true
    private var restMentions: Set<String> = []
    private let sortKeys: [(field: String, descending: Bool)]
    private let sort: RecordSort

    /// The sort keys the store orders by, by Stream's name.
    private static let storeOrders: [String: ChannelOrder] = [
        "last_message_at": .lastMessage, "last_updated": .lastUpdated, "created_at": .created, "updated_at": .updated,
    ]
    /// Stream's built-in filters with no counterpart here: `app_banned` (1-on-1 channels whose
    /// other member is banned app-wide, or not).
    private static let unserved: Set<String> = ["app_banned"]
    /// A record's key for `last_message_at` as a sort reads it: the latest message, else the
    /// channel's creation, as the store orders (`ChannelOrder.lastMessage`).
    private static let lastActivityKey = "\u{0}last_activity"
    /// The fields of a record that are not the channel row's own (`record` adds them): a
    /// condition on any other field reads the same value from the row alone.
    private static let recordOnlyFields: Set<String> = [
        "members", "member", "member_count", "last_message_at", "last_updated", lastActivityKey, "joined", "hidden", "muted",
        "pinned", "pinned_at", "archived", "invite", "unread_count", "has_unread",
    ]

    init(filter: JSONObject, sort: JSONValue?, operation: String) throws {
        var rest = JSONObject()
        for condition in filter.members {
            let value = condition.value
            let flag = value.boolValue ?? value.objectValue?["$eq"]?.boolValue
            switch condition.key {
            case "members" where value.objectValue?["$eq"]?.arrayValue != nil:
                // `$eq` with a list: exactly those members. The store narrows to the channels
                // any of them is in; the record's members, sorted, must be the sorted list.
                let list = Set((value.objectValue?["$eq"]?.arrayValue ?? []).compactMap(\.stringValue)).sorted()
                members = list
                rest["members"] = ["$eq": .array(list.map(JSONValue.string))]
            case "cid", "id", "type", "members":
                // `$eq` / `$in` of strings narrow in SQL; other operators are evaluated.
                guard let values = RecordFilter.equalityValues(filter, field: condition.key) else {
                    rest[condition.key] = value
                    continue
                }
                switch condition.key {
                case "cid": cids = values
                case "id": ids = values
                case "type": types = values
                default: members = values
                }
            case "frozen" where flag != nil: frozen = flag
            case "hidden", "muted", "joined", "pinned", "archived":
                guard let flag else { throw StreamAPIError.input(operation, "\(condition.key) takes true or false") }
                switch condition.key {
                case "hidden": hidden = flag
                case "muted": muted = flag
                case "joined": joined = flag
                default: marks.append((condition.key == "pinned" ? .pinned : .archived, flag))
                }
            default: rest[condition.key] = value
            }
        }
        if !rest.isEmpty {
            self.rest = try RecordFilter(rest, operation: operation)
            // Top-level conditions all hold for a match, so those on the row's own fields may be met first.
            let own = JSONObject(rest.members.filter { !$0.key.hasPrefix("$") && Self.isOwn($0.key) })
            if !own.isEmpty { self.own = try RecordFilter(own, operation: operation) }
            rowsSuffice = own.members.count == rest.members.count
            restMentions = Self.fields(of: .object(rest))
            // Stream's own filters this server does not serve are refused, not read as custom fields.
            if let field = restMentions.intersection(Self.unserved).first {
                throw StreamAPIError.input(operation, "filtering channels by \(field) is not supported by the local server")
            }
        }
        let given = sort?.arrayValue ?? []
        sortKeys = try given.map { item in
            guard let o = item.objectValue, let field = o["field"]?.stringValue, !field.isEmpty else {
                throw StreamAPIError.input(operation, "sort takes a list of {\"field\", \"direction\"}")
            }
            // Without a direction, newest first, as this server always had it.
            return (field, (o["direction"]?.intValue ?? -1) < 0)
        }
        let keys = sortKeys.isEmpty ? [(field: "last_updated", descending: true)] : sortKeys
        rowsSuffice = rowsSuffice && keys.allSatisfy { Self.isOwn($0.field) }
        self.sort = try RecordSort(
            .array(
                keys.map { key in
                    [
                        "field": .string(key.field == "last_message_at" ? Self.lastActivityKey : key.field),
                        "direction": .int(key.descending ? -1 : 1),
                    ]
                }
            ),
            default: "last_updated",
            operation: operation
        )
    }

    /// How the store alone answers the query: by one key it orders by, with nothing left to evaluate.
    var storeOrder: (order: ChannelOrder, ascending: Bool)? {
        guard rest == nil, sortKeys.count <= 1 else { return nil }
        guard let key = sortKeys.first else { return (.lastUpdated, false) }
        return Self.storeOrders[key.field].map { ($0, !key.descending) }
    }

    /// The page of `candidates` (every channel the store narrowed to) that the rest of the
    /// filter selects, in the sort's order; `viewer` is whom per-viewer fields are for.
    func page(of candidates: [Channel], viewer: String?, store: ChatStore, limit: Int, offset: Int) throws -> [Channel] {
        let rows = candidates.map(Self.row)
        let candidates = own.map { own in zip(candidates, rows).filter { own.matches($0.1) } } ?? Array(zip(candidates, rows))
        let byCID = Dictionary(candidates.map { ($0.0.cid, $0.0) }) { a, _ in a }
        guard !rowsSuffice else { return choose(candidates.map(\.1), from: byCID, limit: limit, offset: offset) }
        let unread =
            restMentions.contains("unread_count") || restMentions.contains("has_unread")
            || sortKeys.contains { ["unread_count", "has_unread"].contains($0.field) }
        let records = try store.readTogether {
            let mutes = try viewer.map { Set(try store.channelMutes(of: $0).map(\.cid)) } ?? []
            return try candidates.map { try record($0.0, row: $0.1, viewer: viewer, mutes: mutes, unread: unread, store: store) }
        }
        return choose(rest.map { filter in records.filter(filter.matches) } ?? records, from: byCID, limit: limit, offset: offset)
    }

    /// The page of `selected` records in the sort's order, as channels.
    private func choose(_ selected: [JSONObject], from byCID: [String: Channel], limit: Int, offset: Int) -> [Channel] {
        sort.sorted(selected, tiebreak: "cid").dropFirst(offset).prefix(limit).compactMap { $0["cid"]?.stringValue.flatMap { byCID[$0] } }
    }

    /// Whether a field (dotted into a custom object or not) is the channel row's own.
    private static func isOwn(_ field: String) -> Bool {
        !recordOnlyFields.contains(String(field.prefix { $0 != "." }))
    }

    /// The channel's own fields, as its record has them.
    private static func row(_ channel: Channel) -> JSONObject {
        var o = ChannelJSON.channel(channel, creator: nil, memberCount: 0).objectValue ?? [:]
        o["created_by_id"] = .string(channel.createdBy)
        return o
    }

    /// The channel as the API shows it, with what Stream also filters and sorts channels by.
    private func record(
        _ channel: Channel,
        row: JSONObject,
        viewer: String?,
        mutes: Set<String>,
        unread: Bool,
        store: ChatStore
    ) throws -> JSONObject {
        let members = try store.members(cid: channel.cid)
        let lastMessageAt = try store.lastMessageAt(cid: channel.cid)
        let created = channel.createdAt ?? .now()
        var o = row
        o["member_count"] = .int(members.count)
        if let lastMessageAt { o["last_message_at"] = .string(lastMessageAt.rfc3339) }
        o["members"] = .array(members.map(\.user.id).sorted().map(JSONValue.string))
        // `member.user.name`: a dotted field reads nested objects, and an array field matches
        // when one of its values does.
        o["member"] = ["user": ["name": .array(members.map { .string($0.user.displayName) })]]
        o["last_updated"] = .string(max(lastMessageAt ?? created, channel.updatedAt ?? created).rfc3339)
        o[Self.lastActivityKey] = .string((lastMessageAt ?? created).rfc3339)
        guard let viewer else { return o }
        let me = members.first { $0.user.id == viewer }?.member
        o["joined"] = .bool(me != nil)
        o["hidden"] = .bool(me?.hideChannel ?? false)
        o["muted"] = .bool(mutes.contains(channel.cid))
        o["pinned"] = .bool(me?.pinnedAt != nil)
        o["archived"] = .bool(me?.archivedAt != nil)
        if let pinned = me?.pinnedAt { o["pinned_at"] = .string(pinned.rfc3339) }
        if let me, me.invited == true {
            o["invite"] = .string(me.inviteAcceptedAt != nil ? "accepted" : me.inviteRejectedAt != nil ? "rejected" : "pending")
        }
        if unread {
            let count = try store.readStates(cid: channel.cid).first { $0.userID == viewer }?.unreadMessages ?? 0
            o["unread_count"] = .int(count)
            o["has_unread"] = .bool(count > 0)
        }
        return o
    }

    /// Every field a filter names, at any depth of `$and` / `$or` / `$nor`.
    private static func fields(of conditions: JSONValue) -> Set<String> {
        if let list = conditions.arrayValue { return list.reduce(into: []) { $0.formUnion(fields(of: $1)) } }
        guard let o = conditions.objectValue else { return [] }
        return o.members.reduce(into: []) { names, member in
            if member.key.hasPrefix("$") { names.formUnion(fields(of: member.value)) } else { names.insert(member.key) }
        }
    }
}
