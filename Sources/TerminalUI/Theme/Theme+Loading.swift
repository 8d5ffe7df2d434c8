import Foundation

extension Theme {
    /// Loads a theme: its file and the files it `inherits` from, then the user's override file
    /// layered over them, then adapted to the terminal.
    ///
    /// - Parameters:
    ///   - name: a theme in `themesDirectory` (`dark` for `dark.theme`) or else in `builtIn`,
    ///     or a path to a theme file (anything with a `/` or ending in `.theme`; relative to
    ///     the working directory).
    ///   - builtIn: the themes compiled into the program, by name (their text), so an
    ///     installed binary needs no theme files; a file of the same name in
    ///     `themesDirectory` takes precedence.
    ///   - overridePath: the user's override file (usually `defaultOverridePath(environment:)`);
    ///     `nil` or a file that doesn't exist means no override.
    ///   - colorCount: the terminal's colours (ncurses `COLORS`). Below 256, palette colours
    ///     become the nearest of the 16; below 16, bright foregrounds become normal + bold and
    ///     bright backgrounds normal; below 8, as `noColor`.
    ///   - noColor: `NO_COLOR` is set and non-empty (no-color.org): every colour becomes the
    ///     terminal's own, the style flags stay.
    /// - Throws: `ThemeError` with the file and line of the first problem.
    public static func load(
        name: String,
        themesDirectory: String,
        builtIn: [String: String] = [:],
        overridePath: String?,
        colorCount: Int,
        noColor: Bool
    ) throws -> Theme {
        let chain = try readChain(name: name, in: ThemeShelf(directory: themesDirectory, builtIn: builtIn))
        var layers = chain
        if let overridePath, FileManager.default.fileExists(atPath: overridePath) {
            let override = try ThemeFile.read(path: overridePath)
            if let inherits = override.inherits {
                throw ThemeError(
                    path: overridePath,
                    line: inherits.line,
                    message: "an override file can't inherit; "
                        + "it always applies over the chosen theme, so choose '\(inherits.text)' as the theme instead"
                )
            }
            layers.append(override)
        }
        var settings: [String: PartialStyle] = [:]
        for layer in layers { settings.merge(layer.settings) { $0.overlaid(by: $1) } }
        let chosen = chain[chain.count - 1]
        let themeName = chosen.name?.text ?? URL(fileURLWithPath: chosen.path).deletingPathExtension().lastPathComponent
        return Theme(name: themeName, settings: settings).adapted(colorCount: colorCount, noColor: noColor)
    }

    /// The names of the theme files in `themesDirectory` and of the `builtIn` themes, sorted;
    /// a directory that can't be read adds none.
    public static func available(themesDirectory: String, builtIn: [String: String] = [:]) -> [String] {
        ThemeShelf(directory: themesDirectory, builtIn: builtIn).names
    }

    /// `$XDG_CONFIG_HOME/chatterm/themes`, else `~/.config/chatterm/themes`: the user's own
    /// themes, found by name like the built-in ones.
    public static func userThemesDirectory(environment: [String: String]) -> String {
        configDirectory(environment: environment) + "/themes"
    }

    /// `$XDG_CONFIG_HOME/chatterm/theme.ini`, else `~/.config/chatterm/theme.ini`. A relative
    /// `XDG_CONFIG_HOME` is ignored, as the XDG base-directory spec asks.
    public static func defaultOverridePath(environment: [String: String]) -> String {
        configDirectory(environment: environment) + "/theme.ini"
    }

    /// `$XDG_CONFIG_HOME/chatterm`, else `~/.config/chatterm`: where the config, the themes and the override live.
    public static func configDirectory(environment: [String: String]) -> String {
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") { return config + "/chatterm" }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.config/chatterm"
    }

