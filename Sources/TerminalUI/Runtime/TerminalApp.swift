import ChatCore
import ChatModel
import Dispatch

#if canImport(Glibc)
import Glibc
#endif

/// The client's loop: draw the state, wait for a key or an arrival, reduce, do the effects,
/// repeat. Loads run on the effect worker, whose answers arrive as events like a live
/// backend's (other people's messages, typing, the connection), so no backend call holds up a
/// key. Drawing happens only when the state changed or the terminal asked for it; idle, the
/// loop only ticks the clock that expires typing indicators and notices.
public final class TerminalApp {
    private let backend: any ChatBackend
    private var state: ChatState
    private var context: RenderContext
    private var running = true
    /// The screen while `run` has it, for effects that hand the terminal over (the editor).
    private var screen: Screen?
    /// Where the worker's answers and a live backend's events wait for the loop.
    private let inbox = EventInbox()
    private let worker: EffectWorker

    /// Loads a theme by name or path for `/theme` (nil: the command says themes cannot change here).
    private let loadTheme: ((String) throws -> Theme)?
    /// Tells the reader of new messages (nil: nothing does, as in tests).
    private let notifier: Notifier?
    /// Keeps `/notify`'s level in the config file; answers where (nil: the command says it
    /// lasts this session only).
    private let saveNotificationLevel: ((String, NotificationLevel) throws -> String)?

    /// `migrationFigures`: the figures of the store being browsed, for the summary screen (nil:
    /// there is no store here, only a server). A plain function, so this module needs no store.
    public init(
        backend: any ChatBackend,
        state: ChatState,
        context: RenderContext,
        loadTheme: ((String) throws -> Theme)? = nil,
        notifier: Notifier? = nil,
        saveNotificationLevel: ((String, NotificationLevel) throws -> String)? = nil,
        migrationFigures: (@Sendable () throws -> MigrationFigures)? = nil
    ) {
        self.backend = backend
        self.state = state
        self.context = context
        self.loadTheme = loadTheme
        self.notifier = notifier
        self.saveNotificationLevel = saveNotificationLevel
        worker = EffectWorker(backend: backend, viewer: state.userID, inbox: inbox, migrationFigures: migrationFigures)
    }

