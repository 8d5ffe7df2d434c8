import GRDB
import PostgresNIO

/// The database drivers' errors in plain words, for messages to people: SQLite's result codes
/// and PostgreSQL's own message, never the drivers' type names. Kept here so that no module
/// but the store knows the drivers.
public enum DatabaseErrorText {
    /// What went wrong, or nil when `error` is not a database driver's. `other` words an
    /// error the driver wraps (the network's, under PostgreSQL's).
    public static func reason(_ error: any Error, other: (any Error) -> String) -> String? {
        switch error {
        case let error as DatabaseError:
            return sqliteReason(error)
        case let error as PSQLError:
            if let message = error.serverInfo?[.message] { return message }
            if let underlying = error.underlying { return other(underlying) }
            switch error.code {
            case .authMechanismRequiresPassword: return "the server asks for a password and the URL has none"
            case .serverClosedConnection: return "the server closed the connection"
            default: return "the connection failed"
            }
        default:
            return nil
        }
    }

    /// Whether PostgreSQL refused the connection for want of a (right) password.
    public static func needsPassword(_ error: any Error) -> Bool {
        guard let error = error as? PSQLError else { return false }
        // 28xxx: invalid authorization (it refused the password given).
        return error.code == .authMechanismRequiresPassword || error.serverInfo?[.sqlState]?.hasPrefix("28") == true
    }

    private static func sqliteReason(_ error: DatabaseError) -> String {
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: "the store is locked by another process (a write is in progress there)"
        case .SQLITE_READONLY: "the store is read-only for this user"
        case .SQLITE_CANTOPEN: "cannot open the file (check the path and its permissions)"
        case .SQLITE_NOTADB: "not a chatterm store (not a SQLite file)"
        case .SQLITE_CORRUPT: "the store's file is damaged"
        case .SQLITE_FULL: "the disk is full"
        case .SQLITE_IOERR: "the disk could not be read or written"
        case .SQLITE_PERM, .SQLITE_AUTH: "permission denied"
        default: error.message ?? "SQLite error \(error.resultCode.rawValue)"
        }
    }
}
