import ChatModel
import Foundation

/// Writes a synthetic Slack workspace export folder (`users.json`, `channels.json`, one folder
/// per channel of `YYYY-MM-DD.json` day files of about 200 messages), the same for the same
/// seed: the input of `chatterm-bench convert --from slack`. Messages carry mentions, thread
/// replies (every 10th), broadcasts, reactions (every 7th, some with skin tones), files (every
/// 50th), edits and joins. Memory: the users and one day file at a time.
public enum SyntheticSlackExport {
    static let start: Int64 = 1_704_067_200  // 2024-01-01T00:00:00Z
    static let perDay = 200

    /// Writes the export; returns how many messages it holds.
    public static func write(_ spec: SyntheticImport.Spec, toDirectory directory: String) throws -> Int {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var rng = SeededRandom(seed: spec.seed)
        let userIDs = (0..<spec.users).map { "U\(String(format: "%07d", $0))" }
        let users: [JSONValue] = userIDs.enumerated().map { i, id in
            let first = SyntheticContent.firstNames[i % SyntheticContent.firstNames.count]
            return [
                "id": .string(id), "name": .string("\(first.lowercased())\(i)"), "real_name": .string(first),
                "profile": ["display_name": .string(first), "image_512": .string("https://avatars.example.com/\(i).png")],
                "deleted": .bool(i % 97 == 96), "is_admin": .bool(i == 0), "updated": .int(Int(start)),
            ]
        }
        try write(.array(users), to: directory + "/users.json")

        var channels: [JSONValue] = []
        var members: [[String]] = []
        for i in 0..<spec.channels {
            var chosen: [String] = []
            while chosen.count < min(spec.users, 3 + rng.below(40)) {
                let user = rng.pick(userIDs)
                if !chosen.contains(user) { chosen.append(user) }
            }
            members.append(chosen)
            channels.append([
                "id": .string("C\(String(format: "%07d", i))"),
                "name": .string("\(SyntheticContent.topics[i % SyntheticContent.topics.count])-\(i)"),
                "created": .int(Int(start)), "creator": .string(chosen[0]), "is_archived": .bool(i % 25 == 24),
                "members": .array(chosen.map { .string($0) }), "topic": ["value": .string("Topic \(i)")],
            ])
        }
        try write(.array(channels), to: directory + "/channels.json")

        var written = 0
        for (c, channel) in channels.enumerated() {
            let share = spec.messages / spec.channels + (c < spec.messages % spec.channels ? 1 : 0)
            let folder = directory + "/" + (channel.objectValue?["name"]?.stringValue ?? "")
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            var day: [JSONValue] = []
            var parent = ""
            for m in 0..<share {
                let seconds = start + Int64(m / perDay) * 86_400 + Int64(m % perDay) * 300
                let ts = "\(seconds).\(String(format: "%06d", m % 1_000_000))"
                day.append(message(m, ts: ts, parent: &parent, members: members[c], rng: &rng))
                if day.count == perDay || m == share - 1 {
                    let date = Timestamp(seconds: seconds).rfc3339.prefix(10)
                    try write(.array(day), to: "\(folder)/\(date).json")
                    written += day.count
                    day = []
                }
            }
        }
        return written
    }

    private static func message(_ m: Int, ts: String, parent: inout String, members: [String], rng: inout SeededRandom) -> JSONValue {
        let author = rng.pick(members)
        var text = SyntheticContent.sentence(&rng)
        if m % 5 == 0 { text = "<@\(rng.pick(members))> " + text + " &amp; more" }
        var o: JSONObject = ["type": "message", "user": .string(author), "text": .string(text), "ts": .string(ts)]
        if m % 10 == 0 {
            parent = ts
            o["thread_ts"] = .string(ts)
        } else if m % 10 < 4 && !parent.isEmpty {
            o["thread_ts"] = .string(parent)
            if m % 10 == 3 { o["subtype"] = "thread_broadcast" }
        }
        if m % 7 == 0 {
            o["reactions"] = [
                ["name": m % 14 == 0 ? "+1::skin-tone-3" : "tada", "users": .array(members.prefix(3).map { .string($0) })]
            ]
        }
        if m % 50 == 0 {
            o["files"] = [
                [
                    "id": .string("F\(m)"), "name": "chart.png", "mimetype": "image/png", "size": 2048,
                    "url_private": .string("https://files.slack.com/files-pri/T1-F\(m)/chart.png"),
                ]
            ]
        }
        if m % 33 == 0 { o["edited"] = ["user": .string(author), "ts": .string(ts)] }
        if m % 400 == 1 {
            o["subtype"] = "channel_join"
            o["text"] = .string("<@\(author)> has joined the channel")
        }
        return .object(o)
    }

    private static func write(_ value: JSONValue, to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: Data(JSONWriter().string(value).utf8)) else {
            throw ImportFileError(path: path, reason: "cannot write")
        }
    }
}
