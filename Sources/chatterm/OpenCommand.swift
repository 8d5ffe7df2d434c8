import ArgumentParser
import ChatCore
import ChatModel
import ChatStore
import Foundation
import TerminalUI

/// The store's queries are exactly what the client reads: browsing offline is this conformance.
extension ChatStore: ChatBackend {}

struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Browse the store in the terminal client, as one of its users.",
        discussion: """
            Channels with unread and mention counts, threads, reactions, attachments. Press ? in the client for the keys. \
            Themes: dark (default), light, mono, dark256, or a theme file's path; NO_COLOR turns colours off; \
            an override file in ~/.config/chatterm/theme.ini changes single attributes.
            """
    )

    @Option(help: "The user to read as (their unread state, mentions and channels).")
    var user: String

    @Option(help: "Theme name or file.")
    var theme = "dark"

    @Flag(help: "Show emoji as :shortcode: text.")
    var asciiEmoji = false

    @OptionGroup var store: StoreOptions

    func run() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw failure("chatterm open needs a terminal (standard input and output)", code: 2)
        }
        let chatStore = try store.open()
        guard let me = try chatStore.user(id: user) else {
            throw failure("no user \"\(user)\" in \(store.path); pick one of the ids the import loaded", code: 1)
        }
        let environment = ProcessInfo.processInfo.environment
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        let load = { (colors: Int) in
            try Theme.load(name: theme, themesDirectory: ThemeLocation.directory(), overridePath: Theme.defaultOverridePath(environment: environment),
                           colorCount: colors, noColor: noColor)
        }
        // A broken theme or override file is reported before the screen is taken over.
        do { _ = try load(256) } catch { throw failure("theme: \(error)", code: 2) }
        let screen = Screen(colors: !noColor)
        defer { screen.close() }
        let loaded = try load(screen.colorCount)
        let state = ChatState(userID: me.id, userName: me.displayName)
        let context = RenderContext(theme: loaded, utcOffsetSeconds: TimeZone.current.secondsFromGMT(), asciiEmoji: asciiEmoji)
        TerminalApp(backend: chatStore, state: state, context: context).run(screen: screen)
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
