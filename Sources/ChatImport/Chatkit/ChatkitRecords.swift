import ChatModel

/// Chatkit records as the converter needs them, read from either field-name family: the
/// export's (`sender_id`, `member_ids`, `part_type` + `payload`) and the REST API's
/// (`user_id`, `member_user_ids`, flat parts, v2 `text` + `attachment`). Explicit `null`s
/// count as absent, as Pusher's SDKs read them.
struct ChatkitUser {
    var id: String
    var name: String?
    var avatarURL: String?
    var customData: JSONObject
    var createdAt: Timestamp?
    var updatedAt: Timestamp?
    var deletedAt: Timestamp?

    init(_ o: JSONObject, _ place: RecordPlace) throws {
        let r = RecordFields(o, place, what: "user")
        id = try r.requiredID("id")
        name = try r.string("name")
        avatarURL = try r.string("avatar_url")
        customData = try r.object("custom_data") ?? JSONObject()
        createdAt = try r.time("created_at")
        updatedAt = try r.time("updated_at")
        deletedAt = try r.time("deleted_at")
    }
}

struct ChatkitRoom {
    var id: String
    var name: String?
    var createdByID: String?
    var isPrivate: Bool
    var memberIDs: [String]
    var pushTitleOverride: String?
    var customData: JSONObject
    var createdAt: Timestamp?
    var updatedAt: Timestamp?
    var deletedAt: Timestamp?
    /// A room messages name but the export lacks (Pusher's own sample has one).
    var isPlaceholder = false

    /// The stand-in for such a room: private, made by the first sender named in it.
    init(placeholder id: String, createdBy: String, createdAt: Timestamp) {
        self.id = id
        createdByID = createdBy
        isPrivate = true
        memberIDs = []
        customData = JSONObject()
        self.createdAt = createdAt
        isPlaceholder = true
    }

    init(_ o: JSONObject, _ place: RecordPlace) throws {
        let r = RecordFields(o, place, what: "room")
        id = try r.requiredID("id")
        name = try r.string("name")
        createdByID = try r.string("created_by_id")
        guard let isPrivate = try r.bool("private") else { throw place.error("room \"\(id)\" has no \"private\" (true or false)") }
        self.isPrivate = isPrivate
        memberIDs = try r.strings("member_ids") ?? r.strings("member_user_ids") ?? []
        pushTitleOverride = try r.string("push_notification_title_override")
        customData = try r.object("custom_data") ?? JSONObject()
        createdAt = try r.time("created_at")
        updatedAt = try r.time("updated_at")
        deletedAt = try r.time("deleted_at")
    }
}

/// One message part, whichever shape it came in.
enum ChatkitPart {
    case inline(mime: String, content: String)
    case url(mime: String, url: String)
    case attachment(ChatkitAttachment)
    /// A part that is none of the three (no payload, or several): reported and left out.
    case unusable(String)
}

struct ChatkitAttachment {
    var mime: String?
    var name: String?
    var size: JSONValue?
    var downloadURL: String
    var id: String?
    var expiration: Timestamp?
    var customData: JSONObject?
    /// A v2 attachment: only a coarse kind (`image`, `video`, `audio`, `file`) is known.
    var legacyKind: String?
}

struct ChatkitMessage {
    var id: Int64
    var roomID: String
    var senderID: String
    var createdAt: Timestamp
    var updatedAt: Timestamp?
    var deletedAt: Timestamp?
    var parts: [ChatkitPart]

    /// Everything but the parts: what the first pass over the messages needs.
    init(header o: JSONObject, _ place: RecordPlace) throws {
        let r = RecordFields(o, place, what: "message")
        guard let id = o["id"]?.intValue.map(Int64.init) else { throw place.error("a message needs an integer \"id\"") }
        self.id = id
        guard let room = try r.idString("room_id") else { throw place.error("message \(id) has no room_id") }
        roomID = room
        guard let sender = try r.string("sender_id") ?? r.string("user_id") else {
            throw place.error("message \(id) has no sender_id (or user_id)")
        }
        senderID = sender
        guard let created = try r.time("created_at") else { throw place.error("message \(id) has no created_at") }
        createdAt = created
        updatedAt = try r.time("updated_at")
        deletedAt = try r.time("deleted_at")
        parts = []
    }

