import ChatModel

/// Mattermost's times are Unix milliseconds; 0 means unset.
enum MattermostTime {
    static func of(_ value: JSONValue?) -> Timestamp? {
        guard let ms = value?.intValue, ms > 0 else { return nil }
        return Timestamp(seconds: Int64(ms / 1000), nanoseconds: Int32(ms % 1000) * 1_000_000)
    }
}

/// A `user` or `bot` line.
struct MattermostUser {
    var username: String
    var name: String
    var nickname: String?
    var position: String?
    var isAdmin: Bool
    var isBot: Bool
    var owner: String?
    var deletedAt: Timestamp?
    var teams: [String]
    /// `team\0channel` → (channel roles, last viewed).
    var memberships: [(team: String, channel: String, moderator: Bool, lastViewed: Timestamp?)]

    init?(_ o: JSONObject, bot: Bool) {
        guard let username = o["username"]?.stringValue, !username.isEmpty else { return nil }
        self.username = username
        let full = [o["first_name"], o["last_name"]].compactMap { $0?.stringValue }.filter { !$0.isEmpty }.joined(separator: " ")
        nickname = o["nickname"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        name = bot ? o["display_name"]?.stringValue ?? username : (full.isEmpty ? nickname ?? username : full)
        position = o["position"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        isAdmin = (o["roles"]?.stringValue ?? "").split(separator: " ").contains("system_admin")
        isBot = bot
        owner = o["owner"]?.stringValue
        deletedAt = MattermostTime.of(o["delete_at"])
        teams = []
        memberships = []
        for team in o["teams"]?.arrayValue ?? [] {
            guard let t = team.objectValue, let teamName = t["name"]?.stringValue else { continue }
            teams.append(teamName)
            for channel in t["channels"]?.arrayValue ?? [] {
                guard let c = channel.objectValue, let channelName = c["name"]?.stringValue else { continue }
                let moderator = (c["roles"]?.stringValue ?? "").split(separator: " ").contains("channel_admin")
                memberships.append((teamName, channelName, moderator, MattermostTime.of(c["last_viewed_at"])))
            }
        }
    }
}

/// A `channel` line: an open or private channel of a team.
struct MattermostChannel {
    var team: String
    var name: String
    var displayName: String?
    var isPrivate: Bool
    var header: String?
    var purpose: String?
    var archivedAt: Timestamp?

    /// The Stream id before validity mapping: team and name, as names repeat across teams.
    var key: String { team + "-" + name }

    init?(_ o: JSONObject) {
        guard let team = o["team"]?.stringValue, let name = o["name"]?.stringValue, !team.isEmpty, !name.isEmpty else { return nil }
        self.team = team
        self.name = name
        displayName = o["display_name"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        isPrivate = o["type"]?.stringValue == "P"
        header = o["header"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        purpose = o["purpose"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        archivedAt = MattermostTime.of(o["deleted_at"])
    }
}

/// A `direct_channel` line: a DM or group message, known by its members.
struct MattermostDirectChannel {
    /// Usernames, sorted, once each.
    var members: [String]
    var lastViewed: [String: Timestamp]
    var header: String?

    init(members: [String]) {
        self.members = Array(Set(members)).sorted()
        lastViewed = [:]
    }

    init?(_ o: JSONObject) {
        var names: [String] = []
        var lastViewed: [String: Timestamp] = [:]
        for participant in o["participants"]?.arrayValue ?? [] {
            guard let p = participant.objectValue, let username = p["username"]?.stringValue else { continue }
            names.append(username)
            if let time = MattermostTime.of(p["last_viewed_at"]) { lastViewed[username] = time }
        }
        names += (o["members"]?.arrayValue ?? []).compactMap(\.stringValue)
        guard !names.isEmpty else { return nil }
        self.init(members: names)
        self.lastViewed = lastViewed
        header = o["header"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
    }
}
