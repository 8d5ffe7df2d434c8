import ArgumentParser
import Foundation

@main
struct Chatterm: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chatterm",
        abstract: "Terminal chat over migrated chat data: validate and load Stream import files into a local store.",
        discussion: """
            The store is a SQLite file: --db PATH, else $CHATTERM_DB, else $XDG_DATA_HOME/chatterm/chat.sqlite \
            (~/.local/share/chatterm/chat.sqlite). Only import, serve, demo and migrate (or chatkit migrate) create it; the \
            other commands read an existing store and never change it.

            Exit status, for every command: 0 success; 1 the input has problems (validation findings, a failed \
            import or task); 2 the command could not run (a file it cannot read or write, the store missing, \
            unopenable or locked past the wait, the network, a port in use); 64 the command line does not parse. \
            An import, migrate, convert, export, split or generate stopped by Ctrl-C or SIGTERM ends as that \
            signal (130 or 143 in a shell) and leaves no half file (an import writes nothing and marks its task \
            failed). Errors are one \
            line on standard error, `chatterm: <what>: <why>`, sometimes with a hint line; --verbose (anywhere on \
            the line) adds the underlying library error.
            """,
        version: "0.1.0",
        subcommands: [
            ValidateCommand.self, ImportCommand.self, ImportsCommand.self, ExportCommand.self, SplitCommand.self, UploadCommand.self,
            ConvertCommand.self, MigrateCommand.self, GenerateCommand.self, ReportCommand.self, OpenCommand.self,
            DemoCommand.self, KeysCommand.self, ServeCommand.self, TokenCommand.self, ChatkitCommand.self,
        ]
    )

    /// ArgumentParser's own `main`, with the exit-status contract above: usage errors are one
    /// line (with "did you mean" for a misspelt command), every other error goes through `CommandFailure`.
    static func main() async {
        var arguments = Array(CommandLine.arguments.dropFirst())
        let verbose = arguments.contains("--verbose")
        arguments.removeAll { $0 == "--verbose" }
        let parsed: any ParsableCommand
        do {
            parsed = try parseAsRoot(arguments)
        } catch {
            UsageError.exit(with: error, arguments: arguments)
        }
        do {
            if var command = parsed as? any AsyncParsableCommand {
                try await command.run()
            } else {
                var command = parsed
                try command.run()
            }
        } catch let error as ExitCode {
            Self.exit(withError: error)
        } catch  where [.success, .validationFailure].contains(exitCode(for: error)) {
            // ArgumentParser's own: a help request (`chatterm --help` runs its help command), a usage error.
            UsageError.exit(with: error, arguments: arguments)
        } catch {
            let failure = CommandFailure(error)
            failure.report(verbose: verbose)
            Foundation.exit(failure.code)
        }
    }
}
