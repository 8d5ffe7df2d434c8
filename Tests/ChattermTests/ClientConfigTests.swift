import ChatTestSupport
import Foundation
import TerminalUI
import XCTest

@testable import chatterm

/// The client's config.toml: what it sets, and for each kind of mistake an error naming the
/// file, the line and the key, with nothing of the file used.
final class ClientConfigTests: XCTestCase {
    let directory = TemporaryDirectory()
    private var command: ChattermCommand { ChattermCommand(dataHome: directory.file("data")) }

    private func parse(_ text: String) throws -> ClientConfig { try ClientConfig.parse(text, path: "config.toml") }

    private func assertError(
        _ text: String,
        line: Int?,
        key: String?,
        _ message: String,
        file: StaticString = #filePath,
        testLine: UInt = #line
    ) {
        XCTAssertThrowsError(try parse(text), file: file, line: testLine) { error in
            guard let error = error as? ConfigError else { return XCTFail("\(error)", file: file, line: testLine) }
            XCTAssertEqual(error.path, "config.toml", file: file, line: testLine)
            XCTAssertEqual(error.line, line, "\(error)", file: file, line: testLine)
            XCTAssertEqual(error.key, key, "\(error)", file: file, line: testLine)
            XCTAssertTrue(error.message.contains(message), "\(error)", file: file, line: testLine)
        }
    }

    func testEverySettingIsRead() throws {
        let config = try parse(
            """
            # mine
            theme = "light"
            timestamps = "12h-date"
            max-width = 80
            hyperlinks = false

            [keys]
            switcher = "Ctrl-T"

            [keys.select]
            quote = ["w", "Alt-Q"]
            """
        )
        XCTAssertEqual(config.theme, "light")
        XCTAssertEqual(config.timestamps, .h12Date)
        XCTAssertEqual(config.maxWidth, 80)
        XCTAssertEqual(config.hyperlinks, false)
        XCTAssertNil(try parse("").hyperlinks, "unset: the command line decides")
        let selecting = KeyTable.selecting(live: true)
        let quote = config.keys.apply(to: selecting).bindings.first { $0.name == "quote" }
        XCTAssertEqual(quote?.keys, [.character("w"), .alt("q")])
        XCTAssertEqual(config.keys.apply(to: KeyTable.writing).bindings.first { $0.name == "switcher" }?.keys, [.control("t")])
        XCTAssertTrue(try parse("").keys.isStandard, "an empty file changes nothing")
        XCTAssertNil(try parse("").mouse, "the mouse is on unless the file says")
        XCTAssertEqual(try parse("mouse = false\n").mouse, false)
        XCTAssertEqual(try parse("mouse = true\n").mouse, true)
    }

    func testASyntaxErrorNamesItsLine() {
        assertError("theme = \"light\"\n\ntimestamps = 12h\n", line: 3, key: nil, "expected digit")
        assertError("[keys\nquote = \"w\"\n", line: 1, key: nil, "expected ']'")
    }

    func testAnUnknownKeyIsAnError() {
        assertError(
            "theme = \"dark\"\nthme = \"light\"\n",
            line: 2,
            key: "thme",
            "unknown key (known: theme, timestamps, max-width, hyperlinks, mouse, keys, notifications)"
        )
    }

    func testAWrongTypeIsAnError() {
        assertError("max-width = \"wide\"\n", line: 1, key: "max-width", "a whole number of columns is needed, found string")
        assertError("\ntheme = 3\n", line: 2, key: "theme", "found integer")
        assertError("max-width = 5\n", line: 1, key: "max-width", "not within 20…1000")
        assertError("\nmouse = \"off\"\n", line: 2, key: "mouse", "true or false is needed, found string")
        assertError("timestamps = \"25h\"\n", line: 1, key: "timestamps", "\"25h\" is not a format (24h, 12h, 24h-date, 12h-date)")
        assertError("keys = \"vim\"\n", line: 1, key: "keys", "a table of bindings is needed")
        assertError("\nhyperlinks = \"no\"\n", line: 2, key: "hyperlinks", "true or false is needed, found string")
        assertError("[keys]\nquit = 3\n", line: 2, key: "keys.quit", "a key (\"Ctrl-K\") or a list of keys is needed")
    }

