import ChatCore
import ChatModel
import Dispatch

/// Does the reducer's loads off the input loop: each runs on a lane of its own (a serial
/// queue), its answer, or its failure as `.failed`, goes into the inbox as a `ChatEvent`, and
/// the inbox wakes the loop. With a server a load is an HTTP round trip; meanwhile keys are
/// handled and frames drawn.
///
/// A lane keeps its loads in the order asked: a page scrolled to is added to the window the
/// channel's load made, never before it. A load that replaces what its lane shows (a channel
/// opened, a thread, details) makes the ones asked before it and not yet started pointless, so
/// they are skipped: switching quickly through five channels costs the one in flight and the
/// last, not five round trips. An answer the reader has moved away from anyway (a channel left,
/// a thread closed) is the reducer's to drop; it knows what is on screen.
final class EffectWorker: Sendable {
    private let backend: any ChatBackend
    private let viewer: String
    private let inbox: EventInbox
    private let migrationFigures: (@Sendable () throws -> MigrationFigures)?
    /// The open channel's window (its pages), the channel list, the thread pane, the details
    /// view and the summary's figures: a slow one does not hold up the others. The reader's own
    /// changes (pin, archive, mark unread) have a lane that never skips: each is wanted.
    private let window = Lane("window"), list = Lane("list"), thread = Lane("thread"), details = Lane("details")
    private let summary = Lane("summary"), writes = Lane("writes"), mentions = Lane("mentions"), search = Lane("search")
    /// `/join`'s list, apart from the channel list's lane, whose loads replace each other.
    private let joinable = Lane("joinable")
    /// The users a `/msg @` completion offers: a newer look-up replaces one under way.
    private let users = Lane("users")
    /// The threads' unread replies, for the sidebar: a newer count replaces one under way.
    private let threadCounts = Lane("threadCounts")
    /// Loads asked for and not yet answered, across lanes.
    private let pending = Locked(0)

    init(
        backend: any ChatBackend,
        viewer: String,
        inbox: EventInbox,
        migrationFigures: (@Sendable () throws -> MigrationFigures)?
    ) {
        self.backend = backend
        self.viewer = viewer
        self.inbox = inbox
        self.migrationFigures = migrationFigures
    }

    /// Whether a load is asked for and its answer not yet in the inbox.
    var isBusy: Bool { pending.withLock { $0 > 0 } }

    /// Starts `effect` when it is a load and returns true; anything else is the loop's to do.
    func start(_ effect: ChatEffect) -> Bool {
        let lane: Lane
        var replaces = true
        switch effect {
        case .loadChannel, .loadOldest, .loadAround, .loadUnread: lane = window
        // After the window's other loads, and skipped for a channel load (which reads them too).
        case .loadOlder, .loadNewer, .loadMembers:
            lane = window
            replaces = false
        case .loadChannels: lane = list
        case .loadJoinable: lane = joinable
        case .loadThread: lane = thread
        case .loadDetails: lane = details
        case .loadSummary: lane = summary
        // One list over the panes at a time: the newer of the two asked for replaces the other.
        case .loadMentions, .loadPinned: lane = mentions
        // A later page joins the list the first made: never skipped for another.
        case .loadThreads(let next):
            lane = mentions
            replaces = next == nil
        case .loadUnreadThreads: lane = threadCounts
        case .lookUpUsers: lane = users
        case .search, .findMatch: lane = search
        case .changeMembership:
            lane = writes
            replaces = false
        case .openURL, .copyToClipboard, .editExternally, .reconnect, .setTheme, .setTimestamps, .live, .notify, .saveNotificationLevel:
            return false
        }
        pending.withLock { $0 += 1 }
        let (pending, inbox) = (self.pending, self.inbox)
        lane.run(replaces: replaces, into: inbox) { [self] in
            answer(effect)
        } finally: {
            // The last load done wakes whoever waits for the worker to be idle (`settle`): its
            // answer may have been taken before this count went down.
            if pending.withLock({ count in
                count -= 1
                return count == 0
            }) {
                inbox.wake()
            }
        }
        return true
    }

