import ChatCore
import ChatModel
import ChatStore
import Foundation

/// A real SQLite store behind a slow line: while `slow` is set, every call waits `delay`
/// seconds (a server's round trip, exaggerated) before the store answers. It counts the calls
/// under way and the channel pages it has answered, so a test can tell what happened while the
/// client went on.
final class SlowStoreBackend: ChatBackend {
    struct Unreachable: Error, CustomStringConvertible {
        var description: String { "the server did not answer" }
    }

    private let store: ChatStore
    private let delay: TimeInterval
    private let counts = Locked((slow: false, inFlight: 0, pagesAnswered: [String](), unreachable: false))

    init(store: ChatStore, delay: TimeInterval) {
        self.store = store
        self.delay = delay
    }

    var slow: Bool {
        get { counts.withLock { $0.slow } }
        set { counts.withLock { $0.slow = newValue } }
    }
    /// After the delay, every call fails as a server that went away does.
    var unreachable: Bool {
        get { counts.withLock { $0.unreachable } }
        set { counts.withLock { $0.unreachable = newValue } }
    }
    var callsInFlight: Int { counts.withLock { $0.inFlight } }
    /// The channels whose newest page was fetched, in the order the fetches ended.
    var pagesAnswered: [String] { counts.withLock { $0.pagesAnswered } }

    /// Waits (at most `timeout`) until no call is under way.
    func waitUntilIdle(timeout: TimeInterval = 30) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while callsInFlight > 0, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        return callsInFlight == 0
    }

    private func call<T>(_ body: () throws -> T) throws -> T {
        let slow = counts.withLock { c in
            c.inFlight += 1
            return c.slow
        }
        defer { counts.withLock { $0.inFlight -= 1 } }
        if slow { Thread.sleep(forTimeInterval: delay) }
        if unreachable { throw Unreachable() }
        return try body()
    }

    func channels(for userID: String) throws -> [ChannelSummary] { try call { try store.channels(for: userID) } }
    func messages(cid: String, viewer: String, before: MessageCursor?, limit: Int) throws -> [MessageRow] {
        try call {
            let rows = try store.messages(cid: cid, viewer: viewer, before: before, limit: limit)
            if before == nil { counts.withLock { $0.pagesAnswered.append(cid) } }
            return rows
        }
    }
    func messages(cid: String, viewer: String, after: MessageCursor, limit: Int) throws -> [MessageRow] {
        try call { try store.messages(cid: cid, viewer: viewer, after: after, limit: limit) }
    }
    func replies(to parentID: String, viewer: String, limit: Int) throws -> [MessageRow] {
        try call { try store.replies(to: parentID, viewer: viewer, limit: limit) }
    }
    func message(id: String, viewer: String) throws -> MessageRow? { try call { try store.message(id: id, viewer: viewer) } }
    func members(cid: String) throws -> [MemberRow] { try call { try store.members(cid: cid) } }
    func reactions(messageID: String) throws -> [Reaction] { try call { try store.reactions(messageID: messageID) } }
    func user(id: String) throws -> User? { try call { try store.user(id: id) } }
    func users(matching prefix: String, limit: Int) throws -> [User] { try call { try store.users(matching: prefix, limit: limit) } }
    func mentions(of userID: String, limit: Int) throws -> [MessageRow] { try call { try store.mentions(of: userID, limit: limit) } }
    func threadPage(of userID: String, limit: Int, next: String?) throws -> ThreadPage {
        try call { try store.threadPage(of: userID, limit: limit, next: next) }
    }
    func unreadThreads(for userID: String) throws -> [UnreadThread] { try call { try store.unreadThreads(for: userID) } }
    func pinnedMessages(cid: String, viewer: String, limit: Int) throws -> [MessageRow] {
        try call { try store.pinnedMessages(cid: cid, viewer: viewer, limit: limit) }
    }
    func joinableChannels(for userID: String) throws -> [ChannelSummary] { try call { try store.joinableChannels(for: userID) } }
    func search(text: String, userID: String, limit: Int) throws -> [MessageRow] {
        try call { try store.search(text: text, userID: userID, limit: limit) }
    }
    func findMatch(text: String, cid: String, viewer: String, beyond cursor: MessageCursor, older: Bool) throws -> String? {
        try call { try store.findMatch(text: text, cid: cid, viewer: viewer, beyond: cursor, older: older) }
    }
    func setPinned(_ pinned: Bool, cid: String, userID: String) throws -> Bool {
        try call { try store.setPinned(pinned, cid: cid, userID: userID) }
    }
    func setArchived(_ archived: Bool, cid: String, userID: String) throws -> Bool {
        try call { try store.setArchived(archived, cid: cid, userID: userID) }
    }
    func markUnread(cid: String, userID: String, fromMessageID messageID: String) throws -> Bool {
        try call { try store.markUnread(cid: cid, userID: userID, fromMessageID: messageID) }
    }
}
