import BuiltInData
import ChatCore
import ChatModel
import Foundation
import TerminalUI

/// Takes the terminal and runs the client on a backend: shared by `open` and `demo`.
struct ClientLaunch {
    /// --theme; nil: the config's, else dark.
    var theme: String?
    var asciiEmoji: Bool
    /// False with --no-hyperlinks; the config's `hyperlinks = false` and a terminal known not to
    /// take OSC 8 (the Linux console, `dumb`) turn them off too.
    var hyperlinks: Bool
    /// --no-mouse: wins over the config's `mouse`, which is on unless it says false.
    var noMouse = false
    var config: ClientConfig

    /// `command` names the command in the error ("chatterm open needs a terminal …").
    func requireTerminal(for command: String) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw failure("chatterm \(command) needs a terminal (standard input and output)", code: 2)
        }
    }

    /// `migrationFigures`: the figures of the store behind the client, for its summary screen.
    /// `place` names the server or store the drafts, sent history and folded sidebar groups are
    /// kept for (`ComposerArchive`); nil: nothing is kept.
    func run(
        backend: any ChatBackend,
        userID: String,
        userName: String,
        place: String? = nil,
        migrationFigures: (@Sendable () throws -> MigrationFigures)? = nil
    ) throws {
        let theme = self.theme ?? config.theme ?? "dark"
        let environment = ProcessInfo.processInfo.environment
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        let load = { (name: String, colors: Int) in
            try Theme.load(
                name: name,
                themesDirectory: ThemeLocation.directory(environment: environment),
                builtIn: BuiltInThemes.files,
                overridePath: Theme.defaultOverridePath(environment: environment),
                colorCount: colors,
                noColor: noColor
            )
        }
        // A broken theme or override file is reported before the screen is taken over.
        do { _ = try load(theme, 256) } catch { throw failure("theme: \(error)", code: 2) }
        let archive = place.map { ComposerArchive(user: userID, place: $0, environment: environment) }
        var state = ChatState(userID: userID, userName: userName)
        state.notifications.levels = config.notifications.levels
        archive?.restore(into: &state)
        var saveError: (any Error)?
        do {
            let screen = Screen(colors: !noColor, mouse: !noMouse && config.mouse != false)
            defer { screen.close() }
            let context = RenderContext(
                theme: try load(theme, screen.colorCount),
                utcOffsetSeconds: TimeZone.current.secondsFromGMT(),
                asciiEmoji: asciiEmoji,
                emojiSequences: screen.emojiSequences,
                maxMessageWidth: config.maxWidth ?? 100,
                timestamps: config.timestamps ?? .h24,
                keys: config.keys,
                hyperlinks: hyperlinks && config.hyperlinks != false && !["linux", "dumb"].contains(environment["TERM"] ?? "")
            )
            let app = TerminalApp(
                backend: backend,
                state: state,
                context: context,
                loadTheme: { name in try load(name, screen.colorCount) },
                notifier: Notifier(output: config.notifications.output, environment: environment),
                saveNotificationLevel: config.path.map { path in
                    { cid, level in try NotificationLevelWriter.save(cid: cid, level: level, path: path) }
                },
                migrationFigures: migrationFigures
            )
            app.run(screen: screen)
            app.finish()
            do { try archive?.save(app.currentState) } catch { saveError = error }
        }
        // Said once the terminal is back to normal: the session is over either way.
        if let saveError, let archive {
            FileHandle.standardError.write(Data("chatterm: drafts and history not kept in \(archive.path): \(saveError)\n".utf8))
        }
    }
}

/// Where themes are found by name besides the built-in ones: `$CHATTERM_THEMES` (a folder of
/// theme files, e.g. the repository's `Themes/` while working on them), else the user's
/// `$XDG_CONFIG_HOME/chatterm/themes`.
enum ThemeLocation {
    static func directory(environment: [String: String]) -> String {
        if let directory = environment["CHATTERM_THEMES"], !directory.isEmpty { return directory }
        return Theme.userThemesDirectory(environment: environment)
    }
}
