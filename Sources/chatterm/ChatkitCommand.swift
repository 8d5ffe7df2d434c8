import ArgumentParser
import ChatImport
import Foundation

extension ChatkitConverter.PublicRoomType: ExpressibleByArgument {}

/// `chatterm chatkit …`: from a Pusher Chatkit export to Stream's import format and the store.
struct ChatkitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chatkit",
        abstract: "Convert a Pusher Chatkit export to Stream's import format, or migrate it into the store.",
        discussion: """
            EXPORT is a directory (users, rooms, messages, and optionally cursors, memberships, roles, user_roles; \
            .ndjson, .jsonl or .json; a JSON array or one object a line) or one bundle file {"users":[…],"rooms":[…],…}. \
            Both Chatkit field-name families are read: the export's (sender_id, member_ids, part_type + payload) and \
            the REST API's (user_id, member_user_ids, flat parts, v2 text + attachment).
            """,
        subcommands: [ChatkitConvertCommand.self, ChatkitMigrateCommand.self]
    )
}

/// The export and how to convert it: shared by `convert` and `migrate`.
struct ChatkitExportOptions: ParsableArguments {
    @Argument(help: "The Chatkit export: a directory or a bundle file.")
    var export: String

    @Option(help: "What public rooms become: team (members only, the default) or livestream (anyone may read and write).")
    var publicRooms: ChatkitConverter.PublicRoomType = .team

    var converterOptions: ChatkitConverter.Options { ChatkitConverter.Options(publicRoomType: publicRooms) }

    /// Opens the export, or fails with exit code 2 and the reason.
    func openSource() throws -> ChatkitExportSource { try Self.open(export) }

    static func open(_ path: String) throws -> ChatkitExportSource {
        do {
            return try ChatkitExportSource(path: path)
        } catch {
            throw failure("cannot read the Chatkit export: \(error)", code: 2)
        }
    }
}

/// The conversion's errors as CLI failures, exit code 2: nothing was written.
enum ChatkitFailure {
    static func converting<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ChatkitExportError {
            throw failure("cannot convert the Chatkit export, nothing was written: \(error)", code: 2)
        } catch let error as ImportFileError {
            throw failure("cannot write \(error)", code: 2)
        }
    }
}
