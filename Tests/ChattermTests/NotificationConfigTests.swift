import ChatCore
import ChatTestSupport
import Foundation
import TerminalUI
import XCTest

@testable import chatterm

/// The config's `[notifications]`, and `/notify`'s write-back: the level changes in place and
/// every other line of the file, comments included, stays as written.
final class NotificationConfigTests: XCTestCase {
    let directory = TemporaryDirectory()

    private func parse(_ text: String) throws -> ClientConfig { try ClientConfig.parse(text, path: "config.toml") }

    func testTheTableIsRead() throws {
        let config = try parse(
            """
            [notifications]
            method = "osc777"
            bell = false
            notify-send = true

            [notifications.channels]
            "messaging:general" = "none"
            "team:engineering" = "all"
            """
        )
        XCTAssertEqual(config.notifications.output, NotificationOutput(method: .osc777, bell: false, notifySend: true))
        XCTAssertEqual(config.notifications.levels, ["messaging:general": .silent, "team:engineering": .all])
        XCTAssertEqual(try parse("").notifications, NotificationSettings(), "auto, the bell, no notify-send, every channel at mentions")
    }

    func testMistakesNameTheirLineAndKey() {
        let cases: [(text: String, line: Int, key: String, message: String)] = [
            (
                "[notifications]\nmethod = \"loud\"\n", 2, "notifications.method",
                "\"loud\" is not a method (auto, osc777, osc9, bell, none)"
            ),
            ("[notifications]\nbell = \"yes\"\n", 2, "notifications.bell", "true or false is needed"),
            ("[notifications]\nsound = true\n", 2, "notifications.sound", "unknown key (known: method, bell, notify-send, channels)"),
            (
                "[notifications.channels]\n\"messaging:general\" = \"quiet\"\n", 2, "notifications.channels.messaging:general",
                "one of all, mentions, none"
            ),
            ("[notifications.channels]\ngeneral = \"none\"\n", 2, "notifications.channels.general", "\"type:id\""),
            ("notifications = 1\n", 1, "notifications", "a table is needed"),
        ]
        for (text, line, key, message) in cases {
            XCTAssertThrowsError(try parse(text), text) { error in
                guard let error = error as? ConfigError else { return XCTFail("\(error)") }
                XCTAssertEqual(error.line, line, "\(error)")
                XCTAssertEqual(error.key, key, "\(error)")
                XCTAssertTrue(error.message.contains(message), "\(error)")
            }
        }
    }

    private let commented = """
        # chatterm's settings
        theme = "light"   # easier on the eyes

        [keys]
        switcher = "Ctrl-T"

        [notifications.channels]
        # the noisy ones
        "messaging:general" = "all"   # for now
        "team:random" = 'mentions'

        [notifications]
        bell = false
        """

    func testAChangedLevelIsEditedInPlaceAndNothingElseMoves() throws {
        let edited = try NotificationLevelWriter.edit(commented, cid: "messaging:general", level: .silent)
        var expected = commented.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        expected[8] = "\"messaging:general\" = \"none\"   # for now"
        XCTAssertEqual(edited, expected.joined(separator: "\n") + "\n")
        let twice = try NotificationLevelWriter.edit(edited, cid: "team:random", level: .all)
        XCTAssertTrue(twice.contains("\n\"team:random\" = \"all\"\n"), twice)
        let config = try parse(twice)
        XCTAssertEqual(config.notifications.levels, ["messaging:general": .silent, "team:random": .all])
        XCTAssertEqual(config.theme, "light")
        XCTAssertFalse(config.notifications.output.bell)
    }

    func testANewChannelJoinsItsTableOrANewTableAtTheEnd() throws {
        let added = try NotificationLevelWriter.edit(commented, cid: "team:ops", level: .silent)
        var expected = commented.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        expected.insert("\"team:ops\" = \"none\"", at: 10)
        XCTAssertEqual(added, expected.joined(separator: "\n") + "\n")
        let plain = "theme = \"dark\"\n# end\n"
        XCTAssertEqual(
            try NotificationLevelWriter.edit(plain, cid: "messaging:general", level: .silent),
            plain + "\n[notifications.channels]\n\"messaging:general\" = \"none\"\n"
        )
        XCTAssertEqual(try NotificationLevelWriter.edit("", cid: "a:b", level: .all), "[notifications.channels]\n\"a:b\" = \"all\"\n")
        // Dotted keys in [notifications] are followed as they are written.
        let dotted = "[notifications]\nchannels.\"a:b\" = \"all\"\n"
        XCTAssertEqual(
            try NotificationLevelWriter.edit(dotted, cid: "c:d", level: .silent),
            "[notifications]\nchannels.\"a:b\" = \"all\"\nchannels.\"c:d\" = \"none\"\n"
        )
    }

    /// An inline table cannot take a line of its own: the file is left alone and the reason given.
    func testAFileThatCannotBeEditedSafelyIsRefusedUntouched() throws {
        let path = directory.file("config.toml")
        let inline = "[notifications]\nchannels = { \"a:b\" = \"all\" }\n"
        try Data(inline.utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try NotificationLevelWriter.save(cid: "c:d", level: .silent, path: path)) { error in
            XCTAssertTrue("\(error)".contains("set it by hand"), "\(error)")
        }
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), inline)
    }

    func testSaveMakesTheFileAndItsFolder() throws {
        let path = directory.file("fresh/chatterm/config.toml")
        XCTAssertEqual(try NotificationLevelWriter.save(cid: "messaging:general", level: .silent, path: path), path)
        XCTAssertEqual(try ClientConfig.load(path: path, environment: [:]).notifications.levels["messaging:general"], .silent)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.file("fresh/chatterm")), ["config.toml"])
    }
}
