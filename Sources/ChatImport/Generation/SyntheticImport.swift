import ChatModel

/// Writes a valid synthetic import file: every item type, all five channel types, distinct
/// DMs, threads, quotes, mentions (@here, @channel, roles), restricted messages, attachments of
/// each kind (some with custom fields), pins, deletions, reactions, polls with votes and unread
/// state. Messages spread over six months and over channels unevenly (a few busy
/// channels, a long tail), as real workspaces do. Memory: a few bytes per message.
public enum SyntheticImport {
    public struct Spec: Sendable {
        public var users: Int
        public var channels: Int
        public var messages: Int
        public var seed: UInt64
        public init(users: Int, channels: Int, messages: Int, seed: UInt64) {
            self.users = users
            self.channels = channels
            self.messages = messages
            self.seed = seed
        }
    }

    private struct ChannelPlan {
        var type: String
        var id: String?
        var memberIDs: [Int]  // user indexes, creator first
        var distinct: Bool
        var recentRoots: [Int] = []  // message indexes, newest last
    }

    static let start: Int64 = 1_578_297_600  // 2020-01-06T08:00:00Z
    static let span: Int64 = 180 * 86_400

    /// `progress` hears now and then how far it is, of twice the messages (they are gone over
    /// twice: the messages, then their reactions), and the items written so far.
    @discardableResult
    public static func write(
        _ spec: Spec,
        to path: String,
        progress: (_ done: Int, _ items: Int) -> Void = { _, _ in }
    ) throws(ImportFileError) -> ItemCounts {
        var rng = SeededRandom(seed: spec.seed)
        let out = try ImportFileWriter(path: path)
        let userIDs = (0..<spec.users).map { "user-\($0)" }
        func time(_ seconds: Int64, millis: Int = 0) -> JSONValue {
            .string(Timestamp(seconds: seconds, nanoseconds: Int32(millis) * 1_000_000).rfc3339)
        }

        for (i, id) in userIDs.enumerated() {
            let first = SyntheticContent.firstNames[i % SyntheticContent.firstNames.count]
            let last = SyntheticContent.lastNames[(i / SyntheticContent.firstNames.count + i) % SyntheticContent.lastNames.count]
            var user: JSONObject = [
                "id": .string(id), "name": .string("\(first) \(last)"),
                "image": .string("https://avatars.example.com/\(id).png"), "created_at": time(start - 90 * 86_400 + Int64(i)),
            ]
            if i == 0 { user["role"] = "admin" } else if i % 50 == 1 { user["role"] = "moderator" }
            try out.write(.user, user)
        }
        let providers = PushProvider.allCases.map(\.rawValue)
        for i in stride(from: 0, to: spec.users, by: 4) {
            try out.write(
                .device,
                [
                    "id": .string("device-\(i)"), "user_id": .string(userIDs[i]),
                    "push_provider_type": .string(providers[i / 4 % providers.count]), "push_provider_name": "production",
                ]
            )
        }
        for i in stride(from: 7, to: spec.users, by: 100) {
            try out.write(
                .futureChannelBan,
                [
                    "created_by": .string(userIDs[0]), "target_id": .string(userIDs[i]), "reason": "spam",
                    "created_at": time(start - 86_400),
                ]
            )
        }

        var plans = makeChannels(spec, &rng)
        for (i, plan) in plans.enumerated() {
            var channel: JSONObject = ["type": .string(plan.type)]
            if let id = plan.id {
                channel["id"] = .string(id)
                channel["name"] = .string("#" + id)
            } else {
                channel["member_ids"] = .array(plan.memberIDs.map { .string(userIDs[$0]) })
            }
            channel["created_by"] = .string(userIDs[plan.memberIDs[0]])
            channel["created_at"] = time(start - 60 * 86_400 + Int64(i))
            try out.write(.channel, channel)
        }
        let end = start + span
        for plan in plans {
            for user in plan.memberIDs {
                var member = channelRef(plan, userIDs)
                member["user_id"] = .string(userIDs[user])
                member["created_at"] = time(start - 30 * 86_400)
                if user == plan.memberIDs[0], !plan.distinct { member["channel_role"] = "channel_moderator" }
                // Most members stopped reading some days before the end: that leaves unread messages.
                if rng.chance(0.6) { member["last_read"] = time(end - Int64(rng.below(10 * 86_400))) }
                try out.write(.member, member)
            }
        }

        // Busy channels first: channel k gets a share proportional to 1/(k+1).
        let picker = SkewedPicker(count: plans.count)
        var messageChannel = [Int32](repeating: 0, count: spec.messages)
        var messageTime = [Int64](repeating: 0, count: spec.messages)  // milliseconds
        var reactable = [Bool](repeating: false, count: spec.messages)
        var polls: [SyntheticPolls.Planned] = []
        let step = max(1, Double(span * 1000) / Double(max(spec.messages, 1)))
        var clock = Double(start * 1000)
        for k in 0..<spec.messages {
            if k & 4095 == 0 { progress(k, out.counts.total) }
            clock += step * (0.5 + Double(rng.below(1000)) / 1000)
            let lo = picker.pick(&rng)
            let millis = Int64(clock)
            let (made, isRoot, canReact) = makeMessage(k, millis: millis, plan: &plans[lo], userIDs: userIDs, rng: &rng)
            var message = made
            if isRoot, canReact, SyntheticPolls.carriesPoll(k), let author = message["user"]?.stringValue {
                message["poll_id"] = .string(SyntheticPolls.id(k))
                let voters = plans[lo].memberIDs.map { userIDs[$0] }
                polls.append(SyntheticPolls.Planned(messageIndex: k, creator: author, voters: voters, seconds: millis / 1000))
            }
            try out.write(.message, message)
            messageChannel[k] = Int32(lo)
            messageTime[k] = millis
            reactable[k] = canReact
            if isRoot {
                plans[lo].recentRoots.append(k)
                if plans[lo].recentRoots.count > 8 { plans[lo].recentRoots.removeFirst() }
            }
        }
        for k in 0..<spec.messages {
            if k & 4095 == 0 { progress(spec.messages + k, out.counts.total) }
            guard reactable[k] && rng.chance(0.25) else { continue }
            let members = plans[Int(messageChannel[k])].memberIDs
            let first = rng.below(members.count)
            for r in 0..<min(members.count, 1 + rng.below(3)) {
                let at = messageTime[k] / 1000 + Int64(1 + rng.below(3600))
                try out.write(
                    .reaction,
                    [
                        "message_id": .string("msg-\(k)"), "type": .string(rng.pick(SyntheticContent.reactionTypes)),
                        "user_id": .string(userIDs[members[(first + r) % members.count]]), "created_at": time(at),
                    ]
                )
            }
        }
        try SyntheticPolls.write(polls, seed: spec.seed, to: out)
        try out.close()
        return out.counts
    }

