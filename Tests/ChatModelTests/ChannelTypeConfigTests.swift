import ChatModel
import XCTest

final class ChannelTypeConfigTests: XCTestCase {
    func testSettingsRoundTripThroughApply() throws {
        var changed = ChannelTypeConfig(defaultsFor: "support")
        try changed.apply(["typing_events": false, "max_message_length": 42, "commands": ["ban"], "message_retention": "30"])
        var rebuilt = ChannelTypeConfig(defaultsFor: "support")
        try rebuilt.apply(changed.settings)
        XCTAssertEqual(rebuilt, changed)
        XCTAssertFalse(rebuilt[.typingEvents])
        XCTAssertEqual(rebuilt.maxMessageLength, 42)
        XCTAssertEqual(rebuilt.commands, [.ban])
        XCTAssertEqual(rebuilt.messageRetention, "30")
    }

    func testAllExpandsToTheBuiltInCommandsOnceEach() throws {
        var config = ChannelTypeConfig(defaultsFor: "support")
        try config.apply(["commands": ["mute", "all", "mute"]])
        XCTAssertEqual(config.commands, [.mute, .giphy, .ban, .unban, .unmute])
        try config.apply(["commands": []])
        XCTAssertEqual(config.commands, [])
    }

    func testTheAppsOwnCommandsFollowTheBuiltInOnesAndRoundTrip() throws {
        var config = ChannelTypeConfig(defaultsFor: "support")
        try config.apply(["commands": ["ticket", "giphy", "ticket"]], appCommands: ["ticket", "poll"])
        XCTAssertEqual(config.commands, [.giphy])
        XCTAssertEqual(config.customCommands, ["ticket"])
        XCTAssertEqual(config.settings["commands"], ["giphy", "ticket"])
        var rebuilt = ChannelTypeConfig(defaultsFor: "support")
        try rebuilt.apply(config.settings, appCommands: ["ticket"])
        XCTAssertEqual(rebuilt, config)
        XCTAssertThrowsError(try rebuilt.apply(config.settings), "without the app's commands, ticket is unknown")
        XCTAssertEqual(rebuilt, config)
    }

    func testAProblemLeavesTheConfigAsItWas() {
        let original = ChannelTypeConfig(defaultsFor: "support")
        let cases: [(JSONObject, String)] = [
            (["reactions": false, "max_message_length": 20_001], "max_message_length must be a whole number from 1 to 20000"),
            (["reactions": false, "replies": "no"], "replies must be a boolean, not string"),
            (["reactions": false, "commands": ["giphy", "teleport"]], "command teleport doesn't exist"),
            (["reactions": false, "colour": "blue"], "colour is not a channel type setting"),
        ]
        for (settings, reason) in cases {
            var config = original
            XCTAssertThrowsError(try config.apply(settings), "\(settings)") { error in
                XCTAssertTrue((error as? ChannelTypeConfig.Problem)?.reason.hasPrefix(reason) == true, "\(error)")
            }
            XCTAssertEqual(config, original, "reactions stays on after \(settings)")
        }
    }
}
