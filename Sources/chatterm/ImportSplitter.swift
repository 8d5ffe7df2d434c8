import ChatImport
import ChatModel
import Foundation

/// The sink behind `chatterm split`: the validator hands it each item of a valid file in order,
/// and it writes them into parts of at most `maxBytes`, cutting only where no item before the
/// cut refers to one after it (a user's mutes to a later channel, a distinct channel to its
/// member items, a message to a later parent or quote). Each part then imports cleanly once
/// the earlier ones are in. The items since the last such point wait in memory.
///
/// A message's poll comes after every message and reaction, so it would hold everything between
/// in one part. Instead the poll goes into the message's part, after the part's messages and
/// reactions (each part is in Stream's order on its own), and is left out where the file has
/// it. That needs the polls before the messages: `polls`, read by a first pass, which the
/// command runs only when a split without them meets a message with a poll (`NeedsPolls`).
final class ImportSplitter: ImportSink {
    struct TooLarge: Error {
        var firstItem: Int
        var lastItem: Int
        var bytes: Int
    }

    struct NeedsPolls: Error {}

    private let directory: String
    private let maxBytes: Int
    private var encoder = ImportItemData()
    private let writer = JSONWriter()
    /// Keys of the items seen (`u:` user, `c:` channel, `mem:` member, `m:` message), and of
    /// those referred to but not seen yet: a cut is safe while `awaited` is empty.
    private var seen: Set<String> = []
    private var awaited: Set<String> = []
    /// The lines since the last safe cut, and the number of the first item among them.
    private var region: [UInt8] = []
    private var regionFirst = 1
    private var items = 0
    private var part: FileHandle?
    private var partBytes = 0
    private(set) var parts: [String] = []
    /// The file's polls by id (nil: none read yet), and the ids of those already written with their message.
    private let polls: [String: Poll]?
    private var placed: Set<String> = []
    /// Poll lines owed to the region, and to the part once the region is in it: they end the part.
    private var regionPolls: [UInt8] = []
    private var partPolls: [UInt8] = []

    init(directory: String, maxBytes: Int, polls: [String: Poll]? = nil) {
        self.directory = directory
        self.maxBytes = maxBytes
        self.polls = polls
    }

    func write(_ item: ImportItem) throws -> ImportWriteOutcome {
        items += 1
        if case .channel(let channel) = item, let ids = ImportItemData.distinctMembers(of: channel) {
            encoder.distinctChannels[channel.cid] = ids
        }
        if item.type >= .poll { try writePartPolls() }
        if case .poll(let poll) = item, placed.contains(poll.id) { return .written }
        append(item, to: &region)
        if case .message(let message) = item, let id = message.pollID {
            guard let polls else { throw NeedsPolls() }
            if let poll = polls[id], placed.insert(id).inserted {
                append(.poll(poll), to: &regionPolls)
                seen.insert("p:" + id)
            }
        }
        let (own, references) = Self.keys(item)
        if let own {
            seen.insert(own)
            awaited.remove(own)
        }
        for key in references where !seen.contains(key) { awaited.insert(key) }
        if awaited.isEmpty { try commit() }
        return .written
    }

    private func append(_ item: ImportItem, to lines: inout [UInt8]) {
        lines.append(contentsOf: #"{"type":""#.utf8)
        lines.append(contentsOf: item.type.name.utf8)
        lines.append(contentsOf: #"","data":"#.utf8)
        writer.write(.object(encoder.data(item)), into: &lines, indent: 0)
        lines.append(contentsOf: "}\n".utf8)
    }

    /// Writes the lines since the last safe cut, in a new part if they do not fit in this one
    /// (with the polls they owe, counted in the part's size from now).
    func commit() throws {
        guard !region.isEmpty else { return }
        let bytes = region.count + regionPolls.count
        if bytes > maxBytes { throw TooLarge(firstItem: regionFirst, lastItem: items, bytes: bytes) }
        if part == nil || partBytes + bytes > maxBytes { try startPart() }
        try part?.write(contentsOf: Data(region))
        partBytes += bytes
        partPolls.append(contentsOf: regionPolls)
        region.removeAll(keepingCapacity: true)
        regionPolls.removeAll(keepingCapacity: true)
        regionFirst = items + 1
    }

    /// The polls the part owes, where Stream's order puts them: after its messages and reactions.
    private func writePartPolls() throws {
        guard !partPolls.isEmpty else { return }
        try part?.write(contentsOf: Data(partPolls))
        partPolls.removeAll(keepingCapacity: true)
    }

    func close() throws {
        try writePartPolls()
        try part?.close()
        part = nil
    }

    private func startPart() throws {
        try close()
        let number = String(parts.count + 1)
        let path = directory + "/part-" + String(repeating: "0", count: max(0, 3 - number.count)) + number + ".jsonl"
        PartialFiles.add(path)
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw failure("cannot write \(path): \(String(cString: strerror(errno)).lowercased())", code: ExitStatus.couldNotRun)
        }
        parts.append(path)
        part = handle
        partBytes = 0
    }

    /// The key an item is known by, if others refer to it, and the keys it refers to.
    private static func keys(_ item: ImportItem) -> (own: String?, references: [String]) {
        func users(_ ids: [String]?) -> [String] { (ids ?? []).map { "u:" + $0 } }
        switch item {
        case .user(let u):
            return ("u:" + u.id, users(u.userMutes) + users(u.blockedUserIDs) + (u.channelMutes ?? []).map { "c:" + $0 })
        case .device(let d):
            return (nil, users([d.userID]))
        case .futureChannelBan(let b):
            return (nil, users([b.createdBy, b.targetID]))
        case .channel(let c):
            let members = ImportItemData.distinctMembers(of: c).map { $0.map { "mem:\(c.cid)/\($0)" } } ?? []
            return ("c:" + c.cid, users([c.createdBy]) + users(c.bannedUsers) + users(c.memberIDs) + members)
        case .member(let m):
            return ("mem:\(m.cid)/\(m.userID)", users([m.userID]) + ["c:" + m.cid])
        case .message(let m):
            let messages = [m.parentID, m.quotedMessageID].compactMap { $0.map { "m:" + $0 } }
            let people = users([m.userID]) + users(m.mentionedUserIDs) + users(m.restrictedVisibility) + users(m.pinnedByID.map { [$0] })
            return ("m:" + m.id, ["c:" + m.cid] + people + messages + (m.pollID.map { ["p:" + $0] } ?? []))
        case .reaction(let r):
            return (nil, users([r.userID]) + ["m:" + r.messageID])
        case .poll(let p):
            return ("p:" + p.id, users(p.createdByID.map { [$0] }))
        case .pollVote(let v):
            return (nil, users(v.userID.map { [$0] }) + ["p:" + v.pollID])
        }
    }
}