    init(_ o: JSONObject, _ place: RecordPlace) throws {
        try self.init(header: o, place)
        let r = RecordFields(o, place, what: "message \(id)")
        if let parts = try r.array("parts") {
            self.parts = try parts.enumerated().map { (i, value) throws in
                guard case .object(let part) = value else { throw place.error("message \(id): parts[\(i)] must be an object") }
                return try ChatkitMessage.part(part, RecordFields(part, place, what: "message \(id) parts[\(i)]"))
            }
        } else {
            // v2: text plus at most one attachment.
            if let text = try r.string("text") { self.parts.append(.inline(mime: "text/plain", content: text)) }
            if let attachment = try r.object("attachment") {
                let a = RecordFields(attachment, place, what: "message \(id) attachment")
                if let link = try a.string("resource_link") {
                    self.parts.append(
                        .attachment(
                            ChatkitAttachment(name: try a.string("name"), downloadURL: link, legacyKind: try a.string("type") ?? "file")
                        )
                    )
                }
            }
        }
    }

    private static func part(_ o: JSONObject, _ fields: RecordFields) throws -> ChatkitPart {
        let r = fields
        if let kind = try r.string("part_type") {
            // Export shape: {"part_type", "payload": {"type", content | url | download_url…}}.
            guard let payload = try r.object("payload") else { return .unusable("part without payload") }
            let p = RecordFields(payload, r.place, what: r.what + " payload")
            let mime = try p.string("type") ?? "application/octet-stream"
            switch kind {
            case "inline":
                return try p.string("content").map { .inline(mime: mime, content: $0) } ?? .unusable("inline part without content")
            case "url": return try p.string("url").map { .url(mime: mime, url: $0) } ?? .unusable("url part without url")
            case "attachment":
                guard let link = try p.string("download_url") else { return .unusable("attachment part without download_url") }
                return .attachment(
                    ChatkitAttachment(
                        mime: mime,
                        name: try p.string("name"),
                        size: payload["size"],
                        downloadURL: link,
                        customData: try p.object("custom_data")
                    )
                )
            default: return .unusable("unknown part_type \"\(kind)\"")
            }
        }
        // API shape: {"type", exactly one non-null of content | url | attachment}.
        let mime = try r.string("type") ?? "application/octet-stream"
        let content = try r.string("content")
        let url = try r.string("url")
        let attachment = try r.object("attachment")
        let present = [content != nil, url != nil, attachment != nil].filter { $0 }.count
        guard present == 1 else {
            return .unusable(
                present == 0 ? "part with none of content, url or attachment" : "part with more than one of content, url and attachment"
            )
        }
        if let content { return .inline(mime: mime, content: content) }
        if let url { return .url(mime: mime, url: url) }
        let a = RecordFields(attachment!, r.place, what: r.what + " attachment")
        guard let link = try a.string("download_url") else { return .unusable("attachment without download_url") }
        return .attachment(
            ChatkitAttachment(
                mime: mime,
                name: try a.string("name"),
                size: attachment!["size"],
                downloadURL: link,
                id: try a.string("id"),
                expiration: try a.time("expiration"),
                customData: try a.object("custom_data")
            )
        )
    }
}

struct ChatkitCursor {
    var roomID: String
    var userID: String
    var cursorType: Int
    var position: Int64
    var updatedAt: Timestamp?

    init(_ o: JSONObject, _ place: RecordPlace) throws {
        let r = RecordFields(o, place, what: "cursor")
        guard let room = try r.idString("room_id"), let user = try r.string("user_id") else {
            throw place.error("a cursor needs room_id and user_id")
        }
        roomID = room
        userID = user
        cursorType = o["cursor_type"]?.intValue ?? 0
        guard let position = o["position"]?.intValue else { throw place.error("cursor of \(user) in \(room) needs an integer position") }
        self.position = Int64(position)
        updatedAt = try r.time("updated_at")
    }
}

