import ChatModel

/// Slack export records as the converter needs them. Slack's own fields are loose (a
/// `created` that is a number in one file and a string in another, `null` for absent), so
/// each is read leniently and what cannot be read is left out.
struct SlackUser {
    var id: String
    var handle: String?
    var name: String
    var image: String?
    var deleted: Bool
    var updated: Timestamp?
    var isBot: Bool
    var isAdmin: Bool
    var timezone: String?

    init?(_ o: JSONObject) {
        guard let id = o["id"]?.stringValue, !id.isEmpty else { return nil }
        self.id = id
        let profile = o["profile"]?.objectValue ?? JSONObject()
        handle = o["name"]?.stringValue
        name =
            [profile["display_name"], o["real_name"], profile["real_name"], o["name"]].lazy.compactMap { $0?.stringValue }
            .first { !$0.isEmpty } ?? id
        image = ["image_512", "image_192", "image_72", "image_original"].lazy.compactMap { profile[$0]?.stringValue }.first { !$0.isEmpty }
        deleted = o["deleted"]?.boolValue ?? false
        updated = SlackTime.seconds(o["updated"])
        isBot = o["is_bot"]?.boolValue == true || o["is_app_user"]?.boolValue == true || profile["bot_id"]?.stringValue != nil
        isAdmin = ["is_admin", "is_owner", "is_primary_owner"].contains { o[$0]?.boolValue == true }
        timezone = o["tz"]?.stringValue
    }
}

/// A conversation of `channels.json`, `groups.json`, `mpims.json` or `dms.json`.
struct SlackConversation {
    enum Kind: String, CaseIterable {
        case channel = "channels"
        case group = "groups"
        case mpim = "mpims"
        case dm = "dms"

        /// Public and private channels are `team` channels; DMs and group DMs distinct `messaging` ones.
        var isDirect: Bool { self == .mpim || self == .dm }
    }

    var id: String
    var kind: Kind
    var name: String?
    var members: [String]
    var created: Timestamp?
    var creator: String?
    var archived: Bool
    var topic: String?
    var purpose: String?
    /// Who pinned which message and when, by the message's `ts`: the channel's `pins`, which
    /// some exports have (a message's own `pinned_to` says only where it is pinned).
    var pins: [String: (user: String?, created: Timestamp?)] = [:]
    /// Where its day files are: the name for channels, groups and MPIMs, the id for DMs.
    var folder: String { kind == .dm ? id : name ?? id }

    init?(_ o: JSONObject, kind: Kind) {
        guard let id = o["id"]?.stringValue, !id.isEmpty else { return nil }
        self.id = id
        self.kind = kind
        name = o["name"]?.stringValue
        var members: [String] = []
        for member in (o["members"]?.arrayValue ?? [o["user"] ?? .null]).compactMap(\.stringValue) where !members.contains(member) {
            members.append(member)
        }
        self.members = members
        // Slack puts 0 or 1 on old DMs: no real creation time.
        created = SlackTime.seconds(o["created"]).flatMap { $0.seconds > 1_262_304_000 ? $0 : nil }
        creator = o["creator"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        archived = o["is_archived"]?.boolValue ?? false
        topic = o["topic"]?.objectValue?["value"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        purpose = o["purpose"]?.objectValue?["value"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        for pin in (o["pins"]?.arrayValue ?? []).compactMap(\.objectValue) {
            guard let ts = pin["id"]?.stringValue, !ts.isEmpty else { continue }
            pins[ts] = (pin["user"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }, SlackTime.seconds(pin["created"]))
        }
    }
}

/// Slack's times: `ts` is `"<seconds>.<6 digits>"`, an id as much as a time, read as two
/// integers so no digit is lost; `created` and `updated` are whole seconds, as a number or a string.
enum SlackTime {
    static func ts(_ text: String) -> Timestamp? {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let seconds = Int64(parts[0]), seconds >= 0, parts[0].allSatisfy(\.isASCII) else { return nil }
        var nanoseconds: Int32 = 0
        if parts.count == 2 {
            let fraction = parts[1]
            guard !fraction.isEmpty, fraction.count <= 9, fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            nanoseconds = Int32(fraction + String(repeating: "0", count: 9 - fraction.count))!
        }
        return Timestamp(seconds: seconds, nanoseconds: nanoseconds)
    }

    static func seconds(_ value: JSONValue?) -> Timestamp? {
        guard let value else { return nil }
        if let n = value.intValue, n > 0 { return Timestamp(seconds: Int64(n)) }
        if let s = value.stringValue { return ts(s).flatMap { $0.seconds > 0 ? $0 : nil } }
        if let d = value.doubleValue, d > 0, d < 1e12 { return Timestamp(seconds: Int64(d)) }
        return nil
    }
}
