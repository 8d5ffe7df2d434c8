import Foundation
import TerminalUI
import XCTest

/// The built-in themes, inheritance, layering, colour depth, NO_COLOR and the documented list.
final class ThemeTests: XCTestCase {
    let builtIn = ["dark", "dark256", "light", "mono"]

    func testAvailableListsTheBuiltInThemes() {
        XCTAssertEqual(Theme.available(themesDirectory: ThemeScratch.themesDirectory), builtIn)
        XCTAssertEqual(Theme.available(themesDirectory: "/nonexistent"), [])
    }

    func testEveryBuiltInThemeLoadsAtEveryDepthAndResolvesEveryAttribute() throws {
        // Loading checks every name in the file against the documented list, so a theme that
        // loads sets nothing undocumented.
        for name in builtIn {
            for colorCount in [8, 16, 256] {
                for noColor in [false, true] {
                    let theme = try ThemeScratch.builtIn(name, colorCount: colorCount, noColor: noColor)
                    XCTAssertEqual(theme.name, name)
                    for attribute in Theme.attributes { _ = theme.style(attribute.name) }
                }
            }
        }
    }

    func testAttributeListIsAHierarchyWithOneLineDescriptions() {
        var seen: Set<String> = []
        for attribute in Theme.attributes {
            XCTAssertTrue(seen.insert(attribute.name).inserted, "\(attribute.name) listed twice")
            if let parent = attribute.parentName {
                XCTAssertTrue(seen.contains(parent), "\(attribute.name)'s parent \(parent) must be listed before it")
            } else {
                XCTAssertEqual(attribute.name, "default")
            }
            XCTAssertFalse(attribute.description.isEmpty, attribute.name)
            XCTAssertFalse(attribute.description.contains("\n") || attribute.description.contains("|"), attribute.name)
        }
        for required in [
            "sidebar.channel.unread", "sidebar.channel.mention", "message.mention", "reaction.mine",
            "switcher.match", "thread.replies", "username.0", "username.11",
        ] {
            XCTAssertTrue(seen.contains(required), required)
        }
        XCTAssertFalse(seen.contains("username.12"))
    }

    func testAChildInheritsEveryPropertyItDoesNotSet() throws {
        let theme = try ThemeScratch().load(
            """
            [attributes]
            default.bg = black
            reaction.fg = red
            reaction.bg = blue
            reaction.style = bold
            reaction.mine.fg = green
            """
        )
        XCTAssertEqual(theme.style("reaction.mine"), Style(foreground: .ansi(2), background: .ansi(4), attributes: .bold))
        XCTAssertEqual(theme.style("message.text"), Style(foreground: .terminalDefault, background: .ansi(0)))
        XCTAssertEqual(theme.style("sidebar.channel.unread").background, .ansi(0), "through sidebar.channel and sidebar")
    }

    func testStyleFlagsAreInheritedWholesale() throws {
        let theme = try ThemeScratch().load(
            """
            [attributes]
            reaction.style = [bold, underline]
            reaction.mine.style = italic
            message.style = dim
            message.selected.style = none
            """
        )
        XCTAssertEqual(theme.style("reaction.mine").attributes, .italic)
        XCTAssertEqual(theme.style("message.selected").attributes, [])
        XCTAssertEqual(theme.style("message.text").attributes, .dim)
    }

    func testInheritedThemesAndTheOverrideFileLayerBeforeInheritance() throws {
        let scratch = ThemeScratch()
        scratch.write(
            "base.theme",
            """
            [attributes]
            reaction.fg = red
            reaction.mine.fg = green
            message.time.fg = cyan
            """
        )
        let variant = scratch.write(
            "variant.theme",
            """
            [theme]
            inherits = base.theme
            [attributes]
            message.time.fg = magenta
            """
        )
        let override = scratch.write(
            "theme.ini",
            """
            [attributes]
            reaction.bg = blue
            reaction.mine.fg = yellow
            """
        )
        let theme = try Theme.load(
            name: variant,
            themesDirectory: scratch.path,
            overridePath: override,
            colorCount: 256,
            noColor: false
        )
        XCTAssertEqual(theme.name, "variant", "named after the chosen file when [theme] has no name")
        XCTAssertEqual(theme.style("reaction"), Style(foreground: .ansi(1), background: .ansi(4)))
        XCTAssertEqual(
            theme.style("reaction.mine"),
            Style(foreground: .ansi(3), background: .ansi(4)),
            "the override's reaction.bg reaches reaction.mine, its reaction.mine.fg beats the theme's"
        )
        XCTAssertEqual(theme.style("message.time").foreground, .ansi(5), "the variant beats its parent")
    }

