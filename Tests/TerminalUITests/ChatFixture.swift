import ChatCore
import ChatModel
import Foundation
import TerminalUI

/// A hand-built workspace for render tests: every kind of message, attachment and channel state.
enum ChatFixture {
    static let viewer = "maya"

    static func time(_ text: String) -> Timestamp { Timestamp(rfc3339: text)! }

    static func message(_ id: String, _ user: String, _ text: String, at: String, type: MessageType = .regular) -> Message {
        var m = Message(id: id, channelType: "team", channelID: "engineering", userID: user, type: type, text: text)
        m.createdAt = time(at)
        return m
    }

    static let names = ["maya": "Maya Okafor", "tomas": "Tomás Silva", "priya": "Priya Patel", "system": "System"]

    static func row(
        _ m: Message,
        replies: Int = 0,
        reactions: [MessageRow.ReactionCount] = [],
        quoted: MessageRow.QuotedPreview? = nil
    ) -> MessageRow {
        MessageRow(message: m, authorName: names[m.userID] ?? m.userID, replyCount: replies, reactions: reactions, quoted: quoted)
    }

    static var channels: [ChannelSummary] {
        func summary(
            _ type: String,
            _ id: String,
            _ name: String?,
            unread: Int = 0,
            mentions: Int = 0,
            muted: Bool = false,
            frozen: Bool = false,
            dm: [String]? = nil
        ) -> ChannelSummary {
            var c = Channel(
                type: type,
                id: id,
                createdBy: "maya",
                custom: name.map { ["name": .string($0), "topic": "Shipping Harbor 2.0"] } ?? [:]
            )
            c.frozen = frozen
            c.memberIDs = dm
            return ChannelSummary(
                channel: c,
                memberCount: 12,
                unreadCount: unread,
                mentionCount: mentions,
                lastRead: time("2020-03-03T09:00:00Z"),
                muted: muted,
                otherMemberNames: dm == nil ? [] : ["Tomás Silva"]
            )
        }
        return [
            summary("team", "engineering", "engineering", unread: 7, mentions: 2),
            summary("team", "design", "design"),
            summary("messaging", "random", "random", unread: 3, muted: true),
            summary("messaging", "legacy", "chatkit-legacy", frozen: true),
            summary("messaging", "!members-x", nil, unread: 1, mentions: 1, dm: ["maya", "tomas"]),
            summary("livestream", "launch", "Harbor 2.0 launch", unread: 40),
        ]
    }

    static var rows: [MessageRow] {
        var edited = message("m3", "tomas", "Fixed the flaky test, it was a timezone thing.", at: "2020-03-02T16:45:00Z")
        edited.textUpdatedAt = time("2020-03-02T16:50:00Z")
        var deleted = message("m4", "priya", "", at: "2020-03-02T17:00:00Z", type: .deleted)
        deleted.deletedAt = time("2020-03-02T17:05:00Z")
        var pinned = message("m6", "priya", "Release checklist is in the wiki.", at: "2020-03-03T09:30:00Z")
        pinned.pinnedAt = time("2020-03-03T09:31:00Z")
        pinned.pinnedByID = "maya"
        var mention = message("m8", "tomas", "@maya can you review the import PR?", at: "2020-03-03T10:02:00Z")
        mention.mentionedUserIDs = ["maya"]
        var files = message("m9", "priya", "Assets for the launch:", at: "2020-03-03T10:10:00Z")
        files.attachments = [
            Attachment(fields: [
                "type": "image", "title": "hero.png", "image_url": "https://cdn.example.com/hero.png", "file_size": 1_288_490,
            ]),
            Attachment(fields: [
                "type": "video", "title": "demo.mp4", "asset_url": "https://cdn.example.com/demo.mp4", "file_size": 48_234_496,
            ]),
            Attachment(fields: [
                "type": "audio", "title": "standup.m4a", "asset_url": "https://cdn.example.com/standup.m4a", "file_size": 912_000,
            ]),
            Attachment(fields: ["type": "file", "title": "spec.pdf", "asset_url": "https://cdn.example.com/spec.pdf", "file_size": 204_800]
            ),
            Attachment(fields: ["type": "giphy", "title": "celebrate", "image_url": "https://media.giphy.com/c.gif"]),
            Attachment(fields: ["title": "Stream import docs", "title_link": "https://getstream.io/chat/docs/import/"]),
        ]
        return [
            row(
                message("m1", "tomas", "Morning! Standup in 5.", at: "2020-03-02T09:00:00Z"),
                reactions: [.init(type: "like", count: 3, includesMine: true), .init(type: "love", count: 1, includesMine: false)]
            ),
            row(message("m2", "tomas", "Agenda: import dry run, then the cutover plan.", at: "2020-03-02T09:01:00Z"), replies: 4),
            row(edited),
            row(deleted),
            row(message("m5", "system", "Priya Patel joined the channel", at: "2020-03-02T17:30:00Z", type: .system)),
            row(pinned),
            row(
                message("m7", "maya", "Thanks! I'll go through it today.", at: "2020-03-03T09:45:00Z"),
                quoted: .init(messageID: "m6", authorName: "Priya Patel", text: "Release checklist is in the wiki.", deleted: false)
            ),
            row(mention, reactions: [.init(type: "fire", count: 2, includesMine: false)]),
            row(files),
        ]
    }

    static func state() -> ChatState {
        var s = ChatState(userID: viewer, userName: "Maya Okafor")
        s.channels = channels
        s.openCID = "team:engineering"
        s.window = MessageWindow(cid: "team:engineering", rows: rows, hasOlder: true, readMarker: time("2020-03-03T10:00:00Z"))
        return s
    }

    static func context(theme: String = "dark") -> RenderContext {
        let dir =
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
            + "/Themes"
        let loaded = try! Theme.load(name: theme, themesDirectory: dir, overridePath: nil, colorCount: 256, noColor: false)
        return RenderContext(theme: loaded, utcOffsetSeconds: 0)
    }
}
