import ChatModel

/// One run of `ChatkitConverter` (the public entry): the conversion's state. Reading builds
/// the plan (users, rooms, members, roles, cursors, the message index, id maps, placeholders);
/// writing (ChatkitConversionRun+Items) turns it into Stream items. Users and rooms are few
/// and held; messages are not.
final class ChatkitConversionRun {
    let source: ChatkitExportSource
    let options: ChatkitConverter.Options
    let progress: ((ImportProgress) -> Void)?
    var report: ChatkitConversionReport

    var users: [ChatkitUser] = []
    var knownUsers: Set<String> = []
    var rooms: [ChatkitRoom] = []
    var roomSlots: [String: Int] = [:]
    /// Per room slot: member ids in first-seen order, and as a set.
    var members: [[String]] = []
    var memberSets: [Set<String>] = []
    var roleDefinitions: [String: ChatkitRole] = [:]
    /// Stream role per Chatkit user (global) and per room + user (`room\0user`).
    var globalRoles: [String: String] = [:]
    var roomRoles: [String: String] = [:]
    /// `room\0user` → the cursor that becomes that member's `last_read`.
    var cursors: [String: ChatkitCursor] = [:]
    var index = ChatkitMessageIndex()
    var repeatedMessages: Set<Int32> = []
    var userMap = StreamIDMap(.user)
    var channelMap = StreamIDMap(.channelID)
    var placeholders: [(id: String, referencedBy: String)] = []
    /// Senders the users file lacks, found by the first pass over the messages.
    private var senderPlaceholders: [(String, String)] = []
    private var unknownSenders: Set<String> = []
    var notConverted: [String: [String: Int]] = [:]

    static let systemUser = "chatkit-system"

    init(source: ChatkitExportSource, options: ChatkitConverter.Options, progress: ((ImportProgress) -> Void)?) {
        self.source = source
        self.options = options
        self.progress = progress
        report = ChatkitConversionReport(
            export: source.path,
            output: nil,
            publicRoomType: options.publicRoomType.rawValue,
            listLimit: options.listLimit
        )
    }

    func run(into sink: any ConvertedItemSink) throws -> ChatkitConversionReport {
        try readRoles()
        try readUsers()
        try readRooms()
        try readMemberships()
        try readUserRoles()
        try indexMessages()
        try readCursors()
        planPlaceholders()
        userMap.add(users.map(\.id) + placeholders.map(\.id))
        channelMap.add(rooms.filter { $0.deletedAt == nil }.map(\.id))
        for i in report.placeholderRooms.indices {
            report.placeholderRooms[i].streamId = channelMap[report.placeholderRooms[i].chatkitId] ?? ""
        }
        for (original, mapped) in userMap.changes {
            report.changedIds.append(.init(kind: "user", chatkitId: original, streamId: mapped, reason: userMap.reason(original)))
        }
        for (original, mapped) in channelMap.changes {
            report.changedIds.append(.init(kind: "channel", chatkitId: original, streamId: mapped, reason: channelMap.reason(original)))
        }
        try writeUsers(sink)
        try writeChannels(sink)
        try writeMembers(sink)
        try writeMessages(sink)
        finishTallies()
        return report
    }

    // MARK: Reading

    private func readRoles() throws {
        try source.forEach(.roles) { o, place, _ in
            let role = try ChatkitRole(o, place)
            report.countsIn.roles += 1
            roleDefinitions[role.scope + "\0" + role.name] = role
        }
    }

    private func readUsers() throws {
        try source.forEach(.users) { o, place, _ in
            let user = try ChatkitUser(o, place)
            report.countsIn.users += 1
            guard knownUsers.insert(user.id).inserted else {
                return skip("users", "repeats a user id", kind: "user", id: user.id)
            }
            users.append(user)
        }
    }