    func testOverrideFileOverBuiltInDarkChangesOnlyWhatItSets() throws {
        let scratch = ThemeScratch()
        let override = scratch.write("theme.ini", "[attributes]\nreaction.mine.style = underline\n")
        let dark = try ThemeScratch.builtIn("dark")
        let theme = try Theme.load(
            name: "dark",
            themesDirectory: ThemeScratch.themesDirectory,
            overridePath: override,
            colorCount: 256,
            noColor: false
        )
        XCTAssertEqual(
            theme.style("reaction.mine"),
            Style(
                foreground: dark.style("reaction.mine").foreground,
                attributes: .underline
            )
        )
        for attribute in Theme.attributes where attribute.name != "reaction.mine" {
            XCTAssertEqual(theme.style(attribute.name), dark.style(attribute.name), attribute.name)
        }
        XCTAssertEqual(theme.name, "dark")
    }

    func testAMissingOverrideFileIsNoOverride() throws {
        let theme = try Theme.load(
            name: "dark",
            themesDirectory: ThemeScratch.themesDirectory,
            overridePath: ThemeScratch().path + "/theme.ini",
            colorCount: 256,
            noColor: false
        )
        XCTAssertEqual(theme, try ThemeScratch.builtIn("dark"))
    }

    func testDefaultOverridePathFollowsXDG() {
        XCTAssertEqual(
            Theme.defaultOverridePath(environment: ["XDG_CONFIG_HOME": "/cfg", "HOME": "/home/ana"]),
            "/cfg/chatterm/theme.ini"
        )
        XCTAssertEqual(
            Theme.defaultOverridePath(environment: ["HOME": "/home/ana"]),
            "/home/ana/.config/chatterm/theme.ini"
        )
        XCTAssertEqual(
            Theme.defaultOverridePath(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/home/ana"]),
            "/home/ana/.config/chatterm/theme.ini",
            "the XDG spec says to ignore a relative path"
        )
    }

    func testNoColorMakesEveryColourTheTerminalsAndKeepsTheFlags() throws {
        for name in builtIn {
            let colored = try ThemeScratch.builtIn(name)
            for theme in [try ThemeScratch.builtIn(name, noColor: true), try ThemeScratch.builtIn(name, colorCount: 2)] {
                for attribute in Theme.attributes {
                    let style = theme.style(attribute.name)
                    XCTAssertEqual(style, Style(attributes: colored.style(attribute.name).attributes), attribute.name)
                }
            }
        }
        let dark = try ThemeScratch.builtIn("dark", noColor: true)
        XCTAssertEqual(dark.style("sidebar.channel.unread").attributes, .bold)
        XCTAssertEqual(dark.style("message.selected").attributes, .reverse)
    }

    /// mono has no colours, and no built-in theme needs them: without colour, the states a
    /// user must tell apart still look different.
    func testStatesStayDistinctWithoutColour() throws {
        let mono = try ThemeScratch.builtIn("mono")
        XCTAssertEqual(mono, try ThemeScratch.builtIn("mono", noColor: true), "mono sets no colour")
        for name in builtIn {
            let theme = try ThemeScratch.builtIn(name, noColor: true)
            for group in [
                [
                    "sidebar.channel", "sidebar.channel.current", "sidebar.channel.unread", "sidebar.channel.mention",
                    "sidebar.channel.muted",
                ],
                ["message.text", "message.mention", "message.selected"],
                ["username", "message.author.self"],
                ["reaction", "reaction.mine"],
                ["switcher", "switcher.selected", "switcher.match"],
            ] {
                let styles = group.map(theme.style)
                XCTAssertEqual(Set(styles).count, group.count, "\(name): \(group) look alike: \(styles)")
            }
        }
    }

    func testPaletteColoursBecomeTheNearestOfSixteen() throws {
        let rich = try ThemeScratch.builtIn("dark256")
        XCTAssertEqual(rich.style("username.0").foreground, .indexed(203))
        let sixteen = try ThemeScratch.builtIn("dark256", colorCount: 16)
        XCTAssertEqual(sixteen.style("username.0").foreground, .ansi(9), "color203 (255,95,95) is nearest brightRed")
        XCTAssertEqual(sixteen.style("statusBar").background, .ansi(0), "color236 (48,48,48) is nearest black")
        XCTAssertEqual(sixteen.style("message.time").foreground, .ansi(8), "color244 (128,128,128) is nearest brightBlack")
        for attribute in Theme.attributes {
            let style = sixteen.style(attribute.name)
            for color in [style.foreground, style.background] {
                if case .indexed = color { XCTFail("\(attribute.name) keeps \(color) on a 16-colour terminal") }
            }
            XCTAssertEqual(style.attributes, rich.style(attribute.name).attributes, attribute.name)
        }
    }

    func testEightColoursShowBrightForegroundsAsBold() throws {
        let theme = try ThemeScratch().load(
            """
            [attributes]
            reaction.fg = brightRed
            reaction.bg = brightBlue
            reaction.mine.fg = color203
            reaction.mine.style = underline
            """,
            colorCount: 8
        )
        XCTAssertEqual(theme.style("reaction"), Style(foreground: .ansi(1), background: .ansi(4), attributes: .bold))
        XCTAssertEqual(
            theme.style("reaction.mine"),
            Style(foreground: .ansi(1), background: .ansi(4), attributes: [.underline, .bold])
        )
        let dark256 = try ThemeScratch.builtIn("dark256", colorCount: 8)
        for attribute in Theme.attributes {
            let style = dark256.style(attribute.name)
            for color in [style.foreground, style.background] {
                if case .ansi(let index) = color { XCTAssertLessThan(index, 8, attribute.name) }
                if case .indexed = color { XCTFail("\(attribute.name) keeps \(color) on an 8-colour terminal") }
            }
        }
    }

    /// Bright black as black and bold is black on the dark themes' dark background wherever bold
    /// does not brighten (most terminals now, TERM=xterm or screen): their grey times, borders
    /// and light-blue headings vanished. Grey is dim white there, and black only on white.
    func testEightColoursNeverDrawBlackOnADarkBackground() throws {
        for name in ["dark", "dark256"] {
            let theme = try ThemeScratch.builtIn(name, colorCount: 8)
            for attribute in Theme.attributes {
                let style = theme.style(attribute.name)
                guard [.terminalDefault, .ansi(0)].contains(style.background), !style.attributes.contains(.reverse) else { continue }
                XCTAssertNotEqual(style.foreground, .ansi(0), "\(name): \(attribute.name) is black on a dark background")
            }
            XCTAssertEqual(theme.style("message.time"), Style(foreground: .ansi(7), attributes: .dim), name)
            for attribute in Theme.attributes where theme.style(attribute.name).background != .terminalDefault {
                let style = theme.style(attribute.name)
                XCTAssertNotEqual(style.foreground, style.background, "\(name): \(attribute.name) is drawn in its background's colour")
            }
        }
        let light = try ThemeScratch.builtIn("light", colorCount: 8)
        for attribute in Theme.attributes {
            let style = light.style(attribute.name)
            XCTAssertNotEqual(style.foreground, style.background, "light: \(attribute.name) is drawn in its background's colour")
        }
        let grey = try ThemeScratch().load("[attributes]\nmessage.time.fg = brightBlack\nmessage.time.bg = white", colorCount: 8)
        XCTAssertEqual(grey.style("message.time").foreground, .ansi(0), "on white, grey is black")
    }

    func testHexColoursMapToTheNearestFixedPaletteColour() throws {
        let text = """
            [attributes]
            reaction.fg = #ff8800
            reaction.bg = #808080
            message.fg = #000000
            message.bg = #FFFFFF
            typing.fg = #5f87af
            """
        let theme = try ThemeScratch().load(text)
        XCTAssertEqual(theme.style("reaction"), Style(foreground: .indexed(208), background: .indexed(244)))
        XCTAssertEqual(
            theme.style("message"),
            Style(foreground: .indexed(16), background: .indexed(231)),
            "black and white map to the cube, not to palette 0 and 15 that terminals redefine"
        )
        XCTAssertEqual(theme.style("typing").foreground, .indexed(67), "an exact cube colour")
        let sixteen = try ThemeScratch().load(text, colorCount: 16)
        XCTAssertEqual(sixteen.style("reaction"), Style(foreground: .ansi(3), background: .ansi(8)))
    }

    func testDumpLoadsBackAsTheSameTheme() throws {
        let scratch = ThemeScratch()
        for name in builtIn {
            for (colorCount, noColor) in [(256, false), (16, false), (8, false), (256, true)] {
                let theme = try ThemeScratch.builtIn(name, colorCount: colorCount, noColor: noColor)
                let path = scratch.write("dumped.theme", theme.dump())
                let loaded = try Theme.load(
                    name: path,
                    themesDirectory: ThemeScratch.themesDirectory,
                    overridePath: nil,
                    colorCount: 256,
                    noColor: false
                )
                XCTAssertEqual(loaded, theme, "\(name) at \(colorCount) colours, noColor \(noColor)")
            }
        }
        let dump = try ThemeScratch.builtIn("dark").dump()
        XCTAssertTrue(
            dump.contains(
                "# A reaction you are part of.\nreaction.mine.fg = brightGreen\n"
                    + "reaction.mine.bg = default\nreaction.mine.style = bold\n"
            ),
            dump
        )
    }

    func testUsernameColoursAreStableAcrossRuns() throws {
        let dark = try ThemeScratch.builtIn("dark")
        let buckets = (0..<12).map { dark.style("username.\($0)") }
        XCTAssertEqual(Set(buckets).count, 12, "dark gives every bucket its own colour")
        // FNV-1a 64 of the UTF-8 bytes, modulo 12; pinned so no change to the hash goes unnoticed.
        for (userID, bucket) in [("maya", 5), ("grace", 3), ("priya", 4), ("alice", 11), ("", 5)] {
            XCTAssertEqual(dark.usernameStyle(for: userID), buckets[bucket], userID)
        }
    }

    func testReadmeAttributeTableMatchesTheList() throws {
        let readme = try String(contentsOfFile: ThemeScratch.themesDirectory + "/README.md", encoding: .utf8)
        let begin = try XCTUnwrap(readme.range(of: "<!-- attributes:begin -->\n"))
        let end = try XCTUnwrap(readme.range(of: "<!-- attributes:end -->"))
        let table = String(readme[begin.upperBound..<end.lowerBound])
        let expected =
            "| Attribute | What it colours |\n|---|---|\n"
            + Theme.attributes.map { "| `\($0.name)` | \($0.description) |\n" }.joined()
        XCTAssertEqual(table, expected, "Themes/README.md's table should read:\n\(expected)")
    }
}

/// A temporary directory to write theme files into, removed afterwards, and the built-in themes.
final class ThemeScratch {
    static let themesDirectory: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("Themes").path
    }()

