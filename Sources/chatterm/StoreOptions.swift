import ArgumentParser
import ChatStore
import Foundation

/// `--db` / `--database`, shared by every command that opens the store.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store (SQLite file).", valueName: "path"))
    var db: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A PostgreSQL store instead of SQLite, shared by several servers (also $CHATTERM_DATABASE).",
            valueName: "postgres://user@host:port/db"
        )
    )
    var database: String?

    /// The PostgreSQL URL, when the store is on PostgreSQL: --database, then $CHATTERM_DATABASE (unless --db names a file).
    var postgresURL: String? {
        if let database { return database }
        guard db == nil, let fromEnv = ProcessInfo.processInfo.environment["CHATTERM_DATABASE"], !fromEnv.isEmpty else { return nil }
        return fromEnv
    }

    /// The store path: --db, then $CHATTERM_DB, then the XDG data directory.
    var path: String {
        let env = ProcessInfo.processInfo.environment
        if let db { return db }
        if let fromEnv = env["CHATTERM_DB"], !fromEnv.isEmpty { return fromEnv }
        let dataHome =
            env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (env["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        return dataHome + "/chatterm/chat.sqlite"
    }

    /// True when the user named a store, rather than getting the default.
    var isExplicit: Bool { db != nil || postgresURL != nil || !(ProcessInfo.processInfo.environment["CHATTERM_DB"] ?? "").isEmpty }

    /// Where the store's side files are: beside the SQLite file, or per PostgreSQL database.
    var localPath: String {
        guard let url = postgresURL, let address = try? PostgresAddress(url: url) else { return path }
        return Self.localPath(for: address)
    }

    /// The store, for messages (a PostgreSQL URL without its password).
    var location: String {
        guard let url = postgresURL, let address = try? PostgresAddress(url: url) else { return path }
        return address.redacted
    }

    func validate() throws {
        if db != nil && database != nil { throw ValidationError("give --db (SQLite) or --database (PostgreSQL), not both") }
        // A URL that does not parse is a usage error, like any other option's bad value.
        if let url = postgresURL {
            do { _ = try PostgresAddress(url: url) } catch { throw ValidationError("\(error)") }
        }
    }

    /// Opens the store as the command needs it: `.read` opens an existing store read-only (a
    /// missing one is an error, never created), `.write` creates and migrates. A lock held by
    /// another process is waited on, for a bounded time, with a message.
    func open(_ mode: StoreAccess.Mode) throws -> ChatStore {
        let access = StoreAccess(mode: mode) {
            OutputStream.standardError.write("chatterm: waiting for the store's lock, held by another process…\n")
        }
        do {
            if let url = postgresURL {
                let address = try PostgresAddress(url: url)
                return try ChatStore(postgres: url, localPath: Self.localPath(for: address), access: access)
            }
            return try ChatStore(path: path, access: access)
        } catch let error as StoreError {
            // "no store at PATH" says it all; other reasons need the place in front.
            if case .missing = error { throw CommandFailure(error) }
            throw CommandFailure(error).doing("cannot open the store at \(location)")
        } catch {
            throw CommandFailure(error).doing("cannot open the store at \(location)")
        }
    }

    /// Where a PostgreSQL store's side files (the local app's credentials, uploads) live: the
    /// same for every server on this machine that names the same database.
    static func localPath(for address: PostgresAddress) -> String {
        let env = ProcessInfo.processInfo.environment
        let dataHome = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (env["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        let name = "\(address.host)-\(address.port)-\(address.database)".map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" }
        return dataHome + "/chatterm/postgres-" + String(name)
    }
}