    private static func makeChannels(_ spec: Spec, _ rng: inout SeededRandom) -> [ChannelPlan] {
        let types = BuiltInChannelType.allCases.map(\.rawValue)
        return (0..<spec.channels).map { i in
            // The first five cover every built-in type; then mostly messaging and team.
            let type = i < types.count ? types[i] : (i % 3 == 0 ? "team" : "messaging")
            let distinct = type == "messaging" && i >= types.count && i % 4 == 3
            let size = distinct ? 2 : min(spec.users, 3 + rng.below(30))
            var members: [Int] = []
            var seen = Set<Int>()
            while members.count < size {
                let u = rng.below(spec.users)
                if seen.insert(u).inserted { members.append(u) }
            }
            let id = distinct ? nil : "\(SyntheticContent.topics[i % SyntheticContent.topics.count])-\(i)"
            return ChannelPlan(type: type, id: id, memberIDs: members, distinct: distinct)
        }
    }

    private static func channelRef(_ plan: ChannelPlan, _ userIDs: [String]) -> JSONObject {
        var ref: JSONObject = ["channel_type": .string(plan.type)]
        if let id = plan.id {
            ref["channel_id"] = .string(id)
        } else {
            ref["channel_member_ids"] = .array(plan.memberIDs.map { .string(userIDs[$0]) })
        }
        return ref
    }

