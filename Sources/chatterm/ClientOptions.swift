import ArgumentParser

/// The look of the client and its config file, for the commands that run it (`open`, `demo`).
struct ClientOptions: ParsableArguments {
    @Option(help: "Theme name or file (default: the config's, else dark).")
    var theme: String?

    @Flag(help: "Show emoji as :shortcode: text.")
    var asciiEmoji = false

    @Flag(help: "Draw URLs in messages as plain text, not as OSC 8 hyperlinks.")
    var noHyperlinks = false

    @Flag(help: "Leave the mouse to the terminal (no clicks or wheel in chatterm; the config's `mouse = false` too).")
    var noMouse = false

    @OptionGroup var configOption: ConfigOption

    /// The client as these options and the config file set it up; a config file that cannot be
    /// used stops the command, before any terminal is taken.
    func launch() throws -> ClientLaunch {
        ClientLaunch(theme: theme, asciiEmoji: asciiEmoji, hyperlinks: !noHyperlinks, noMouse: noMouse, config: try configOption.load())
    }
}