    /// Loads still queued are skipped and answers still coming are thrown away: the client is
    /// leaving, and a call in flight (an HTTP request waiting for its timeout) is not waited for.
    func stop() {
        for lane in [window, list, thread, details, summary, writes, mentions, joinable, search, threadCounts] { lane.stop() }
    }

    /// The load's answer as the event the reducer takes (nil: none comes).
    private func answer(_ effect: ChatEffect) -> ChatEvent? {
        let page = MessageWindow.pageSize
        do {
            switch effect {
            case .loadChannels:
                return .channelsLoaded(try backend.channels(for: viewer))
            case .loadChannel(let cid):
                return .channelLoaded(
                    cid: cid,
                    rows: try backend.messages(cid: cid, viewer: viewer, before: nil, limit: page),
                    members: try backend.members(cid: cid)
                )
            case .loadOlder(let cid, let before):
                return .olderLoaded(cid: cid, rows: try backend.messages(cid: cid, viewer: viewer, before: before, limit: page))
            case .loadMembers(let cid):
                return .membersLoaded(cid: cid, try backend.members(cid: cid))
            case .loadNewer(let cid, let after):
                return .newerLoaded(cid: cid, rows: try backend.messages(cid: cid, viewer: viewer, after: after, limit: page))
            case .loadOldest(let cid):
                let origin = MessageCursor(createdAt: Timestamp(seconds: -62_135_596_800), id: "")
                let rows = try backend.messages(cid: cid, viewer: viewer, after: origin, limit: page)
                return .channelReplaced(cid: cid, rows: rows, hasOlder: false, hasNewer: rows.count >= page)
            case .loadAround(let cid, let id):
                return try around(cid: cid, messageID: id, page: page)
            case .loadUnread(let cid, let marker):
                // A few read messages above the first unread, for what it answers.
                let cursor = MessageCursor(createdAt: marker, id: "")
                let older = try backend.messages(cid: cid, viewer: viewer, before: cursor, limit: Self.readContext)
                let newer = try backend.messages(cid: cid, viewer: viewer, after: cursor, limit: page)
                return .unreadLoaded(
                    cid: cid,
                    rows: older + newer,
                    hasOlder: older.count >= Self.readContext,
                    hasNewer: newer.count >= page
                )
            case .loadJoinable(let name):
                return .joinableLoaded(named: name, try backend.joinableChannels(for: viewer))
            case .loadThread(let id):
                guard let root = try backend.message(id: id, viewer: viewer) else { return .failed("That thread is gone") }
                return .threadLoaded(root: root, replies: try backend.replies(to: id, viewer: viewer, limit: 200))
            case .loadDetails(let id):
                guard let row = try backend.message(id: id, viewer: viewer) else { return .failed("That message is gone") }
                return .detailsLoaded(MessageDetails(row: row, reactions: try backend.reactions(messageID: id)))
            case .loadSummary:
                // Aggregates over a million messages take seconds; "Counting…" shows meanwhile.
                guard let migrationFigures else {
                    return .summaryUnavailable("The summary is of a store: run chatterm open --db STORE, or chatterm report")
                }
                do { return .summaryLoaded(try migrationFigures()) } catch {
                    return .summaryUnavailable("Could not count the store: \(error)")
                }
            case .changeMembership(let cid, let change):
                return try changeMembership(cid: cid, change)
            case .search(let text):
                return .searchResults(query: text, rows: try backend.search(text: text, userID: viewer, limit: 30))
            case .findMatch(let cid, let text, let cursor, let older):
                let id = try backend.findMatch(text: text, cid: cid, viewer: viewer, beyond: cursor, older: older)
                return .findMatchFound(cid: cid, query: text, messageID: id, older: older)
            case .loadMentions:
                return .mentionsLoaded(try backend.mentions(of: viewer, limit: Self.mentionsShown))
            case .loadThreads(let next):
                return .threadsLoaded(try backend.threadPage(of: viewer, limit: ThreadList.pageSize, next: next), after: next)
            case .loadUnreadThreads:
                return .unreadThreadsLoaded(try backend.unreadThreads(for: viewer))
            case .loadPinned(let cid):
                return .pinnedLoaded(cid: cid, rows: try backend.pinnedMessages(cid: cid, viewer: viewer, limit: Self.mentionsShown))
            case .lookUpUsers(let prefix):
                return .usersFound(prefix: prefix, users: try backend.users(matching: prefix, limit: Self.usersOffered))
            case .openURL, .copyToClipboard, .editExternally, .reconnect, .setTheme, .setTimestamps, .live, .notify, .saveNotificationLevel:
                return nil
            }
        } catch {
            return .failed("\(error)")
        }
    }

