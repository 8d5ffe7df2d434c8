import BuiltInData
import TerminalUI

/// The default theme as the client draws with it, from the copy compiled into chatterm.
enum BenchTheme {
    static func dark() throws -> Theme {
        try Theme.load(
            name: "dark",
            themesDirectory: "/nonexistent",
            builtIn: BuiltInThemes.files,
            overridePath: nil,
            colorCount: 256,
            noColor: false
        )
    }
}