    /// The chosen theme file and its ancestors, the root ancestor first.
    private static func readChain(name: String, in shelf: ThemeShelf) throws -> [ThemeFile] {
        var chain: [ThemeFile] = []
        var file = try locate(name, in: shelf, relativeTo: nil)
        while true {
            chain.insert(file, at: 0)
            guard let parent = file.inherits else { return chain }
            file = try locate(parent.text, in: shelf, relativeTo: (file, parent))
            let path = file.path
            if chain.contains(where: { $0.path == path }) {
                let cycle = chain.reversed().map { URL(fileURLWithPath: $0.path).lastPathComponent }
                throw ThemeError(
                    path: chain[0].path,
                    line: parent.line,
                    message: "inheriting '\(parent.text)' makes a loop: "
                        + (cycle + [URL(fileURLWithPath: path).lastPathComponent]).joined(separator: " → ")
                )
            }
        }
    }

    /// The file a theme name or path stands for, read. `inheritedBy` is the file whose
    /// `inherits` names it: a relative path resolves next to that file, and errors point at its line.
    private static func locate(
        _ reference: String,
        in shelf: ThemeShelf,
        relativeTo inheritedBy: (file: ThemeFile, value: ThemeFile.Value)?
    ) throws -> ThemeFile {
        let isPath = reference.contains("/") || reference.hasSuffix(".theme")
        let path: String
        if isPath {
            let base = inheritedBy.map { URL(fileURLWithPath: $0.file.path).deletingLastPathComponent() }
            path = URL(fileURLWithPath: reference, relativeTo: base).standardizedFileURL.path
        } else {
            path = URL(fileURLWithPath: shelf.directory).appendingPathComponent(reference + ".theme").standardizedFileURL.path
        }
        if FileManager.default.fileExists(atPath: path) { return try ThemeFile.read(path: path) }
        if !isPath, let text = shelf.builtIn[reference] {
            return try ThemeFile.parse(text, path: ThemeShelf.builtInPath(reference))
        }
        let problem =
            isPath
            ? "no theme file at \(path)"
            : "no theme named '\(reference)' in \(shelf.directory)\(shelf.builtIn.isEmpty ? "" : " or built in"); available: "
                + shelf.names.joined(separator: ", ")
        guard let inheritedBy else { throw ThemeError(path: isPath ? path : shelf.directory, line: nil, message: problem) }
        throw ThemeError(path: inheritedBy.file.path, line: inheritedBy.value.line, message: "can't inherit: " + problem)
    }

    /// The theme as this terminal can show it (see `load`'s `colorCount` and `noColor`).
    func adapted(colorCount: Int, noColor: Bool) -> Theme {
        if noColor || colorCount < 8 { return mapStyles { Style(attributes: $0.attributes) } }
        if colorCount >= 256 { return self }
        return mapStyles { style in
            var style = style
            if case .indexed(let index) = style.foreground { style.foreground = .ansi(XtermPalette.nearestANSI(to: index)) }
            if case .indexed(let index) = style.background { style.background = .ansi(XtermPalette.nearestANSI(to: index)) }
            guard colorCount < 16 else { return style }
            if case .ansi(let index) = style.background, index >= 8 { style.background = .ansi(index - 8) }
            // Bright black as black and bold is black on a dark background wherever bold does not
            // brighten (most terminals now): grey is dim white there, and black only on white.
            if style.foreground == .ansi(8) {
                let onWhite = style.background == .ansi(7)
                style.foreground = .ansi(onWhite ? 0 : 7)
                if !onWhite { style.attributes.insert(.dim) }
            }
            // An 8-colour terminal has no bright colours; bold is how such terminals showed them.
            if case .ansi(let index) = style.foreground, index >= 8 {
                style.foreground = .ansi(index - 8)
                style.attributes.insert(.bold)
            }
            // Two palette colours can land on one of the eight (dark256's black on light green,
            // a notice, became black on black): the text then takes black or white, whichever reads.
            if case .ansi(let index) = style.background, style.foreground == style.background {
                style.foreground = .ansi([2, 3, 6, 7].contains(index) ? 0 : 7)
            }
            return style
        }
    }
}
