import ArgumentParser
import ChatImport
import ChatStore
import Foundation

extension ChatkitConverter.PublicRoomType: ExpressibleByArgument {}

/// `chatterm chatkit convert|migrate`: the Chatkit forms of `convert --from chatkit` and
/// `migrate --from chatkit`, kept as they were.
struct ChatkitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chatkit",
        abstract: "Convert a Pusher Chatkit export to Stream's import format, or migrate it into the store.",
        discussion: """
            EXPORT is a directory (users, rooms, messages, and optionally cursors, memberships, roles, user_roles; \
            .ndjson, .jsonl or .json; a JSON array or one object a line) or one bundle file {"users":[…],"rooms":[…],…}. \
            Both Chatkit field-name families are read: the export's (sender_id, member_ids, part_type + payload) and \
            the REST API's (user_id, member_user_ids, flat parts, v2 text + attachment). The same as \
            `chatterm convert --from chatkit` and `chatterm migrate --from chatkit`.
            """,
        subcommands: [ChatkitConvertCommand.self, ChatkitMigrateCommand.self]
    )
}

/// The Chatkit export and how to convert it: shared by `chatkit convert` and `chatkit migrate`.
struct ChatkitExportOptions: ParsableArguments {
    @Argument(help: "The Chatkit export: a directory or a bundle file.")
    var export: String

    @Option(help: "What public rooms become: team (members only, the default) or livestream (anyone may read and write).")
    var publicRooms: ChatkitConverter.PublicRoomType = .team

    func openSource() throws -> any ConversionSource { try ExportOptions.open(.chatkit, export, publicRooms: publicRooms) }
}

struct ChatkitConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a Chatkit export into a Stream import file (JSON Lines): convert --from chatkit.",
        discussion: ConvertCommand.chatkitDiscussion
    )

    @OptionGroup var source: ChatkitExportOptions
    @OptionGroup var output: ConvertOutputOptions

    func run() throws { try output.convert(try source.openSource()) }
}

struct ChatkitMigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Convert a Chatkit export, validate it and import it into the store, all or nothing: migrate --from chatkit.",
        discussion: MigrateCommand.discussion
    )

    @OptionGroup var source: ChatkitExportOptions
    @OptionGroup var migration: MigrateOptions
    @OptionGroup var store: StoreOptions

    func run() throws { try migration.migrate(try source.openSource(), store: store) }
}
