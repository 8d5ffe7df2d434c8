import ChatStore
import Foundation

/// The store a backend-neutral test runs on: SQLite by default; with `CHATTERM_TEST_POSTGRES`
/// set to a server's URL, a PostgreSQL database of its own on that server, one per path (so a
/// test that reopens its path gets the same data back).
public enum TestStore {
    public static var postgresServer: String? {
        ProcessInfo.processInfo.environment["CHATTERM_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    }

    public static func open(_ path: String) throws -> ChatStore {
        guard let server = postgresServer else { return try ChatStore(path: path) }
        return try ChatStore(postgres: try PostgresBackend.ensureDatabase(databaseName(for: path), onServerOf: server), localPath: path)
    }

    /// A name PostgreSQL accepts, the same for the same path in every process (FNV-1a).
    static func databaseName(for path: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in path.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return "test_" + String(hash, radix: 16)
    }

    /// Every chat table's rows as text, in key order: two equal dumps mean two equal stores.
    public static func dump(_ store: ChatStore) throws -> [String] {
        try [
            "users", "devices", "future_channel_bans", "channels", "members", "messages", "reactions", "polls", "poll_options",
            "poll_votes",
        ].flatMap { table in
            try store.inspect("SELECT * FROM \(table) ORDER BY 1, 2, 3").map { row in
                // PostgreSQL's `messages.words` is chatterm's split of the text for its word index; SQLite has none.
                "\(table) \(zip(row.names, row.values).filter { table != "messages" || $0.0 != "words" }.map(\.1))"
            }
        }
    }
}