    private func readRooms() throws {
        try source.forEach(.rooms) { o, place, _ in
            let room = try ChatkitRoom(o, place)
            report.countsIn.rooms += 1
            guard roomSlots[room.id] == nil else { return skip("rooms", "repeats a room id", kind: "room", id: room.id) }
            roomSlots[room.id] = rooms.count
            rooms.append(room)
            members.append([])
            memberSets.append([])
            for user in room.memberIDs { addMember(user, slot: rooms.count - 1) }
            if room.deletedAt != nil { skip("rooms", "deleted in Chatkit", kind: "room", id: room.id) }
        }
    }

    private func addMember(_ user: String, slot: Int) {
        if memberSets[slot].insert(user).inserted { members[slot].append(user) }
    }

    private func readMemberships() throws {
        try source.forEach(.memberships) { o, place, _ in
            let membership = try ChatkitMembership(o, place)
            report.countsIn.memberships += 1
            guard let slot = roomSlots[membership.roomID] else {
                return note("membership", membership.roomID, nil, .skipped, "room not in the export")
            }
            for user in membership.userIDs { addMember(user, slot: slot) }
        }
    }

    private func readUserRoles() throws {
        try source.forEach(.userRoles) { o, place, _ in
            let assignment = try ChatkitUserRole(o, place)
            report.countsIn.userRoles += 1
            let scope = assignment.roomID == nil ? "global" : "room"
            let permissions = assignment.permissions ?? roleDefinitions[scope + "\0" + assignment.roleName]?.permissions ?? []
            let streamRole = Self.streamRole(name: assignment.roleName, scope: scope, permissions: permissions)
            if !report.roles.contains(where: { $0.chatkitRole == assignment.roleName && $0.scope == scope }) {
                report.roles.append(.init(chatkitRole: assignment.roleName, scope: scope, streamRole: streamRole))
            }
            if let room = assignment.roomID {
                guard let slot = roomSlots[room], memberSets[slot].contains(assignment.userID) else {
                    return note(
                        "user_role",
                        "\(room)/\(assignment.userID)",
                        nil,
                        .skipped,
                        "role \(assignment.roleName) is for a room the user is not a member of"
                    )
                }
                roomRoles[room + "\0" + assignment.userID] = streamRole
            } else {
                globalRoles[assignment.userID] = streamRole
            }
        }
    }

    /// Chatkit roles by what they allow: a global role that may update or delete rooms (or is
    /// called admin) is Stream's `admin`; a room role that may manage members or the room is
    /// `channel_moderator`. Everything else is the default (`user`, `channel_member`).
    static func streamRole(name: String, scope: String, permissions: [String]) -> String {
        let lower = name.lowercased()
        if scope == "global" {
            return lower == "admin" || permissions.contains("room:delete") || permissions.contains("room:update") ? "admin" : "user"
        }
        let moderating = ["room:members:add", "room:members:remove", "room:update", "room:delete"]
        return lower == "admin" || lower == "moderator" || permissions.contains(where: moderating.contains)
            ? "channel_moderator" : "channel_member"
    }

    /// First pass: each room's message ids and times, for cursors and repeated ids.
    private func indexMessages() throws {
        var ordinal = 0
        let total = source.messageBytes
        try source.forEach(.messages) { o, place, bytes in
            let message = try ChatkitMessage(header: o, place)
            if roomSlots[message.roomID] == nil { addPlaceholderRoom(for: message) }
            if let slot = roomSlots[message.roomID], rooms[slot].isPlaceholder {
                addMember(message.senderID, slot: slot)
                rooms[slot].createdAt = min(rooms[slot].createdAt ?? message.createdAt, message.createdAt)
            }
            if let slot = roomSlots[message.roomID], rooms[slot].deletedAt == nil {
                index.add(room: message.roomID, id: message.id, time: message.createdAt, ordinal: ordinal)
                if !knownUsers.contains(message.senderID), unknownSenders.insert(message.senderID).inserted {
                    senderPlaceholders.append((message.senderID, "message \(message.roomID)/\(message.id) sender"))
                }
            }
            ordinal += 1
            if ordinal % 8192 == 0 { progress?(ImportProgress(items: 0, bytes: bytes / 2)) }
        }
        repeatedMessages = index.seal()
        progress?(ImportProgress(items: 0, bytes: total / 2))
    }

