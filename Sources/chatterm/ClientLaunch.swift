import ChatCore
import ChatModel
import Foundation
import TerminalUI

/// Takes the terminal and runs the client on a backend: shared by `open` and `demo`.
struct ClientLaunch {
    var theme: String
    var asciiEmoji: Bool

    /// `command` names the command in the error ("chatterm open needs a terminal …").
    func requireTerminal(for command: String) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw failure("chatterm \(command) needs a terminal (standard input and output)", code: 2)
        }
    }

    /// `migrationFigures`: the figures of the store behind the client, for its summary screen.
    func run(
        backend: any ChatBackend,
        userID: String,
        userName: String,
        migrationFigures: (@Sendable () throws -> MigrationFigures)? = nil
    ) throws {
        let environment = ProcessInfo.processInfo.environment
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        let load = { (name: String, colors: Int) in
            try Theme.load(
                name: name,
                themesDirectory: ThemeLocation.directory(),
                overridePath: Theme.defaultOverridePath(environment: environment),
                colorCount: colors,
                noColor: noColor
            )
        }
        // A broken theme or override file is reported before the screen is taken over.
        do { _ = try load(theme, 256) } catch { throw failure("theme: \(error)", code: 2) }
        let screen = Screen(colors: !noColor)
        defer { screen.close() }
        let loaded = try load(theme, screen.colorCount)
        let state = ChatState(userID: userID, userName: userName)
        let context = RenderContext(theme: loaded, utcOffsetSeconds: TimeZone.current.secondsFromGMT(), asciiEmoji: asciiEmoji)
        let app = TerminalApp(
            backend: backend,
            state: state,
            context: context,
            loadTheme: { name in try load(name, screen.colorCount) },
            migrationFigures: migrationFigures
        )
        app.run(screen: screen)
        app.finish()
    }
}

/// Where the built-in themes are: $CHATTERM_THEMES, ./Themes, or the repository's Themes/
/// beside the build folder the binary runs from.
enum ThemeLocation {
    static func directory() -> String {
        let environment = ProcessInfo.processInfo.environment
        if let dir = environment["CHATTERM_THEMES"], !dir.isEmpty { return dir }
        var candidates = [FileManager.default.currentDirectoryPath + "/Themes"]
        var url = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        for _ in 0..<5 {
            url.deleteLastPathComponent()
            candidates.append(url.path + "/Themes")
        }
        return candidates.first { FileManager.default.fileExists(atPath: $0 + "/dark.theme") } ?? candidates[0]
    }
}