    func testAnUnknownCommandOrModeIsAnError() {
        assertError(
            "[keys.select]\nquote = \"w\"\nqoute = \"x\"\n",
            line: 3,
            key: "keys.select.qoute",
            "no command \"qoute\" in mode select"
        )
        assertError("[keys]\nswitchr = \"Ctrl-T\"\n", line: 2, key: "keys.switchr", "no command \"switchr\"")
        assertError("[keys]\n\n[keys.selct]\nquote = \"w\"\n", line: 3, key: "keys.selct", "no mode \"selct\"")
    }

    func testAKeyThatDoesNotParseIsAnError() {
        assertError("[keys]\nswitcher = \"Ctrl-\"\n", line: 2, key: "keys.switcher", "\"Ctrl-\" is not a key")
        assertError("[keys.chat]\nsend = [\"Enter\", \"Hyper-S\"]\n", line: 2, key: "keys.chat.send", "\"Hyper-S\" is not a key")
    }

    func testAConflictIsAnError() {
        assertError(
            "[keys.chat]\n\nhelp = \"Ctrl-P\"\n",
            line: 3,
            key: "keys.chat.help",
            "Ctrl-P is bound to both help and history-back in mode chat"
        )
        assertError("[keys]\nsend = \"x\"\n", line: 2, key: "keys.send", "x is text in mode chat")
    }

    func testTheLineOfADottedOrInlineKey() {
        assertError("keys.select.qoute = \"w\"\n", line: 1, key: "keys.select.qoute", "no command")
        assertError("\nkeys = { select = { qoute = \"w\" } }\n", line: 2, key: "keys.select.qoute", "no command")
    }

    /// Through the binary: a bad file stops the client before it needs a terminal, with the
    /// file, line and key; a --config that does not exist is an error, the default path
    /// missing is not.
    func testTheClientDoesNotStartWithABadFile() throws {
        let path = directory.file("bad.toml")
        try "theme = \"light\"\n[keys.select]\nqoute = \"w\"\n".write(toFile: path, atomically: true, encoding: .utf8)
        let bad = try command.run(["open", "--user", "maya", "--db", directory.file("none.sqlite"), "--config", path])
        XCTAssertEqual(bad.status, 2, bad.stderr)
        XCTAssertTrue(bad.stderr.contains("\(path):3: keys.select.qoute: no command \"qoute\" in mode select"), bad.stderr)
        let missing = try command.run(["demo", "--config", directory.file("missing.toml")])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("missing.toml: cannot be read"), missing.stderr)
        let keys = try command.run(["keys"], environment: ["XDG_CONFIG_HOME": directory.file("empty-config")])
        XCTAssertEqual(keys.status, 0, keys.stderr)
    }

    /// `chatterm keys` prints the tables the client uses, with the config's bindings.
    func testKeysPrintsTheBindingsInEffect() throws {
        let standard = try command.run(["keys"], environment: ["XDG_CONFIG_HOME": directory.file("empty-config")])
        XCTAssertTrue(standard.stdout.contains("[select] selecting (after ↑)"), standard.stdout)
        XCTAssertNotNil(
            standard.stdout.range(of: #"\n  quote +q +quote the selected message"#, options: .regularExpression),
            standard.stdout
        )
        XCTAssertNotNil(standard.stdout.range(of: #"\n  switcher +Ctrl-K +switch channel"#, options: .regularExpression))

        let path = directory.file("keys.toml")
        try "[keys]\nswitcher = \"Ctrl-T\"\n[keys.select]\nquote = \"w\"\n".write(toFile: path, atomically: true, encoding: .utf8)
        let rebound = try command.run(["keys", "--config", path])
        XCTAssertEqual(rebound.status, 0, rebound.stderr)
        XCTAssertNotNil(rebound.stdout.range(of: #"\n  quote +w +quote the selected message"#, options: .regularExpression), rebound.stdout)
        XCTAssertNotNil(rebound.stdout.range(of: #"\n  switcher +Ctrl-T +switch channel"#, options: .regularExpression))
        XCTAssertNil(rebound.stdout.range(of: #"\n  switcher +Ctrl-K"#, options: .regularExpression), "in no mode")
        // Every mode is listed once.
        for mode in KeyMap.modes.map(\.name) {
            XCTAssertEqual(rebound.stdout.components(separatedBy: "[\(mode)] ").count, 2, mode)
        }
        XCTAssertEqual(rebound.stdout, KeysCommand.text(keys: try ClientConfig.load(path: path, environment: [:]).keys))
    }
}
