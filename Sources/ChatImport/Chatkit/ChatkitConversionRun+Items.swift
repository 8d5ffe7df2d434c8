import ChatModel

/// Users, channels and members, written in Stream's order before the messages.
extension ChatkitConversionRun {
    func writeUsers(_ sink: any ConvertedItemSink) throws {
        for user in users {
            let id = userMap[user.id]!
            var standard: JSONObject = ["id": .string(id)]
            if let role = globalRoles[user.id], role != "user" { standard["role"] = .string(role) }
            if let created = user.createdAt { standard["created_at"] = .string(created.rfc3339) }
            if let deleted = user.deletedAt { standard["deleted_at"] = .string(deleted.rfc3339) }
            var custom: JSONObject = ["name": .string(user.name ?? user.id)]
            if let avatar = user.avatarURL { custom["image"] = .string(avatar) }
            if id != user.id { custom["chatkit_id"] = .string(user.id) }
            if let updated = user.updatedAt, updated != user.createdAt { custom["chatkit_updated_at"] = .string(updated.rfc3339) }
            let spread = spreadCustomData(user.customData, into: &custom, taken: ChatkitCustomFields.userTaken, kind: "user", id: user.id)
            fitCustom(&custom, droppable: spread, kind: "user", id: user.id)
            try sink.write(.user, standard.merging(custom))
            report.countsOut.users += 1
        }
        for placeholder in placeholders {
            let id = userMap[placeholder.id]!
            var item: JSONObject = ["id": .string(id), "name": .string(placeholder.id), "chatkit_placeholder": true]
            if id != placeholder.id { item["chatkit_id"] = .string(placeholder.id) }
            try sink.write(.user, item)
            report.placeholderUsers.append(.init(chatkitId: placeholder.id, streamId: id, referencedBy: placeholder.referencedBy))
            report.countsOut.users += 1
            report.countsOut.placeholderUsers += 1
        }
    }

    func channelType(_ room: ChatkitRoom) -> String { room.isPrivate ? "messaging" : options.publicRoomType.rawValue }

    func writeChannels(_ sink: any ConvertedItemSink) throws {
        for room in rooms where room.deletedAt == nil {
            let id = channelMap[room.id]!
            var standard: JSONObject = [
                "type": .string(channelType(room)), "id": .string(id),
                "created_by": .string(userMap[room.createdByID ?? Self.systemUser]!),
            ]
            if let created = room.createdAt { standard["created_at"] = .string(created.rfc3339) }
            var custom = JSONObject()
            if let name = room.name { custom["name"] = .string(name) }
            if room.isPlaceholder { custom["chatkit_placeholder"] = true }
            if id != room.id { custom["chatkit_id"] = .string(room.id) }
            if let title = room.pushTitleOverride { custom["push_notification_title_override"] = .string(title) }
            if let updated = room.updatedAt, updated != room.createdAt { custom["chatkit_updated_at"] = .string(updated.rfc3339) }
            let spread = spreadCustomData(
                room.customData,
                into: &custom,
                taken: ChatkitCustomFields.channelTaken,
                kind: "room",
                id: room.id
            )
            fitCustom(&custom, droppable: spread, kind: "room", id: room.id)
            try sink.write(.channel, standard.merging(custom))
            report.countsOut.channels += 1
        }
    }

    func writeMembers(_ sink: any ConvertedItemSink) throws {
        for (slot, room) in rooms.enumerated() where room.deletedAt == nil {
            let channel = channelMap[room.id]!
            let type = channelType(room)
            for user in members[slot] {
                var item: JSONObject = ["channel_type": .string(type), "channel_id": .string(channel), "user_id": .string(userMap[user]!)]
                if let role = roomRoles[room.id + "\0" + user] { item["channel_role"] = .string(role) }
                if let cursor = cursors[room.id + "\0" + user], let lastRead = lastRead(cursor) {
                    item["last_read"] = .string(lastRead.rfc3339)
                    report.countsOut.lastRead += 1
                }
                try sink.write(.member, item)
                report.countsOut.members += 1
            }
        }
    }

    /// A cursor's `last_read`: the time of the newest message at or before its position (a
    /// position past the newest message reads the whole room). With no message at or before
    /// it, the room is unread from its first message, so `last_read` is a second before that;
    /// in an empty room the cursor's own `updated_at` says when it was set.
    private func lastRead(_ cursor: ChatkitCursor) -> Timestamp? {
        let id = "\(cursor.roomID)/\(cursor.userID)"
        switch index.readPosition(room: cursor.roomID, position: cursor.position) {
        case .at(let time, let sameSecondAfter):
            if sameSecondAfter {
                note(
                    "cursor",
                    id,
                    "last_read",
                    .truncated,
                    "Chatkit times have whole seconds: a message after position \(cursor.position) has the same time and will count as read"
                )
            }
            return time
        case .beforeFirst(let first):
            return Timestamp(seconds: first.seconds - 1, nanoseconds: first.nanoseconds)
        case .emptyRoom:
            guard let updated = cursor.updatedAt else {
                skip("cursors", "empty room and no updated_at", kind: "cursor", id: id)
                return nil
            }
            return updated
        }
    }

    private func spreadCustomData(
        _ data: JSONObject,
        into custom: inout JSONObject,
        taken: Set<String>,
        kind: String,
        id: String
    ) -> [String] {
        ChatkitCustomFields.spread(data, into: &custom, taken: taken) { old, new in
            note(kind, id, "custom_data.\(old)", .renamed, "\"\(old)\" is a field Stream reserves or uses; kept as \"\(new)\"")
        }
    }

    func fitCustom(_ custom: inout JSONObject, droppable: [String], kind: String, id: String) {
        ChatkitCustomFields.fit(&custom, droppable: droppable) { key, bytes in
            note(
                kind,
                id,
                "custom_data.\(key)",
                .dropped,
                "custom data of \(bytes) bytes is over Stream's 5 KiB limit; largest keys dropped first"
            )
        }
    }
}
