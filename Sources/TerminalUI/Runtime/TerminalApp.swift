import ChatCore
import ChatModel
import Dispatch

#if canImport(Glibc)
import Glibc
#endif

/// The client's loop: draw the state, read a key, reduce, do the effects, repeat. Drawing
/// happens only when the state changed or the terminal asked for it; idle, it only ticks
/// the clock that expires typing indicators. With a live backend it also takes the events the
/// backend delivers (other people's messages, typing, the connection), between keys.
public final class TerminalApp {
    private let backend: any ChatBackend
    private var state: ChatState
    private var context: RenderContext
    private var running = true
    /// The screen while `run` has it, for effects that hand the terminal over (the editor).
    private var screen: Screen?
    /// Where a live backend's events wait for the loop.
    private let inbox = EventInbox()

    /// Loads a theme by name or path for `/theme` (nil: the command says themes cannot change here).
    private let loadTheme: ((String) throws -> Theme)?
    /// The migration figures of the store being browsed, for the summary screen (nil: there is
    /// no store here, only a server). A plain function, so this module needs no store.
    private let migrationFigures: (@Sendable () throws -> MigrationFigures)?

    public init(
        backend: any ChatBackend,
        state: ChatState,
        context: RenderContext,
        loadTheme: ((String) throws -> Theme)? = nil,
        migrationFigures: (@Sendable () throws -> MigrationFigures)? = nil
    ) {
        self.backend = backend
        self.state = state
        self.context = context
        self.loadTheme = loadTheme
        self.migrationFigures = migrationFigures
    }

    public func run(screen: Screen) {
        self.screen = screen
        let stopSignals = StopSignals()
        defer {
            stopSignals.restore()
            self.screen = nil
        }
        let live = backend as? any LiveChatBackend
        let inbox = self.inbox
        dispatch(.clock(.now()))
        if let live {
            dispatch(.connectionChanged(.connecting))
            live.connect(userID: state.userID) { inbox.push($0) }
        }
        dispatch(.channelsLoaded((try? backend.channels(for: state.userID)) ?? []))
        var dirty = true
        while running, !state.quitRequested, !stopSignals.stopRequested {
            let arrived = inbox.drain()
            if !arrived.isEmpty {
                arrived.forEach(dispatch)
                dirty = true
            }
            if dirty {
                let (width, height) = screen.size
                screen.draw(ChatView.render(state, width: width, height: height, context: context))
            }
            // Live, or while the summary is counted, wait briefly so arriving events show at
            // once; otherwise only keys change anything.
            let awaiting = live != nil || state.modes.summary?.isCounting == true
            guard let key = screen.readKey(timeoutMilliseconds: awaiting ? 50 : 1000) else {
                let before = state
                dispatch(.clock(.now()))
                dirty = state.withoutClock != before.withoutClock
                continue
            }
            dispatch(.clock(.now()))
            dirty = true
            if key == .resize {
                screen.invalidate()
                continue
            }
            switch KeyTable.command(for: key, in: state, screen: screen.size) {
            case .chat(let event)?: dispatch(event)
            case .quit?: running = false
            case .redraw?: screen.invalidate()
            case nil: dirty = false
            }
        }
    }

    /// Closes the live connection, if any (the loop has ended).
    public func finish() {
        (backend as? any LiveChatBackend)?.disconnect()
    }

    /// Reduces one event and performs the effects it asks for, feeding their results back.
    public func dispatch(_ event: ChatEvent) {
        let (next, effects) = ChatReducer.reduce(state, event)
        state = next
        for effect in effects {
            if let outcome = perform(effect) { dispatch(outcome) }
        }
    }

    public var currentState: ChatState { state }

    /// Does an effect; a load answers at once, a live request later through the backend's events.
    private func perform(_ effect: ChatEffect) -> ChatEvent? {
        let viewer = state.userID
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
            case .loadNewer(let cid, let after):
                return .newerLoaded(cid: cid, rows: try backend.messages(cid: cid, viewer: viewer, after: after, limit: page))
            case .loadOldest(let cid):
                let origin = MessageCursor(createdAt: Timestamp(seconds: -62_135_596_800), id: "")
                let rows = try backend.messages(cid: cid, viewer: viewer, after: origin, limit: page)
                return .channelReplaced(cid: cid, rows: rows, hasOlder: false, hasNewer: rows.count >= page)
            case .loadAround(let cid, let id):
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
            case .loadThread(let id):
                guard let root = try backend.message(id: id, viewer: viewer) else { return .failed("That thread is gone") }
                return .threadLoaded(root: root, replies: try backend.replies(to: id, viewer: viewer, limit: 200))
            case .loadDetails(let id):
                guard let row = try backend.message(id: id, viewer: viewer) else { return .failed("That message is gone") }
                return .detailsLoaded(MessageDetails(row: row, reactions: try backend.reactions(messageID: id)))
            case .loadSummary:
                guard let migrationFigures else {
                    return .summaryUnavailable("The summary is of a store: run chatterm open --db STORE, or chatterm report")
                }
                // Aggregates over a million messages take seconds: counted off the input loop,
                // so the client keeps answering keys ("Counting…") until the figures arrive.
                let inbox = self.inbox
                DispatchQueue.global(qos: .userInitiated).async {
                    do { inbox.push(.summaryLoaded(try migrationFigures())) } catch {
                        inbox.push(.summaryUnavailable("Could not count the store: \(error)"))
                    }
                }
                return nil
            case .openURL(let url):
                return openURL(url)
            case .editExternally(let text):
                return ExternalEditor.edit(text, screen: screen)
            case .setTheme(let name):
                guard let loadTheme else { return .failed("Themes cannot change here") }
                do {
                    context.theme = try loadTheme(name)
                    screen?.invalidate()
                    return .notice("Theme: \(name)")
                } catch {
                    return .failed("theme \(name): \(error)")
                }
            case .reconnect:
                guard let live = backend as? any LiveChatBackend else { return nil }
                let inbox = self.inbox
                live.disconnect()
                live.connect(userID: state.userID) { inbox.push($0) }
                return .notice("Reconnecting…")
            case .live(let request):
                guard let live = backend as? any LiveChatBackend else {
                    return .failed("This is a local store: start `chatterm serve` and open it with --server to talk")
                }
                live.perform(request)
                return nil
            }
        } catch {
            return .failed("\(error)")
        }
    }

    /// Hands the URL to xdg-open as an argument (never through a shell), detached from the terminal.
    private func openURL(_ url: String) -> ChatEvent {
        guard url.hasPrefix("https://") || url.hasPrefix("http://") else { return .failed("Not a web link: \(url)") }
        do throws(PosixSpawn.Failure) {
            // Its environment is ours: xdg-open finds the browser through DISPLAY, BROWSER and PATH.
            let child = try PosixSpawn.start(["xdg-open", url], searchPath: true, fileActions: [.null(0), .null(1), .null(2)])
            // Reaped off the input loop, however long the opener runs: unwaited, each would stay a zombie.
            DispatchQueue.global(qos: .utility).async { _ = PosixSpawn.wait(child) }
            return .notice("Opening \(url)")
        } catch {
            return .failed("Could not run xdg-open: \(String(cString: strerror(error.code)))")
        }
    }
}
