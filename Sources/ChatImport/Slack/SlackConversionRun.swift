import ChatModel

/// One conversion of a `SlackExport`: the plan (users, bots, placeholders, conversations and
/// their day files, thread parents, id maps) from the root files and a first pass over the day
/// files, then the items (`+Items`, `+Messages`). Users and conversations are held; messages
/// never are, only the `ts` of each thread's parent.
final class SlackConversionRun: ConversionItemWriting {
    let export: SlackExport
    let progress: ((ImportProgress) -> Void)?
    var report: ConversionReport

    var users: [SlackUser] = []
    var names: [String: String] = [:]
    /// Integration bots that post with a `bot_id` and have no user record.
    var bots: [(id: String, name: String)] = []
    var placeholders: [(id: String, name: String, referencedBy: String)] = []
    var known: Set<String> = []
    var conversations: [SlackConversation] = []
    var dayFiles: [[String]] = []
    /// Per conversation: the `ts` of each message that converts and starts a thread.
    var threadParents: [Set<String>] = []
    /// Per conversation: the distinct channel's members (sorted Stream ids), nil for `team` channels.
    var distinctMembers: [[String]?] = []
    /// Per conversation: whether it writes its channel (a second DM of the same people does not).
    var writesChannel: [Bool] = []
    var channelNames: [String: String] = [:]
    var userMap = StreamIDMap(.user)
    var channelMap = StreamIDMap(.channelID)
    var bytesRead: Int64 = 0
    var itemsWritten = 0

    var progressBytes: Int64 { export.progressBytes }

    static let systemUser = "slack-system"

    init(export: SlackExport, progress: ((ImportProgress) -> Void)?) {
        self.export = export
        self.progress = progress
        report = ConversionReport(source: .slack, export: export.path, messageIdScheme: "{channel_id}-{ts}", listLimit: export.listLimit)
        report.track(["users", "channels", "day_files", "messages", "reactions"])
    }

    func run(into sink: any ConvertedItemSink) throws -> ConversionReport {
        try readUsers()
        try readConversations()
        locateDayFiles()
        try scanDayFiles()
        planChannels()
        return try writeItems(into: sink)
    }

    // MARK: Root files

    private func readUsers() throws {
        let file = export.files.contains("users.json") ? "users.json" : "org_users.json"
        for (i, record) in (try export.rootArray(file) ?? []).enumerated() {
            report.read("users")
            guard let user = SlackUser(record) else {
                report.skip("users", "no id", record: "user", id: "\(file)[\(i)]")
                continue
            }
            guard known.insert(user.id).inserted else {
                report.skip("users", "repeats a user id", record: "user", id: user.id)
                continue
            }
            users.append(user)
            names[user.id] = user.name
        }
    }

    private func readConversations() throws {
        var seen: Set<String> = []
        for kind in SlackConversation.Kind.allCases {
            let file = kind.rawValue + ".json"
            for (i, record) in (try export.rootArray(file) ?? []).enumerated() {
                report.read("channels")
                guard let conversation = SlackConversation(record, kind: kind) else {
                    report.skip("channels", "no id", record: "channel", id: "\(file)[\(i)]")
                    continue
                }
                guard seen.insert(conversation.id).inserted else {
                    report.skip("channels", "repeats a conversation id", record: "channel", id: conversation.id)
                    continue
                }
                if kind.isDirect && conversation.members.isEmpty {
                    report.skip("channels", "a direct conversation with no members listed", record: "channel", id: conversation.id)
                    continue
                }
                conversations.append(conversation)
                channelNames[conversation.id] = conversation.name
            }
        }
        channelMap.add(conversations.map(\.id))
    }

    /// Each conversation's day files, oldest first; the folders no conversation claims are
    /// accounted for and not read.
    private func locateDayFiles() {
        var slots: [String: Int] = [:]
        for (slot, conversation) in conversations.enumerated() where slots[conversation.folder] == nil {
            slots[conversation.folder] = slot
        }
        // A renamed channel's folder may carry its id rather than its name.
        for (slot, conversation) in conversations.enumerated() where slots[conversation.id] == nil { slots[conversation.id] = slot }
        dayFiles = Array(repeating: [], count: conversations.count)
        for name in export.files.names where SlackExport.isDayFile(name) {
            let folder = String(name.split(separator: "/")[0])
            report.read("day_files")
            guard let slot = slots[folder] else {
                report.skip("day_files", "folder matches no conversation in the export's channel lists", record: "day_file", id: name)
                continue
            }
            report.converted("day_files")
            dayFiles[slot].append(name)
        }
    }

    // MARK: First pass

