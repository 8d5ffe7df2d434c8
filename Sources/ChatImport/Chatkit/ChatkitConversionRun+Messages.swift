import ChatModel

/// The second pass over the messages: each is converted and written as it is read.
extension ChatkitConversionRun {
    func writeMessages(_ sink: any ConvertedItemSink) throws {
        var ordinal = 0
        let total = source.messageBytes
        try source.forEach(.messages) { o, place, bytes in
            defer {
                ordinal += 1
                if ordinal % 8192 == 0 { progress?(ImportProgress(items: ordinal, bytes: (total + bytes) / 2)) }
            }
            report.countsIn.messages += 1
            let message = try ChatkitMessage(o, place)
            let id = "\(message.roomID)/\(message.id)"
            guard let slot = roomSlots[message.roomID] else { return skip("messages", "room not in the export", kind: "message", id: id) }
            let room = rooms[slot]
            guard room.deletedAt == nil else { return skip("messages", "room deleted in Chatkit", kind: "message", id: id) }
            guard !repeatedMessages.contains(Int32(ordinal)) else {
                return skip("messages", "repeats a message id within its room", kind: "message", id: id)
            }
            try sink.write(.message, item(message, room: room))
            report.countsOut.messages += 1
        }
        progress?(ImportProgress(items: ordinal, bytes: total))
    }

    private func item(_ message: ChatkitMessage, room: ChatkitRoom) -> JSONObject {
        let channel = channelMap[room.id]!
        let streamID = "\(channel)-\(message.id)"
        let recordID = "\(message.roomID)/\(message.id)"
        var item: JSONObject = [
            "id": .string(streamID), "channel_type": .string(channelType(room)), "channel_id": .string(channel),
            "user": .string(userMap[message.senderID]!), "created_at": .string(message.createdAt.rfc3339),
        ]
        if let deleted = message.deletedAt {
            // Content deleted in Chatkit does not come back; the message stays as a tombstone.
            item["type"] = "deleted"
            item["deleted_at"] = .string(deleted.rfc3339)
            if !message.parts.isEmpty { note("message", recordID, "parts", .dropped, "the message was deleted in Chatkit") }
        } else {
            item["type"] = "regular"
            let body = ChatkitMessageBody(parts: message.parts, maxTextLength: ChannelTypeConfig.defaultMaxMessageLength) { n in
                record(n, messageID: streamID, recordID: recordID)
            }
            if !body.text.isEmpty { item["text"] = .string(body.text) }
            if !body.attachments.isEmpty { item["attachments"] = .array(body.attachments) }
        }
        item["chatkit_message_id"] = .number(String(message.id))
        if let updated = message.updatedAt, updated != message.createdAt { item["chatkit_updated_at"] = .string(updated.rfc3339) }
        return item
    }

    private func record(_ n: ChatkitMessageBody.Note, messageID: String, recordID: String) {
        switch n {
        case .movedToText(let field, let url):
            note("part", recordID, field, .movedToText, "Stream attachment URLs must be https://; \(url) is now a line of the text")
        case .unusablePart(let field, let reason):
            note("part", recordID, field, .dropped, reason)
        case .droppedCustom(let field, let bytes):
            note("part", recordID, field, .dropped, "attachment custom data of \(bytes) bytes is over Stream's 5 KiB limit")
        case .expiringLink(let url, let expiresAt):
            report.note(ChatkitConversionReport.ExpiringLink(messageId: messageID, url: url, expiresAt: expiresAt?.rfc3339))
        case .truncatedText(let length):
            note(
                "message",
                recordID,
                "text",
                .truncated,
                "\(length) characters, over Stream's \(ChannelTypeConfig.defaultMaxMessageLength)-character limit"
            )
        case .droppedAttachments(let count):
            note("message", recordID, "parts", .dropped, "\(count) attachments over Stream's limit of \(MessageRules.maxAttachments)")
        }
    }
}
