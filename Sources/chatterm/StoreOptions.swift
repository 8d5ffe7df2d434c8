import ArgumentParser
import ChatStore
import Foundation

/// `--db`, shared by every command that opens the store.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store (SQLite file).", valueName: "path"))
    var db: String?

    /// The store path: --db, then $CHATTERM_DB, then the XDG data directory.
    var path: String {
        let env = ProcessInfo.processInfo.environment
        if let db { return db }
        if let fromEnv = env["CHATTERM_DB"], !fromEnv.isEmpty { return fromEnv }
        let dataHome = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (env["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        return dataHome + "/chatterm/chat.sqlite"
    }

    /// True when the user named a store, rather than getting the default.
    var isExplicit: Bool { db != nil || !(ProcessInfo.processInfo.environment["CHATTERM_DB"] ?? "").isEmpty }

    func open() throws -> ChatStore {
        do {
            return try ChatStore(path: path)
        } catch {
            throw ValidationError("cannot open the store at \(path): \(error)")
        }
    }
}