    /// One message; also says whether it may start a thread and whether it may get reactions.
    private static func makeMessage(
        _ k: Int,
        millis: Int64,
        plan: inout ChannelPlan,
        userIDs: [String],
        rng: inout SeededRandom
    ) -> (JSONObject, Bool, Bool) {
        let author = plan.memberIDs[rng.below(plan.memberIDs.count)]
        var m = channelRef(plan, userIDs)
        m["id"] = .string("msg-\(k)")
        m["user"] = .string(userIDs[author])
        let created = Timestamp(seconds: millis / 1000, nanoseconds: Int32(millis % 1000) * 1_000_000)
        m["created_at"] = .string(created.rfc3339)
        if rng.chance(0.005) {
            m["type"] = "system"
            m["text"] = .string("\(userIDs[author]) joined the channel")
            return (m, false, false)
        }
        var text = SyntheticContent.sentence(&rng)
        if plan.memberIDs.count > 1, rng.chance(0.06) {
            let other = plan.memberIDs.first { $0 != author } ?? author
            text = "@\(userIDs[other]) " + text
            m["mentioned_users_ids"] = [.string(userIDs[other])]
        }
        // The 2026 fields, at fixed shares of `k` rather than drawn: the random stream, and so
        // everything else generated from a seed, stays as it was.
        if k % 97 == 5 {
            text += " @here"
            m["mentioned_here"] = true
        } else if k % 131 == 7 {
            text = "@channel " + text
            m["mentioned_channel"] = true
        }
        if k % 59 == 11 { m["mentioned_roles"] = ["admin", "channel_moderator"] }
        if k % 83 == 13, let other = plan.memberIDs.first(where: { $0 != author }) {
            m["restricted_visibility"] = [.string(userIDs[other])]
        }
        m["text"] = .string(text)
        var isRoot = true
        if !plan.recentRoots.isEmpty, rng.chance(0.12) {
            m["type"] = "reply"
            m["parent_id"] = .string("msg-\(rng.pick(plan.recentRoots))")
            if rng.chance(0.1) { m["show_in_channel"] = true }
            isRoot = false
        } else if !plan.recentRoots.isEmpty, rng.chance(0.03) {
            m["quoted_message_id"] = .string("msg-\(rng.pick(plan.recentRoots))")
        }
        if rng.chance(0.04) {
            var attachment = attachment(k, &rng)
            // Custom attachment fields, allowed since Stream's March 2026 schema.
            if k % 3 == 0 { attachment["source"] = ["tool": "chatterm generate", "batch": .int(k / 1000)] }
            m["attachments"] = [.object(attachment)]
        }
        if rng.chance(0.003), isRoot {
            m["pinned_at"] = .string(Timestamp(seconds: created.seconds + 60).rfc3339)
            m["pinned_by_id"] = .string(userIDs[plan.memberIDs[0]])
        }
        if rng.chance(0.005) {
            m["type"] = "deleted"
            m["deleted_at"] = .string(Timestamp(seconds: created.seconds + 120).rfc3339)
            return (m, false, false)
        }
        return (m, isRoot, true)
    }

    private static func attachment(_ k: Int, _ rng: inout SeededRandom) -> JSONObject {
        let base = "https://files.example.com/\(k)"
        switch rng.pick(SyntheticContent.attachmentKinds) {
        case "image":
            return [
                "type": "image", "image_url": .string(base + ".jpg"), "thumb_url": .string(base + "-thumb.jpg"),
                "title": .string("photo-\(k).jpg"),
            ]
        case "video":
            return [
                "type": "video", "asset_url": .string(base + ".mp4"), "thumb_url": .string(base + ".jpg"),
                "title": .string("screen-\(k).mp4"), "mime_type": "video/mp4", "file_size": .int(1_000_000 + k),
            ]
        case "audio":
            return [
                "type": "audio", "asset_url": .string(base + ".m4a"), "title": .string("voice-\(k).m4a"), "mime_type": "audio/mp4",
                "file_size": .int(200_000 + k),
            ]
        case "file":
            return [
                "type": "file", "asset_url": .string(base + ".pdf"), "title": .string("report-\(k).pdf"), "mime_type": "application/pdf",
                "file_size": .int(50_000 + k),
            ]
        default:
            return [
                "type": "giphy", "title": "celebrate", "image_url": .string("https://media.giphy.example.com/\(k).gif"),
                "thumb_url": .string("https://media.giphy.example.com/\(k)-s.gif"),
            ]
        }
    }
}
