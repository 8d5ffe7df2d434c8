import ChatModel
import Foundation

/// Writes a synthetic Pusher Chatkit export directory (users, rooms, messages and cursors
/// `.ndjson`, one object a line, the export's field names), the same for the same seed: the
/// input of the Chatkit conversion benchmark. Every 50th user has an email id, every 7th room
/// id a space; rooms are private and public; messages carry text, https and http url parts,
/// signed attachments of each kind, and some are deleted. Chatkit times have whole seconds.
/// Memory: a few bytes per room, nothing per message.
public enum SyntheticChatkitExport {
    public struct Counts: Sendable, Equatable {
        public var users = 0, rooms = 0, messages = 0, cursors = 0
    }

    static let start: Int64 = 1_546_300_800  // 2019-01-01T00:00:00Z, a year before Chatkit's end was announced

    /// `progress` hears now and then how many messages are written.
    public static func write(
        _ spec: SyntheticImport.Spec,
        toDirectory directory: String,
        progress: (_ messages: Int) -> Void = { _ in }
    ) throws -> Counts {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var rng = SeededRandom(seed: spec.seed)
        var counts = Counts()
        func time(_ seconds: Int64) -> JSONValue { .string(Timestamp(seconds: seconds).rfc3339) }

        let userIDs = (0..<spec.users).map { i -> String in
            let first = SyntheticContent.firstNames[i % SyntheticContent.firstNames.count]
            return i % 50 == 49 ? "\(first.lowercased()).\(i)@example.com" : "user-\(i)"
        }
        let users = try ImportFileWriter(path: directory + "/users.ndjson")
        for (i, id) in userIDs.enumerated() {
            let first = SyntheticContent.firstNames[i % SyntheticContent.firstNames.count]
            let last = SyntheticContent.lastNames[(i / SyntheticContent.firstNames.count + i) % SyntheticContent.lastNames.count]
            try users.writeLine([
                "id": .string(id), "name": .string("\(first) \(last)"), "avatar_url": .string("https://avatars.example.com/\(i).png"),
                "custom_data": ["team": .string(SyntheticContent.topics[i % SyntheticContent.topics.count])],
                "created_at": time(start - 86_400 + Int64(i)), "updated_at": time(start - 86_400 + Int64(i)),
            ])
            counts.users += 1
        }
        try users.close()

        // Rooms: members (creator first), and per room the newest message id, for cursors.
        var members: [[Int]] = []
        let rooms = try ImportFileWriter(path: directory + "/rooms.ndjson")
        var roomIDs: [String] = []
        for i in 0..<spec.channels {
            let topic = SyntheticContent.topics[i % SyntheticContent.topics.count]
            let id = i % 7 == 6 ? "\(topic) \(i)" : "\(topic)-\(i)"
            var chosen: [Int] = []
            var seen = Set<Int>()
            while chosen.count < min(spec.users, 2 + rng.below(30)) {
                let u = rng.below(spec.users)
                if seen.insert(u).inserted { chosen.append(u) }
            }
            try rooms.writeLine([
                "id": .string(id), "created_by_id": .string(userIDs[chosen[0]]), "name": .string("#\(topic) \(i)"),
                "member_ids": .array(chosen.map { .string(userIDs[$0]) }), "private": .bool(i % 3 == 0),
                "created_at": time(start + Int64(i)), "updated_at": time(start + Int64(i)),
            ])
            roomIDs.append(id)
            members.append(chosen)
            counts.rooms += 1
        }
        try rooms.close()

        var newest = [Int?](repeating: nil, count: spec.channels)
        let picker = SkewedPicker(count: spec.channels)
        let messages = try ImportFileWriter(path: directory + "/messages.ndjson")
        let span: Int64 = 450 * 86_400
        let step = max(1, Double(span) / Double(max(spec.messages, 1)))
        var clock = Double(start + 86_400)
        var id = 1000
        for k in 0..<spec.messages {
            if k & 4095 == 0 { progress(k) }
            clock += step * (0.5 + Double(rng.below(1000)) / 1000)
            id += 1 + (rng.chance(0.1) ? rng.below(3) : 0)
            let room = picker.pick(&rng)
            let sender = userIDs[members[room][rng.below(members[room].count)]]
            let created = time(Int64(clock))
            var message: JSONObject = [
                "id": .int(id), "sender_id": .string(sender), "room_id": .string(roomIDs[room]), "created_at": created,
                "updated_at": created,
            ]
            if rng.chance(0.005) {
                message["deleted_at"] = time(Int64(clock) + 60)
                message["parts"] = []
            } else {
                message["parts"] = .array(parts(k, room: roomIDs[room], &rng))
            }
            try messages.writeLine(message)
            newest[room] = id
            counts.messages += 1
        }
        try messages.close()

        let cursors = try ImportFileWriter(path: directory + "/cursors.ndjson")
        for (room, roomMembers) in members.enumerated() {
            guard let last = newest[room] else { continue }
            for user in roomMembers where rng.chance(0.6) {
                // Most have read to the end; the rest stopped somewhere in the last few hundred ids.
                let position = rng.chance(0.5) ? last : max(1000, last - rng.below(400))
                try cursors.writeLine([
                    "room_id": .string(roomIDs[room]), "user_id": .string(userIDs[user]), "cursor_type": 0, "position": .int(position),
                    "updated_at": time(start + span + 2 * 86_400),
                ])
                counts.cursors += 1
            }
        }
        try cursors.close()
        return counts
    }

    private static func parts(_ k: Int, room: String, _ rng: inout SeededRandom) -> [JSONValue] {
        let text = SyntheticContent.sentence(&rng)
        var parts: [JSONValue] = [["part_type": "inline", "payload": ["type": "text/plain", "content": .string(text)]]]
        let roll = rng.below(1000)
        let file = "https://us1.pusherplatform.io/services/chatkit_files/v1/bench/rooms/\(k % 97)/files/\(k)"
        let signature = "?X-Amz-Expires=604800&X-Amz-Signature=\(String(rng.next(), radix: 16))"
        switch roll {
        case 0..<40:
            let kinds = [("image/jpeg", "jpg"), ("video/mp4", "mp4"), ("audio/mp4", "m4a"), ("application/pdf", "pdf")]
            let (mime, ext) = kinds[roll % kinds.count]
            parts.append([
                "part_type": "attachment",
                "payload": [
                    "type": .string(mime), "name": .string("file-\(k).\(ext)"), "size": .int(10_000 + k % 100_000),
                    "download_url": .string("\(file).\(ext)\(signature)"), "custom_data": ["source": "bench"],
                ],
            ])
        case 40..<60:
            parts.append(["part_type": "url", "payload": ["type": "image/png", "url": .string("https://images.example.com/\(k).png")]])
        case 60..<65:
            parts.append(["part_type": "url", "payload": ["type": "text/html", "url": .string("http://intranet.example.com/\(k)")]])
        default:
            break
        }
        return parts
    }
}
