import Foundation
import TerminalUI
import XCTest

/// The theme file format: what it accepts, and the error (file, line, what is wrong) for what it doesn't.
final class ThemeFileTests: XCTestCase {
    func testCommentsBlankLinesCaseLineEndingsAndByteOrderMark() throws {
        let theme = try ThemeScratch().load(
            "\u{FEFF}# a comment\r\n; another\r\n\r\n  [theme]  \r\nname = Mine\r\n[attributes]\r\n"
                + "  reaction.fg = BrightRed  \r\nreaction.bg=color3\r\nreaction.style = [ Bold,underline ]\r\n"
                + "reaction.mine.style = []\r\nmessage.style = NONE\r\nmessage.fg = color200\r\n"
        )
        XCTAssertEqual(theme.name, "Mine")
        XCTAssertEqual(
            theme.style("reaction"),
            Style(
                foreground: .ansi(9),
                background: .ansi(3),
                attributes: [.bold, .underline]
            )
        )
        XCTAssertEqual(theme.style("reaction.mine").attributes, [])
        XCTAssertEqual(theme.style("message"), Style(foreground: .indexed(200)))
    }

    func testEveryStyleFlagAndColourName() throws {
        let theme = try ThemeScratch().load(
            """
            [attributes]
            reaction.style = [bold, dim, underline, reverse, italic, blink, standout]
            reaction.fg = white
            reaction.bg = brightWhite
            message.fg = color15
            """
        )
        XCTAssertEqual(
            theme.style("reaction"),
            Style(
                foreground: .ansi(7),
                background: .ansi(15),
                attributes: TextAttributes(rawValue: 0b111_1111)
            )
        )
        XCTAssertEqual(theme.style("message").foreground, .ansi(15), "color0–15 are the named colours")
    }

    func testUnknownAttributeNamesTheLineAndSuggests() throws {
        let scratch = ThemeScratch()
        let error = try XCTUnwrap(scratch.error("[attributes]\nreaction.fg = red\nsidebar.chanel.fg = red\n"))
        XCTAssertEqual(error.path, scratch.path + "/test.theme")
        XCTAssertEqual(error.line, 3)
        XCTAssertEqual(
            error.message,
            "unknown attribute 'sidebar.chanel' (did you mean 'sidebar.channel'?); Themes/README.md lists them all"
        )
        XCTAssertEqual(error.description, scratch.path + "/test.theme:3: " + error.message)
        let far = try XCTUnwrap(scratch.error("[attributes]\nnope.fg = red\n"))
        XCTAssertEqual(far.message, "unknown attribute 'nope'; Themes/README.md lists them all")
    }

    func testBadColour() throws {
        let error = try XCTUnwrap(ThemeScratch().error("[attributes]\n\nmessage.text.fg = purplish\n"))
        XCTAssertEqual(error.line, 3)
        XCTAssertTrue(
            error.message.hasPrefix(
                "bad colour 'purplish' for message.text.fg; expected default, a colour name "
                    + "(black, red, green, yellow, blue, magenta, cyan, white, brightBlack,"
            ),
            error.message
        )
        for bad in ["color256", "color-1", "#ff88", "#ff88zz", "#ff880000", "bright", "colour3"] {
            XCTAssertEqual(ThemeScratch().error("[attributes]\nreaction.bg = \(bad)\n")?.line, 2, bad)
        }
    }

    func testBadStyle() throws {
        let error = try XCTUnwrap(ThemeScratch().error("[attributes]\nreaction.style = [bold, wobbly]\n"))
        XCTAssertEqual(error.line, 2)
        XCTAssertEqual(
            error.message,
            "bad style 'wobbly' for reaction.style; expected none or bold, dim, underline, reverse, italic, blink, standout"
        )
        XCTAssertEqual(
            ThemeScratch().error("[attributes]\nreaction.style = [bold, underline\n")?.message,
            "style list '[bold, underline' for reaction.style is missing its ']'"
        )
        XCTAssertEqual(
            ThemeScratch().error("[attributes]\nreaction.style = [bold,]\n")?.message.hasPrefix("bad style ''"),
            true
        )
    }

