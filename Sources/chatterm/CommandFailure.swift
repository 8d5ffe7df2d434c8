import ArgumentParser
import ChatImport
import ChatModel
import ChatServer
import ChatStore
import Foundation
import NIOCore
import NIOPosix

/// Why a command stopped, as the user reads it: `chatterm: <what>: <why>` on one line, maybe a
/// hint line, and the exit code of its class (see `ExitStatus`). Every error a command throws
/// becomes one of these in `Chatterm.main`; the library's own error, if any, is kept for `--verbose`.
struct CommandFailure: Error {
    var message: String
    var hint: String?
    var code: Int32
    var underlying: (any Error)?

    init(_ message: String, hint: String? = nil, code: Int32, underlying: (any Error)? = nil) {
        self.message = message
        self.hint = hint
        self.code = code
        self.underlying = underlying
    }

    /// Any error a command let through, in plain words: drivers' and NIO's errors are named by
    /// what happened, never by their type.
    init(_ error: any Error) {
        switch error {
        case let failure as CommandFailure:
            self = failure
        case let error as StoreError:
            var underlying: any Error = error
            if case .unreachable(_, let driver) = error { underlying = driver }
            self.init(Self.store(error), code: ExitStatus.couldNotRun, underlying: underlying)
            if case .missing(let location) = error {
                let option = location.hasPrefix("postgres://") ? "--database URL" : "--db \(location)"
                message += " (import a file first: chatterm import FILE \(option))"
            }
            if case .unreachable(_, let driver) = error, DatabaseErrorText.needsPassword(driver) {
                hint =
                    "give the password in the URL, postgres://USER:PASSWORD@HOST:PORT/DB, through $CHATTERM_DATABASE to keep it out of the process list"
            }
        case let error as ImportFileError:
            self.init("cannot read \(error)", code: ExitStatus.couldNotRun, underlying: error)
        case let error as CredentialError:
            self.init("the local app: \(error)", code: ExitStatus.couldNotRun, underlying: error)
        default:
            self.init(Self.plainReason(error), code: ExitStatus.couldNotRun, underlying: error)
        }
    }

    /// The same failure with what was being done in front: `cannot open the store at X: <why>`.
    func doing(_ what: String) -> CommandFailure {
        var failure = self
        failure.message = what + ": " + message
        return failure
    }

    /// Prints the message (and the hint, and with `verbose` the library's error) to standard error.
    func report(verbose: Bool) {
        OutputStream.standardError.write("chatterm: \(terminalSafe(message))\n")
        if let hint { OutputStream.standardError.write("  \(terminalSafe(hint))\n") }
        if verbose, let underlying { OutputStream.standardError.write("  (\(String(reflecting: underlying)))\n") }
    }

    private static func store(_ error: StoreError) -> String {
        guard case .unreachable(let what, let underlying) = error else { return error.description }
        return what + ": " + plainReason(underlying)
    }

    /// What went wrong, without the library's type names: SQLite's result codes, errno, DNS,
    /// PostgreSQL's own message.
    static func plainReason(_ error: any Error) -> String {
        if let reason = DatabaseErrorText.reason(error, other: plainReason) { return reason }
        switch error {
        case let error as IOError:
            return String(cString: strerror(error.errnoCode)).lowercased()
        case let error as SocketAddressError.UnknownHost:
            return "unknown host \(error.host)"
        case let error as NIOConnectionError:
            if error.connectionErrors.isEmpty { return "unknown host \(error.host)" }
            return error.connectionErrors.first.map { plainReason($0.error) } ?? "cannot connect"
        case let error as ChannelError:
            if case .connectTimeout = error { return "the connection timed out" }
            return "the connection failed (\(error))"
        case let error as CocoaError:
            // Foundation's file errors: the path and what happened, not the NSError dump.
            return [error.filePath.flatMap { $0.isEmpty ? nil : $0 }, fileReason(error)].compactMap { $0 }.joined(separator: ": ")
        case let error as LocalizedError:
            return error.errorDescription ?? "\(error)"
        case let error as CustomStringConvertible:
            return error.description
        default:
            return (error as NSError).localizedDescription
        }
    }

    /// Why a file could not be read or written, in the system's words and without its path (the
    /// message names it): Foundation's own text, "The operation could not be completed. The file
    /// doesn't exist.", says neither which file nor what to do.
    static func fileReason(_ error: any Error) -> String {
        guard let error = error as? CocoaError else { return plainReason(error) }
        let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError
        if let posix = underlying, posix.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(posix.code))).lowercased() }
        switch error.code {
        case .fileNoSuchFile, .fileReadNoSuchFile: return String(cString: strerror(ENOENT)).lowercased()
        case .fileWriteNoPermission, .fileReadNoPermission: return String(cString: strerror(EACCES)).lowercased()
        case .fileWriteOutOfSpace: return String(cString: strerror(ENOSPC)).lowercased()
        case .fileWriteVolumeReadOnly: return String(cString: strerror(EROFS)).lowercased()
        case .fileWriteFileExists: return "a file of that name is there"
        default: return error.localizedDescription
        }
    }
}

/// The exit codes: one per class of outcome, the same for every command.
enum ExitStatus {
    /// The input has problems: validation findings, a failed import or task.
    static let inputProblems: Int32 = 1
    /// The command could not run: a file it cannot read or write, the store missing, locked or
    /// unopenable, the network, a port in use.
    static let couldNotRun: Int32 = 2
    /// The command line does not parse (ArgumentParser's usage errors).
    static let usage: Int32 = 64
}

/// A failure of class `code` (the CLI's own checks). Thrown, it is printed by `Chatterm.main`.
func failure(_ message: String, hint: String? = nil, code: Int32 = ExitStatus.inputProblems) -> CommandFailure {
    CommandFailure(message, hint: hint, code: code)
}
