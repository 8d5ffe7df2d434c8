import ChatModel

/// The second and third passes: posts and their replies as messages, then every reaction.
extension MattermostConversionRun {
    /// One post or reply that converts, with its Stream id and where it goes.
    struct PostPlan {
        var id: String
        var parentID: String?
        var channel: JSONObject
        var author: String
        var time: Timestamp
        var record: String
    }

    func writeMessages(_ sink: any ConvertedItemSink) throws {
        try forEachPost(pass: 1, account: true) { post, plan in
            try write(sink, .message, item(post, plan))
            report.converted("messages")
        }
    }

    func writeReactions(_ sink: any ConvertedItemSink) throws {
        try forEachPost(pass: 2, account: false) { post, plan in
            var seen: Set<String> = []
            for value in post["reactions"]?.arrayValue ?? [] {
                report.read("reactions")
                let reaction = value.objectValue ?? JSONObject()
                guard let user = reaction["user"]?.stringValue, !user.isEmpty, let name = reaction["emoji_name"]?.stringValue, !name.isEmpty
                else {
                    report.skip("reactions", "no user or emoji_name", record: "reaction", id: plan.record)
                    continue
                }
                let type = ReactionTypeName.fit(name)
                guard seen.insert(type + "\0" + user).inserted else {
                    report.skip("reactions", "the same user and emoji twice on one message", record: "reaction", id: plan.record)
                    continue
                }
                var item: JSONObject = [
                    "message_id": .string(plan.id), "type": .string(type), "user_id": .string(userMap[user]!),
                    "created_at": .string((MattermostTime.of(reaction["create_at"]) ?? plan.time).rfc3339),
                ]
                if type != name {
                    item["mm_emoji"] = .string(name)
                    report.note(
                        "reaction",
                        plan.record,
                        "emoji_name",
                        .changed,
                        "emoji \(name) is not a valid Stream reaction type (30 characters of letters, digits, _ - + : .): \(type)"
                    )
                }
                try write(sink, .reaction, item)
                report.converted("reactions")
            }
        }
    }

    /// Each post and reply of the file in order (a root, then its replies), with its plan.
    private func forEachPost(pass: Int64, account: Bool, _ body: (JSONObject, PostPlan) throws -> Void) throws {
        ordinals = [:]
        try forEachLine(pass: pass) { type, o, place in
            guard type == "post" || type == "direct_post" else { return }
            let replies = (o["replies"]?.arrayValue ?? []).compactMap(\.objectValue)
            let record = "\(type) line \(place.line ?? 0)"
            let scope: String
            let channel: JSONObject
            if type == "post" {
                let key = (o["team"]?.stringValue ?? "") + "-" + (o["channel"]?.stringValue ?? "")
                guard channelSlots[key] != nil else {
                    if account { skipPosts(1 + replies.count, "channel not in the export", record) }
                    return
                }
                scope = "t:" + key
                channel = ["channel_type": "team", "channel_id": .string(channelMap[key]!)]
            } else {
                let members = MattermostDirectChannel(members: (o["channel_members"]?.arrayValue ?? []).compactMap(\.stringValue))
                guard let slot = directSlots[members.members] else {
                    if account { skipPosts(1 + replies.count, "no channel_members", record) }
                    return
                }
                scope = "d:" + members.members.joined(separator: ",")
                channel = ["channel_type": "messaging", "channel_member_ids": .array(memberIDs(directs[slot]).map { .string($0) })]
            }
            guard let root = plan(o, scope: scope, channel: channel, parent: nil, record: record, account: account) else {
                if account { skipPosts(replies.count, "its thread's first message was not converted", record) }
                return
            }
            try body(o, root)
            for (i, reply) in replies.enumerated() {
                if let plan = plan(reply, scope: scope, channel: channel, parent: root.id, record: record + " reply \(i)", account: account)
                {
                    try body(reply, plan)
                }
            }
        }
    }

    private func skipPosts(_ count: Int, _ reason: String, _ record: String) {
        for _ in 0..<count {
            report.read("messages")
            report.skip("messages", reason, record: "post", id: record)
        }
    }

    private func plan(_ post: JSONObject, scope: String, channel: JSONObject, parent: String?, record: String, account: Bool) -> PostPlan? {
        if account { report.read("messages") }
        guard let author = post["user"]?.stringValue, !author.isEmpty else {
            if account { report.skip("messages", "no user", record: "post", id: record) }
            return nil
        }
        guard let time = MattermostTime.of(post["create_at"]) else {
            if account { report.skip("messages", "no create_at", record: "post", id: record) }
            return nil
        }
        let base = "\(scope)|\(post["create_at"]!.description)|\(author)"
        let ordinal = ordinals[base, default: 0]
        ordinals[base] = ordinal + 1
        let id = "mm-" + StreamIDMap.hexHash("\(base)|\(ordinal)").prefix(32)
        return PostPlan(id: id, parentID: parent, channel: channel, author: author, time: time, record: record)
    }

