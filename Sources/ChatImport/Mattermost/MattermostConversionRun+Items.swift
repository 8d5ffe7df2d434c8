import ChatModel

/// Users, channels and members, written in Stream's order before the messages.
extension MattermostConversionRun {
    func writeUsers(_ sink: any ConvertedItemSink) throws {
        for user in users {
            let id = userMap[user.username]!
            var item: JSONObject = ["id": .string(id)]
            if !user.teams.isEmpty { item["teams"] = .array(user.teams.map { .string($0) }) }
            if let deleted = user.deletedAt {
                item["deactivated_at"] = .string(deleted.rfc3339)
                report.note("user", user.username, "delete_at", .mapped, "deactivated in Mattermost: deactivated_at")
            }
            item["name"] = .string(user.name)
            if id != user.username { item["mm_username"] = .string(user.username) }
            if let nickname = user.nickname { item["nickname"] = .string(nickname) }
            if let position = user.position { item["position"] = .string(position) }
            // Stream's admin is app-wide and must be granted on purpose: the role is kept as a note.
            if user.isAdmin { item["mm_system_admin"] = true }
            if user.isBot { item["is_bot"] = true }
            if let owner = user.owner { item["mm_bot_owner"] = .string(owner) }
            try write(sink, .user, item)
            report.converted("users")
        }
        for placeholder in placeholders {
            let id = userMap[placeholder.id]!
            var item: JSONObject = ["id": .string(id), "name": .string(placeholder.id), "mm_placeholder": true]
            if id != placeholder.id { item["mm_username"] = .string(placeholder.id) }
            try write(sink, .user, item)
            report.placeholders.append(.init(kind: "user", sourceId: placeholder.id, streamId: id, referencedBy: placeholder.referencedBy))
        }
    }

    func writeChannels(_ sink: any ConvertedItemSink) throws {
        for (slot, channel) in channels.enumerated() {
            let members = channelMembers[slot]
            // Mattermost keeps no creator: a channel admin, else the first member, stands in.
            let creator = members.first(where: \.moderator)?.user ?? members.first?.user ?? Self.systemUser
            var item: JSONObject = [
                "type": "team", "id": .string(channelMap[channel.key]!), "created_by": .string(userMap[creator]!),
                "team": .string(channel.team),
            ]
            if let archived = channel.archivedAt {
                item["frozen"] = true
                item["mm_archived_at"] = .string(archived.rfc3339)
                report.note("channel", channel.key, "deleted_at", .mapped, "archived in Mattermost: frozen (history kept, no new messages)")
            }
            item["name"] = .string(channel.displayName ?? channel.name)
            if let header = channel.header { item["topic"] = .string(header) }
            if let purpose = channel.purpose { item["purpose"] = .string(purpose) }
            item["mm_team"] = .string(channel.team)
            item["mm_name"] = .string(channel.name)
            item["mm_type"] = channel.isPrivate ? "P" : "O"
            try write(sink, .channel, item)
        }
        for direct in directs {
            var item: JSONObject = [
                "type": "messaging", "member_ids": .array(memberIDs(direct).map { .string($0) }),
                "created_by": .string(userMap[direct.members[0]]!),
            ]
            if let header = direct.header { item["topic"] = .string(header) }
            item["mm_members"] = .array(direct.members.map { .string($0) })
            try write(sink, .channel, item)
        }
    }

    /// A direct channel's Stream members: the mapped usernames, sorted.
    func memberIDs(_ direct: MattermostDirectChannel) -> [String] { Array(Set(direct.members.map { userMap[$0]! })).sorted() }

    func writeMembers(_ sink: any ConvertedItemSink) throws {
        for (slot, channel) in channels.enumerated() {
            var seen: Set<String> = []
            for member in channelMembers[slot] where seen.insert(member.user).inserted {
                var item: JSONObject = [
                    "channel_type": "team", "channel_id": .string(channelMap[channel.key]!), "user_id": .string(userMap[member.user]!),
                ]
                if member.moderator { item["channel_role"] = "channel_moderator" }
                if let read = member.lastViewed { item["last_read"] = .string(read.rfc3339) }
                try write(sink, .member, item)
            }
        }
        for direct in directs {
            let ids = memberIDs(direct)
            for member in direct.members {
                var item: JSONObject = [
                    "channel_type": "messaging", "channel_member_ids": .array(ids.map { .string($0) }),
                    "user_id": .string(userMap[member]!),
                ]
                if let read = direct.lastViewed[member] { item["last_read"] = .string(read.rfc3339) }
                try write(sink, .member, item)
            }
        }
    }
}