    static func builtIn(_ name: String, colorCount: Int = 256, noColor: Bool = false) throws -> Theme {
        try Theme.load(
            name: name,
            themesDirectory: themesDirectory,
            overridePath: nil,
            colorCount: colorCount,
            noColor: noColor
        )
    }

    let path = NSTemporaryDirectory() + "chatterm-theme-test-" + UUID().uuidString

    init() { try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        let file = path + "/" + name
        XCTAssertTrue(FileManager.default.createFile(atPath: file, contents: Data(text.utf8)), "can't write \(file)")
        return file
    }

    /// `text` as the theme `test.theme`, with `override` (if any) as the override file.
    func load(_ text: String, override: String? = nil, colorCount: Int = 256, noColor: Bool = false) throws -> Theme {
        let theme = write("test.theme", text)
        return try Theme.load(
            name: theme,
            themesDirectory: path,
            overridePath: override.map { write("theme.ini", $0) },
            colorCount: colorCount,
            noColor: noColor
        )
    }

    /// The error loading `text` (as a theme, or as the override file over an empty theme) gives.
    func error(_ text: String, asOverride: Bool = false) -> ThemeError? {
        do {
            _ = asOverride ? try load("", override: text) : try load(text)
            return nil
        } catch {
            return error as? ThemeError
        }
    }
}
