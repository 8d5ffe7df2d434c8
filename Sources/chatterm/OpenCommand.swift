import ArgumentParser
import ChatClient
import ChatCore
import ChatModel
import ChatServer
import ChatStore
import Foundation
import TerminalUI

/// The store's queries are exactly what the client reads: browsing offline is this conformance.
extension ChatStore: ChatBackend {}

struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open the terminal client: browse the store, or talk through a server with --server.",
        discussion: """
            Channels with unread and mention counts, threads, reactions, attachments. Press ? (F1 with a server) \
            for the keys. With --server URL the client connects to `chatterm serve` (or any server speaking \
            Stream's API) as --user: what you write is sent, what others do arrives live. Its token: --token, \
            else signed with the local app of --db (the store that server serves). \
            Themes: dark (default), light, mono, dark256, or a theme file's path; NO_COLOR turns colours off; \
            an override file in ~/.config/chatterm/theme.ini changes single attributes. \
            Settings (theme, timestamps, max-width, key bindings, notifications) come from ~/.config/chatterm/config.toml \
            or --config; flags win over it. With --server, each channel's draft and sent history are kept \
            for the next start (under $XDG_STATE_HOME/chatterm).
            """
    )

    @Option(
        help: """
            The user to read (and write) as: their unread state, mentions and channels. Browsing a store, \
            or through a server without --token, also the name a migration changed (jane.doe for jane_doe-9f9fcb65).
            """
    )
    var user: String

    @Option(help: "A server speaking Stream's API, e.g. http://127.0.0.1:3030 (else the store is browsed offline).")
    var server: String?

    @Option(help: "The user's token for --server (else made from the local app beside --db).")
    var token: String?

    @Option(help: "The API key for --server with --token (else the local app's).")
    var apiKey: String?

    @OptionGroup var clientOptions: ClientOptions

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if server == nil, token != nil || apiKey != nil { throw ValidationError("--token and --api-key go with --server") }
        if token != nil, apiKey == nil { throw ValidationError("give --api-key with --token") }
    }

    func run() throws {
        let client = try clientOptions.launch()
        try client.requireTerminal(for: "open")
        guard let server else {
            let chatStore = try store.open(.read)
            // Migrated people know their old name: `--user jane.doe` opens as `jane_doe-9f9fcb65`.
            guard let me = try chatStore.user(id: user) ?? chatStore.user(migratedFrom: user) else {
                throw failure(
                    "no user \"\(user)\" in \(store.location); pick one of the ids the import loaded",
                    code: ExitStatus.couldNotRun
                )
            }
            // The reader's own settings (pin, archive, mark unread) are written to the store; one
            // that cannot be written is browsed as it is, and those changes say why they fail.
            let session = (try? store.open(.write)) ?? chatStore
            // Kept per store too: the sidebar's folded groups (there are no drafts to keep here).
            return try client.run(backend: session, userID: me.id, userName: me.displayName, place: "store:" + store.location) {
                try session.migrationFigures()
            }
        }
        var user = self.user
        let endpoint: StreamEndpoint
        if let token, let apiKey {
            endpoint = StreamEndpoint(baseURL: server, apiKey: apiKey, token: token)
        } else {
            guard let credentials = try ServerCredentials.load(forStore: store.localPath) else {
                throw failure(
                    "no local app for \(store.location): give --token and --api-key, or --db of the store the server serves",
                    code: 2
                )
            }
            // The token is signed here for the store the server serves: as offline, the name a
            // migration changed is its user's.
            if let local = try? store.open(.read), (try? local.user(id: user)) == nil, let mapped = try? local.user(migratedFrom: user) {
                user = mapped.id
            }
            endpoint = StreamEndpoint(
                baseURL: server,
                apiKey: credentials.apiKey,
                token: StreamToken.userToken(user, secret: credentials.apiSecret)
            )
        }
        let backend = StreamBackend(endpoint: endpoint, userID: user)
        let me: User?
        do {
            me = try backend.user(id: user)
        } catch {
            throw CommandFailure(error).doing("cannot reach \(server) as \(user)")
        }
        guard let me else { throw failure("no user \"\(user)\" on \(server)", code: ExitStatus.couldNotRun) }
        try client.run(backend: backend, userID: me.id, userName: me.displayName, place: server)
    }
}