    private func item(_ post: JSONObject, _ plan: PostPlan) -> JSONObject {
        var item: JSONObject = ["id": .string(plan.id)]
        item = item.merging(plan.channel)
        item["user"] = .string(userMap[plan.author]!)
        item["created_at"] = .string(plan.time.rfc3339)
        let postType = post["type"]?.stringValue ?? ""
        item["type"] = postType.hasPrefix("system_") ? "system" : plan.parentID == nil ? "regular" : "reply"
        if let parent = plan.parentID, !postType.hasPrefix("system_") { item["parent_id"] = .string(parent) }
        var text = post["message"]?.stringValue ?? ""
        let limit = ChannelTypeConfig.defaultMaxMessageLength
        if text.unicodeScalars.count > limit {
            report.note("message", plan.record, "message", .changed, "\(text.unicodeScalars.count) characters, cut to Stream's \(limit)")
            var scalars = String.UnicodeScalarView()
            scalars.append(contentsOf: text.unicodeScalars.prefix(limit))
            text = String(scalars)
        }
        if !text.isEmpty { item["text"] = .string(text) }
        let mentioned = mentions(text)
        if !mentioned.users.isEmpty { item["mentioned_users_ids"] = .array(mentioned.users.map { .string($0) }) }
        if mentioned.here { item["mentioned_here"] = true }
        if mentioned.channel { item["mentioned_channel"] = true }
        if post["is_pinned"]?.boolValue == true {
            // The export has no pin time or pinner: the post's own stand in.
            item["pinned_at"] = item["created_at"]
            item["pinned_by_id"] = item["user"]
        }
        if let edited = MattermostTime.of(post["edit_at"]) { item["message_text_updated_at"] = .string(edited.rfc3339) }
        let paths = (post["attachments"]?.arrayValue ?? []).compactMap { $0.objectValue?["path"]?.stringValue }
        var attachments = paths.prefix(MessageRules.maxAttachments).map(Self.attachment)
        if !paths.isEmpty {
            for path in paths {
                report.note(
                    link: .init(
                        messageId: plan.id,
                        url: path,
                        reason: "a file in the export, not a URL: upload it and set the attachment's URL before importing to Stream"
                    )
                )
            }
            if paths.count > MessageRules.maxAttachments {
                report.note(
                    "message",
                    plan.record,
                    "attachments",
                    .dropped,
                    "\(paths.count) files, over Stream's limit of \(MessageRules.maxAttachments)"
                )
            }
        }
        attachments += MessageCards.attachments(
            post["props"]?.objectValue?["attachments"]?.arrayValue ?? [],
            room: MessageRules.maxAttachments - attachments.count,
            markup: { $0 },
            note: { field, reason in report.note("message", plan.record, "props." + field, .dropped, reason) }
        )
        if !attachments.isEmpty { item["attachments"] = .array(attachments.map { .object($0) }) }
        if postType.hasPrefix("system_") { item["mm_post_type"] = .string(postType) }
        // A webhook or bot posts as its owner's account under a name of its own ("Jenkins"):
        // the name Mattermost showed, and how the post came, stay with it.
        let props = post["props"]?.objectValue ?? [:]
        if let name = props["override_username"]?.stringValue, !name.isEmpty { item["mm_override_username"] = .string(name) }
        for flag in ["from_webhook", "from_bot"] where ["true", true].contains(props[flag]) { item["mm_" + flag] = true }
        return item
    }

    /// The `@username` words that name a user of the export (as Stream ids), and whether the
    /// text says `@here`, or `@channel` or `@all`, as whole words: `@allen` and `x@here.test`
    /// must not reach every member.
    private func mentions(_ text: String) -> (users: [String], here: Bool, channel: Bool) {
        var out: (users: [String], here: Bool, channel: Bool) = ([], false, false)
        guard text.contains("@") else { return out }
        for word in text.split(whereSeparator: { !($0.isLetter || $0.isNumber || "@._-".contains($0)) }) where word.hasPrefix("@") {
            let name = String(word.dropFirst()).trimmingSuffix(".")
            switch name {
            case "here": out.here = true
            case "channel", "all": out.channel = true
            default: if known.contains(name), let id = userMap[name], !out.users.contains(id) { out.users.append(id) }
            }
        }
        return out
    }

    /// A file the export holds only by path: typed by its extension, named by its last segment.
    static func attachment(_ path: String) -> JSONObject {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let ext = name.split(separator: ".").last?.lowercased() ?? ""
        let type =
            ["png", "jpg", "jpeg", "gif", "webp", "heic"].contains(ext)
            ? "image"
            : ["mp4", "mov", "webm", "mkv"].contains(ext) ? "video" : ["mp3", "m4a", "ogg", "wav", "flac"].contains(ext) ? "audio" : "file"
        return ["type": .string(type), "title": .string(name), "mm_path": .string(path)]
    }
}

extension String {
    fileprivate func trimmingSuffix(_ character: Character) -> String {
        var s = Substring(self)
        while s.last == character { s = s.dropLast() }
        return String(s)
    }
}