    public func run(screen: Screen) {
        self.screen = screen
        let stopSignals = StopSignals()
        defer {
            stopSignals.restore()
            self.screen = nil
        }
        start()
        // The first frame shows the workspace: the channel list and the first channel's page
        // are waited for (a store answers in milliseconds, a server in a round trip), as a
        // test or a person typing at once after "online" expects; but not for more than a few
        // seconds: a server that does not answer gets "Loading…" and keys that work (Ctrl-C).
        settle(timeoutMilliseconds: 5000)
        var dirty = true
        // What the screen shows: a click means what was drawn under it.
        var shown = Frame(width: 0, height: 0)
        while running, !state.quitRequested, !stopSignals.stopRequested {
            if takeArrivals() { dirty = true }
            if dirty {
                let (width, height) = screen.size
                shown = ChatView.render(state, width: width, height: height, context: context)
                screen.draw(shown)
            }
            // A second passes without a key only to tick the clock; an arrival wakes the loop.
            guard let key = screen.readKey(timeoutMilliseconds: 1000, wakingOn: inbox.wakeDescriptor) else {
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
            if case .focus(let focused) = key {
                dispatch(.focusChanged(focused))
                continue
            }
            if case .mouse(let mouse) = key {
                if let event = shown.hits.event(for: mouse) { dispatch(event) } else { dirty = false }
                continue
            }
            switch KeyTable.command(for: key, in: state, screen: screen.size, keys: context.keys) {
            case .chat(let event)?: dispatch(event)
            case .quit?: running = false
            case .redraw?: screen.invalidate()
            case nil: dirty = false
            }
        }
    }

    /// Connects a live backend and asks for the channel list; its answer comes like any other
    /// (`settle` waits for it, and for the first channel's page it asks for).
    public func start() {
        dispatch(.clock(.now()))
        if let live = backend as? any LiveChatBackend {
            dispatch(.connectionChanged(.connecting))
            let inbox = self.inbox
            live.connect(userID: state.userID) { inbox.push($0) }
        }
        _ = worker.start(.loadChannels)
        _ = worker.start(.loadUnreadThreads)
    }

    /// Stops the worker and closes the live connection, if any (the loop has ended). Neither
    /// waits for a call in flight: its answer is dropped.
    public func finish() {
        worker.stop()
        (backend as? any LiveChatBackend)?.disconnect()
    }

    /// Reduces one event and starts the effects it asks for: loads go to the worker (their
    /// answers arrive later, see `takeArrivals`); the rest are done here, their outcome reduced.
    public func dispatch(_ event: ChatEvent) {
        let (next, effects) = ChatReducer.reduce(state, event)
        state = next
        for effect in effects where !worker.start(effect) {
            if let outcome = perform(effect) { dispatch(outcome) }
        }
    }

    /// Reduces what arrived from the worker and a live backend; true when anything did.
    @discardableResult
    public func takeArrivals() -> Bool {
        let arrived = inbox.drain()
        arrived.forEach(dispatch)
        return !arrived.isEmpty
    }

    /// Waits until the worker has answered everything asked of it, the loads those answers
    /// ask for included, reducing each answer as it comes: for a caller that needs the result
    /// of a step before the next (the first frame, the benchmark, tests). With a timeout it
    /// gives up after that long; the answers still come later, as the loop's arrivals.
    public func settle(timeoutMilliseconds: Int? = nil) {
        let deadline = timeoutMilliseconds.map { DispatchTime.now() + .milliseconds($0) }
        while deadline.map({ DispatchTime.now() < $0 }) ?? true {
            // Read before taking: a load finished by then has its answer in the inbox.
            let busy = worker.isBusy
            if takeArrivals() { continue }
            if !busy { return }
            _ = inbox.wait(timeoutMilliseconds: 100)
        }
    }

    public var currentState: ChatState { state }

    /// Does an effect that is not a load; a live request's outcome comes later through the
    /// backend's events.
    private func perform(_ effect: ChatEffect) -> ChatEvent? {
        switch effect {
        case .openURL(let url):
            return openURL(url)
        case .copyToClipboard(let text):
            guard let sequence = OSC52.sequence(text, inTmux: getenv("TMUX") != nil) else {
                return .failed("Too long to copy (\(text.utf8.count / 1000) KB; the terminal takes \(OSC52.maxBytes / 1000) KB)")
            }
            // Between frames, straight to the terminal: ncurses has no call for it.
            Screen.write(sequence)
            return .notice("Copied \(text.count) character\(text.count == 1 ? "" : "s") to the clipboard")
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
        case .setTimestamps(let name):
            guard let format = TimestampFormat(rawValue: name) else {
                return .failed("/timestamps \(name): not a format (\(TimestampFormat.names))")
            }
            context.timestamps = format
            return .notice("Timestamps: \(name)")
        case .notify(let alert):
            return notifier?.post(alert)
        case .saveNotificationLevel(let cid, let level):
            let said = state.channels.first { $0.channel.cid == cid }.map(state.notifications.said) ?? "\(cid) notifies: \(level.rawValue)"
            guard let saveNotificationLevel else { return .notice(said + " (this session)") }
            do {
                // The file's name only: a whole path would not fit the status line.
                let path = try saveNotificationLevel(cid, level)
                return .notice(said + " (kept in \(path.split(separator: "/").last ?? ""))")
            } catch {
                return .failed(said + ", for this session only: \(error)")
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
            // Queued for the backend's own worker: it returns at once.
            live.perform(request)
            return nil
        case .loadChannels, .loadChannel, .loadOlder, .loadNewer, .loadOldest, .loadAround, .loadUnread, .loadJoinable, .loadThread,
            .loadMembers, .loadDetails, .loadSummary, .changeMembership, .loadMentions, .loadPinned, .loadThreads, .loadUnreadThreads,
            .lookUpUsers,
            .search, .findMatch:
            // The worker's (`dispatch` gave it them).
            return nil
        }
    }

    /// Hands the URL to xdg-open as an argument (never through a shell), detached from the terminal.
    private func openURL(_ url: String) -> ChatEvent {
        guard TextLinks.isOpenable(url) else { return .failed("Not a web or mail link: \(url)") }
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
