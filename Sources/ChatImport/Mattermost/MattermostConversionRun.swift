import ChatModel

/// One conversion of a `MattermostExport`. The first pass reads teams, channels, users, bots
/// and direct channels and every username the posts name (the export's order is not Stream's);
/// the second writes posts and replies as messages (`+Messages`), the third their reactions.
/// Mattermost has no ids: users are usernames, channels (team, name), direct channels their
/// members, and a message id is derived from its channel, time, author and how many earlier
/// messages share those three, so the same export always gets the same ids.
final class MattermostConversionRun: ConversionItemWriting {
    let export: MattermostExport
    let file: String
    let progress: ((ImportProgress) -> Void)?
    var report: ConversionReport

    var teams: [String] = []
    var users: [MattermostUser] = []
    private var usernames: Set<String> = []
    /// Usernames of users and placeholders.
    var known: Set<String> = []
    var placeholders: [(id: String, referencedBy: String)] = []
    var channels: [MattermostChannel] = []
    var channelSlots: [String: Int] = [:]
    /// Per channel: members from the users' memberships, in file order.
    var channelMembers: [[(user: String, moderator: Bool, lastViewed: Timestamp?)]] = []
    var directs: [MattermostDirectChannel] = []
    var directSlots: [[String]: Int] = [:]
    var userMap = StreamIDMap(.user)
    var channelMap = StreamIDMap(.channelID)
    /// How many messages so far share a (scope, time, author): the last part of a message id.
    var ordinals: [String: Int] = [:]
    var itemsWritten = 0

    var progressBytes: Int64 { export.progressBytes }

    static let systemUser = "mm-system"

    init(export: MattermostExport, file: String, progress: ((ImportProgress) -> Void)?) {
        self.export = export
        self.file = file
        self.progress = progress
        report = ConversionReport(
            source: .mattermost,
            export: export.path,
            messageIdScheme: "mm-{sha512/256(scope|create_at|user|ordinal), 32 hex}",
            listLimit: export.listLimit
        )
        report.track(["teams", "users", "channels", "memberships", "messages", "reactions", "other lines"])
    }

    func run(into sink: any ConvertedItemSink) throws -> ConversionReport {
        try plan()
        userMap.add(users.map(\.username) + placeholders.map(\.id))
        channelMap.add(channels.map(\.key))
        return try writeItems(into: sink)
    }

    /// Each line's type and object, with its place; the first must be `version` 1.
    func forEachLine(pass: Int64, _ body: (String, JSONObject, RecordPlace) throws -> Void) throws {
        var first = true
        var count = 0
        try JSONLinesFile.forEachObject(file) { line, place, bytes in
            let type = line["type"]?.stringValue ?? ""
            if first {
                first = false
                guard type == "version" else {
                    throw place.error("not a Mattermost bulk export: the first line must be {\"type\":\"version\",\"version\":1}")
                }
                guard line["version"]?.intValue == 1 else {
                    throw place.error("bulk export version \(line["version"]?.description ?? "none") is not supported (1 is)")
                }
                return
            }
            count += 1
            if count % 8192 == 0 { progress?(ImportProgress(items: itemsWritten, bytes: export.progressBytes / 3 * pass + bytes)) }
            guard let object = line[type]?.objectValue else {
                report.read("other lines")
                report.skip(
                    "other lines",
                    type.isEmpty ? "a line with no type" : "a \(type) line with no \(type) object",
                    record: "line",
                    id: "\(place.line ?? 0)"
                )
                return
            }
            try body(type, object, place)
        }
        if first { throw ExportError(file: export.path, reason: "not a Mattermost bulk export: the file is empty") }
    }

    // MARK: First pass