    /// Keeps the messages of a room the export lacks: a private channel of the people who
    /// wrote in it, marked `chatkit_placeholder`.
    private func addPlaceholderRoom(for message: ChatkitMessage) {
        roomSlots[message.roomID] = rooms.count
        rooms.append(ChatkitRoom(placeholder: message.roomID, createdBy: message.senderID, createdAt: message.createdAt))
        members.append([])
        memberSets.append([])
        report.placeholderRooms.append(
            .init(chatkitId: message.roomID, streamId: "", referencedBy: "message \(message.roomID)/\(message.id) room_id")
        )
    }

    private func readCursors() throws {
        try source.forEach(.cursors) { o, place, _ in
            let cursor = try ChatkitCursor(o, place)
            report.countsIn.cursors += 1
            let id = "\(cursor.roomID)/\(cursor.userID)"
            guard cursor.cursorType == 0 else { return skip("cursors", "not a read cursor (cursor_type ≠ 0)", kind: "cursor", id: id) }
            guard let slot = roomSlots[cursor.roomID] else { return skip("cursors", "room not in the export", kind: "cursor", id: id) }
            guard rooms[slot].deletedAt == nil else { return skip("cursors", "room deleted in Chatkit", kind: "cursor", id: id) }
            guard memberSets[slot].contains(cursor.userID) else {
                return skip("cursors", "user is not a member of the room", kind: "cursor", id: id)
            }
            let key = cursor.roomID + "\0" + cursor.userID
            if let earlier = cursors[key] {
                // Two cursors for one member: the later one is where the user got to.
                let keepNew = (cursor.updatedAt ?? Timestamp(seconds: .min)) >= (earlier.updatedAt ?? Timestamp(seconds: .min))
                if keepNew { cursors[key] = cursor }
                return skip("cursors", "repeats the cursor of the same user and room", kind: "cursor", id: id)
            }
            cursors[key] = cursor
        }
    }

    /// Users that rooms name but the export lacks get a placeholder, so every reference resolves.
    private func planPlaceholders() {
        var planned: Set<String> = []
        func need(_ id: String, _ referencedBy: String) {
            guard !knownUsers.contains(id), planned.insert(id).inserted else { return }
            placeholders.append((id, referencedBy))
        }
        for (slot, room) in rooms.enumerated() where room.deletedAt == nil {
            need(room.createdByID ?? Self.systemUser, "room \(room.id) created_by_id")
            for user in members[slot] { need(user, "room \(room.id) members") }
        }
        for (id, referencedBy) in senderPlaceholders { need(id, referencedBy) }
    }

    // MARK: Reporting

    func note(_ kind: String, _ id: String, _ field: String?, _ action: ChatkitConversionReport.Action, _ reason: String) {
        report.note(ChatkitConversionReport.Change(kind: kind, chatkitId: id, field: field, action: action, reason: reason))
    }

    /// A record left out: counted under `tally` and listed as a change.
    func skip(_ tally: String, _ reason: String, kind: String, id: String) {
        notConverted[tally, default: [:]][reason, default: 0] += 1
        note(kind, id, nil, .skipped, reason)
    }

    private func finishTallies() {
        let converted = [
            "users": report.countsOut.users - report.countsOut.placeholderUsers,
            "rooms": report.countsOut.channels - report.placeholderRooms.count,
            "messages": report.countsOut.messages, "cursors": report.countsOut.lastRead,
        ]
        let sources = [
            "users": report.countsIn.users, "rooms": report.countsIn.rooms, "messages": report.countsIn.messages,
            "cursors": report.countsIn.cursors,
        ]
        report.accounting = ["users", "rooms", "messages", "cursors"].map { kind in
            ConversionTally(kind: kind, source: sources[kind]!, converted: converted[kind]!, reasons: notConverted[kind] ?? [:])
        }
    }
}
