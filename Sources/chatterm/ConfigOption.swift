import ArgumentParser
import Foundation

/// `--config PATH`, for the commands that run the client (and `chatterm keys`).
struct ConfigOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The client's config file (default: $XDG_CONFIG_HOME/chatterm/config.toml, else ~/.config/chatterm/config.toml).",
            valueName: "path"
        )
    )
    var config: String?

    /// The config in effect; a file that cannot be used stops the command, before any terminal is taken.
    func load() throws -> ClientConfig {
        do {
            return try ClientConfig.load(path: config, environment: ProcessInfo.processInfo.environment)
        } catch {
            throw failure("\(error)", code: ExitStatus.couldNotRun)
        }
    }
}