struct ChatkitMembership {
    var roomID: String
    var userIDs: [String]

    init(_ o: JSONObject, _ place: RecordPlace) throws {
        let r = RecordFields(o, place, what: "membership")
        guard let room = try r.idString("room_id") else { throw place.error("a membership needs room_id") }
        roomID = room
        userIDs = try r.strings("user_ids") ?? r.strings("member_user_ids") ?? []
    }
}

struct ChatkitRole {
    var name: String
    var scope: String
    var permissions: [String]

    init(_ o: JSONObject, _ place: RecordPlace) throws {
        let r = RecordFields(o, place, what: "role")
        guard let name = try r.string("name") ?? r.string("role_name") else { throw place.error("a role needs a name") }
        self.name = name
        scope = try r.string("scope") ?? "global"
        permissions = try r.strings("permissions") ?? []
    }
}

struct ChatkitUserRole {
    var userID: String
    var roleName: String
    var roomID: String?
    var permissions: [String]?

    init(_ o: JSONObject, _ place: RecordPlace) throws {
        let r = RecordFields(o, place, what: "user role")
        guard let user = try r.string("user_id"), let role = try r.string("role_name") ?? r.string("name") else {
            throw place.error("a user role needs user_id and role_name (or name)")
        }
        userID = user
        roleName = role
        roomID = try r.idString("room_id")
        permissions = try r.strings("permissions")
        if roomID == nil, try r.string("scope") == "room" { throw place.error("room-scoped role \(role) of \(user) has no room_id") }
    }
}

/// Typed reads of one record's fields, failing with the record's place and the field's name.
struct RecordFields {
    let object: JSONObject
    let place: RecordPlace
    let what: String

    init(_ object: JSONObject, _ place: RecordPlace, what: String) {
        self.object = object
        self.place = place
        self.what = what
    }

    private func value(_ key: String) -> JSONValue? {
        guard let v = object[key], !v.isNull else { return nil }
        return v
    }

    private func wrong(_ key: String, _ v: JSONValue, _ expected: String) -> ExportError {
        place.error("\(what): \"\(key)\" must be \(expected), not \(v.typeName)")
    }

    func string(_ key: String) throws -> String? {
        guard let v = value(key) else { return nil }
        guard case .string(let s) = v else { throw wrong(key, v, "a string") }
        return s
    }

    /// An id that older instances wrote as a number (rooms were integers before client-js 1.x).
    func idString(_ key: String) throws -> String? {
        switch value(key) {
        case nil: return nil
        case .string(let s)?: return s
        case .number(let n)?: return n
        case let v?: throw wrong(key, v, "a string")
        }
    }

    func requiredID(_ key: String) throws -> String {
        guard let id = try idString(key), !id.isEmpty else { throw place.error("\(what) without \"\(key)\"") }
        return id
    }

    func bool(_ key: String) throws -> Bool? {
        guard let v = value(key) else { return nil }
        guard case .bool(let b) = v else { throw wrong(key, v, "true or false") }
        return b
    }

    func object(_ key: String) throws -> JSONObject? {
        guard let v = value(key) else { return nil }
        guard case .object(let o) = v else { throw wrong(key, v, "an object") }
        return o
    }

    func array(_ key: String) throws -> [JSONValue]? {
        guard let v = value(key) else { return nil }
        guard case .array(let a) = v else { throw wrong(key, v, "an array") }
        return a
    }

    func strings(_ key: String) throws -> [String]? {
        guard let items = try array(key) else { return nil }
        var out: [String] = []
        for item in items {
            guard case .string(let s) = item else { throw place.error("\(what): \"\(key)\" must list strings") }
            out.append(s)
        }
        return out
    }

    func time(_ key: String) throws -> Timestamp? {
        guard let text = try string(key) else { return nil }
        guard let t = Timestamp(rfc3339: text) else { throw place.error("\(what): \"\(key)\" is not an RFC 3339 time: \(text)") }
        return t
    }
}