    /// How many of the newest messages that mention the reader the mentions view lists (and
    /// of the newest pins, the pinned view).
    static let mentionsShown = 50

    /// How many users a `/msg @` completion offers: Tab goes round them, so more should be typed.
    static let usersOffered = 30

    /// Makes the change, then reads the channel list as it now is (its groups and counts).
    private func changeMembership(cid: String, _ change: MembershipChange) throws -> ChatEvent {
        let done =
            switch change {
            case .pinned(let on): try backend.setPinned(on, cid: cid, userID: viewer)
            case .archived(let on): try backend.setArchived(on, cid: cid, userID: viewer)
            case .unreadFrom(let id): try backend.markUnread(cid: cid, userID: viewer, fromMessageID: id)
            }
        guard done else { return .failed("Could not change \(cid): you are not a member, or the message is gone") }
        return .membershipChanged(cid: cid, change, channels: try backend.channels(for: viewer))
    }

    /// How many read messages show above the first unread one when its page is fetched.
    static let readContext = 10

    /// The page around one message: it, and half a page either side.
    private func around(cid: String, messageID id: String, page: Int) throws -> ChatEvent {
        guard let found = try backend.message(id: id, viewer: viewer), let at = found.message.createdAt else {
            return .failed("That message is gone")
        }
        let cursor = MessageCursor(createdAt: at, id: id)
        let half = page / 2
        let older = try backend.messages(cid: cid, viewer: viewer, before: cursor, limit: half)
        let newer = try backend.messages(cid: cid, viewer: viewer, after: cursor, limit: half)
        return .aroundLoaded(
            cid: cid,
            rows: older + [found] + newer,
            messageID: id,
            hasOlder: older.count >= half,
            hasNewer: newer.count >= half,
            members: try backend.members(cid: cid)
        )
    }
}

/// One serial queue of loads. Each load gets a ticket; when it comes to run, it is wanted
/// unless a replacing load was asked for after it, or the lane has stopped.
private final class Lane: Sendable {
    private let queue: DispatchQueue
    private let tickets = Locked((issued: 0, lastReplacing: 0, stopped: false))

    init(_ name: String) { queue = DispatchQueue(label: "chatterm.effects.\(name)", qos: .userInitiated) }

    /// Queues `load`; its answer goes into `inbox` unless the lane stopped meanwhile. `finally`
    /// runs after, wanted or not.
    func run(
        replaces: Bool,
        into inbox: EventInbox,
        _ load: @escaping @Sendable () -> ChatEvent?,
        finally: @escaping @Sendable () -> Void
    ) {
        let ticket = tickets.withLock { t in
            t.issued += 1
            if replaces { t.lastReplacing = t.issued }
            return t.issued
        }
        let tickets = self.tickets
        queue.async {
            defer { finally() }
            guard tickets.withLock({ !$0.stopped && $0.lastReplacing <= ticket }), let answer = load() else { return }
            if tickets.withLock({ !$0.stopped }) { inbox.push(answer) }
        }
    }

    func stop() { tickets.withLock { $0.stopped = true } }
}