    func testSyntaxErrors() throws {
        let cases: [(text: String, line: Int, message: String)] = [
            ("[attributes]\nreaction.fg red\n", 2, "expected 'key = value', found 'reaction.fg red' (missing '=')"),
            ("[attributes]\n= red\n", 2, "expected 'key = value', found nothing before '='"),
            ("[attributes]\nreaction.fg =\n", 2, "'reaction.fg' has no value after '='"),
            ("reaction.fg = red\n", 1, "'reaction.fg' comes before any section; put it under [theme] or [attributes]"),
            ("[colours]\n", 1, "unknown section [colours]; expected [theme] or [attributes]"),
            ("[attributes\n", 1, "section header '[attributes' is missing its ']'"),
            ("[theme]\nauthor = me\n", 2, "unknown key 'author' in [theme]; expected name or inherits"),
            ("[attributes]\nreaction = red\n", 2, "expected ATTRIBUTE.fg, ATTRIBUTE.bg or ATTRIBUTE.style, found 'reaction'"),
            ("[attributes]\nreaction.colour = red\n", 2, "unknown property 'colour' in 'reaction.colour'; expected fg, bg or style"),
            ("[attributes]\nreaction.fg = red\n\nreaction.fg = blue\n", 4, "'reaction.fg' is already set on line 2"),
        ]
        for (text, line, message) in cases {
            let error = ThemeScratch().error(text)
            XCTAssertEqual(error?.line, line, text)
            XCTAssertEqual(error?.message, message, text)
        }
    }

    func testOverrideFileErrorsNameTheOverrideFile() throws {
        let scratch = ThemeScratch()
        let error = try XCTUnwrap(scratch.error("[attributes]\nreaction.fg = purplish\n", asOverride: true))
        XCTAssertEqual(error.path, scratch.path + "/theme.ini")
        XCTAssertEqual(error.line, 2)
        let inherits = try XCTUnwrap(scratch.error("[theme]\ninherits = dark\n", asOverride: true))
        XCTAssertEqual(inherits.line, 2)
        XCTAssertEqual(
            inherits.message,
            "an override file can't inherit; it always applies over the chosen theme, "
                + "so choose 'dark' as the theme instead"
        )
        XCTAssertNoThrow(try scratch.load("", override: "[theme]\nname = ignored\n[attributes]\nreaction.fg = red\n"))
    }

    func testUnknownThemesAndInheritanceLoops() throws {
        let scratch = ThemeScratch()
        scratch.write("a.theme", "[theme]\ninherits = b\n")
        scratch.write("b.theme", "# b\n[theme]\ninherits = a\n")
        scratch.write("self.theme", "[theme]\ninherits = self.theme\n")
        scratch.write("orphan.theme", "[theme]\ninherits = nowhere\n")
        func error(_ name: String) -> ThemeError? {
            do {
                _ = try Theme.load(name: name, themesDirectory: scratch.path, overridePath: nil, colorCount: 256, noColor: false)
                return nil
            } catch { return error as? ThemeError }
        }
        XCTAssertEqual(
            error("missing"),
            ThemeError(
                path: scratch.path,
                line: nil,
                message: "no theme named 'missing' in \(scratch.path); available: a, b, orphan, self"
            )
        )
        XCTAssertEqual(
            error("a"),
            ThemeError(
                path: scratch.path + "/b.theme",
                line: 3,
                message: "inheriting 'a' makes a loop: a.theme → b.theme → a.theme"
            )
        )
        XCTAssertEqual(error("self")?.message, "inheriting 'self.theme' makes a loop: self.theme → self.theme")
        XCTAssertEqual(
            error("orphan"),
            ThemeError(
                path: scratch.path + "/orphan.theme",
                line: 2,
                message: "can't inherit: no theme named 'nowhere' in \(scratch.path); available: a, b, orphan, self"
            )
        )
        XCTAssertEqual(
            error(scratch.path + "/none.theme"),
            ThemeError(
                path: scratch.path + "/none.theme",
                line: nil,
                message: "no theme file at \(scratch.path)/none.theme"
            )
        )
    }

    func testAFileThatIsNotUTF8() throws {
        let scratch = ThemeScratch()
        let path = scratch.path + "/latin1.theme"
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data([0x5b, 0xe9, 0xff, 0x5d, 0x0a])))
        XCTAssertThrowsError(
            try Theme.load(
                name: path,
                themesDirectory: scratch.path,
                overridePath: nil,
                colorCount: 256,
                noColor: false
            )
        ) { error in
            XCTAssertEqual(error as? ThemeError, ThemeError(path: path, line: nil, message: "is not UTF-8 text"))
        }
    }
}