    /// Every user the messages name, and which messages start a thread.
    private func scanDayFiles() throws {
        threadParents = Array(repeating: [], count: conversations.count)
        for (slot, conversation) in conversations.enumerated() {
            for member in conversation.members { need(member, "channel \(conversation.id) members") }
            if let creator = conversation.creator { need(creator, "channel \(conversation.id) creator") }
            for pinner in conversation.pins.values.compactMap(\.user) { need(pinner, "channel \(conversation.id) pins") }
            try forEachMessage(slot) { message, plan in
                let id = "message \(conversation.id)/\(plan.ts)"
                if let bot = plan.bot, !known.contains(plan.author) {
                    known.insert(plan.author)
                    bots.append((plan.author, bot))
                }
                need(plan.author, id + " user", name: message["user_profile"]?.objectValue.flatMap(Self.profileName))
                for user in SlackText.mentionedIDs(SlackMessagePlan.text(of: message)) { need(user, id + " text") }
                for reaction in message["reactions"]?.arrayValue ?? [] {
                    for user in reaction.objectValue?["users"]?.arrayValue ?? [] { need(user.stringValue ?? "", id + " reactions") }
                }
                if message["thread_ts"]?.stringValue == plan.ts { threadParents[slot].insert(plan.ts) }
            }
        }
    }

    private static func profileName(_ profile: JSONObject) -> String? {
        [profile["display_name"], profile["real_name"]].lazy.compactMap { $0?.stringValue }.first { !$0.isEmpty }
    }

    /// A user named but not in the export becomes a placeholder, so every reference resolves.
    /// Their name is the one a message's `user_profile` gives, whichever reference came first
    /// (a channel's creator or a reaction names the user with no profile).
    func need(_ id: String, _ referencedBy: String, name: String? = nil) {
        guard !id.isEmpty else { return }
        if known.insert(id).inserted {
            placeholders.append((id, name ?? id, referencedBy))
            if let name { names[id] = name }
        } else if let name, names[id] == nil, let i = placeholders.firstIndex(where: { $0.id == id }) {
            placeholders[i].name = name
            names[id] = name
        }
    }

    /// Stream ids for the distinct channels, and which conversations share one.
    private func planChannels() {
        if conversations.contains(where: { $0.creator == nil && $0.members.isEmpty }) {
            need(Self.systemUser, "channels with no creator and no members")
        }
        userMap.add(users.map(\.id) + bots.map(\.id) + placeholders.map(\.id))
        var distinct: Set<[String]> = []
        for conversation in conversations {
            guard conversation.kind.isDirect else {
                distinctMembers.append(nil)
                writesChannel.append(true)
                continue
            }
            let members = Array(Set(conversation.members.map { userMap[$0]! })).sorted()
            distinctMembers.append(members)
            let first = distinct.insert(members).inserted
            writesChannel.append(first)
            if !first {
                report.skip(
                    "channels",
                    "the same people as an earlier direct conversation: its messages join that channel",
                    record: "channel",
                    id: conversation.id
                )
            }
        }
    }

    /// Where a conversation's messages go: `channel_id`, or `channel_member_ids` for a distinct channel.
    func channelReference(_ slot: Int) -> JSONObject {
        if let members = distinctMembers[slot] {
            return ["channel_type": "messaging", "channel_member_ids": .array(members.map { .string($0) })]
        }
        return ["channel_type": "team", "channel_id": .string(channelMap[conversations[slot].id]!)]
    }

    /// Calls `body` with each message of a conversation that converts, oldest first, with its
    /// plan; counts and reports the ones that do not when `account` is set.
    func forEachMessage(_ slot: Int, account: Bool = false, _ body: (JSONObject, SlackMessagePlan) throws -> Void) throws {
        let conversation = conversations[slot]
        for file in dayFiles[slot] {
            var messages = try export.array(file)
            bytesRead += export.files.sizes[file] ?? 0
            progress?(ImportProgress(items: itemsWritten, bytes: bytesRead))
            // Slack does not promise an order within a day; `ts` is one.
            let times = messages.map { SlackTime.ts($0["ts"]?.stringValue ?? "") }
            let order = messages.indices.sorted {
                (times[$0] ?? Timestamp(seconds: .max), $0) < (times[$1] ?? Timestamp(seconds: .max), $1)
            }
            messages = order.map { messages[$0] }
            var previous: String?
            for message in messages {
                if account { report.read("messages") }
                switch SlackMessagePlan.make(message) {
                case .skip(let reason):
                    if account {
                        report.skip("messages", reason, record: "message", id: "\(conversation.id)/\(message["ts"]?.stringValue ?? "?")")
                    }
                case .convert(let plan):
                    guard plan.ts != previous else {
                        if account {
                            report.skip(
                                "messages",
                                "repeats a ts in its conversation",
                                record: "message",
                                id: "\(conversation.id)/\(plan.ts)"
                            )
                        }
                        continue
                    }
                    previous = plan.ts
                    try body(message, plan)
                }
            }
        }
    }
}
