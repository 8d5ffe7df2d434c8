import ChatModel

/// The second and third passes over the day files: messages, then their reactions (Stream
/// wants every message before any reaction). Each day file is parsed, converted and let go.
extension SlackConversionRun {
    func writeMessages(_ sink: any ConvertedItemSink) throws {
        for slot in conversations.indices {
            try forEachMessage(slot, account: true) { message, plan in
                try write(sink, .message, item(message, plan, slot: slot))
                report.converted("messages")
            }
        }
    }

    func writeReactions(_ sink: any ConvertedItemSink) throws {
        for slot in conversations.indices {
            let conversation = conversations[slot]
            try forEachMessage(slot) { message, plan in
                let id = messageID(slot, plan.ts)
                var seen: Set<String> = []
                for reaction in message["reactions"]?.arrayValue ?? [] {
                    let name = reaction.objectValue?["name"]?.stringValue ?? ""
                    let type = ReactionTypeName.fit(name)
                    for user in reaction.objectValue?["users"]?.arrayValue ?? [] {
                        report.read("reactions")
                        let record = "\(conversation.id)/\(plan.ts)"
                        guard let user = user.stringValue, !user.isEmpty else {
                            report.skip("reactions", "no user", record: "reaction", id: record)
                            continue
                        }
                        guard !name.isEmpty else {
                            report.skip("reactions", "no emoji name", record: "reaction", id: record)
                            continue
                        }
                        guard seen.insert(type + "\0" + user).inserted else {
                            report.skip("reactions", "the same user and emoji twice on one message", record: "reaction", id: record)
                            continue
                        }
                        var item: JSONObject = [
                            "message_id": .string(id), "type": .string(type), "user_id": .string(userMap[user]!),
                            // Slack keeps no time for a reaction: the message's is the earliest it can be.
                            "created_at": .string(plan.time.rfc3339),
                        ]
                        if type != name {
                            item["slack_emoji"] = .string(name)
                            report.note(
                                "reaction",
                                record,
                                "name",
                                .changed,
                                "emoji \(name) is not a valid Stream reaction type (30 characters of letters, digits, _ - + : .): \(type)"
                            )
                        }
                        try write(sink, .reaction, item)
                        report.converted("reactions")
                    }
                }
            }
        }
    }

    func messageID(_ slot: Int, _ ts: String) -> String { "\(channelMap[conversations[slot].id]!)-\(ts)" }

    private func item(_ m: JSONObject, _ plan: SlackMessagePlan, slot: Int) -> JSONObject {
        let conversation = conversations[slot]
        let record = "\(conversation.id)/\(plan.ts)"
        let id = messageID(slot, plan.ts)
        var item: JSONObject = ["id": .string(id)]
        item = item.merging(channelReference(slot))
        item["user"] = .string(userMap[plan.author]!)
        item["created_at"] = .string(plan.time.rfc3339)
        switch plan.kind {
        case .deleted:
            // A deleted thread parent Slack keeps so its replies stay attached.
            item["type"] = "deleted"
            item["deleted_at"] = .string(plan.time.rfc3339)
            item["slack_subtype"] = "tombstone"
            return item
        case .system: item["type"] = "system"
        case .regular: item["type"] = "regular"
        }
        let text = SlackText(
            SlackMessagePlan.text(of: m),
            userName: { self.names[$0] },
            channelName: { self.channelNames[$0] }
        )
        var body = text.text
        if plan.subtype == "me_message", !body.isEmpty { body = "_\(body)_" }
        let limit = ChannelTypeConfig.defaultMaxMessageLength
        if body.unicodeScalars.count > limit {
            report.note("message", record, "text", .changed, "\(body.unicodeScalars.count) characters, cut to Stream's \(limit)")
            var scalars = String.UnicodeScalarView()
            scalars.append(contentsOf: body.unicodeScalars.prefix(limit))
            body = String(scalars)
        }
        if !body.isEmpty { item["text"] = .string(body) }
        if !text.mentionedUsers.isEmpty { item["mentioned_users_ids"] = .array(text.mentionedUsers.map { .string(userMap[$0]!) }) }
        if text.mentionedHere { item["mentioned_here"] = true }
        if text.mentionedChannel { item["mentioned_channel"] = true }
        if plan.kind == .regular { thread(m, plan, slot: slot, into: &item) }
        var attachments = SlackFiles.attachments(m) { note in
            switch note {
            case .dropped(let field, let reason): report.note("file", record, field, .dropped, reason)
            case .tokenURL(let url):
                report.note(
                    link: .init(
                        messageId: id,
                        url: url,
                        reason: "url_private needs the Slack workspace's token: download and re-host it before importing to Stream"
                    )
                )
            }
        }
        attachments += MessageCards.attachments(
            m["attachments"]?.arrayValue ?? [],
            room: MessageRules.maxAttachments - attachments.count,
            markup: { SlackText($0, userName: { self.names[$0] }, channelName: { self.channelNames[$0] }).text },
            note: { field, reason in report.note("message", record, field, .dropped, reason) }
        )
        if !attachments.isEmpty { item["attachments"] = .array(attachments.map { .object($0) }) }
        let pin = conversation.pins[plan.ts]
        if pin != nil || m["pinned_to"]?.arrayValue?.contains(.string(conversation.id)) == true {
            // The channel's `pins` says who pinned it and when, where the export has it; else
            // the message's author and time stand in (a message keeps neither).
            item["pinned_at"] = .string((pin?.created ?? plan.time).rfc3339)
            item["pinned_by_id"] = pin?.user.flatMap { userMap[$0] }.map(JSONValue.string) ?? item["user"]
        }
        if let edited = m["edited"]?.objectValue {
            if let time = SlackTime.ts(edited["ts"]?.stringValue ?? "") { item["message_text_updated_at"] = .string(time.rfc3339) }
            if let by = edited["user"]?.stringValue { item["slack_edited_by"] = .string(by) }
        }
        if let subtype = plan.subtype { item["slack_subtype"] = .string(subtype) }
        if plan.bot != nil, let username = m["username"]?.stringValue { item["slack_bot_username"] = .string(username) }
        return item
    }

    /// A reply names its thread's first message; a broadcast reply also shows in the channel.
    private func thread(_ m: JSONObject, _ plan: SlackMessagePlan, slot: Int, into item: inout JSONObject) {
        guard let parent = m["thread_ts"]?.stringValue, parent != plan.ts else { return }
        guard threadParents[slot].contains(parent) else {
            report.note(
                "message",
                "\(conversations[slot].id)/\(plan.ts)",
                "thread_ts",
                .dropped,
                "its thread's first message is not in the export: kept as a message of the channel (slack_thread_ts)"
            )
            item["slack_thread_ts"] = .string(parent)
            return
        }
        item["type"] = "reply"
        item["parent_id"] = .string(messageID(slot, parent))
        if plan.subtype == "thread_broadcast" || plan.subtype == "reply_broadcast" { item["show_in_channel"] = true }
    }
}
