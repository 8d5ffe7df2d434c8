import ChatModel

/// Users, channels and members, written in Stream's order before the messages.
extension SlackConversionRun {
    func writeUsers(_ sink: any ConvertedItemSink) throws {
        for user in users {
            let id = userMap[user.id]!
            var item: JSONObject = ["id": .string(id)]
            if user.isAdmin { item["role"] = "admin" }
            if user.deleted {
                // Slack's "deleted" is a deactivated account: its history keeps its author.
                if let updated = user.updated {
                    item["deactivated_at"] = .string(updated.rfc3339)
                    report.note("user", user.id, "deleted", .mapped, "deactivated in Slack: deactivated_at is the record's last update")
                } else {
                    report.note("user", user.id, "deleted", .mapped, "deactivated in Slack, time unknown: kept as slack_deactivated")
                }
            }
            item["name"] = .string(user.name)
            if let image = user.image { item["image"] = .string(image) }
            if let handle = user.handle { item["slack_username"] = .string(handle) }
            if id != user.id { item["slack_id"] = .string(user.id) }
            if user.deleted && user.updated == nil { item["slack_deactivated"] = true }
            if user.isBot { item["is_bot"] = true }
            if let timezone = user.timezone { item["timezone"] = .string(timezone) }
            try write(sink, .user, item)
            report.converted("users")
        }
        for bot in bots {
            let id = userMap[bot.id]!
            var item: JSONObject = ["id": .string(id), "name": .string(bot.name), "is_bot": true]
            if id != bot.id { item["slack_id"] = .string(bot.id) }
            item["slack_bot_id"] = .string(bot.id)
            // Counted with the users: a bot is a user no users.json record describes.
            report.read("users")
            try write(sink, .user, item)
            report.converted("users")
        }
        for placeholder in placeholders {
            let id = userMap[placeholder.id]!
            var item: JSONObject = ["id": .string(id), "name": .string(placeholder.name), "slack_placeholder": true]
            if id != placeholder.id { item["slack_id"] = .string(placeholder.id) }
            try write(sink, .user, item)
            report.placeholders.append(.init(kind: "user", sourceId: placeholder.id, streamId: id, referencedBy: placeholder.referencedBy))
        }
    }

    /// Who made a channel: its creator, else its first member, else `slack-system`.
    private func creator(_ conversation: SlackConversation) -> String {
        userMap[conversation.creator ?? conversation.members.first ?? Self.systemUser]!
    }

    func writeChannels(_ sink: any ConvertedItemSink) throws {
        for (slot, conversation) in conversations.enumerated() {
            guard writesChannel[slot] else { continue }
            var item: JSONObject = ["type": conversation.kind.isDirect ? "messaging" : "team"]
            if let members = distinctMembers[slot] {
                item["member_ids"] = .array(members.map { .string($0) })
            } else {
                item["id"] = .string(channelMap[conversation.id]!)
            }
            item["created_by"] = .string(creator(conversation))
            if let created = conversation.created { item["created_at"] = .string(created.rfc3339) }
            if conversation.archived {
                item["frozen"] = true
                report.note("channel", conversation.id, "is_archived", .mapped, "archived in Slack: frozen (history kept, no new messages)")
            }
            if let name = conversation.name, conversation.kind != .mpim { item["name"] = .string(name) }
            if let topic = conversation.topic { item["topic"] = .string(topic) }
            if let purpose = conversation.purpose { item["purpose"] = .string(purpose) }
            if conversation.kind == .group { item["slack_private"] = true }
            if conversation.kind == .mpim, let name = conversation.name { item["slack_name"] = .string(name) }
            if conversation.kind.isDirect || channelMap[conversation.id] != conversation.id { item["slack_id"] = .string(conversation.id) }
            try write(sink, .channel, item)
            report.converted("channels")
        }
    }

    func writeMembers(_ sink: any ConvertedItemSink) throws {
        for (slot, conversation) in conversations.enumerated() where writesChannel[slot] {
            var seen: Set<String> = []
            for member in conversation.members {
                let id = userMap[member]!
                guard seen.insert(id).inserted else { continue }
                var item = channelReference(slot)
                item["user_id"] = .string(id)
                try write(sink, .member, item)
            }
        }
    }
}