    private func plan() throws {
        try forEachLine(pass: 0) { type, o, place in
            let line = "line \(place.line ?? 0)"
            switch type {
            case "team":
                report.read("teams")
                guard let name = o["name"]?.stringValue, !name.isEmpty else {
                    return report.skip("teams", "no name", record: "team", id: line)
                }
                if !teams.contains(name) { teams.append(name) }
                report.converted("teams")
            case "channel": addChannel(o, line)
            case "user", "bot": addUser(o, bot: type == "bot", line)
            case "direct_channel":
                report.read("channels")
                guard let direct = MattermostDirectChannel(o) else {
                    return report.skip("channels", "a direct channel with no members", record: "direct_channel", id: line)
                }
                guard directSlots[direct.members] == nil else {
                    return report.skip(
                        "channels",
                        "repeats a direct channel's members",
                        record: "direct_channel",
                        id: direct.members.joined(separator: ",")
                    )
                }
                for member in direct.members { need(member, "direct channel \(direct.members.joined(separator: ",")) member") }
                directSlots[direct.members] = directs.count
                directs.append(direct)
                report.converted("channels")
            case "post", "direct_post": notePostReferences(type, o, line)
            case "version", "scheme", "role", "emoji":
                report.read("other lines")
                report.skip("other lines", "\(type) lines have no Stream import counterpart", record: type, id: line)
            default:
                report.read("other lines")
                report.skip("other lines", "unknown line type \(type)", record: type, id: line)
            }
        }
        if channels.contains(where: { channelMembers[channelSlots[$0.key]!].isEmpty }) { need(Self.systemUser, "channels with no members") }
    }

    private func addChannel(_ o: JSONObject, _ line: String) {
        report.read("channels")
        guard let channel = MattermostChannel(o) else { return report.skip("channels", "no team or name", record: "channel", id: line) }
        guard channelSlots[channel.key] == nil else {
            return report.skip("channels", "repeats a channel of its team", record: "channel", id: channel.key)
        }
        channelSlots[channel.key] = channels.count
        channels.append(channel)
        channelMembers.append([])
        report.converted("channels")
    }

    private func addUser(_ o: JSONObject, bot: Bool, _ line: String) {
        report.read("users")
        guard let user = MattermostUser(o, bot: bot) else { return report.skip("users", "no username", record: "user", id: line) }
        guard usernames.insert(user.username).inserted else {
            return report.skip("users", "repeats a username", record: "user", id: user.username)
        }
        // A placeholder planned for an earlier post is replaced by the real user.
        if known.contains(user.username) { placeholders.removeAll { $0.id == user.username } }
        known.insert(user.username)
        users.append(user)
        for membership in user.memberships {
            report.read("memberships")
            guard let slot = channelSlots[membership.team + "-" + membership.channel] else {
                report.skip(
                    "memberships",
                    "channel not in the export",
                    record: "membership",
                    id: "\(user.username) in \(membership.team)/\(membership.channel)"
                )
                continue
            }
            channelMembers[slot].append((user.username, membership.moderator, membership.lastViewed))
            report.converted("memberships")
        }
    }

    /// Authors, reply authors, reactors and direct-post members the export may lack.
    private func notePostReferences(_ type: String, _ o: JSONObject, _ line: String) {
        let what = "\(type) \(line)"
        var posts = [o]
        posts += (o["replies"]?.arrayValue ?? []).compactMap(\.objectValue)
        for post in posts {
            need(post["user"]?.stringValue ?? "", what + " user")
            for reaction in post["reactions"]?.arrayValue ?? [] {
                need(reaction.objectValue?["user"]?.stringValue ?? "", what + " reaction")
            }
        }
        if type == "direct_post" {
            let members = (o["channel_members"]?.arrayValue ?? []).compactMap(\.stringValue)
            for member in members { need(member, what + " channel_members") }
            let direct = MattermostDirectChannel(members: members)
            if !direct.members.isEmpty, directSlots[direct.members] == nil {
                // A direct post whose channel line is missing: the channel is made from its members.
                report.read("channels")
                report.converted("channels")
                directSlots[direct.members] = directs.count
                directs.append(direct)
                report.note(
                    "direct_channel",
                    direct.members.joined(separator: ","),
                    nil,
                    .mapped,
                    "no direct_channel line: made from the direct post's channel_members"
                )
            }
        }
    }

    func need(_ username: String, _ referencedBy: String) {
        guard !username.isEmpty, known.insert(username).inserted else { return }
        placeholders.append((username, referencedBy))
    }
}
