import ArgumentParser

@main
struct Chatterm: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chatterm",
        abstract: "Terminal chat over migrated chat data: validate and load Stream import files into a local store.",
        discussion: """
            The store is a SQLite file: --db PATH, else $CHATTERM_DB, else $XDG_DATA_HOME/chatterm/chat.sqlite \
            (~/.local/share/chatterm/chat.sqlite).
            """,
        version: "0.1.0",
        subcommands: [
            ValidateCommand.self, ImportCommand.self, ImportsCommand.self, GenerateCommand.self, ReportCommand.self, OpenCommand.self,
            DemoCommand.self, ServeCommand.self, TokenCommand.self, ChatkitCommand.self,
        ]
    )
}
