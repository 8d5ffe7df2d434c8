import ChatImport
import ChatModel
import ChatStore
import ChatTestSupport
import XCTest

final class ChannelTypesTests: XCTestCase {
    let directory = TemporaryDirectory()

    func testBuiltInTypesReadAsStreamsDefaultsUntilChanged() throws {
        let store = try TestStore.open(directory.file("types.sqlite"))
        XCTAssertEqual(try store.channelTypes().map(\.name), ["commerce", "gaming", "livestream", "messaging", "team"])
        let messaging = try XCTUnwrap(store.channelType(name: "messaging"))
        XCTAssertTrue(messaging[.urlEnrichment] && messaging[.reactions] && messaging[.typingEvents])
        XCTAssertFalse(messaging[.polls])
        XCTAssertEqual(messaging.maxMessageLength, 5000)
        XCTAssertEqual(messaging.commands, BuiltInCommand.allCases)
        let livestream = try XCTUnwrap(store.channelType(name: "livestream"))
        XCTAssertFalse(livestream[.urlEnrichment])
        XCTAssertTrue(livestream[.typingEvents] && livestream[.readEvents] && livestream[.connectEvents])
        XCTAssertNil(try store.channelType(name: "voice"))
        // A channel can outlive its type's definition; it follows the messaging defaults.
        let orphan = try store.channelConfig(forType: "voice")
        XCTAssertEqual(orphan.enabled, messaging.enabled)
        XCTAssertEqual(orphan.maxMessageLength, messaging.maxMessageLength)
    }

    func testCreatedTypeRoundTripsThroughTheFile() throws {
        let path = directory.file("types.sqlite")
        var config = ChannelTypeConfig(defaultsFor: "support", at: Timestamp(seconds: 1_700_000_000, nanoseconds: 123_456_789))
        try config.apply([
            "reactions": false, "polls": true, "max_message_length": 20_000, "commands": ["unmute", "giphy"], "automod": "simple",
        ])
        XCTAssertTrue(try TestStore.open(path).createChannelType(config))
        let reopened = try TestStore.open(path)
        XCTAssertEqual(try reopened.channelType(name: "support"), config)
        XCTAssertEqual(try reopened.channelTypes().map(\.name), ["commerce", "gaming", "livestream", "messaging", "support", "team"])
        XCTAssertFalse(try reopened.createChannelType(ChannelTypeConfig(defaultsFor: "support")), "the name is taken")
        XCTAssertFalse(try reopened.createChannelType(ChannelTypeConfig(defaultsFor: "messaging")), "built-in types always exist")
        XCTAssertEqual(try reopened.channelType(name: "support")?[.reactions], false)
    }

    func testUpdateKeepsCreationTimeAndWritesNothingWhenTheChangeFails() throws {
        let store = try TestStore.open(directory.file("types.sqlite"))
        let later = Timestamp(seconds: 1_800_000_000)
        let gaming = try XCTUnwrap(store.updateChannelType(name: "gaming", at: later) { $0[.replies] = false })
        XCTAssertEqual(gaming.createdAt, ChannelTypeConfig.builtInEpoch)
        XCTAssertEqual(gaming.updatedAt, later)
        XCTAssertEqual(try store.channelType(name: "gaming"), gaming)
        struct Refused: Error {}
        XCTAssertThrowsError(
            try store.updateChannelType(name: "gaming", at: .now()) { config in
                config[.reactions] = false
                throw Refused()
            }
        )
        XCTAssertEqual(try store.channelType(name: "gaming"), gaming)
        XCTAssertNil(try store.updateChannelType(name: "voice", at: .now()) { $0[.reactions] = false })
        XCTAssertNil(try store.channelType(name: "voice"), "updating a missing type does not create it")
    }

    func testDeleteRefusesBuiltInTypesAndTypesWithChannels() throws {
        let store = try TestStore.open(directory.file("types.sqlite"))
        XCTAssertTrue(try store.createChannelType(ChannelTypeConfig(defaultsFor: "support")))
        XCTAssertTrue(try store.createChannelType(ChannelTypeConfig(defaultsFor: "empty")))
        _ = try store.getOrCreate(channel: Channel(type: "support", id: "help", createdBy: "alice"), memberIDs: [])
        XCTAssertEqual(try store.deleteChannelType(name: "messaging"), .builtIn)
        XCTAssertEqual(try store.deleteChannelType(name: "support"), .inUse(channels: 1))
        XCTAssertNotNil(try store.channelType(name: "support"))
        XCTAssertEqual(try store.deleteChannelType(name: "empty"), .deleted)
        XCTAssertNil(try store.channelType(name: "empty"))
        XCTAssertEqual(try store.deleteChannelType(name: "empty"), .notFound)
    }
}
